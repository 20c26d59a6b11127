import { readFileSync } from "node:fs";
import {
  StartMeetingTranscriptionCommand,
  StopMeetingTranscriptionCommand,
  type TranscriptionConfiguration,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import type { ChimeLocal } from "../../emulator";
import { parseState } from "../../emulator/persisted-state";
import { expectServiceError, newMeeting, UNKNOWN_ID, useStateFile } from "./helpers";

/**
 * There is no audio to transcribe: what Start/StopMeetingTranscription change is the configuration
 * chime-local remembers on the meeting, which its state file holds (the only place it shows). Each
 * test reads it back from there.
 */
describe("emulator: transcription", () => {
  const state = useStateFile();

  /** The transcription configuration the state file holds for `meetingId` (after every change is written). */
  async function remembered(local: ChimeLocal, meetingId: string): Promise<unknown> {
    await local.flush();
    const meeting = parseState(JSON.parse(readFileSync(state.file, "utf8"))).find(
      (m) => m.meetingId === meetingId,
    );
    if (meeting === undefined) throw new Error(`the state file holds no meeting ${meetingId}`);
    return meeting.transcription;
  }

  const cases: Array<[string, TranscriptionConfiguration]> = [
    [
      "Amazon Transcribe settings",
      { EngineTranscribeSettings: { LanguageCode: "en-US", EnablePartialResultsStabilization: true } },
    ],
    [
      "Amazon Transcribe Medical settings",
      {
        EngineTranscribeMedicalSettings: {
          LanguageCode: "en-US",
          Specialty: "CARDIOLOGY",
          Type: "DICTATION",
        },
      },
    ],
  ];
  for (const [what, configuration] of cases) {
    it(`GIVEN a live meeting WHEN transcription starts with ${what} THEN the meeting holds them (200) AND WHEN it stops THEN it holds none (200)`, async () => {
      const { local, client } = await state.start();
      const meeting = await newMeeting(client);
      expect(await remembered(local, meeting.MeetingId), "before Start").to.equal(undefined);

      const started = await client.send(
        new StartMeetingTranscriptionCommand({
          MeetingId: meeting.MeetingId,
          TranscriptionConfiguration: configuration,
        }),
      );
      expect(started.$metadata.httpStatusCode).to.equal(200);
      expect(await remembered(local, meeting.MeetingId), "after Start").to.deep.equal(configuration);

      const stopped = await client.send(
        new StopMeetingTranscriptionCommand({ MeetingId: meeting.MeetingId }),
      );
      expect(stopped.$metadata.httpStatusCode).to.equal(200);
      expect(await remembered(local, meeting.MeetingId), "after Stop").to.equal(undefined);
    });
  }

  it("GIVEN transcription with some settings WHEN it starts again with others THEN the meeting holds the latest", async () => {
    const { local, client } = await state.start();
    const meeting = await newMeeting(client);
    for (const [, configuration] of cases) {
      await client.send(
        new StartMeetingTranscriptionCommand({
          MeetingId: meeting.MeetingId,
          TranscriptionConfiguration: configuration,
        }),
      );
    }
    expect(await remembered(local, meeting.MeetingId)).to.deep.equal(cases[1][1]);
  });

  const refused: Array<[string, TranscriptionConfiguration, string]> = [
    [
      "a language Amazon Transcribe Medical does not have",
      {
        EngineTranscribeMedicalSettings: {
          LanguageCode: "fr-FR" as "en-US",
          Specialty: "CARDIOLOGY",
          Type: "DICTATION",
        },
      },
      "TranscriptionConfiguration.EngineTranscribeMedicalSettings.LanguageCode",
    ],
    [
      "medical settings without their required language",
      { EngineTranscribeMedicalSettings: { Specialty: "CARDIOLOGY", Type: "DICTATION" } as never },
      "TranscriptionConfiguration.EngineTranscribeMedicalSettings.LanguageCode",
    ],
  ];
  for (const [what, configuration, member] of refused) {
    it(`GIVEN ${what} WHEN transcription starts THEN 400 names ${member}, and the meeting holds no settings`, async () => {
      const { local, client } = await state.start();
      const meeting = await newMeeting(client);
      await expectServiceError(
        client.send(
          new StartMeetingTranscriptionCommand({
            MeetingId: meeting.MeetingId,
            TranscriptionConfiguration: configuration,
          }),
        ),
        { name: "BadRequestException", status: 400, message: [member] },
      );
      expect(await remembered(local, meeting.MeetingId)).to.equal(undefined);
    });
  }

  it("answers 404 for an unknown meeting, and changes no meeting", async () => {
    const { local, client } = await state.start();
    const meeting = await newMeeting(client);
    await expectServiceError(client.send(new StopMeetingTranscriptionCommand({ MeetingId: UNKNOWN_ID })), {
      name: "NotFoundException",
      status: 404,
      message: [UNKNOWN_ID],
    });
    await expectServiceError(
      client.send(
        new StartMeetingTranscriptionCommand({
          MeetingId: UNKNOWN_ID,
          TranscriptionConfiguration: { EngineTranscribeSettings: { LanguageCode: "en-US" } },
        }),
      ),
      { name: "NotFoundException", status: 404 },
    );
    expect(await remembered(local, meeting.MeetingId)).to.equal(undefined);
  });
});

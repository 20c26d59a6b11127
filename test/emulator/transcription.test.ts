import {
  StartMeetingTranscriptionCommand,
  StopMeetingTranscriptionCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { expectServiceError, newMeeting, UNKNOWN_ID, useEndpoint } from "./helpers";

describe("emulator: transcription", () => {
  const env = useEndpoint();

  it("starts and stops transcription of a live meeting with 200 (nothing is transcribed)", async () => {
    const meeting = await newMeeting(env.client);
    const started = await env.client.send(
      new StartMeetingTranscriptionCommand({
        MeetingId: meeting.MeetingId,
        TranscriptionConfiguration: {
          EngineTranscribeSettings: { LanguageCode: "en-US", EnablePartialResultsStabilization: true },
        },
      }),
    );
    expect(started.$metadata.httpStatusCode).to.equal(200);
    const stopped = await env.client.send(
      new StopMeetingTranscriptionCommand({ MeetingId: meeting.MeetingId }),
    );
    expect(stopped.$metadata.httpStatusCode).to.equal(200);
  });

  it("accepts medical transcription settings", async () => {
    const meeting = await newMeeting(env.client);
    await env.client.send(
      new StartMeetingTranscriptionCommand({
        MeetingId: meeting.MeetingId,
        TranscriptionConfiguration: {
          EngineTranscribeMedicalSettings: {
            LanguageCode: "en-US",
            Specialty: "CARDIOLOGY",
            Type: "DICTATION",
          },
        },
      }),
    );
  });

  it("answers 404 for an unknown meeting", async () => {
    await expectServiceError(
      env.client.send(new StopMeetingTranscriptionCommand({ MeetingId: UNKNOWN_ID })),
      {
        name: "NotFoundException",
        status: 404,
        message: [UNKNOWN_ID],
      },
    );
    await expectServiceError(
      env.client.send(
        new StartMeetingTranscriptionCommand({
          MeetingId: UNKNOWN_ID,
          TranscriptionConfiguration: { EngineTranscribeSettings: { LanguageCode: "en-US" } },
        }),
      ),
      { name: "NotFoundException", status: 404 },
    );
  });
});

import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  BatchCreateAttendeeCommand,
  BatchUpdateAttendeeCapabilitiesExceptCommand,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  DeleteAttendeeCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  ListTagsForResourceCommand,
  StartMeetingTranscriptionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAttendeeCapabilitiesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { StateFileError, startChimeLocal } from "../../emulator";
import { parseState } from "../../emulator/persisted-state";
import { expectServiceError, newAttendee, newMeeting, useStateFile } from "./helpers";

describe("emulator: state file", () => {
  const state = useStateFile();
  const start = state.start;

  it("GIVEN meetings, attendees and tags WHEN the endpoint restarts on the same file THEN a new instance sees the same world", async () => {
    const first = await start();
    const meeting = await newMeeting(first.client, {
      ClientRequestToken: "persisted-token",
      Tags: [{ Key: "team", Value: "a" }],
      MeetingFeatures: { Attendee: { MaxCount: 5 } },
    });
    const alice = await newAttendee(first.client, meeting.MeetingId, "alice");
    await first.client.send(
      new BatchCreateAttendeeCommand({
        MeetingId: meeting.MeetingId,
        Attendees: [{ ExternalUserId: "bob" }, { ExternalUserId: "carol" }],
      }),
    );
    await first.client.send(
      new TagResourceCommand({ ResourceARN: meeting.MeetingArn, Tags: [{ Key: "env", Value: "dev" }] }),
    );
    const page = await first.client.send(
      new ListAttendeesCommand({ MeetingId: meeting.MeetingId, MaxResults: 2 }),
    );
    await first.local.close();

    const second = await start();
    const got = await second.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }));
    expect(got.Meeting).to.deep.equal(meeting);
    const gotAlice = await second.client.send(
      new GetAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: alice.AttendeeId }),
    );
    expect(gotAlice.Attendee).to.deep.equal(alice);
    const tags = await second.client.send(
      new ListTagsForResourceCommand({ ResourceARN: meeting.MeetingArn }),
    );
    expect(tags.Tags).to.deep.equal([
      { Key: "team", Value: "a" },
      { Key: "env", Value: "dev" },
    ]);
    // A page token from before the restart still works.
    const rest = await second.client.send(
      new ListAttendeesCommand({ MeetingId: meeting.MeetingId, NextToken: page.NextToken }),
    );
    expect(rest.Attendees!.map((a) => a.ExternalUserId)).to.deep.equal(["carol"]);
    // Idempotency survives: the same token and the same ExternalUserId give the same resources.
    const again = await second.client.send(
      new CreateMeetingCommand({
        MediaRegion: "us-east-1",
        ExternalMeetingId: "x1",
        ClientRequestToken: "persisted-token",
      }),
    );
    expect(again.Meeting!.MeetingId).to.equal(meeting.MeetingId);
    const aliceAgain = await second.client.send(
      new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "alice" }),
    );
    expect(aliceAgain.Attendee!.JoinToken).to.equal(alice.JoinToken);
  });

  it("writes the file atomically: after flush() it parses and no temporary file is left", async () => {
    const { local, client } = await start();
    const meeting = await newMeeting(client);
    await newAttendee(client, meeting.MeetingId, "dana");
    await local.flush();
    expect(readdirSync(state.dir)).to.deep.equal(["state.json"]);
    const meetings = parseState(JSON.parse(readFileSync(state.file, "utf8")));
    expect(meetings.map((m) => [m.meetingId, m.attendees.size])).to.deep.equal([[meeting.MeetingId, 1]]);
  });

  it("GIVEN a written file WHEN any kind of change is made THEN the next write contains it", async () => {
    const { local, client } = await start();
    const meeting = await newMeeting(client);
    const attendee = await newAttendee(client, meeting.MeetingId, "erin");
    const other = await newAttendee(client, meeting.MeetingId, "frank");
    const stored = async () => {
      await local.flush();
      return parseState(JSON.parse(readFileSync(state.file, "utf8"))).find(
        (m) => m.meetingId === meeting.MeetingId,
      );
    };
    const none = { Audio: "None", Video: "None", Content: "None" } as const;
    const receive = { Audio: "Receive", Video: "Receive", Content: "Receive" } as const;
    const changes: Array<
      [string, () => Promise<unknown>, (m: Awaited<ReturnType<typeof stored>>) => unknown, unknown]
    > = [
      [
        "UpdateAttendeeCapabilities",
        () =>
          client.send(
            new UpdateAttendeeCapabilitiesCommand({
              MeetingId: meeting.MeetingId,
              AttendeeId: attendee.AttendeeId,
              Capabilities: none,
            }),
          ),
        (m) => m!.attendees.get(attendee.AttendeeId)!.capabilities,
        none,
      ],
      [
        "BatchUpdateAttendeeCapabilitiesExcept",
        () =>
          client.send(
            new BatchUpdateAttendeeCapabilitiesExceptCommand({
              MeetingId: meeting.MeetingId,
              ExcludedAttendeeIds: [{ AttendeeId: attendee.AttendeeId }],
              Capabilities: receive,
            }),
          ),
        (m) => m!.attendees.get(other.AttendeeId)!.capabilities,
        receive,
      ],
      [
        "TagResource",
        () =>
          client.send(
            new TagResourceCommand({ ResourceARN: meeting.MeetingArn, Tags: [{ Key: "k", Value: "v" }] }),
          ),
        (m) => [...m!.tags],
        [["k", "v"]],
      ],
      [
        "UntagResource",
        () => client.send(new UntagResourceCommand({ ResourceARN: meeting.MeetingArn, TagKeys: ["k"] })),
        (m) => [...m!.tags],
        [],
      ],
      [
        "StartMeetingTranscription",
        () =>
          client.send(
            new StartMeetingTranscriptionCommand({
              MeetingId: meeting.MeetingId,
              TranscriptionConfiguration: { EngineTranscribeSettings: { LanguageCode: "en-US" } },
            }),
          ),
        (m) => m!.transcription,
        { EngineTranscribeSettings: { LanguageCode: "en-US" } },
      ],
      [
        "DeleteAttendee",
        () =>
          client.send(
            new DeleteAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: other.AttendeeId }),
          ),
        (m) => [...m!.attendees.keys()],
        [attendee.AttendeeId],
      ],
      [
        "DeleteMeeting",
        () => client.send(new DeleteMeetingCommand({ MeetingId: meeting.MeetingId })),
        (m) => m,
        undefined,
      ],
    ];
    await stored();
    for (const [operation, change, read, expected] of changes) {
      await change();
      expect(read(await stored()), operation).to.deep.equal(expected);
    }
  });

  it("creates the file at startup when it does not exist", async () => {
    await start();
    expect(parseState(JSON.parse(readFileSync(state.file, "utf8")))).to.deep.equal([]);
  });

  it("keeps the last state after a burst of concurrent changes", async () => {
    const { local, client } = await start();
    const meeting = await newMeeting(client);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => newAttendee(client, meeting.MeetingId, `burst-${i}`)),
    );
    await local.flush();
    const [stored] = parseState(JSON.parse(readFileSync(state.file, "utf8")));
    expect(stored!.attendees.size).to.equal(50);
  });

  it("GIVEN a persisted meeting WHEN the endpoint restarts 24 hours later THEN the meeting has ended", async () => {
    const first = await start();
    const meeting = await newMeeting(first.client);
    await first.local.close();
    const later = Date.now() + 24 * 60 * 60 * 1000;
    const second = await start({ now: () => later });
    await expectServiceError(second.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })), {
      name: "NotFoundException",
      status: 404,
    });
  });

  const corrupt: Array<[string, string, string]> = [
    ["not JSON", "{not json", "is not valid JSON"],
    ["empty", "", "is not valid JSON"],
    ["JSON of another format", '{"meetings":[]}', 'is not a chime-local state file: "format"'],
    [
      "a meeting without an id",
      '{"format":"chime-local-state","version":1,"meetings":[{"createdAt":1}]}',
      "meetings[0].meetingId is not a GUID",
    ],
  ];
  for (const [what, content, message] of corrupt) {
    it(`refuses to start on a state file that is ${what}, naming the file (never a silent reset)`, async () => {
      writeFileSync(state.file, content);
      let caught: unknown;
      try {
        await start();
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(StateFileError);
      expect((caught as Error).message)
        .to.include(state.file)
        .and.include(message);
      expect(readFileSync(state.file, "utf8")).to.equal(content);
    });
  }

  it("refuses to start on a state file that cannot be read", async () => {
    let caught: unknown;
    try {
      await startChimeLocal({ stateFile: state.dir });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(StateFileError);
    expect((caught as Error).message).to.include(`Cannot read state file ${state.dir}`);
  });

  it("refuses to start when the state file cannot be created", async () => {
    const notADirectory = join(state.dir, "a-file");
    writeFileSync(notADirectory, "");
    let caught: unknown;
    try {
      await startChimeLocal({ stateFile: join(notADirectory, "state.json") });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(StateFileError);
    expect((caught as Error).message).to.include(join(notADirectory, "state.json"));
  });

  it("GIVEN a state file in directories that do not exist THEN it creates them (0700) and the file (0600): the file holds JoinTokens", async () => {
    state.file = join(state.dir, "new", ".chime-local", "state.json");
    const { local, client } = await start();
    const meeting = await newMeeting(client);
    await newAttendee(client, meeting.MeetingId, "mode-check");
    await local.flush();
    expect(statSync(join(state.dir, "new")).mode & 0o777).to.equal(0o700);
    expect(statSync(join(state.dir, "new", ".chime-local")).mode & 0o777).to.equal(0o700);
    expect(statSync(state.file).mode & 0o777).to.equal(0o600);
  });

  it("GIVEN a state file readable by others (an older version wrote 0644) WHEN it is written again THEN it is 0600", async () => {
    writeFileSync(state.file, '{"format":"chime-local-state","version":1,"meetings":[]}');
    chmodSync(state.file, 0o644);
    const { local, client } = await start();
    await newMeeting(client);
    await local.flush();
    expect(statSync(state.file).mode & 0o777).to.equal(0o600);
  });
});

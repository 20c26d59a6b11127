/**
 * The legacy namespace shares the endpoint's state file, clock and request validation: legacy
 * meetings, attendees and their tags survive a restart (section `legacyMeetings`), end 24 h after
 * creation, and malformed requests get the same clear 400s and routing answers as the Meetings ones.
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  BadRequestException,
  CreateMeetingCommand,
  CreateMeetingWithAttendeesCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  ListAttendeeTagsCommand,
  ListMeetingsCommand,
  ListMeetingTagsCommand,
  NotFoundException,
  ResourceLimitExceededException,
  TagAttendeeCommand,
} from "@aws-sdk/client-chime";
import { expect } from "chai";
import { startChimeLocal } from "../../emulator";
import { parseStateSections } from "../../emulator/persisted-state";
import {
  expectServiceError,
  newAttendee,
  newMeeting,
  raw,
  UNKNOWN_ID,
  useEndpoint,
  useStateFile,
} from "./helpers";

describe("emulator: legacy namespace state, clock and wire", () => {
  describe("state file", () => {
    const state = useStateFile("legacy");
    const start = state.start;

    it("GIVEN legacy meetings, tagged attendees and meeting tags WHEN the endpoint restarts on the same file THEN all of it is back, in its own section", async () => {
      const first = await start();
      const meeting = await newMeeting(first.client, {
        ClientRequestToken: "legacy-persisted",
        Tags: [{ Key: "team", Value: "a" }],
      });
      const kiosk = await newAttendee(first.client, meeting.MeetingId, "kiosk-1", [
        { Key: "site", Value: "lobby" },
      ]);
      await first.client.send(
        new TagAttendeeCommand({
          MeetingId: meeting.MeetingId,
          AttendeeId: kiosk.AttendeeId,
          Tags: [{ Key: "floor", Value: "2" }],
        }),
      );
      await newAttendee(first.client, meeting.MeetingId, "kiosk-2");
      await first.local.flush();
      const sections = parseStateSections(JSON.parse(readFileSync(state.file, "utf8")));
      expect(sections.meetings).to.deep.equal([]);
      expect(sections.legacyMeetings.map((m) => m.meetingId)).to.deep.equal([meeting.MeetingId]);
      await first.local.close();

      const second = await start();
      expect(
        (await second.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }))).Meeting,
      ).to.deep.equal(meeting);
      const ids = { MeetingId: meeting.MeetingId, AttendeeId: kiosk.AttendeeId };
      expect((await second.client.send(new GetAttendeeCommand(ids))).Attendee).to.deep.equal(kiosk);
      expect((await second.client.send(new ListAttendeeTagsCommand(ids))).Tags).to.deep.equal([
        { Key: "site", Value: "lobby" },
        { Key: "floor", Value: "2" },
      ]);
      expect(
        (await second.client.send(new ListMeetingTagsCommand({ MeetingId: meeting.MeetingId }))).Tags,
      ).to.deep.equal([{ Key: "team", Value: "a" }]);
      expect(second.local.legacy.attendees(meeting.MeetingId).map((a) => a.tags)).to.deep.equal([
        { site: "lobby", floor: "2" },
        {},
      ]);
      // Idempotency survives the restart: the same token gives the same meeting, the same user the same attendee.
      const again = await newMeeting(second.client, { ClientRequestToken: "legacy-persisted" });
      expect(again.MeetingId).to.equal(meeting.MeetingId);
      const kioskAgain = await newAttendee(second.client, meeting.MeetingId, "kiosk-1");
      expect(kioskAgain).to.deep.equal(kiosk);
      // The Meetings namespace did not inherit them.
      expect(second.local.meetings()).to.deep.equal([]);
    });

    it("GIVEN a state file written before the legacy namespace existed (no legacyMeetings) THEN it loads with no legacy meetings", async () => {
      writeFileSync(
        state.file,
        '{"format":"chime-local-state","version":1,"savedAt":"2026-01-01T00:00:00.000Z","meetings":[]}\n',
      );
      const { local } = await start();
      expect(local.legacy.meetings()).to.deep.equal([]);
    });

    it("refuses a state file whose legacyMeetings is not a list, naming it", async () => {
      writeFileSync(
        state.file,
        '{"format":"chime-local-state","version":1,"meetings":[],"legacyMeetings":{}}',
      );
      let caught: unknown;
      try {
        await startChimeLocal({ stateFile: state.file });
      } catch (error) {
        caught = error;
      }
      expect(String(caught)).to.include('"legacyMeetings" is not a list');
    });

    it("an out-of-band tag change (setAttendeeTags) reaches the state file", async () => {
      const { local, client } = await start();
      const meeting = await newMeeting(client);
      const attendee = await newAttendee(client, meeting.MeetingId, "drift", [{ Key: "k", Value: "v" }]);
      local.legacy.setAttendeeTags(meeting.MeetingId, attendee.AttendeeId, { k: "other" });
      await local.flush();
      const [stored] = parseStateSections(JSON.parse(readFileSync(state.file, "utf8"))).legacyMeetings;
      expect([...stored!.attendees.get(attendee.AttendeeId)!.tags!]).to.deep.equal([["k", "other"]]);
    });
  });

  describe("clock and out-of-band ends", () => {
    const env = useEndpoint({ dialect: "legacy" });

    it("GIVEN a legacy meeting WHEN the emulated clock passes 24 hours THEN it has ended (404), like a Meetings one", async () => {
      const meeting = await newMeeting(env.client);
      env.local.advanceClock(24 * 60 * 60 * 1000);
      await expectServiceError(
        env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })),
        NotFoundException,
        { status: 404 },
      );
      expect(env.local.legacy.meetings().map((m) => m.meetingId)).to.not.include(meeting.MeetingId);
    });

    it("local.legacy.endMeeting ends a legacy meeting out of band (then 404); local.endMeeting does not reach it", async () => {
      const meeting = await newMeeting(env.client);
      expect(env.local.endMeeting(meeting.MeetingId)).to.equal(false);
      expect(env.local.legacy.endMeeting(meeting.MeetingId)).to.equal(true);
      await expectServiceError(
        env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })),
        NotFoundException,
        { status: 404 },
      );
    });
  });

  describe("validation and routing", () => {
    const env = useEndpoint({ dialect: "legacy", maxMeetings: 40 });

    const badRequests: Array<[string, () => Promise<unknown>, string[]]> = [
      [
        "ListMeetings MaxResults 100 (the legacy range is 1–99)",
        () => env.client.send(new ListMeetingsCommand({ MaxResults: 100 })),
        ["MaxResults", "1 to 99"],
      ],
      [
        "ListMeetings MaxResults 0",
        () => env.client.send(new ListMeetingsCommand({ MaxResults: 0 })),
        ["MaxResults"],
      ],
      [
        "ListMeetings with a made-up NextToken",
        () => env.client.send(new ListMeetingsCommand({ NextToken: "nonsense" })),
        ["NextToken"],
      ],
      [
        "ListAttendees MaxResults 100",
        () => env.client.send(new ListAttendeesCommand({ MeetingId: UNKNOWN_ID, MaxResults: 100 })),
        ["MaxResults", "1 to 99"],
      ],
      [
        "GetMeeting of a MeetingId that is not a GUID",
        () => env.client.send(new GetMeetingCommand({ MeetingId: "nope" })),
        ["MeetingId", "GUID"],
      ],
      [
        "CreateMeetingWithAttendees with 11 attendees (the legacy limit is 10)",
        () =>
          env.client.send(
            new CreateMeetingWithAttendeesCommand({
              Attendees: Array.from({ length: 11 }, (_, i) => ({ ExternalUserId: `u-${i}` })),
            }),
          ),
        ["Attendees must have 1 to 10 items, got 11"],
      ],
      [
        "CreateMeeting in an unknown MediaRegion",
        () => env.client.send(new CreateMeetingCommand({ MediaRegion: "mars-1" })),
        ["MediaRegion"],
      ],
      [
        "CreateMeeting with an ExternalMeetingId of 65 characters",
        () => env.client.send(new CreateMeetingCommand({ ExternalMeetingId: "m".repeat(65) })),
        ["ExternalMeetingId", "2 to 64", "65 characters"],
      ],
    ];
    for (const [name, call, message] of badRequests) {
      it(`answers 400 BadRequestException: ${name}`, async () => {
        await expectServiceError(call(), BadRequestException, { status: 400, code: "BadRequest", message });
      });
    }

    it("answers a LambdaFunctionArn (not in the legacy NotificationsConfiguration) with a 400 saying so", async () => {
      const response = await raw(env.local.url, "POST", "/legacy/meetings", {
        body: JSON.stringify({
          ClientRequestToken: "lambda-token",
          NotificationsConfiguration: {
            LambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f",
          },
        }),
      });
      expect(response.status).to.equal(400);
      expect(response.json().Message).to.include("LambdaFunctionArn is not in the legacy API");
    });

    it("answers ResourceLimitExceededException past --max-meetings (counted apart from the Meetings namespace)", async () => {
      const live = env.local.legacy.meetings().length;
      for (let i = live; i < 40; i++) await newMeeting(env.client);
      await expectServiceError(newMeeting(env.client), ResourceLimitExceededException, {
        status: 400,
        code: "ResourceLimitExceeded",
        message: ["40"],
      });
    });

    const unknownRoutes: Array<[string, string]> = [
      ["GET", "/legacy"],
      ["POST", "/legacy/meetings?operation=bogus"],
      ["PUT", `/legacy/meetings/${UNKNOWN_ID}/attendees/${UNKNOWN_ID}/capabilities`],
      ["POST", "/legacy/tags?operation=tag-resource"],
      ["GET", `/legacy/meetings/${UNKNOWN_ID}/attendees/${UNKNOWN_ID}/tags?operation=add`],
    ];
    for (const [method, path] of unknownRoutes) {
      it(`answers ${method} ${path} (a Meetings-only or unknown route) with 404 UnknownOperationException JSON`, async () => {
        const response = await raw(env.local.url, method, path);
        expect(response.status).to.equal(404);
        expect(response.headers["x-amzn-errortype"]).to.equal("UnknownOperationException");
        expect(response.json().Code).to.equal("UnknownOperation");
      });
    }

    it("routes /legacyfoo to the Meetings namespace (only /legacy and /legacy/... are the prefix)", async () => {
      env.local.resetCounters();
      const response = await raw(env.local.url, "GET", "/legacyfoo");
      expect(response.status).to.equal(404);
      expect(response.json().Message).to.include("GET /legacyfoo");
      expect(env.local.legacy.counters().ListMeetings).to.equal(0);
    });

    it("answers an unsigned legacy request with 403 ForbiddenException, as the Meetings namespace does", async () => {
      const response = await raw(env.local.url, "GET", "/legacy/meetings", { authorization: null });
      expect(response.status).to.equal(403);
      expect(response.headers["x-amzn-errortype"]).to.equal("ForbiddenException");
    });
  });
});

import {
  CreateAttendeeCommand,
  CreateMeetingCommand,
  CreateMeetingWithAttendeesCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { startChimeLocal } from "../../emulator";
import {
  clientFor,
  expectServiceError,
  GUID,
  newAttendee,
  newMeeting,
  UNKNOWN_ID,
  useEndpoint,
} from "./helpers";

describe("emulator: meetings", () => {
  const env = useEndpoint();

  describe("CreateMeeting", () => {
    it("returns a meeting with a GUID, the account's ARN, the inputs and media placement URLs", async () => {
      const out = await env.client.send(
        new CreateMeetingCommand({
          MediaRegion: "eu-central-1",
          ExternalMeetingId: "standup",
          MeetingHostId: "host-1",
          MeetingFeatures: { Audio: { EchoReduction: "AVAILABLE" }, Attendee: { MaxCount: 10 } },
          TenantIds: ["tenant-a"],
        }),
      );
      const meeting = out.Meeting!;
      expect(meeting.MeetingId).to.match(GUID);
      expect(meeting.MeetingArn).to.equal(
        `arn:aws:chime:us-east-1:123456789012:meeting/${meeting.MeetingId}`,
      );
      expect(meeting).to.include({
        ExternalMeetingId: "standup",
        MediaRegion: "eu-central-1",
        MeetingHostId: "host-1",
      });
      expect(meeting.MeetingFeatures).to.deep.equal({
        Audio: { EchoReduction: "AVAILABLE" },
        Attendee: { MaxCount: 10 },
      });
      expect(meeting.TenantIds).to.deep.equal(["tenant-a"]);
      const placement = meeting.MediaPlacement!;
      for (const key of [
        "AudioHostUrl",
        "AudioFallbackUrl",
        "SignalingUrl",
        "TurnControlUrl",
        "ScreenDataUrl",
        "ScreenViewingUrl",
        "ScreenSharingUrl",
        "EventIngestionUrl",
      ] as const) {
        expect(placement[key], key).to.be.a("string").and.include("eu-central-1");
      }
    });

    it("is idempotent on ClientRequestToken: the same token returns the same meeting", async () => {
      const input = { MediaRegion: "us-east-1", ExternalMeetingId: "idem", ClientRequestToken: "token-123" };
      const first = await env.client.send(new CreateMeetingCommand(input));
      const second = await env.client.send(new CreateMeetingCommand(input));
      expect(second.Meeting!.MeetingId).to.equal(first.Meeting!.MeetingId);
    });

    it("creates distinct meetings for distinct tokens (the SDK fills a fresh token when none is given)", async () => {
      const a = await newMeeting(env.client, { ExternalMeetingId: "same-ext" });
      const b = await newMeeting(env.client, { ExternalMeetingId: "same-ext" });
      expect(a.MeetingId).not.to.equal(b.MeetingId);
    });

    it("uses the configured region and account in the ARN", async () => {
      const local = await startChimeLocal({ region: "us-gov-west-1", accountId: "210987654321" });
      const client = clientFor(local);
      try {
        const meeting = await newMeeting(client);
        expect(meeting.MeetingArn).to.equal(
          `arn:aws-us-gov:chime:us-gov-west-1:210987654321:meeting/${meeting.MeetingId}`,
        );
      } finally {
        client.destroy();
        await local.close();
      }
    });
  });

  describe("GetMeeting", () => {
    it("returns what CreateMeeting returned", async () => {
      const created = await newMeeting(env.client);
      const got = await env.client.send(new GetMeetingCommand({ MeetingId: created.MeetingId }));
      expect(got.Meeting).to.deep.equal(created);
    });

    it("finds a meeting by its id in upper case too", async () => {
      const created = await newMeeting(env.client);
      const got = await env.client.send(
        new GetMeetingCommand({ MeetingId: created.MeetingId.toUpperCase() }),
      );
      expect(got.Meeting!.MeetingId).to.equal(created.MeetingId);
    });

    it("answers 404 NotFoundException naming the id for an unknown meeting", async () => {
      await expectServiceError(env.client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID })), {
        name: "NotFoundException",
        code: "NotFound",
        status: 404,
        message: [UNKNOWN_ID],
      });
    });
  });

  describe("DeleteMeeting", () => {
    it("GIVEN a meeting with an attendee WHEN it is deleted THEN the meeting and its attendees are 404", async () => {
      const meeting = await newMeeting(env.client);
      const attendee = await newAttendee(env.client, meeting.MeetingId, "user-1");

      await env.client.send(new DeleteMeetingCommand({ MeetingId: meeting.MeetingId }));

      await expectServiceError(env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })), {
        name: "NotFoundException",
        status: 404,
      });
      await expectServiceError(
        env.client.send(
          new GetAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
        ),
        { name: "NotFoundException", status: 404, message: [meeting.MeetingId] },
      );
      await expectServiceError(
        env.client.send(
          new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "user-2" }),
        ),
        { name: "NotFoundException", status: 404 },
      );
    });

    it("answers 404 for a meeting already deleted", async () => {
      const meeting = await newMeeting(env.client);
      await env.client.send(new DeleteMeetingCommand({ MeetingId: meeting.MeetingId }));
      await expectServiceError(env.client.send(new DeleteMeetingCommand({ MeetingId: meeting.MeetingId })), {
        name: "NotFoundException",
        status: 404,
      });
    });

    it("GIVEN a deleted meeting WHEN its ClientRequestToken is used again THEN a new meeting is created", async () => {
      const input = {
        MediaRegion: "us-east-1",
        ExternalMeetingId: "reuse",
        ClientRequestToken: "reused-token",
      };
      const first = await env.client.send(new CreateMeetingCommand(input));
      await env.client.send(new DeleteMeetingCommand({ MeetingId: first.Meeting!.MeetingId }));
      const second = await env.client.send(new CreateMeetingCommand(input));
      expect(second.Meeting!.MeetingId).not.to.equal(first.Meeting!.MeetingId);
    });
  });

  describe("CreateMeetingWithAttendees", () => {
    it("creates the meeting and its attendees, reporting per-attendee failures in Errors", async () => {
      const out = await env.client.send(
        new CreateMeetingWithAttendeesCommand({
          MediaRegion: "us-east-1",
          ExternalMeetingId: "with-attendees",
          Attendees: [
            { ExternalUserId: "alice" },
            { ExternalUserId: "bob", Capabilities: { Audio: "Send", Video: "None", Content: "None" } },
            { ExternalUserId: "aws:reserved" },
          ],
        }),
      );
      expect(out.Meeting!.MeetingId).to.match(GUID);
      expect(out.Attendees!.map((a) => a.ExternalUserId)).to.deep.equal(["alice", "bob"]);
      expect(out.Attendees![1]!.Capabilities).to.deep.equal({
        Audio: "Send",
        Video: "None",
        Content: "None",
      });
      expect(out.Errors).to.have.length(1);
      expect(out.Errors![0]).to.include({ ExternalUserId: "aws:reserved", ErrorCode: "BadRequest" });
      expect(out.Errors![0]!.ErrorMessage).to.include("Attendees[2].ExternalUserId").and.include("aws:");
      expect(env.local.attendees(out.Meeting!.MeetingId!)).to.have.length(2);
    });

    it("is idempotent on ClientRequestToken: the retry returns the same meeting and attendees", async () => {
      const input = {
        MediaRegion: "us-east-1",
        ExternalMeetingId: "with-attendees-idem",
        ClientRequestToken: "cmwa-token",
        Attendees: [{ ExternalUserId: "alice" }],
      };
      const first = await env.client.send(new CreateMeetingWithAttendeesCommand(input));
      const second = await env.client.send(new CreateMeetingWithAttendeesCommand(input));
      expect(second.Meeting!.MeetingId).to.equal(first.Meeting!.MeetingId);
      expect(second.Attendees).to.deep.equal(first.Attendees);
    });

    it("reports attendees beyond the meeting's MaxCount as LimitExceeded errors", async () => {
      const out = await env.client.send(
        new CreateMeetingWithAttendeesCommand({
          MediaRegion: "us-east-1",
          ExternalMeetingId: "small",
          MeetingFeatures: { Attendee: { MaxCount: 2 } },
          Attendees: [{ ExternalUserId: "a1" }, { ExternalUserId: "a2" }, { ExternalUserId: "a3" }],
        }),
      );
      expect(out.Attendees).to.have.length(2);
      expect(out.Errors).to.deep.equal([
        {
          ExternalUserId: "a3",
          ErrorCode: "ResourceLimitExceeded",
          ErrorMessage: `Meeting ${out.Meeting!.MeetingId} already has 2 attendees, its limit of 2`,
        },
      ]);
    });

    it("creates nothing when the attendee list itself is invalid", async () => {
      const before = env.local.meetings().length;
      await expectServiceError(
        env.client.send(
          new CreateMeetingWithAttendeesCommand({
            MediaRegion: "us-east-1",
            ExternalMeetingId: "too-many",
            Attendees: Array.from({ length: 21 }, (_, i) => ({ ExternalUserId: `user-${i}` })),
          }),
        ),
        { name: "BadRequestException", status: 400, message: ["Attendees must have 1 to 20 items, got 21"] },
      );
      expect(env.local.meetings().length).to.equal(before);
    });
  });

  describe("replica meetings (PrimaryMeetingId)", () => {
    it("GIVEN a replica of a primary WHEN the primary is deleted THEN the replica ends too", async () => {
      const primary = await newMeeting(env.client);
      const replica = await newMeeting(env.client, { PrimaryMeetingId: primary.MeetingId });
      expect(replica.PrimaryMeetingId).to.equal(primary.MeetingId);

      await env.client.send(new DeleteMeetingCommand({ MeetingId: primary.MeetingId }));

      await expectServiceError(env.client.send(new GetMeetingCommand({ MeetingId: replica.MeetingId })), {
        name: "NotFoundException",
        status: 404,
      });
    });

    it("refuses a PrimaryMeetingId that is not a live meeting", async () => {
      await expectServiceError(newMeeting(env.client, { PrimaryMeetingId: UNKNOWN_ID }), {
        name: "BadRequestException",
        status: 400,
        message: ["PrimaryMeetingId", UNKNOWN_ID],
      });
    });
  });

  describe("maxMeetings option", () => {
    it("answers LimitExceededException when the account already has that many live meetings", async () => {
      const local = await startChimeLocal({ maxMeetings: 2 });
      const client = clientFor(local);
      try {
        const first = await newMeeting(client);
        await newMeeting(client);
        await expectServiceError(newMeeting(client), {
          name: "LimitExceededException",
          code: "ResourceLimitExceeded",
          status: 400,
        });
        await client.send(new DeleteMeetingCommand({ MeetingId: first.MeetingId }));
        await newMeeting(client);
      } finally {
        client.destroy();
        await local.close();
      }
    });
  });
});

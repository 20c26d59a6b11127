import {
  BatchCreateAttendeeCommand,
  BatchUpdateAttendeeCapabilitiesExceptCommand,
  CreateAttendeeCommand,
  DeleteAttendeeCommand,
  GetAttendeeCommand,
  ListAttendeesCommand,
  type MeetingFeaturesConfiguration,
  paginateListAttendees,
  UpdateAttendeeCapabilitiesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import {
  clientFor,
  expectServiceError,
  GUID,
  newAttendee,
  newMeeting,
  UNKNOWN_ID,
  useEndpoint,
} from "./helpers";

const ALL = { Audio: "SendReceive", Video: "SendReceive", Content: "SendReceive" };

describe("emulator: attendees", () => {
  const env = useEndpoint();

  describe("CreateAttendee", () => {
    it("returns an attendee with a GUID, an opaque JoinToken and SendReceive capabilities by default", async () => {
      const meeting = await newMeeting(env.client);
      const out = await env.client.send(
        new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "alice" }),
      );
      const attendee = out.Attendee!;
      expect(attendee.AttendeeId).to.match(GUID);
      expect(attendee.ExternalUserId).to.equal("alice");
      expect(attendee.JoinToken).to.be.a("string");
      expect(attendee.JoinToken!.length).to.be.within(2, 2048);
      expect(attendee.Capabilities).to.deep.equal(ALL);
    });

    it("GIVEN an attendee WHEN CreateAttendee repeats its ExternalUserId THEN the same attendee comes back, capabilities unchanged", async () => {
      const meeting = await newMeeting(env.client);
      const first = await env.client.send(
        new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "bob" }),
      );

      const second = await env.client.send(
        new CreateAttendeeCommand({
          MeetingId: meeting.MeetingId,
          ExternalUserId: "bob",
          Capabilities: { Audio: "None", Video: "None", Content: "None" },
        }),
      );

      expect(second.Attendee).to.deep.equal(first.Attendee);
      expect(env.local.attendees(meeting.MeetingId)).to.have.length(1);
    });

    it("gives every attendee a distinct JoinToken", async () => {
      const meeting = await newMeeting(env.client);
      const tokens = new Set<string>();
      for (let i = 0; i < 20; i++)
        tokens.add((await newAttendee(env.client, meeting.MeetingId, `user-${i}`)).JoinToken);
      expect(tokens.size).to.equal(20);
    });

    const defaults: Array<{ features: MeetingFeaturesConfiguration; expected: typeof ALL }> = [
      { features: {}, expected: ALL },
      {
        features: { Video: { MaxResolution: "None" } },
        expected: { Audio: "SendReceive", Video: "Receive", Content: "SendReceive" },
      },
      {
        features: { Content: { MaxResolution: "None" } },
        expected: { Audio: "SendReceive", Video: "SendReceive", Content: "None" },
      },
      {
        features: { Video: { MaxResolution: "None" }, Content: { MaxResolution: "None" } },
        expected: { Audio: "SendReceive", Video: "None", Content: "None" },
      },
    ];
    for (const { features, expected } of defaults) {
      it(`defaults capabilities to ${JSON.stringify(expected)} in a meeting with ${JSON.stringify(features)}`, async () => {
        const meeting = await newMeeting(env.client, { MeetingFeatures: features });
        expect((await newAttendee(env.client, meeting.MeetingId, "u1")).Capabilities).to.deep.equal(expected);
      });
    }

    it("answers LimitExceededException once 250 attendees exist, but still returns existing ones", async () => {
      const meeting = await newMeeting(env.client);
      for (let batch = 0; batch < 3; batch++) {
        const size = batch < 2 ? 100 : 50;
        const out = await env.client.send(
          new BatchCreateAttendeeCommand({
            MeetingId: meeting.MeetingId,
            Attendees: Array.from({ length: size }, (_, i) => ({ ExternalUserId: `user-${batch}-${i}` })),
          }),
        );
        expect(out.Errors).to.deep.equal([]);
      }
      await expectServiceError(
        env.client.send(
          new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "one-too-many" }),
        ),
        { name: "LimitExceededException", code: "ResourceLimitExceeded", status: 400, message: ["250"] },
      );
      const again = await env.client.send(
        new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "user-0-0" }),
      );
      expect(again.Attendee!.ExternalUserId).to.equal("user-0-0");
    });

    it("answers LimitExceededException beyond the meeting's Attendee.MaxCount", async () => {
      const meeting = await newMeeting(env.client, { MeetingFeatures: { Attendee: { MaxCount: 1 } } });
      await newAttendee(env.client, meeting.MeetingId, "first");
      await expectServiceError(newAttendee(env.client, meeting.MeetingId, "second"), {
        name: "LimitExceededException",
        status: 400,
      });
    });

    it("is retried by the SDK's standard strategy (LimitExceeded is on its throttling list): 3 requests arrive", async () => {
      const meeting = await newMeeting(env.client, { MeetingFeatures: { Attendee: { MaxCount: 1 } } });
      await newAttendee(env.client, meeting.MeetingId, "first");
      env.local.resetCounters();
      const retrying = clientFor(env.local, { maxAttempts: 3 });
      try {
        await expectServiceError(
          retrying.send(
            new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "second" }),
          ),
          { name: "LimitExceededException", status: 400 },
        );
      } finally {
        retrying.destroy();
      }
      expect(env.local.counters().CreateAttendee).to.equal(3);
    });

    it("frees a place when an attendee is deleted", async () => {
      const meeting = await newMeeting(env.client, { MeetingFeatures: { Attendee: { MaxCount: 1 } } });
      const first = await newAttendee(env.client, meeting.MeetingId, "first");
      await env.client.send(
        new DeleteAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: first.AttendeeId }),
      );
      await newAttendee(env.client, meeting.MeetingId, "second");
      expect(env.local.attendees(meeting.MeetingId).map((a) => a.externalUserId)).to.deep.equal(["second"]);
    });
  });

  describe("BatchCreateAttendee", () => {
    it("creates the valid items and reports each invalid one in Errors with HTTP 200", async () => {
      const meeting = await newMeeting(env.client, { MeetingFeatures: { Video: { MaxResolution: "None" } } });
      const out = await env.client.send(
        new BatchCreateAttendeeCommand({
          MeetingId: meeting.MeetingId,
          Attendees: [
            { ExternalUserId: "ok-1" },
            { ExternalUserId: "x" },
            {
              ExternalUserId: "video",
              Capabilities: { Audio: "SendReceive", Video: "Send", Content: "None" },
            },
            { ExternalUserId: "ok-2", Capabilities: { Audio: "Receive", Video: "None", Content: "None" } },
          ],
        }),
      );
      expect(out.$metadata.httpStatusCode).to.equal(200);
      expect(out.Attendees!.map((a) => a.ExternalUserId)).to.deep.equal(["ok-1", "ok-2"]);
      expect(out.Errors!.map((e) => [e.ExternalUserId, e.ErrorCode])).to.deep.equal([
        ["x", "BadRequest"],
        ["video", "BadRequest"],
      ]);
      expect(out.Errors![0]!.ErrorMessage).to.include(
        "Attendees[1].ExternalUserId must be 2 to 64 characters long",
      );
      expect(out.Errors![1]!.ErrorMessage).to.include("Attendees[2].Capabilities.Video must be None");
    });

    it("returns existing attendees for repeated ExternalUserIds", async () => {
      const meeting = await newMeeting(env.client);
      const existing = await newAttendee(env.client, meeting.MeetingId, "dup");
      const out = await env.client.send(
        new BatchCreateAttendeeCommand({
          MeetingId: meeting.MeetingId,
          Attendees: [{ ExternalUserId: "dup" }],
        }),
      );
      expect(out.Attendees![0]!.AttendeeId).to.equal(existing.AttendeeId);
    });

    it("answers 404 for an unknown meeting", async () => {
      await expectServiceError(
        env.client.send(
          new BatchCreateAttendeeCommand({ MeetingId: UNKNOWN_ID, Attendees: [{ ExternalUserId: "a1" }] }),
        ),
        { name: "NotFoundException", status: 404, message: [UNKNOWN_ID] },
      );
    });
  });

  describe("GetAttendee and DeleteAttendee", () => {
    it("GIVEN an attendee WHEN it is deleted THEN Get and Delete answer 404 naming it", async () => {
      const meeting = await newMeeting(env.client);
      const attendee = await newAttendee(env.client, meeting.MeetingId, "carol");
      const got = await env.client.send(
        new GetAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
      );
      expect(got.Attendee).to.deep.equal(attendee);

      const deleted = await env.client.send(
        new DeleteAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
      );
      expect(deleted.$metadata.httpStatusCode).to.equal(204);

      for (const command of [
        new GetAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
        new DeleteAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
      ]) {
        await expectServiceError(env.client.send(command as GetAttendeeCommand), {
          name: "NotFoundException",
          code: "NotFound",
          status: 404,
          message: [attendee.AttendeeId, meeting.MeetingId],
        });
      }
    });

    it("GIVEN a deleted attendee WHEN its ExternalUserId joins again THEN it is a new attendee with a new JoinToken", async () => {
      const meeting = await newMeeting(env.client);
      const before = await newAttendee(env.client, meeting.MeetingId, "dave");
      await env.client.send(
        new DeleteAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: before.AttendeeId }),
      );
      const after = await newAttendee(env.client, meeting.MeetingId, "dave");
      expect(after.AttendeeId).not.to.equal(before.AttendeeId);
      expect(after.JoinToken).not.to.equal(before.JoinToken);
    });
  });

  describe("ListAttendees", () => {
    it("pages with MaxResults and NextToken in creation order (the SDK paginator sees everyone once)", async () => {
      const meeting = await newMeeting(env.client);
      const names = Array.from({ length: 23 }, (_, i) => `user-${String(i).padStart(2, "0")}`);
      await env.client.send(
        new BatchCreateAttendeeCommand({
          MeetingId: meeting.MeetingId,
          Attendees: names.map((ExternalUserId) => ({ ExternalUserId })),
        }),
      );
      const pages: number[] = [];
      const seen: string[] = [];
      for await (const page of paginateListAttendees(
        { client: env.client, pageSize: 10 },
        { MeetingId: meeting.MeetingId },
      )) {
        pages.push(page.Attendees!.length);
        seen.push(...page.Attendees!.map((a) => a.ExternalUserId!));
      }
      expect(pages).to.deep.equal([10, 10, 3]);
      expect(seen).to.deep.equal(names);
    });

    it("returns no NextToken when everything fits, and an empty list for a meeting without attendees", async () => {
      const meeting = await newMeeting(env.client);
      const empty = await env.client.send(new ListAttendeesCommand({ MeetingId: meeting.MeetingId }));
      expect(empty.Attendees).to.deep.equal([]);
      expect(empty.NextToken).to.equal(undefined);
      await newAttendee(env.client, meeting.MeetingId, "only");
      const one = await env.client.send(
        new ListAttendeesCommand({ MeetingId: meeting.MeetingId, MaxResults: 1 }),
      );
      expect(one.Attendees).to.have.length(1);
      expect(one.NextToken).to.equal(undefined);
    });

    it("keeps paging correctly when an attendee of an earlier page is deleted", async () => {
      const meeting = await newMeeting(env.client);
      const a = await newAttendee(env.client, meeting.MeetingId, "a1");
      await newAttendee(env.client, meeting.MeetingId, "a2");
      await newAttendee(env.client, meeting.MeetingId, "a3");
      const first = await env.client.send(
        new ListAttendeesCommand({ MeetingId: meeting.MeetingId, MaxResults: 2 }),
      );
      await env.client.send(
        new DeleteAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: a.AttendeeId }),
      );
      const second = await env.client.send(
        new ListAttendeesCommand({ MeetingId: meeting.MeetingId, MaxResults: 2, NextToken: first.NextToken }),
      );
      expect(second.Attendees!.map((x) => x.ExternalUserId)).to.deep.equal(["a3"]);
    });

    it("refuses a NextToken of another meeting", async () => {
      const one = await newMeeting(env.client);
      const other = await newMeeting(env.client);
      for (const name of ["a1", "a2"]) await newAttendee(env.client, one.MeetingId, name);
      const page = await env.client.send(
        new ListAttendeesCommand({ MeetingId: one.MeetingId, MaxResults: 1 }),
      );
      await expectServiceError(
        env.client.send(new ListAttendeesCommand({ MeetingId: other.MeetingId, NextToken: page.NextToken })),
        { name: "BadRequestException", status: 400, message: ["NextToken"] },
      );
    });
  });

  describe("UpdateAttendeeCapabilities", () => {
    it("changes the capabilities and returns the attendee", async () => {
      const meeting = await newMeeting(env.client);
      const attendee = await newAttendee(env.client, meeting.MeetingId, "erin");
      const caps = { Audio: "Receive", Video: "Receive", Content: "Receive" } as const;
      const out = await env.client.send(
        new UpdateAttendeeCapabilitiesCommand({
          MeetingId: meeting.MeetingId,
          AttendeeId: attendee.AttendeeId,
          Capabilities: caps,
        }),
      );
      expect(out.Attendee).to.deep.equal({ ...attendee, Capabilities: caps });
      expect(env.local.attendees(meeting.MeetingId)[0]!.capabilities).to.deep.equal(caps);
    });

    it("answers 404 for an unknown attendee", async () => {
      const meeting = await newMeeting(env.client);
      await expectServiceError(
        env.client.send(
          new UpdateAttendeeCapabilitiesCommand({
            MeetingId: meeting.MeetingId,
            AttendeeId: UNKNOWN_ID,
            Capabilities: { Audio: "None", Video: "None", Content: "None" },
          }),
        ),
        { name: "NotFoundException", status: 404, message: [UNKNOWN_ID] },
      );
    });
  });

  describe("BatchUpdateAttendeeCapabilitiesExcept", () => {
    it("updates every attendee except the excluded ones", async () => {
      const meeting = await newMeeting(env.client);
      const keep = await newAttendee(env.client, meeting.MeetingId, "keep");
      await newAttendee(env.client, meeting.MeetingId, "mute-1");
      await newAttendee(env.client, meeting.MeetingId, "mute-2");
      const muted = { Audio: "Receive", Video: "None", Content: "None" } as const;
      const out = await env.client.send(
        new BatchUpdateAttendeeCapabilitiesExceptCommand({
          MeetingId: meeting.MeetingId,
          ExcludedAttendeeIds: [{ AttendeeId: keep.AttendeeId }],
          Capabilities: muted,
        }),
      );
      expect(out.$metadata.httpStatusCode).to.equal(200);
      const byName = Object.fromEntries(
        env.local.attendees(meeting.MeetingId).map((a) => [a.externalUserId, a.capabilities]),
      );
      expect(byName).to.deep.equal({ keep: ALL, "mute-1": muted, "mute-2": muted });
    });

    it("answers 404 for an unknown meeting", async () => {
      await expectServiceError(
        env.client.send(
          new BatchUpdateAttendeeCapabilitiesExceptCommand({
            MeetingId: UNKNOWN_ID,
            ExcludedAttendeeIds: [{ AttendeeId: UNKNOWN_ID }],
            Capabilities: ALL as never,
          }),
        ),
        { name: "NotFoundException", status: 404 },
      );
    });
  });
});

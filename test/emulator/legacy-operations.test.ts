/**
 * The legacy Amazon Chime meeting API (2018-05-01) under `/legacy`, driven through the official
 * `@aws-sdk/client-chime@3.699.0`: every operation's happy path, its status and the shapes the
 * client deserializes.
 */
import {
  BatchCreateAttendeeCommand,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  CreateMeetingWithAttendeesCommand,
  DeleteAttendeeCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  ListAttendeeTagsCommand,
  ListMeetingsCommand,
  ListMeetingTagsCommand,
  NotFoundException,
  TagAttendeeCommand,
  TagMeetingCommand,
  UntagAttendeeCommand,
  UntagMeetingCommand,
} from "@aws-sdk/client-chime";
import { GetMeetingCommand as MeetingsGetMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { LEGACY_OPERATION_NAMES } from "../../emulator";
import { clientFor, expectServiceError, GUID, newAttendee, newMeeting, useEndpoint } from "./helpers";

const ATTENDEE_KEYS = ["AttendeeId", "ExternalUserId", "JoinToken"];

describe("emulator: legacy namespace (/legacy) operations through @aws-sdk/client-chime", () => {
  const env = useEndpoint({ dialect: "legacy" });

  describe("meetings", () => {
    it("CreateMeeting answers 201 with the legacy Meeting shape (no ARN, features or host id)", async () => {
      const out = await env.client.send(
        new CreateMeetingCommand({
          ClientRequestToken: "legacy-create-1",
          ExternalMeetingId: "kiosk-room",
          MediaRegion: "eu-west-1",
          MeetingHostId: "host-1",
          Tags: [{ Key: "team", Value: "ops" }],
        }),
      );
      expect(out.$metadata.httpStatusCode).to.equal(201);
      const meeting = out.Meeting!;
      expect(Object.keys(meeting).sort()).to.deep.equal([
        "ExternalMeetingId",
        "MediaPlacement",
        "MediaRegion",
        "MeetingId",
      ]);
      expect(meeting.MeetingId).to.match(GUID);
      expect(meeting).to.include({ ExternalMeetingId: "kiosk-room", MediaRegion: "eu-west-1" });
      expect(Object.keys(meeting.MediaPlacement!)).to.include.members(["AudioHostUrl", "SignalingUrl"]);
      const tags = await env.client.send(new ListMeetingTagsCommand({ MeetingId: meeting.MeetingId }));
      expect(tags.Tags).to.deep.equal([{ Key: "team", Value: "ops" }]);
    });

    it("CreateMeeting without MediaRegion or ExternalMeetingId (optional in the legacy model) defaults the region to us-east-1", async () => {
      const out = await env.client.send(new CreateMeetingCommand({}));
      expect(out.Meeting?.MediaRegion).to.equal("us-east-1");
      expect(out.Meeting).to.not.have.property("ExternalMeetingId");
    });

    it("CreateMeeting is idempotent on ClientRequestToken", async () => {
      const a = await newMeeting(env.client, { ClientRequestToken: "same-token" });
      const b = await newMeeting(env.client, { ClientRequestToken: "same-token" });
      expect(b.MeetingId).to.equal(a.MeetingId);
    });

    it("GetMeeting answers 200 with what CreateMeeting returned", async () => {
      const meeting = await newMeeting(env.client);
      const out = await env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }));
      expect(out.$metadata.httpStatusCode).to.equal(200);
      expect(out.Meeting).to.deep.equal(meeting);
    });

    it("DeleteMeeting answers 204 and ends the meeting with its attendees (then 404)", async () => {
      const meeting = await newMeeting(env.client);
      await newAttendee(env.client, meeting.MeetingId, "alice");
      const out = await env.client.send(new DeleteMeetingCommand({ MeetingId: meeting.MeetingId }));
      expect(out.$metadata.httpStatusCode).to.equal(204);
      await expectServiceError(
        env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })),
        NotFoundException,
        { status: 404, code: "NotFound", message: [meeting.MeetingId] },
      );
      expect(env.local.legacy.attendees(meeting.MeetingId)).to.deep.equal([]);
    });

    it("ListMeetings pages through the live meetings with MaxResults and NextToken", async () => {
      const live = env.local.legacy.meetings().map((m) => m.meetingId);
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const out = await env.client.send(new ListMeetingsCommand({ MaxResults: 2, NextToken: token }));
        expect(out.$metadata.httpStatusCode).to.equal(200);
        expect(out.Meetings!.length).to.be.at.most(2);
        seen.push(...out.Meetings!.map((m) => m.MeetingId!));
        token = out.NextToken;
        pages++;
      } while (token !== undefined);
      expect(seen).to.have.members(live);
      expect(seen).to.have.lengthOf(live.length);
      expect(pages).to.equal(Math.max(1, Math.ceil(live.length / 2)));
    });

    it("CreateMeetingWithAttendees answers 201 with the meeting, tagged attendees and per-item errors", async () => {
      const out = await env.client.send(
        new CreateMeetingWithAttendeesCommand({
          ExternalMeetingId: "with-attendees",
          MediaRegion: "us-east-1",
          Attendees: [
            { ExternalUserId: "kiosk-1", Tags: [{ Key: "site", Value: "lobby" }] },
            { ExternalUserId: "x" },
          ],
        }),
      );
      expect(out.$metadata.httpStatusCode).to.equal(201);
      expect(out.Attendees).to.have.lengthOf(1);
      expect(Object.keys(out.Attendees![0]!).sort()).to.deep.equal(ATTENDEE_KEYS);
      expect(out.Errors).to.have.lengthOf(1);
      expect(out.Errors![0]).to.include({ ExternalUserId: "x", ErrorCode: "BadRequest" });
      const [attendee] = env.local.legacy.attendees(out.Meeting!.MeetingId!);
      expect(attendee?.tags).to.deep.equal({ site: "lobby" });
    });

    it("legacy meetings are not the Meetings namespace's, and the other way round", async () => {
      const legacy = await newMeeting(env.client);
      const meetingsClient = clientFor(env.local);
      try {
        await expectServiceError(
          meetingsClient.send(new MeetingsGetMeetingCommand({ MeetingId: legacy.MeetingId })),
          { name: "NotFoundException", status: 404 },
        );
        const modern = await newMeeting(meetingsClient);
        await expectServiceError(
          env.client.send(new GetMeetingCommand({ MeetingId: modern.MeetingId })),
          NotFoundException,
          { status: 404 },
        );
        expect(env.local.meetings().map((m) => m.meetingId)).to.not.include(legacy.MeetingId);
      } finally {
        meetingsClient.destroy();
      }
    });
  });

  describe("attendees", () => {
    it("CreateAttendee with Tags answers 201 with Attendee{ExternalUserId, AttendeeId, JoinToken} and stores the tags", async () => {
      const meeting = await newMeeting(env.client);
      const out = await env.client.send(
        new CreateAttendeeCommand({
          MeetingId: meeting.MeetingId,
          ExternalUserId: "kiosk-7",
          Tags: [
            { Key: "site", Value: "lobby" },
            { Key: "floor", Value: "" },
          ],
        }),
      );
      expect(out.$metadata.httpStatusCode).to.equal(201);
      const attendee = out.Attendee!;
      expect(Object.keys(attendee).sort()).to.deep.equal(ATTENDEE_KEYS);
      expect(attendee.ExternalUserId).to.equal("kiosk-7");
      expect(attendee.AttendeeId).to.match(GUID);
      expect(attendee.JoinToken).to.be.a("string").with.length.within(2, 2048);
      const tags = await env.client.send(
        new ListAttendeeTagsCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
      );
      expect(tags.$metadata.httpStatusCode).to.equal(200);
      expect(tags.Tags).to.deep.equal([
        { Key: "site", Value: "lobby" },
        { Key: "floor", Value: "" },
      ]);
    });

    it("CreateAttendee without Tags creates an attendee with none", async () => {
      const meeting = await newMeeting(env.client);
      const attendee = await newAttendee(env.client, meeting.MeetingId, "plain");
      const tags = await env.client.send(
        new ListAttendeeTagsCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
      );
      expect(tags.Tags).to.deep.equal([]);
    });

    it("CreateAttendee is idempotent on ExternalUserId: the existing attendee comes back, its tags unchanged", async () => {
      const meeting = await newMeeting(env.client);
      const first = await newAttendee(env.client, meeting.MeetingId, "same-user", [{ Key: "v", Value: "1" }]);
      const second = await newAttendee(env.client, meeting.MeetingId, "same-user", [
        { Key: "v", Value: "2" },
      ]);
      expect(second).to.deep.equal(first);
      expect(env.local.legacy.attendees(meeting.MeetingId)).to.have.lengthOf(1);
      expect(env.local.legacy.attendees(meeting.MeetingId)[0]?.tags).to.deep.equal({ v: "1" });
    });

    it("BatchCreateAttendee answers 201 with Attendees (tagged) and per-item Errors", async () => {
      const meeting = await newMeeting(env.client);
      const out = await env.client.send(
        new BatchCreateAttendeeCommand({
          MeetingId: meeting.MeetingId,
          Attendees: [
            { ExternalUserId: "bot-1", Tags: [{ Key: "role", Value: "bot" }] },
            { ExternalUserId: "bot-2" },
            { ExternalUserId: "bot-3", Tags: [{ Key: "aws:x", Value: "y" }] },
          ],
        }),
      );
      expect(out.$metadata.httpStatusCode).to.equal(201);
      expect(out.Attendees!.map((a) => a.ExternalUserId)).to.deep.equal(["bot-1", "bot-2"]);
      for (const attendee of out.Attendees!)
        expect(Object.keys(attendee).sort()).to.deep.equal(ATTENDEE_KEYS);
      expect(out.Errors).to.have.lengthOf(1);
      expect(out.Errors![0]).to.include({ ExternalUserId: "bot-3", ErrorCode: "BadRequest" });
      expect(out.Errors![0]?.ErrorMessage).to.include("aws:");
      const byUser = Object.fromEntries(
        env.local.legacy.attendees(meeting.MeetingId).map((a) => [a.externalUserId, a.tags]),
      );
      expect(byUser).to.deep.equal({ "bot-1": { role: "bot" }, "bot-2": {} });
    });

    it("GetAttendee answers 200 with what CreateAttendee returned", async () => {
      const meeting = await newMeeting(env.client);
      const attendee = await newAttendee(env.client, meeting.MeetingId, "get-me");
      const out = await env.client.send(
        new GetAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
      );
      expect(out.$metadata.httpStatusCode).to.equal(200);
      expect(out.Attendee).to.deep.equal(attendee);
    });

    it("DeleteAttendee answers 204; the attendee is gone (404) and the ExternalUserId free again", async () => {
      const meeting = await newMeeting(env.client);
      const attendee = await newAttendee(env.client, meeting.MeetingId, "leaver");
      const out = await env.client.send(
        new DeleteAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
      );
      expect(out.$metadata.httpStatusCode).to.equal(204);
      await expectServiceError(
        env.client.send(
          new GetAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
        ),
        NotFoundException,
        { status: 404, code: "NotFound", message: [attendee.AttendeeId] },
      );
      const again = await newAttendee(env.client, meeting.MeetingId, "leaver");
      expect(again.AttendeeId).to.not.equal(attendee.AttendeeId);
    });

    it("ListAttendees pages in creation order with MaxResults and NextToken", async () => {
      const meeting = await newMeeting(env.client);
      const created: string[] = [];
      for (const user of ["a1", "a2", "a3", "a4", "a5"]) {
        created.push((await newAttendee(env.client, meeting.MeetingId, user)).AttendeeId);
      }
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const out = await env.client.send(
          new ListAttendeesCommand({ MeetingId: meeting.MeetingId, MaxResults: 2, NextToken: token }),
        );
        expect(out.$metadata.httpStatusCode).to.equal(200);
        for (const a of out.Attendees!) expect(Object.keys(a).sort()).to.deep.equal(ATTENDEE_KEYS);
        seen.push(...out.Attendees!.map((a) => a.AttendeeId!));
        token = out.NextToken;
      } while (token !== undefined);
      expect(seen).to.deep.equal(created);
    });
  });

  describe("tags", () => {
    it("TagAttendee (204) adds and overwrites; UntagAttendee (204) removes, absent keys included; ListAttendeeTags reads them", async () => {
      const meeting = await newMeeting(env.client);
      const attendee = await newAttendee(env.client, meeting.MeetingId, "tagged", [{ Key: "a", Value: "1" }]);
      const ids = { MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId };
      const tagged = await env.client.send(
        new TagAttendeeCommand({
          ...ids,
          Tags: [
            { Key: "a", Value: "2" },
            { Key: "b", Value: "3" },
          ],
        }),
      );
      expect(tagged.$metadata.httpStatusCode).to.equal(204);
      expect((await env.client.send(new ListAttendeeTagsCommand(ids))).Tags).to.deep.equal([
        { Key: "a", Value: "2" },
        { Key: "b", Value: "3" },
      ]);
      const untagged = await env.client.send(
        new UntagAttendeeCommand({ ...ids, TagKeys: ["a", "never-set"] }),
      );
      expect(untagged.$metadata.httpStatusCode).to.equal(204);
      expect((await env.client.send(new ListAttendeeTagsCommand(ids))).Tags).to.deep.equal([
        { Key: "b", Value: "3" },
      ]);
    });

    it("TagMeeting (204), UntagMeeting (204) and ListMeetingTags (200) manage the meeting's tags", async () => {
      const meeting = await newMeeting(env.client, { Tags: [{ Key: "env", Value: "dev" }] });
      const id = { MeetingId: meeting.MeetingId };
      const tagged = await env.client.send(
        new TagMeetingCommand({ ...id, Tags: [{ Key: "team", Value: "a" }] }),
      );
      expect(tagged.$metadata.httpStatusCode).to.equal(204);
      const listed = await env.client.send(new ListMeetingTagsCommand(id));
      expect(listed.$metadata.httpStatusCode).to.equal(200);
      expect(listed.Tags).to.deep.equal([
        { Key: "env", Value: "dev" },
        { Key: "team", Value: "a" },
      ]);
      const untagged = await env.client.send(new UntagMeetingCommand({ ...id, TagKeys: ["env"] }));
      expect(untagged.$metadata.httpStatusCode).to.equal(204);
      expect((await env.client.send(new ListMeetingTagsCommand(id))).Tags).to.deep.equal([
        { Key: "team", Value: "a" },
      ]);
    });

    it("an out-of-band meeting tag change (local.legacy.setMeetingTags) is what ListMeetingTags reads next", async () => {
      const meeting = await newMeeting(env.client, { Tags: [{ Key: "env", Value: "dev" }] });
      expect(env.local.legacy.setMeetingTags(meeting.MeetingId, { env: "prod" })).to.equal(true);
      const out = await env.client.send(new ListMeetingTagsCommand({ MeetingId: meeting.MeetingId }));
      expect(out.Tags).to.deep.equal([{ Key: "env", Value: "prod" }]);
      expect(env.local.legacy.meetings().find((m) => m.meetingId === meeting.MeetingId)?.tags).to.deep.equal({
        env: "prod",
      });
      expect(env.local.legacy.setMeetingTags("00000000-0000-4000-8000-000000000000", {})).to.equal(false);
    });

    it("an out-of-band tag change (local.legacy.setAttendeeTags) is what ListAttendeeTags reads next", async () => {
      const meeting = await newMeeting(env.client);
      const attendee = await newAttendee(env.client, meeting.MeetingId, "drifter", [
        { Key: "k", Value: "v" },
      ]);
      expect(
        env.local.legacy.setAttendeeTags(meeting.MeetingId, attendee.AttendeeId, {
          k: "changed",
          extra: "x",
        }),
      ).to.equal(true);
      const out = await env.client.send(
        new ListAttendeeTagsCommand({ MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId }),
      );
      expect(out.Tags).to.deep.equal([
        { Key: "k", Value: "changed" },
        { Key: "extra", Value: "x" },
      ]);
      expect(
        env.local.legacy.setAttendeeTags(meeting.MeetingId, "00000000-0000-4000-8000-000000000000", {}),
      ).to.equal(false);
    });
  });

  it("counts requests per legacy operation in local.legacy.counters(), apart from the Meetings counters", async () => {
    env.local.resetCounters();
    const meeting = await newMeeting(env.client);
    await newAttendee(env.client, meeting.MeetingId, "counted");
    await newAttendee(env.client, meeting.MeetingId, "counted");
    const counters = env.local.legacy.counters();
    expect(Object.keys(counters)).to.have.members([...LEGACY_OPERATION_NAMES]);
    expect(counters).to.include({ CreateMeeting: 1, CreateAttendee: 2, GetMeeting: 0 });
    expect(env.local.counters().CreateAttendee).to.equal(0);
    expect(env.local.totalRequests()).to.equal(3);
  });

  it("the SDK reaches the endpoint through AWS_ENDPOINT_URL_CHIME as well as the endpoint option", async () => {
    const saved = process.env.AWS_ENDPOINT_URL_CHIME;
    process.env.AWS_ENDPOINT_URL_CHIME = env.local.legacy.endpointUrl;
    const { ChimeClient } = await import("@aws-sdk/client-chime");
    const client = new ChimeClient({
      region: "us-east-1",
      credentials: { accessKeyId: "t", secretAccessKey: "t" },
    });
    try {
      const out = await client.send(new CreateMeetingCommand({ ExternalMeetingId: "via-env" }));
      expect(env.local.legacy.meetings().map((m) => m.meetingId)).to.include(out.Meeting!.MeetingId);
    } finally {
      client.destroy();
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_CHIME;
      else process.env.AWS_ENDPOINT_URL_CHIME = saved;
    }
  });

  it("clientFor points at <url>/legacy", () => {
    expect(env.local.legacy.endpointUrl).to.equal(`${env.local.url}/legacy`);
    clientFor(env.local, { dialect: "legacy" }).destroy();
  });
});

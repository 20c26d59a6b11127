/**
 * BatchCreateAttendee of the legacy namespace (`/legacy`) with per-attendee Tags, through the official
 * `@aws-sdk/client-chime@3.699.0`, held to the 3.699.0 model: `CreateAttendeeRequestItem.Tags` is an
 * `AttendeeTagList` (1–10 tags; key 1–128 without `aws:`, value 0–256, both sensitive), "up to 100"
 * attendees a request, success 201, and the operation's errors BadRequest, NotFound,
 * ResourceLimitExceeded (a full meeting, per attendee) among them. An item's problem is an `Errors`
 * entry (HTTP 201) that never quotes a tag; the other items are created.
 */
import {
  BadRequestException,
  BatchCreateAttendeeCommand,
  type BatchCreateAttendeeCommandOutput,
  type CreateAttendeeRequestItem,
  ListAttendeeTagsCommand,
  NotFoundException,
  type Tag,
} from "@aws-sdk/client-chime";
import { expect } from "chai";
import { expectServiceError, newAttendee, newMeeting, useEndpoint } from "./helpers";

const UNKNOWN_ID = "11111111-2222-4333-8444-555555555555";
/** A tag value no message may quote (the legacy model marks keys and values sensitive). */
const SECRET = "batch-s3cret";
const tagsOf = (n: number, prefix = "k"): Tag[] =>
  Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: `${SECRET}-${i}` }));
const record = (tags: readonly Tag[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

/** [case, the item's Tags, expected ErrorMessage parts, or null when the item is created with them] */
type ItemRow = [string, Tag[], string[] | null];

const ITEM_TAG_ROWS: ItemRow[] = [
  ["one tag", tagsOf(1), null],
  ["ten tags (AttendeeTagList's most)", tagsOf(10), null],
  ["eleven tags", tagsOf(11), ["Attendees[1].Tags must have 1 to 10 items, got 11"]],
  [
    "no tags (an empty list: AttendeeTagList's least is 1)",
    [],
    ["Attendees[1].Tags must have 1 to 10 items, got 0"],
  ],
  ["a key of 128 characters", [{ Key: "k".repeat(128), Value: SECRET }], null],
  [
    "a key of 129 characters",
    [{ Key: "k".repeat(129), Value: SECRET }],
    ["Attendees[1].Tags[0].Key", "1 to 128", "129 characters"],
  ],
  ["an empty key", [{ Key: "", Value: SECRET }], ["Attendees[1].Tags[0].Key", "0 characters"]],
  ["an empty value", [{ Key: "k", Value: "" }], null],
  ["a value of 256 characters", [{ Key: "k", Value: SECRET.padEnd(256, "v") }], null],
  [
    "a value of 257 characters",
    [{ Key: "k", Value: SECRET.padEnd(257, "v") }],
    ["Attendees[1].Tags[0].Value", "0 to 256", "257 characters"],
  ],
  ["a key starting with AWS: (any case)", [{ Key: `AWS:${SECRET}`, Value: "v" }], ["reserved prefix aws:"]],
  [
    "a key given twice",
    [
      { Key: SECRET, Value: "1" },
      { Key: SECRET, Value: "2" },
    ],
    ["Attendees[1].Tags[1].Key", "must not repeat"],
  ],
  ["a tag without Value", [{ Key: SECRET } as Tag], ["Attendees[1].Tags[0].Value is required"]],
];

describe("emulator: legacy BatchCreateAttendee with per-attendee Tags (through @aws-sdk/client-chime)", () => {
  const env = useEndpoint({ dialect: "legacy" });

  const batch = (meetingId: string, items: CreateAttendeeRequestItem[]) =>
    env.client.send(new BatchCreateAttendeeCommand({ MeetingId: meetingId, Attendees: items }));
  const tagsStored = (meetingId: string) =>
    Object.fromEntries(env.local.legacy.attendees(meetingId).map((a) => [a.externalUserId, a.tags]));
  const noTagQuoted = (out: BatchCreateAttendeeCommandOutput) => {
    for (const error of out.Errors ?? []) expect(error.ErrorMessage).to.not.include(SECRET);
  };

  describe("an item's Tags (a table: the item between two good ones)", () => {
    for (const [name, tags, expected] of ITEM_TAG_ROWS) {
      it(`${expected === null ? "creates the attendee with" : "answers a per-item BadRequest, creating that one only without,"} ${name}`, async () => {
        const meeting = await newMeeting(env.client);
        const out = await batch(meeting.MeetingId, [
          { ExternalUserId: "before", Tags: [{ Key: "n", Value: "1" }] },
          { ExternalUserId: "row-item", Tags: tags },
          { ExternalUserId: "after" },
        ]);
        expect(out.$metadata.httpStatusCode).to.equal(201);
        noTagQuoted(out);
        if (expected === null) {
          expect(out.Errors).to.deep.equal([]);
          expect(tagsStored(meeting.MeetingId)).to.deep.equal({
            before: { n: "1" },
            "row-item": record(tags),
            after: {},
          });
          return;
        }
        expect(out.Attendees!.map((a) => a.ExternalUserId)).to.deep.equal(["before", "after"]);
        expect(out.Errors).to.have.lengthOf(1);
        expect(out.Errors![0]).to.include({ ExternalUserId: "row-item", ErrorCode: "BadRequest" });
        for (const part of expected) expect(out.Errors![0]?.ErrorMessage).to.include(part);
        expect(tagsStored(meeting.MeetingId)).to.deep.equal({ before: { n: "1" }, after: {} });
      });
    }
  });

  it("creates 100 attendees of 10 tags each in one request, each with its own tags (ListAttendeeTags)", async () => {
    const meeting = await newMeeting(env.client);
    const items = Array.from({ length: 100 }, (_, i) => ({
      ExternalUserId: `bot-${i}`,
      Tags: tagsOf(10, `b${i}-`),
    }));
    const out = await batch(meeting.MeetingId, items);
    expect(out.Errors).to.deep.equal([]);
    expect(out.Attendees).to.have.lengthOf(100);
    const last = out.Attendees![99]!;
    const listed = await env.client.send(
      new ListAttendeeTagsCommand({ MeetingId: meeting.MeetingId, AttendeeId: last.AttendeeId }),
    );
    expect(last.ExternalUserId).to.equal("bot-99");
    expect(listed.Tags).to.deep.equal(tagsOf(10, "b99-"));
  });

  it("refuses a request of 101 attendees whole (400), creating none", async () => {
    const meeting = await newMeeting(env.client);
    const items = Array.from({ length: 101 }, (_, i) => ({ ExternalUserId: `bot-${i}`, Tags: tagsOf(1) }));
    await expectServiceError(batch(meeting.MeetingId, items), BadRequestException, {
      status: 400,
      code: "BadRequest",
      message: ["Attendees", "100"],
    });
    expect(env.local.legacy.attendees(meeting.MeetingId)).to.deep.equal([]);
  });

  it("GIVEN an attendee that exists WHEN a batch names its ExternalUserId with other tags THEN the existing attendee comes back, its tags unchanged", async () => {
    const meeting = await newMeeting(env.client);
    const first = await newAttendee(env.client, meeting.MeetingId, "kiosk", [{ Key: "site", Value: "hq" }]);
    const out = await batch(meeting.MeetingId, [
      { ExternalUserId: "kiosk", Tags: [{ Key: "site", Value: "annex" }] },
      { ExternalUserId: "fresh", Tags: [{ Key: "site", Value: "annex" }] },
    ]);
    expect(out.Errors).to.deep.equal([]);
    expect(out.Attendees![0]).to.deep.equal(first);
    expect(tagsStored(meeting.MeetingId)).to.deep.equal({ kiosk: { site: "hq" }, fresh: { site: "annex" } });
  });

  it("GIVEN a meeting with room for one WHEN two tagged attendees are batched THEN the second is a per-item ResourceLimitExceeded (the legacy code), HTTP 201", async () => {
    const meeting = await newMeeting(env.client);
    for (const from of [0, 100]) {
      await batch(
        meeting.MeetingId,
        Array.from({ length: 100 }, (_, i) => ({ ExternalUserId: `filler-${from + i}` })),
      );
    }
    await batch(
      meeting.MeetingId,
      Array.from({ length: 49 }, (_, i) => ({ ExternalUserId: `filler-${200 + i}` })),
    );
    const out = await batch(meeting.MeetingId, [
      { ExternalUserId: "last-seat", Tags: tagsOf(2) },
      { ExternalUserId: "no-seat", Tags: tagsOf(2) },
    ]);
    expect(out.$metadata.httpStatusCode).to.equal(201);
    expect(out.Attendees!.map((a) => a.ExternalUserId)).to.deep.equal(["last-seat"]);
    expect(out.Errors).to.have.lengthOf(1);
    expect(out.Errors![0]).to.include({ ExternalUserId: "no-seat", ErrorCode: "ResourceLimitExceeded" });
    noTagQuoted(out);
  });

  it("answers NotFoundException (404) for a meeting that does not exist", async () => {
    await expectServiceError(
      batch(UNKNOWN_ID, [{ ExternalUserId: "bot", Tags: tagsOf(1) }]),
      NotFoundException,
      { status: 404, code: "NotFound", message: [UNKNOWN_ID] },
    );
  });

  it("counts the request under legacy counters only (BatchCreateAttendee), not the Meetings namespace's", async () => {
    const meeting = await newMeeting(env.client);
    env.local.resetCounters();
    await batch(meeting.MeetingId, [{ ExternalUserId: "counted", Tags: tagsOf(3) }]);
    expect(env.local.legacy.counters().BatchCreateAttendee).to.equal(1);
    expect(env.local.counters().BatchCreateAttendee).to.equal(0);
  });
});

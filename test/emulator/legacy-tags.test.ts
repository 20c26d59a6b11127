/**
 * Tag rules of the legacy namespace, as tables, through `@aws-sdk/client-chime@3.699.0`: 1–10 tags
 * per CreateAttendee item and TagAttendee/UntagAttendee call, at most 50 on an attendee or a
 * meeting, key 1–128 characters without `aws:` (any case), value 0–256, keys unique in a call.
 * Tag keys and values are sensitive in the legacy model: messages give their length only.
 */
import {
  BadRequestException,
  type ChimeClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  ListAttendeeTagsCommand,
  ListMeetingTagsCommand,
  ResourceLimitExceededException,
  type Tag,
  TagAttendeeCommand,
  TagMeetingCommand,
  UntagAttendeeCommand,
  UntagMeetingCommand,
} from "@aws-sdk/client-chime";
import { expect } from "chai";
import { expectServiceError, newAttendee, newMeeting, useEndpoint } from "./helpers";

const tagsOf = (n: number, prefix = "k"): Tag[] =>
  Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: `v${i}` }));
const keysOf = (n: number, prefix = "k"): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const SECRET_VALUE = "s3cret-value";

/** [case, tags, expected message parts or null when accepted] */
type TagRow = [string, Tag[], string[] | null];

const TAG_LIST_ROWS: TagRow[] = [
  ["one tag", tagsOf(1), null],
  ["ten tags (the most per call)", tagsOf(10), null],
  ["eleven tags", tagsOf(11), ["Tags must have 1 to 10 items, got 11"]],
  ["a key of 1 character", [{ Key: "k", Value: "v" }], null],
  ["a key of 128 characters", [{ Key: "k".repeat(128), Value: "v" }], null],
  [
    "a key of 129 characters",
    [{ Key: "k".repeat(129), Value: "v" }],
    ["Tags[0].Key", "1 to 128", "129 characters"],
  ],
  ["an empty key", [{ Key: "", Value: "v" }], ["Tags[0].Key", "1 to 128", "0 characters"]],
  ["an empty value", [{ Key: "k", Value: "" }], null],
  ["a value of 256 characters", [{ Key: "k", Value: "v".repeat(256) }], null],
  [
    "a value of 257 characters",
    [{ Key: "k", Value: "v".repeat(257) }],
    ["Tags[0].Value", "0 to 256", "257 characters"],
  ],
  ["a key starting with aws:", [{ Key: "aws:team", Value: "v" }], ["Tags[0].Key", "reserved prefix aws:"]],
  ["a key starting with AWS: (any case)", [{ Key: "AWS:team", Value: "v" }], ["reserved prefix aws:"]],
  ["a key merely containing aws:", [{ Key: "team-aws:x", Value: "v" }], null],
  [
    "a key given twice",
    [
      { Key: "dup", Value: "1" },
      { Key: "dup", Value: "2" },
    ],
    ["Tags[1].Key", "must not repeat"],
  ],
  ["a key without a value member", [{ Key: "k" } as Tag], ["Tags[0].Value is required"]],
  ["a sensitive value next to a bad key", [{ Key: "aws:x", Value: SECRET_VALUE }], ["reserved prefix"]],
];

async function expectTagRow(call: Promise<unknown>, expected: string[] | null): Promise<void> {
  if (expected === null) {
    await call;
    return;
  }
  const error = await expectServiceError(call, BadRequestException, {
    status: 400,
    code: "BadRequest",
    message: expected,
  });
  // Keys and values are sensitive in the legacy model.
  expect(error.message).to.not.include(SECRET_VALUE);
  expect(error.message).to.not.include("aws:team");
}

describe("emulator: legacy tag rules (tables, through @aws-sdk/client-chime)", () => {
  const env = useEndpoint({ dialect: "legacy" });
  let user = 0;

  async function attendeeIds(client: ChimeClient): Promise<{ MeetingId: string; AttendeeId: string }> {
    const meeting = await newMeeting(client);
    const attendee = await newAttendee(client, meeting.MeetingId, `tag-user-${++user}`);
    return { MeetingId: meeting.MeetingId, AttendeeId: attendee.AttendeeId };
  }

  describe("TagAttendee", () => {
    for (const [name, tags, expected] of TAG_LIST_ROWS) {
      it(`${expected === null ? "accepts" : "refuses (400)"} ${name}`, async () => {
        const ids = await attendeeIds(env.client);
        await expectTagRow(env.client.send(new TagAttendeeCommand({ ...ids, Tags: tags })), expected);
        const stored = (await env.client.send(new ListAttendeeTagsCommand(ids))).Tags;
        // A refused call changes nothing; an accepted one stores exactly what was sent.
        expect(stored).to.deep.equal(expected === null ? tags : []);
      });
    }

    it("refuses (400) an empty list: at least one tag per call", async () => {
      const ids = await attendeeIds(env.client);
      await expectTagRow(env.client.send(new TagAttendeeCommand({ ...ids, Tags: [] })), [
        "Tags must have 1 to 10 items, got 0",
      ]);
    });

    it("GIVEN an attendee with 50 tags WHEN a call would add a 51st THEN ResourceLimitExceededException (400) and nothing changes; overwriting still works", async () => {
      const ids = await attendeeIds(env.client);
      for (let i = 0; i < 5; i++) {
        await env.client.send(new TagAttendeeCommand({ ...ids, Tags: tagsOf(10, `p${i}-`) }));
      }
      await expectServiceError(
        env.client.send(new TagAttendeeCommand({ ...ids, Tags: tagsOf(1, "extra-") })),
        ResourceLimitExceededException,
        { status: 400, code: "ResourceLimitExceeded", message: ["51", "50"] },
      );
      expect((await env.client.send(new ListAttendeeTagsCommand(ids))).Tags).to.have.lengthOf(50);
      await env.client.send(new TagAttendeeCommand({ ...ids, Tags: [{ Key: "p0-0", Value: "new" }] }));
      const tags = (await env.client.send(new ListAttendeeTagsCommand(ids))).Tags!;
      expect(tags).to.have.lengthOf(50);
      expect(tags).to.deep.include({ Key: "p0-0", Value: "new" });
    });
  });

  describe("CreateAttendee Tags", () => {
    for (const [name, tags, expected] of TAG_LIST_ROWS) {
      it(`${expected === null ? "accepts" : "refuses (400), creating nothing,"} ${name}`, async () => {
        const meeting = await newMeeting(env.client);
        const call = env.client.send(
          new CreateAttendeeCommand({
            MeetingId: meeting.MeetingId,
            ExternalUserId: "tagged-user",
            Tags: tags,
          }),
        );
        await expectTagRow(call, expected);
        const attendees = env.local.legacy.attendees(meeting.MeetingId);
        if (expected === null) {
          expect(attendees.map((a) => a.tags)).to.deep.equal([
            Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
          ]);
        } else {
          expect(attendees).to.deep.equal([]);
        }
      });
    }
  });

  describe("UntagAttendee TagKeys", () => {
    const rows: Array<[string, string[], string[] | null]> = [
      ["one key", ["k0"], null],
      ["ten keys", keysOf(10), null],
      ["eleven keys", keysOf(11), ["TagKeys must have 1 to 10 items, got 11"]],
      ["no keys", [], ["TagKeys must have 1 to 10 items, got 0"]],
      ["an empty key", [""], ["TagKeys[0]", "1 to 128"]],
      ["a key of 129 characters", ["k".repeat(129)], ["TagKeys[0]", "129 characters"]],
      ["an aws: key", ["aws:x"], ["TagKeys[0]", "reserved prefix aws:"]],
    ];
    for (const [name, keys, expected] of rows) {
      it(`${expected === null ? "accepts" : "refuses (400)"} ${name}`, async () => {
        const ids = await attendeeIds(env.client);
        await env.client.send(new TagAttendeeCommand({ ...ids, Tags: tagsOf(10) }));
        await expectTagRow(env.client.send(new UntagAttendeeCommand({ ...ids, TagKeys: keys })), expected);
        const left = (await env.client.send(new ListAttendeeTagsCommand(ids))).Tags!.map((t) => t.Key);
        expect(left).to.deep.equal(keysOf(10).filter((k) => expected !== null || !keys.includes(k)));
      });
    }
  });

  describe("meeting tags", () => {
    const rows: Array<[string, Tag[], string[] | null]> = [
      ["fifty tags at create", tagsOf(50), null],
      ["fifty-one tags at create", tagsOf(51), ["Tags must have 1 to 50 items, got 51"]],
      ["an aws: key at create", [{ Key: "aws:x", Value: "v" }], ["reserved prefix aws:"]],
      ["a value of 257 characters at create", [{ Key: "k", Value: "v".repeat(257) }], ["0 to 256"]],
    ];
    for (const [name, tags, expected] of rows) {
      it(`CreateMeeting ${expected === null ? "accepts" : "refuses (400)"} ${name}`, async () => {
        await expectTagRow(env.client.send(new CreateMeetingCommand({ Tags: tags })), expected);
      });
    }

    it("TagMeeting takes 1–50 tags a call and refuses (ResourceLimitExceeded) a 51st on the meeting; UntagMeeting takes 1–50 keys", async () => {
      const meeting = await newMeeting(env.client, { Tags: tagsOf(30) });
      const id = { MeetingId: meeting.MeetingId };
      await expectTagRow(env.client.send(new TagMeetingCommand({ ...id, Tags: [] })), [
        "Tags must have 1 to 50 items",
      ]);
      await expectTagRow(env.client.send(new TagMeetingCommand({ ...id, Tags: tagsOf(51, "x") })), [
        "Tags must have 1 to 50 items, got 51",
      ]);
      await expectServiceError(
        env.client.send(new TagMeetingCommand({ ...id, Tags: tagsOf(21, "x") })),
        ResourceLimitExceededException,
        { status: 400, message: ["51", "50"] },
      );
      await env.client.send(new TagMeetingCommand({ ...id, Tags: tagsOf(20, "x") }));
      expect((await env.client.send(new ListMeetingTagsCommand(id))).Tags).to.have.lengthOf(50);
      await expectTagRow(env.client.send(new UntagMeetingCommand({ ...id, TagKeys: [] })), [
        "TagKeys must have 1 to 50",
      ]);
      await env.client.send(new UntagMeetingCommand({ ...id, TagKeys: keysOf(30) }));
      expect((await env.client.send(new ListMeetingTagsCommand(id))).Tags).to.deep.equal(tagsOf(20, "x"));
    });
  });
});

/**
 * The pure rules of an AttendeeBatch in the legacy Amazon Chime namespace (issue 17, item 4), as
 * tables: `tags` per member only with `namespace: "legacy"`, `capabilities` only without it, the
 * region us-east-1 only, each member's tag limits (those of a legacy `Attendee`) with keys and values
 * described by length; unknown values as rows; the plan and the diff; the split of a new member's tags
 * between its BatchCreateAttendee item (at most 10, the model's AttendeeTagList) and TagAttendee.
 */
import { expect } from "chai";
import { checkBatch } from "../../provider/attendee-batch/batch-check";
import { diffBatch, planLegacyBatch, tagsAtCreate } from "../../provider/attendee-batch/batch-diff";
import {
  type AnyBatchInputs,
  type LegacyBatchState,
  type LegacyJoinInfo,
  legacyJoinInfoFrom,
} from "../../provider/attendee-batch/batch-state";
import { UNKNOWN } from "../../provider/validation/rules";

const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const OTHER_MEETING = "4f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const NONE = { audio: "None", video: "None", content: "None" } as const;
/** A tag key and value no message may quote: the legacy model marks both sensitive. */
const SECRET_KEY = "s3cret-key";
const SECRET_VALUE = "s3cret-value";
const legacy = {
  namespace: "legacy",
  meetingId: MEETING,
  attendees: [{ externalUserId: "bot-1", tags: { role: "bot" } }, { externalUserId: "bot-2" }],
  region: "us-east-1",
};
const meetings = { meetingId: MEETING, attendees: [{ externalUserId: "bot-1" }], region: "us-west-2" };
const tagsOf = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]));
const withTags = (tags: unknown) => ({ ...legacy, attendees: [{ externalUserId: "bot-1", tags }] });

describe("AttendeeBatch check: the namespace's rules", () => {
  // [case, inputs, the failures' properties, words of the first reason]
  const rejected: [string, Record<string, unknown>, string[], string][] = [
    [
      "tags without namespace (Chime SDK Meetings)",
      { ...meetings, attendees: [{ externalUserId: "bot-1", tags: { role: "bot" } }] },
      ["attendees[0].tags"],
      'attendees[0].tags needs namespace "legacy"',
    ],
    [
      'tags with namespace "meetings"',
      { ...meetings, namespace: "meetings", attendees: [{ externalUserId: "bot-1", tags: {} }] },
      ["attendees[0].tags"],
      "cannot be tagged; got 0 tags",
    ],
    [
      'capabilities with namespace "legacy"',
      { ...legacy, attendees: [{ externalUserId: "bot-1", capabilities: NONE }] },
      ["attendees[0].capabilities"],
      'attendees[0].capabilities needs namespace "meetings"',
    ],
    [
      'unknown capabilities with namespace "legacy" (declared at all)',
      { ...legacy, attendees: [{ externalUserId: "bot-1", capabilities: UNKNOWN }] },
      ["attendees[0].capabilities"],
      "have no capabilities",
    ],
    [
      "a region other than us-east-1 in the legacy namespace",
      { ...legacy, region: "us-west-2" },
      ["region"],
      'region must be "us-east-1" with namespace "legacy"',
    ],
    ["an unknown namespace name", { ...meetings, namespace: "chime" }, ["namespace"], '"chime"'],
    ["51 tags on one member", withTags(tagsOf(51)), ["attendees[0].tags"], "at most 50 tags; got 51"],
    ["tags that are not a map", withTags(["role"]), ["attendees[0].tags"], "must be a map"],
    [
      "a key of 129 characters",
      withTags({ ["k".repeat(129)]: "v" }),
      ["attendees[0].tags"],
      "keys must be 1 to 128 characters long",
    ],
    ["an empty key", withTags({ "": "v" }), ["attendees[0].tags"], "keys must be 1 to 128"],
    [
      "a key starting with AWS: (any case)",
      withTags({ [`AWS:${SECRET_KEY}`]: "v" }),
      ["attendees[0].tags"],
      'must not start with "aws:"',
    ],
    [
      "a value of 257 characters",
      withTags({ [SECRET_KEY]: SECRET_VALUE.padEnd(257, "v") }),
      ["attendees[0].tags"],
      "must be a string of at most 256 characters",
    ],
    [
      "a value that is not a string",
      withTags({ [SECRET_KEY]: 7 }),
      ["attendees[0].tags"],
      "must be a string",
    ],
    [
      "a bad tag on the second member beside an unknown one on the first",
      {
        ...legacy,
        attendees: [
          { externalUserId: "bot-1", tags: { site: UNKNOWN } },
          { externalUserId: "bot-2", tags: { [`aws:${SECRET_KEY}`]: SECRET_VALUE } },
        ],
      },
      ["attendees[1].tags"],
      'must not start with "aws:"',
    ],
    [
      "a repeated externalUserId (as in Chime SDK Meetings)",
      { ...legacy, attendees: [{ externalUserId: "bot-1" }, { externalUserId: "bot-1" }] },
      ["attendees[1].externalUserId"],
      "must be unique",
    ],
    [
      "251 attendees (as in Chime SDK Meetings)",
      { ...legacy, attendees: Array.from({ length: 251 }, (_, n) => ({ externalUserId: `b-${n}` })) },
      ["attendees"],
      "1 to 250",
    ],
  ];
  for (const [name, news, properties, words] of rejected) {
    it(`rejects ${name}, naming ${properties.join(", ")}`, () => {
      const { failures } = checkBatch(undefined, news, "us-west-2");
      expect(failures.map((f) => f.property)).to.deep.equal(properties);
      expect(failures[0]?.reason).to.include(words);
      // Keys and values of legacy tags are sensitive: described by length, in reasons and properties.
      for (const failure of failures) {
        for (const secret of [SECRET_KEY, SECRET_VALUE, "k".repeat(129)]) {
          expect(failure.reason).to.not.include(secret);
          expect(failure.property).to.not.include(secret);
        }
      }
    });
  }

  it("describes a too-long legacy tag key by its length", () => {
    const { failures } = checkBatch(undefined, withTags({ ["k".repeat(129)]: "v" }), undefined);
    expect(failures[0]?.reason).to.include("(129 characters)");
  });

  // [case, inputs as the program wrote them, inputs as stored]
  const accepted: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ["tagged and untagged legacy members", legacy, legacy],
    [
      "no region in the legacy namespace: us-east-1, whatever the stack's default",
      { ...legacy, region: undefined },
      legacy,
    ],
    ["50 tags on one member", withTags(tagsOf(50)), withTags(tagsOf(50))],
    ["empty tags (none)", withTags({}), withTags({})],
    ["a key of 128 characters", withTags({ ["k".repeat(128)]: "" }), withTags({ ["k".repeat(128)]: "" })],
    ["a key merely containing aws:", withTags({ "team-aws:x": "v" }), withTags({ "team-aws:x": "v" })],
    [
      "undeclared tags, left out",
      { ...legacy, attendees: [{ externalUserId: "bot-1", tags: undefined }] },
      { ...legacy, attendees: [{ externalUserId: "bot-1" }] },
    ],
    [
      'namespace "meetings", which is not stored (states from before namespaces stay the same)',
      { ...meetings, namespace: "meetings" },
      meetings,
    ],
    // Unknowns during preview pass, kept as they are for the diff to plan.
    ["an unknown meetingId", { ...legacy, meetingId: UNKNOWN }, { ...legacy, meetingId: UNKNOWN }],
    ["an unknown region", { ...legacy, region: UNKNOWN }, { ...legacy, region: UNKNOWN }],
    ["an unknown list", { ...legacy, attendees: UNKNOWN }, { ...legacy, attendees: UNKNOWN }],
    [
      "an unknown member",
      { ...legacy, attendees: [UNKNOWN, { externalUserId: "bot-2" }] },
      { ...legacy, attendees: [UNKNOWN, { externalUserId: "bot-2" }] },
    ],
    ["an unknown tag map", withTags(UNKNOWN), withTags(UNKNOWN)],
    ["an unknown tag value", withTags({ site: UNKNOWN }), withTags({ site: UNKNOWN })],
    [
      "an unknown externalUserId",
      { ...legacy, attendees: [{ externalUserId: UNKNOWN, tags: { a: "b" } }] },
      { ...legacy, attendees: [{ externalUserId: UNKNOWN, tags: { a: "b" } }] },
    ],
  ];
  for (const [name, news, stored] of accepted) {
    it(`accepts ${name}`, () => {
      const { inputs, failures } = checkBatch(undefined, news, "us-west-2");
      expect(failures).to.deep.equal([]);
      expect(inputs).to.deep.equal(stored);
    });
  }

  it("GIVEN a legacy batch (us-east-1) WHEN it moves to Chime SDK Meetings without a region THEN the stack's default region applies, not the legacy one", () => {
    const { inputs } = checkBatch(
      legacy as AnyBatchInputs,
      meetings && { ...meetings, region: undefined },
      "eu-central-1",
    );
    expect(inputs.region).to.equal("eu-central-1");
    expect(inputs).to.not.have.property("namespace");
  });
});

describe("AttendeeBatch plan and diff in the legacy namespace", () => {
  const info = (tags: Record<string, string> = {}): LegacyJoinInfo => ({
    attendeeId: "id",
    joinToken: "token",
    tags,
  });
  const current = { "bot-1": info({ role: "bot" }), "bot-2": info() };
  const olds: LegacyBatchState = { ...(legacy as LegacyBatchState), joinInfo: current };

  // [case, declared, remove, create, setTags as [externalUserId, set, remove]]
  const plans: [
    string,
    LegacyBatchState["attendees"],
    string[],
    string[],
    [string, [string, string][], string[]][],
  ][] = [
    ["the same members and tags", legacy.attendees, [], [], []],
    [
      "one added, one removed",
      [{ externalUserId: "bot-1", tags: { role: "bot" } }, { externalUserId: "bot-3" }],
      ["bot-2"],
      ["bot-3"],
      [],
    ],
    [
      "a tag changed, one added",
      [{ externalUserId: "bot-1", tags: { role: "recorder", site: "hq" } }, { externalUserId: "bot-2" }],
      [],
      [],
      [
        [
          "bot-1",
          [
            ["role", "recorder"],
            ["site", "hq"],
          ],
          [],
        ],
      ],
    ],
    [
      "tags no longer declared: removed",
      [{ externalUserId: "bot-1" }, { externalUserId: "bot-2" }],
      [],
      [],
      [["bot-1", [], ["role"]]],
    ],
    [
      "tags declared on an untagged member",
      [
        { externalUserId: "bot-1", tags: { role: "bot" } },
        { externalUserId: "bot-2", tags: { a: "1" } },
      ],
      [],
      [],
      [["bot-2", [["a", "1"]], []]],
    ],
  ];
  for (const [name, declared, remove, create, setTags] of plans) {
    it(`plans: ${name}`, () => {
      const plan = planLegacyBatch(current, declared);
      expect(plan.remove).to.deep.equal(remove);
      expect(plan.create.map((m) => m.externalUserId)).to.deep.equal(create);
      expect(plan.setTags.map((s) => [s.externalUserId, s.set, s.remove])).to.deep.equal(setTags);
    });
  }

  // [case, new inputs, changes, replaces]
  const diffs: [string, Record<string, unknown>, boolean, string[]][] = [
    ["nothing changed", legacy, false, []],
    [
      "the same tags in another key order",
      {
        ...legacy,
        attendees: [{ tags: { role: "bot" }, externalUserId: "bot-1" }, { externalUserId: "bot-2" }],
      },
      false,
      [],
    ],
    ["a tag value changed: update", withTags({ role: "recorder" }), true, []],
    [
      "a member added: update",
      { ...legacy, attendees: [...legacy.attendees, { externalUserId: "bot-3", tags: { a: "b" } }] },
      true,
      [],
    ],
    ["another meeting: replace", { ...legacy, meetingId: OTHER_MEETING }, true, ["meetingId"]],
    ["to Chime SDK Meetings: replace", { ...meetings, region: "us-east-1" }, true, ["namespace"]],
    ["an unknown meetingId: replace", { ...legacy, meetingId: UNKNOWN }, true, ["meetingId"]],
    ["an unknown region: replace", { ...legacy, region: UNKNOWN }, true, ["region"]],
    ["an unknown list: update", { ...legacy, attendees: UNKNOWN }, true, []],
    [
      "an unknown tag value: update",
      {
        ...legacy,
        attendees: [{ externalUserId: "bot-1", tags: { role: UNKNOWN } }, { externalUserId: "bot-2" }],
      },
      true,
      [],
    ],
    [
      "an unknown tag map: update",
      { ...legacy, attendees: [{ externalUserId: "bot-1", tags: UNKNOWN }, { externalUserId: "bot-2" }] },
      true,
      [],
    ],
  ];
  for (const [name, news, changes, replaces] of diffs) {
    it(`diff: ${name}`, () => {
      expect(diffBatch(olds, news as unknown as AnyBatchInputs)).to.deep.equal({
        changes,
        replaces,
        deleteBeforeReplace: replaces.length > 0,
      });
    });
  }

  it("diff: GIVEN a refresh that found a member's tags changed out of band WHEN the inputs are the same THEN update", () => {
    const drifted: LegacyBatchState = { ...olds, joinInfo: { ...current, "bot-1": info({ role: "spy" }) } };
    expect(diffBatch(drifted, legacy as AnyBatchInputs).changes).to.equal(true);
  });

  it("diff: GIVEN a refresh that found a member gone WHEN the inputs are the same THEN update", () => {
    const drifted: LegacyBatchState = { ...olds, joinInfo: { "bot-1": current["bot-1"]! } };
    expect(diffBatch(drifted, legacy as AnyBatchInputs).changes).to.equal(true);
  });

  it("diff: GIVEN a create that failed part-way (no joinInfo) THEN update completes it", () => {
    const { joinInfo: _, ...recorded } = olds;
    expect(diffBatch(recorded, legacy as AnyBatchInputs).changes).to.equal(true);
  });

  // [tags declared, tags in the BatchCreateAttendee item, tags set by TagAttendee afterwards]
  const splits: [string, number, number | undefined, number][] = [
    ["no tags: no Tags member (the model refuses an empty list)", 0, undefined, 0],
    ["1 tag, all in the item", 1, 1, 0],
    ["10 tags, all in the item (AttendeeTagList's most)", 10, 10, 0],
    ["11 tags: 10 in the item, 1 afterwards", 11, 10, 1],
    ["50 tags: 10 in the item, 40 afterwards", 50, 10, 40],
  ];
  for (const [name, declared, atCreate, later] of splits) {
    it(`splits a new member's tags: ${name}`, () => {
      const split = tagsAtCreate(declared === 0 ? undefined : tagsOf(declared));
      expect(split.atCreate?.length).to.equal(atCreate);
      expect(split.later).to.have.lengthOf(later);
      expect(Object.fromEntries([...(split.atCreate ?? []), ...split.later])).to.deep.equal(tagsOf(declared));
    });
  }

  it("joinInfo from the attendees and their tags, tokens a listing leaves out taken from before", () => {
    const info = legacyJoinInfoFrom(
      [
        { ExternalUserId: "bot-1", AttendeeId: "a1", JoinToken: "t1" },
        { ExternalUserId: "bot-2", AttendeeId: "a2" },
        { ExternalUserId: "bot-3", AttendeeId: "a3" },
      ],
      { "bot-1": { role: "bot" } },
      { "bot-2": { attendeeId: "a2", joinToken: "t2", tags: { old: "x" } } },
    );
    expect(info).to.deep.equal({
      "bot-1": { attendeeId: "a1", joinToken: "t1", tags: { role: "bot" } },
      "bot-2": { attendeeId: "a2", joinToken: "t2", tags: {} },
    });
  });
});

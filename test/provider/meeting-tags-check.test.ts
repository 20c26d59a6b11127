import { expect } from "chai";
import { checkMeetingTags } from "../../provider/meeting-tags/tags-check";
import { diffMeetingTags } from "../../provider/meeting-tags/tags-diff";
import type { MeetingTagsInputs } from "../../provider/meeting-tags/tags-state";
import { MEETING_TAGS_INPUTS } from "../../provider/meeting-tags/tags-state";
import { chunks, TAGS_PER_CALL, tagChanges } from "../../provider/shared/tags";
import { checkTagsInput, UNKNOWN } from "../../provider/validation/rules";
import * as fixtures from "../support/resource-fixtures";
import { table } from "../support/rule-table";

const MEETING_ID = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const valid = {
  meetingId: MEETING_ID,
  meetingArn: `arn:aws:chime:us-east-1:123456789012:meeting/${MEETING_ID}`,
  tags: { team: "support" },
  region: "us-east-1",
};

describe("MeetingTags check: rules, before any AWS call", () => {
  const accepted: [string, Record<string, unknown>][] = [
    ["a meeting's tags", valid],
    ["no tags", { ...valid, tags: {} }],
    ["50 tags", { ...valid, tags: Object.fromEntries(Array.from({ length: 50 }, (_, n) => [`k${n}`, "v"])) }],
    ["an empty tag value", { ...valid, tags: { empty: "" } }],
    ["the whole tags map unknown (preview)", { ...valid, tags: UNKNOWN }],
    ["one tag value unknown (preview)", { ...valid, tags: { team: UNKNOWN } }],
    [
      "meetingId and meetingArn unknown (a new or replaced meeting, preview)",
      { ...valid, meetingId: UNKNOWN, meetingArn: UNKNOWN },
    ],
    ["region unknown (preview)", { ...valid, region: UNKNOWN }],
    // AWS adds regions: one this version does not know is a warning (the Meeting class's), not a failure.
    ["a region without a control plane known to this version", { ...valid, region: "eu-west-1" }],
  ];
  for (const [name, news] of accepted) {
    it(`accepts ${name}`, () => {
      expect(checkMeetingTags(undefined, news, undefined).failures).to.deep.equal([]);
    });
  }

  // [case, inputs, the property named, words the reason must hold]
  const rejected: [string, Record<string, unknown>, string, string[]][] = [
    [
      "51 tags",
      { ...valid, tags: Object.fromEntries(Array.from({ length: 51 }, (_, n) => [`k${n}`, "v"])) },
      "tags",
      ["at most 50", "51"],
    ],
    ["tags that are a list", { ...valid, tags: ["team"] }, "tags", ["map of tag keys", '["team"]']],
    ["a tag key with a space", { ...valid, tags: { "cost center": "1" } }, "tags.cost center", ["1 to 128"]],
    ["a tag key 'aws:'", { ...valid, tags: { "AWS:owner": "me" } }, "tags.AWS:owner", ['"aws:"']],
    [
      "a 257-character tag value",
      { ...valid, tags: { note: "v".repeat(257) } },
      "tags.note",
      ["at most 256"],
    ],
    ["a number as tag value", { ...valid, tags: { count: 3 } }, "tags.count", ["string", "3"]],
    ["no meetingArn", { ...valid, meetingArn: undefined }, "meetingArn", ["required"]],
    ["no meetingId", { ...valid, meetingId: "" }, "meetingId", ["required"]],
    // A legacy meeting's tags go by MeetingId in the request path (TagMeeting): it must be the GUID.
    [
      "legacy: a meetingId that is not a GUID",
      { namespace: "legacy", meetingId: "meeting-1", tags: {} },
      "meetingId",
      ["GUID", '"meeting-1"'],
    ],
    ["a malformed region", { ...valid, region: "US East" }, "region", ["AWS region name", '"US East"']],
  ];
  for (const [name, news, property, words] of rejected) {
    it(`rejects ${name}, naming ${property}`, () => {
      const { failures } = checkMeetingTags(undefined, news, undefined);
      expect(failures.map((f) => f.property)).to.deep.equal([property]);
      for (const word of words) expect(failures[0].reason).to.include(word);
    });
  }

  it("normalises absent tags to none: the declared set is authoritative", () => {
    expect(checkMeetingTags(undefined, { ...valid, tags: undefined }, undefined).inputs.tags).to.deep.equal(
      {},
    );
  });

  it("carries the region over from the old inputs, else takes the default", () => {
    expect(checkMeetingTags(valid, { ...valid, region: undefined }, "us-west-2").inputs.region).to.equal(
      "us-east-1",
    );
    expect(checkMeetingTags(undefined, { ...valid, region: undefined }, "us-west-2").inputs.region).to.equal(
      "us-west-2",
    );
  });
});

describe("MeetingTags diff: every change is an in-place update, never a replacement (issue 8)", () => {
  // [case, change of inputs, expected changes]
  const cases: [string, Record<string, unknown>, boolean][] = [
    ["nothing changed", {}, false],
    ["the same tags in another order", { tags: { team: "support" } }, false],
    ["a tag value changed", { tags: { team: "sales" } }, true],
    ["a tag added", { tags: { team: "support", tier: "gold" } }, true],
    ["every tag removed", { tags: {} }, true],
    ["the whole tags map unknown", { tags: UNKNOWN }, true],
    ["one tag value unknown", { tags: { team: UNKNOWN } }, true],
    ["meetingArn unknown (the meeting is being replaced)", { meetingArn: UNKNOWN, meetingId: UNKNOWN }, true],
    [
      "meetingArn changed (the meeting was replaced)",
      {
        meetingId: "00000000-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
        meetingArn: "arn:aws:chime:us-east-1:123456789012:meeting/00000000-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
      },
      true,
    ],
    ["region changed", { region: "us-west-2" }, true],
    ["region unknown", { region: UNKNOWN }, true],
  ];
  for (const [name, change, changes] of cases) {
    it(`${name}: ${changes ? "update" : "no change"}`, () => {
      const diff = diffMeetingTags(valid, { ...valid, ...change } as MeetingTagsInputs);
      expect(diff.changes).to.equal(changes);
      expect(diff.replaces).to.deep.equal([]);
    });
  }

  it("GIVEN old state without tags WHEN none are declared THEN no change", () => {
    const olds = { ...valid, tags: undefined } as unknown as MeetingTagsInputs;
    expect(diffMeetingTags(olds, { ...valid, tags: {} }).changes).to.equal(false);
  });
});

describe("MeetingTags: the tag calls that turn one set into another", () => {
  // [case, current, declared, expected set, expected remove]
  const cases: [string, Record<string, string>, Record<string, string>, [string, string][], string[]][] = [
    ["same tags: nothing", { a: "1" }, { a: "1" }, [], []],
    [
      "changed, added and dropped",
      { a: "1", b: "2" },
      { b: "3", c: "4" },
      [
        ["b", "3"],
        ["c", "4"],
      ],
      ["a"],
    ],
    ["all dropped", { a: "1" }, {}, [], ["a"]],
    ["from none", {}, { a: "" }, [["a", ""]], []],
  ];
  for (const [name, current, declared, set, remove] of cases) {
    it(name, () => {
      expect(tagChanges(current, declared)).to.deep.equal({ set, remove });
    });
  }
});

// Rows first written against surviving mutants (formerly test/provider/mutants-resources.test.ts): kept with this behaviour's tests.
{
  const { MEETING, tagsState } = fixtures;

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("MeetingTags: check, diff and changes", [
  ["the inputs whose change acts", () => [...MEETING_TAGS_INPUTS], ["namespace", "meetingId", "meetingArn", "tags", "region"]],
  ["nothing changed", () => diffMeetingTags(tagsState(), tagsState()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["a tag changed: an update in place", () => diffMeetingTags(tagsState(), tagsState({ tags: { a: "2" } })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["a new meeting ARN: an update in place", () => diffMeetingTags(tagsState(), tagsState({ meetingArn: "arn:n" })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["no tags in the state and none declared", () => diffMeetingTags(tagsState({ tags: undefined as never }), tagsState({ tags: {} })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["changes: set new and changed, remove dropped", () => tagChanges({ a: "1", b: "2", c: "3" }, { a: "1", b: "9", d: "4" }), { set: [["b", "9"], ["d", "4"]], remove: ["c"] }],
  ["changes from none", () => tagChanges(undefined, { a: "1" }), { set: [["a", "1"]], remove: [] }],
  ["changes to none", () => tagChanges({ a: "1" }, undefined), { set: [], remove: ["a"] }],
  ["an unknown tags input passes", () => checkTagsInput("tags", UNKNOWN), []],
  ["a tags input checked as Chime SDK Meetings by default", () => checkTagsInput("tags", { "a b": "v" }).length, 1],
  ["check: an unknown namespace", () => checkMeetingTags(undefined, { meetingId: MEETING, meetingArn: "arn:m", namespace: "x" }, "us-east-1").failures, [{ property: "namespace", reason: 'namespace must be one of meetings, legacy; got "x"' }]],
  ["check: no meetingArn", () => checkMeetingTags(undefined, { meetingId: MEETING }, "us-east-1").failures, [{ property: "meetingArn", reason: "meetingArn is required" }]],
  ["check: no meetingId", () => checkMeetingTags(undefined, { meetingArn: "arn:m" }, "us-east-1").failures, [{ property: "meetingId", reason: "meetingId is required" }]],
  ["check: unknown meetingId and meetingArn pass", () => checkMeetingTags(undefined, { meetingId: UNKNOWN, meetingArn: UNKNOWN }, "us-east-1").failures, []],
  ["check: legacy needs no ARN and has us-east-1", () => checkMeetingTags(undefined, { namespace: "legacy", meetingId: MEETING, meetingArn: "arn:m" }, "eu-west-2"), { inputs: { namespace: "legacy", meetingId: MEETING, tags: {}, region: "us-east-1" }, failures: [] }],
  ["check: legacy tags without the key pattern", () => checkMeetingTags(undefined, { namespace: "legacy", meetingId: MEETING, tags: { "a b": "v" } }, undefined).failures, []],
  ["check: meetings tags with the key pattern", () => checkMeetingTags(undefined, { meetingId: MEETING, meetingArn: "arn:m", tags: { "a b": "v" } }, "us-east-1").failures.map((f) => f.property), ["tags.a b"]],
  ["check: the old region is carried over", () => checkMeetingTags(tagsState({ region: "eu-west-2" }), { meetingId: MEETING, meetingArn: "arn:m" }, "us-east-1").inputs, { meetingId: MEETING, meetingArn: "arn:m", tags: {}, region: "eu-west-2" }],
  ["check: no region anywhere", () => checkMeetingTags(undefined, { meetingId: MEETING, meetingArn: "arn:m" }, undefined).failures.map((f) => f.property), ["region"]],
]);
}

// Rows first written against surviving mutants (formerly test/provider/mutants-round2.test.ts): kept with this behaviour's tests.
// biome-ignore format: one case per line keeps the table readable as a specification
table("Tag requests in chunks", [
  ["the legacy API's limit per request", () => TAGS_PER_CALL, 10],
  ["chunks of at most the size", () => chunks([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]],
  ["an exact multiple", () => chunks([1, 2, 3, 4], 2), [[1, 2], [3, 4]]],
  ["nothing", () => chunks([], 10), []],
]);

// Rows first written against surviving mutants (formerly test/provider/mutants-round3.test.ts): kept with this behaviour's tests.
{
  const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";

  describe("MeetingTags check: which meetingId is a GUID", () => {
    const rows: [string, Record<string, unknown>, { property: string; reason: string }[]][] = [
      [
        "Chime SDK Meetings: tags go by ARN, so the meetingId is only required",
        { meetingId: "not-a-guid", meetingArn: "arn:m" },
        [],
      ],
      [
        "legacy: tags go by the MeetingId in the request path, so it must be the GUID",
        { namespace: "legacy", meetingId: "not-a-guid" },
        [
          {
            property: "meetingId",
            reason:
              'meetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "not-a-guid"',
          },
        ],
      ],
      ["legacy: a GUID", { namespace: "legacy", meetingId: MEETING }, []],
      ["an ARN is required, not judged further", { meetingId: MEETING, meetingArn: "x" }, []],
      [
        "an empty ARN",
        { meetingId: MEETING, meetingArn: "" },
        [{ property: "meetingArn", reason: "meetingArn is required" }],
      ],
    ];
    for (const [what, news, failures] of rows) {
      it(what, () => {
        expect(checkMeetingTags(undefined, news, "us-east-1").failures).to.deep.equal(failures);
      });
    }
  });
}

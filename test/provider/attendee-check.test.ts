import { expect } from "chai";
import { checkAttendee } from "../../provider/attendee/attendee-check";
import { AttendeeClaims } from "../../provider/shared/claims";
import { checkCapabilities } from "../../provider/validation/capabilities";
import { duplicateFailures } from "../../provider/validation/check-result";
import { UNKNOWN } from "../../provider/validation/rules";
import * as fixtures from "../support/resource-fixtures";
import { table } from "../support/rule-table";

const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const valid = { meetingId: MEETING, externalUserId: "kiosk-lobby-1", region: "us-east-1" };
const legacy = { meetingId: MEETING, externalUserId: "kiosk-lobby-1", namespace: "legacy" as const };

describe("Attendee check: rules, before any AWS call", () => {
  const accepted: [string, Record<string, unknown>][] = [
    ["minimal inputs", valid],
    ["2-character externalUserId", { ...valid, externalUserId: "ab" }],
    ["64-character externalUserId", { ...valid, externalUserId: "x".repeat(64) }],
    ["every punctuation mark the pattern allows", { ...valid, externalUserId: `a-_&@+=,(){}[]/«».:|'"#b` }],
    ["Latin-1 letters and spaces", { ...valid, externalUserId: "Zoë Müller Ñandú" }],
    ["'aws' without the colon", { ...valid, externalUserId: "aws-kiosk" }],
    ["upper-case meeting GUID", { ...valid, meetingId: MEETING.toUpperCase() }],
    [
      "explicit capabilities",
      { ...valid, capabilities: { audio: "Send", video: "Receive", content: "Receive" } },
    ],
    [
      "content None without video",
      { ...valid, capabilities: { audio: "None", video: "None", content: "None" } },
    ],
    [
      "content Send without video receive",
      { ...valid, capabilities: { audio: "None", video: "Send", content: "Send" } },
    ],
    ["every control-plane region", { ...valid, region: "il-central-1" }],
    ["GovCloud region", { ...valid, region: "us-gov-west-1" }],
    // AWS adds regions: one this version does not know is a warning (the resource class's), not a failure.
    ["a region without a control plane known to this version", { ...valid, region: "eu-west-1" }],
    ["unknown meetingId during preview", { ...valid, meetingId: UNKNOWN }],
    ["unknown externalUserId during preview", { ...valid, externalUserId: UNKNOWN }],
    ["unknown capabilities during preview", { ...valid, capabilities: UNKNOWN }],
    [
      "unknown video with content Receive",
      { ...valid, capabilities: { audio: "None", video: UNKNOWN, content: "Receive" } },
    ],
    ["unknown region during preview", { ...valid, region: UNKNOWN }],
    ['namespace "meetings" spelt out', { ...valid, namespace: "meetings" }],
    ["legacy: minimal inputs (region us-east-1 by default)", legacy],
    ["legacy: region us-east-1 given", { ...legacy, region: "us-east-1" }],
    ["legacy: tags", { ...legacy, tags: { site: "lobby", floor: "" } }],
    ["legacy: no tags ({})", { ...legacy, tags: {} }],
    [
      "legacy: 50 tags",
      { ...legacy, tags: Object.fromEntries(Array.from({ length: 50 }, (_, n) => [`k${n}`, "v"])) },
    ],
    [
      "legacy: 128-character key, 256-character value",
      { ...legacy, tags: { ["k".repeat(128)]: "v".repeat(256) } },
    ],
    [
      "legacy: any characters in keys (no pattern in the legacy model)",
      { ...legacy, tags: { "room #1 (east)": "x" } },
    ],
    // The legacy model (chime 2018-05-01) has no pattern and no reserved prefix for ExternalUserId.
    ["legacy: any characters in externalUserId", { ...legacy, externalUserId: "kiosk\u00a0#1!" }],
    ["legacy: externalUserId starting with aws:", { ...legacy, externalUserId: "aws:kiosk" }],
    ["legacy: unknown tags during preview", { ...legacy, tags: UNKNOWN }],
    ["legacy: unknown tag value during preview", { ...legacy, tags: { site: UNKNOWN } }],
    ["legacy: unknown region during preview", { ...legacy, region: UNKNOWN }],
    ["legacy: unknown meetingId during preview", { ...legacy, meetingId: UNKNOWN }],
    [
      "unknown audio, the others known",
      { ...valid, capabilities: { audio: UNKNOWN, video: "None", content: "None" } },
    ],
    [
      "every input unknown",
      { meetingId: UNKNOWN, externalUserId: UNKNOWN, capabilities: UNKNOWN, region: UNKNOWN },
    ],
  ];
  for (const [name, news] of accepted) {
    it(`accepts ${name}`, () => {
      expect(checkAttendee(undefined, news, undefined).failures).to.deep.equal([]);
    });
  }

  // [case, inputs, failing property, words the reason must contain]
  const rejected: [string, Record<string, unknown>, string, string[]][] = [
    ["missing meetingId", { ...valid, meetingId: undefined }, "meetingId", ["meetingId is required"]],
    ["meetingId not a GUID", { ...valid, meetingId: "standup" }, "meetingId", ["GUID", '"standup"']],
    ["meetingId a number", { ...valid, meetingId: 42 }, "meetingId", ["must be a string", "42"]],
    ["missing externalUserId", { ...valid, externalUserId: undefined }, "externalUserId", ["required"]],
    [
      "1-character externalUserId",
      { ...valid, externalUserId: "a" },
      "externalUserId",
      ["2 to 64", "(1 characters)"],
    ],
    [
      "65-character externalUserId",
      { ...valid, externalUserId: "y".repeat(65) },
      "externalUserId",
      ["2 to 64", "65 characters"],
    ],
    [
      "externalUserId with '*'",
      { ...valid, externalUserId: "kiosk*1" },
      "externalUserId",
      ["may contain only", "(7 characters) whose character 6 is not one of them"],
    ],
    [
      "externalUserId with an emoji",
      { ...valid, externalUserId: "kiosk🙂" },
      "externalUserId",
      ["may contain only"],
    ],
    [
      "externalUserId 'aws:' prefix",
      { ...valid, externalUserId: "aws:kiosk" },
      "externalUserId",
      ['"aws:"', "(9 characters)"],
    ],
    ["externalUserId 'AWS:' prefix", { ...valid, externalUserId: "AWS:kiosk" }, "externalUserId", ['"aws:"']],
    [
      "capabilities not an object",
      { ...valid, capabilities: "all" },
      "capabilities",
      ["must be an object", '"all"'],
    ],
    [
      "capabilities missing video",
      { ...valid, capabilities: { audio: "None", content: "None" } },
      "capabilities.video",
      ["required when capabilities is given"],
    ],
    [
      "capability outside the enum",
      { ...valid, capabilities: { audio: "Loud", video: "None", content: "None" } },
      "capabilities.audio",
      ["None, Receive, Send, SendReceive", '"Loud"'],
    ],
    [
      "capability in the wrong case",
      { ...valid, capabilities: { audio: "sendreceive", video: "None", content: "None" } },
      "capabilities.audio",
      ['"sendreceive"'],
    ],
    [
      "misspelt capability member",
      { ...valid, capabilities: { audio: "None", vidoe: "None", video: "None", content: "None" } },
      "capabilities.vidoe",
      ["no member", '"vidoe"'],
    ],
    [
      "content Receive with video None",
      { ...valid, capabilities: { audio: "None", video: "None", content: "Receive" } },
      "capabilities.content",
      ["needs capabilities.video", '"None"'],
    ],
    [
      "content SendReceive with video Send",
      { ...valid, capabilities: { audio: "None", video: "Send", content: "SendReceive" } },
      "capabilities.content",
      ["needs capabilities.video"],
    ],
    [
      "a bad capability beside an unknown one",
      { ...valid, capabilities: { audio: "Loud", video: UNKNOWN, content: "None" } },
      "capabilities.audio",
      ['"Loud"'],
    ],
    [
      "a bad externalUserId beside an unknown meetingId",
      { ...valid, meetingId: UNKNOWN, externalUserId: "a" },
      "externalUserId",
      ["2 to 64"],
    ],
    ["malformed region", { ...valid, region: "US East" }, "region", ["AWS region name", '"US East"']],
    [
      "namespace outside the set",
      { ...valid, namespace: "chime" },
      "namespace",
      ["meetings, legacy", '"chime"'],
    ],
    [
      "tags without namespace legacy",
      { ...valid, tags: { site: "lobby" } },
      "tags",
      ['needs namespace "legacy"', "1 tag"],
    ],
    [
      'tags with namespace "meetings"',
      { ...valid, namespace: "meetings", tags: { a: "1", b: "2" } },
      "tags",
      ['needs namespace "legacy"', "2 tags"],
    ],
    [
      "legacy: capabilities",
      { ...legacy, capabilities: { audio: "None", video: "None", content: "None" } },
      "capabilities",
      ['needs namespace "meetings"', "no capabilities", '"audio"'],
    ],
    [
      "legacy: another region",
      { ...legacy, region: "us-west-2" },
      "region",
      ['must be "us-east-1"', "one global endpoint", '"us-west-2"'],
    ],
    [
      "legacy: 51 tags",
      { ...legacy, tags: Object.fromEntries(Array.from({ length: 51 }, (_, n) => [`k${n}`, "v"])) },
      "tags",
      ["at most 50", "51"],
    ],
    ["legacy: empty key", { ...legacy, tags: { "": "v" } }, "tags.", ["1 to 128", "0 characters"]],
    [
      "legacy: 129-character key",
      { ...legacy, tags: { ["k".repeat(129)]: "v" } },
      `tags.${"k".repeat(129)}`,
      ["1 to 128", "129 characters"],
    ],
    ["legacy: aws: key", { ...legacy, tags: { "aws:site": "v" } }, "tags.aws:site", ['"aws:"']],
    [
      "legacy: 257-character value",
      { ...legacy, tags: { site: "v".repeat(257) } },
      "tags.site",
      ["at most 256"],
    ],
    ["legacy: value not a string", { ...legacy, tags: { floor: 3 } }, "tags.floor", ["string", "3"]],
    ["legacy: tags a list", { ...legacy, tags: [{ Key: "a", Value: "b" }] }, "tags", ["map of tag keys"]],
    ["legacy: externalUserId too short", { ...legacy, externalUserId: "a" }, "externalUserId", ["2 to 64"]],
    ["legacy: meetingId not a GUID", { ...legacy, meetingId: "standup" }, "meetingId", ["GUID"]],
  ];
  for (const [name, news, property, words] of rejected) {
    it(`rejects ${name}, naming ${property}`, () => {
      const { failures } = checkAttendee(undefined, news, undefined);
      expect(failures.map((f) => f.property)).to.deep.equal([property]);
      for (const word of words) expect(failures[0].reason).to.include(word);
      // ExternalUserId is sensitive in the AWS model: a reason gives its length, never the value.
      if (property === "externalUserId" && typeof news.externalUserId === "string") {
        expect(failures[0].reason).not.to.include(JSON.stringify(news.externalUserId));
      }
    });
  }

  it("reports every failure at once, one per property", () => {
    const { failures } = checkAttendee(
      undefined,
      { meetingId: "x", externalUserId: "a", region: "mars" },
      undefined,
    );
    expect(failures.map((f) => f.property)).to.deep.equal(["meetingId", "externalUserId", "region"]);
  });
});

describe("Attendee check: normalised inputs", () => {
  it("leaves undeclared capabilities undeclared: Chime's default depends on the meeting's features", () => {
    const { inputs } = checkAttendee(undefined, valid, undefined);
    expect(inputs).not.to.have.property("capabilities");
  });

  // [case, old inputs' region, new input, default from config/env, stored region]
  const regions: [string, string | undefined, string | undefined, string | undefined, string | undefined][] =
    [
      ["explicit input wins over config", undefined, "us-west-2", "us-east-1", "us-west-2"],
      ["config or environment when absent", undefined, undefined, "ca-central-1", "ca-central-1"],
      ["carried over from the old inputs when absent", "ap-south-1", undefined, "us-east-1", "ap-south-1"],
      ["explicit change over the old inputs", "ap-south-1", "us-west-2", "us-east-1", "us-west-2"],
    ];
  for (const [name, oldRegion, newRegion, fallback, stored] of regions) {
    it(`region: ${name}`, () => {
      const olds = oldRegion ? { ...valid, region: oldRegion } : undefined;
      const { inputs, failures } = checkAttendee(olds, { ...valid, region: newRegion }, fallback);
      expect(failures).to.deep.equal([]);
      expect(inputs.region).to.equal(stored);
    });
  }

  it("fails with guidance when no region is set anywhere", () => {
    const { failures } = checkAttendee(undefined, { ...valid, region: undefined }, undefined);
    expect(failures).to.have.length(1);
    expect(failures[0].property).to.equal("region");
    expect(failures[0].reason).to.include("chime:region").and.include("AWS_REGION");
  });

  it("stores namespace only when legacy, so that states from before namespaces match", () => {
    expect(
      checkAttendee(undefined, { ...valid, namespace: "meetings" }, undefined).inputs,
    ).not.to.have.property("namespace");
    expect(checkAttendee(undefined, legacy, undefined).inputs).to.deep.equal({
      namespace: "legacy",
      meetingId: MEETING,
      externalUserId: "kiosk-lobby-1",
      region: "us-east-1",
    });
  });

  it("legacy: us-east-1 whatever the config or the environment say (the namespace has one region)", () => {
    const { inputs, failures } = checkAttendee(undefined, legacy, "eu-central-1");
    expect(failures).to.deep.equal([]);
    expect(inputs.region).to.equal("us-east-1");
  });

  it("a legacy attendee's region is not carried over when it moves to Chime SDK Meetings", () => {
    const olds = { ...legacy, region: "us-east-1" } as const;
    expect(checkAttendee(olds, valid, "ap-south-1").inputs.region).to.equal("us-east-1");
    expect(checkAttendee(olds, { ...valid, region: undefined }, "ap-south-1").inputs.region).to.equal(
      "ap-south-1",
    );
  });

  // [case, unknown inputs]: stored as they are, for the diff to plan them as maybe changes.
  const unknowns: [string, Record<string, unknown>][] = [
    ["meetingId", { ...valid, meetingId: UNKNOWN }],
    ["capabilities", { ...valid, capabilities: UNKNOWN }],
    ["one capability", { ...valid, capabilities: { audio: UNKNOWN, video: "None", content: "None" } }],
    ["region", { ...valid, region: UNKNOWN }],
  ];
  for (const [name, news] of unknowns) {
    it(`keeps an unknown ${name} unknown in the inputs`, () => {
      expect(checkAttendee(undefined, news, "us-east-1").inputs).to.deep.equal(news);
    });
  }

  it("drops properties it does not know", () => {
    const { inputs } = checkAttendee(
      undefined,
      { ...valid, capabilities: { audio: "None", video: "None", content: "None" }, colour: "red" } as Record<
        string,
        unknown
      >,
      undefined,
    );
    expect(Object.keys(inputs).sort()).to.deep.equal([
      "capabilities",
      "externalUserId",
      "meetingId",
      "region",
    ]);
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-resources.test.ts): kept with this behaviour's tests.
{
  const { MEETING, NONE, attendee, legacyAttendee } = fixtures;

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Attendee check: the legacy namespace, and messages in full", [
  ["legacy inputs are normalised", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", tags: { k: "v" } }, "eu-west-2"), { inputs: { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", region: "us-east-1", tags: { k: "v" } }, failures: [] }],
  ["legacy without tags stores none", () => Object.keys(checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1" }, undefined).inputs), ["namespace", "meetingId", "externalUserId", "region"]],
  ["legacy with capabilities", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", capabilities: NONE }, undefined).failures, [{ property: "capabilities", reason: 'capabilities needs namespace "meetings": attendees of the legacy Amazon Chime namespace have no capabilities; got {"audio":"None","video":"None","content":"None"}' }]],
  ["legacy in another region", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", region: "eu-west-2" }, undefined).failures, [{ property: "region", reason: 'region must be "us-east-1" with namespace "legacy": the legacy Amazon Chime namespace has one global endpoint, in us-east-1; got "eu-west-2"' }]],
  ["legacy with an unknown region", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", region: UNKNOWN }, undefined), { inputs: { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", region: UNKNOWN }, failures: [] }],
  ["legacy with unknown tags", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", tags: UNKNOWN }, undefined).failures, []],
  ["legacy with a bad tag key", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", tags: { "aws:k": "v" } }, undefined).failures, [{ property: "tags.aws:k", reason: 'tags keys must not start with "aws:"; got "aws:k"' }]],
  ["tags in Chime SDK Meetings: counted, not shown", () => checkAttendee(undefined, { meetingId: MEETING, externalUserId: "u1", tags: { a: "1", b: "2" } }, "us-east-1").failures, [{ property: "tags", reason: 'tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; got 2 tags' }]],
  ["one tag in Chime SDK Meetings", () => checkAttendee(undefined, { meetingId: MEETING, externalUserId: "u1", tags: { a: "1" } }, "us-east-1").failures, [{ property: "tags", reason: 'tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; got 1 tag' }]],
  ["tags that are not a map in Chime SDK Meetings", () => checkAttendee(undefined, { meetingId: MEETING, externalUserId: "u1", tags: ["a"] }, "us-east-1").failures, [{ property: "tags", reason: 'tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; got ["a"]' }]],
  ["null tags in Chime SDK Meetings", () => checkAttendee(undefined, { meetingId: MEETING, externalUserId: "u1", tags: null }, "us-east-1").failures, [{ property: "tags", reason: 'tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; got null' }]],
  ["an unknown namespace", () => checkAttendee(undefined, { namespace: "classic", meetingId: MEETING, externalUserId: "u1" }, "us-east-1").failures, [{ property: "namespace", reason: 'namespace must be one of meetings, legacy; got "classic"' }]],
  ["namespace meetings is accepted and not stored", () => checkAttendee(undefined, { namespace: "meetings", meetingId: MEETING, externalUserId: "u1" }, "us-east-1"), { inputs: { meetingId: MEETING, externalUserId: "u1", region: "us-east-1" }, failures: [] }],
  ["the old region is carried over", () => checkAttendee(attendee({ region: "eu-west-2" }), { meetingId: MEETING, externalUserId: "u1" }, "us-east-1").inputs.region, "eu-west-2"],
  ["a legacy attendee's region is not carried over", () => checkAttendee(legacyAttendee(), { meetingId: MEETING, externalUserId: "u1" }, "eu-west-2").inputs.region, "eu-west-2"],
  ["unknown meetingId and externalUserId pass", () => checkAttendee(undefined, { meetingId: UNKNOWN, externalUserId: UNKNOWN }, "us-east-1").failures, []],
]);
}

// Rows first written against surviving mutants (formerly test/provider/mutants-round2.test.ts): kept with this behaviour's tests.
// biome-ignore format: one case per line keeps the table readable as a specification
table("Capabilities check", [
  ["absent", () => checkCapabilities("c", undefined), []],
  ["unknown", () => checkCapabilities("c", UNKNOWN), []],
  ["all three", () => checkCapabilities("c", { audio: "Send", video: "Receive", content: "Receive" }), []],
  ["not an object", () => checkCapabilities("c", "all"), [{ property: "c", reason: 'c must be an object with audio, video and content; got "all"' }]],
  ["null", () => checkCapabilities("c", null), [{ property: "c", reason: "c must be an object with audio, video and content; got null" }]],
  ["a list", () => checkCapabilities("c", []), [{ property: "c", reason: "c must be an object with audio, video and content; got []" }]],
  ["an unknown member", () => checkCapabilities("c", { audio: "None", video: "None", content: "None", screen: "None" }), [{ property: "c.screen", reason: 'c has no member "screen"; its members are audio, video and content' }]],
  ["a missing member", () => checkCapabilities("c", { audio: "None", video: "None" }), [{ property: "c.content", reason: "c.content is required when c is given (one of None, Receive, Send, SendReceive)" }]],
  ["a bad value", () => checkCapabilities("c", { audio: "Loud", video: "None", content: "None" }), [{ property: "c.audio", reason: 'c.audio must be one of None, Receive, Send, SendReceive; got "Loud"' }]],
  ["an unknown member value passes", () => checkCapabilities("c", { audio: UNKNOWN, video: "None", content: "None" }), []],
  ["content that receives without video that receives", () => checkCapabilities("c", { audio: "None", video: "Send", content: "SendReceive" }), [{ property: "c.content", reason: 'c.content "SendReceive" needs c.video to be SendReceive or Receive (Chime rule: receiving content share requires receiving video); got video "Send"' }]],
  ["content that receives with video that receives", () => checkCapabilities("c", { audio: "None", video: "SendReceive", content: "Receive" }), []],
  ["content that only sends, no video", () => checkCapabilities("c", { audio: "None", video: "None", content: "Send" }), []],
  ["an unknown video: the cross rule waits", () => checkCapabilities("c", { audio: "None", video: UNKNOWN, content: "Receive" }), []],
  ["an unknown content: the cross rule waits", () => checkCapabilities("c", { audio: "None", video: "None", content: UNKNOWN }), []],
  ["another failure first: the cross rule is not added", () => checkCapabilities("c", { audio: "Loud", video: "None", content: "Receive" }).map((f) => f.property), ["c.audio"]],
]);

describe("Duplicate attendees in one deployment", () => {
  it("GIVEN two resources declaring one meeting and externalUserId THEN the second gets a failure naming both, the id by length", () => {
    const claims = new AttendeeClaims();
    const key = { meetingId: "m-1", externalUserId: "kiosk", property: "externalUserId" };
    expect(duplicateFailures(claims, 'Attendee "a"', [key])).to.deep.equal([]);
    expect(duplicateFailures(claims, 'Attendee "b"', [key])).to.deep.equal([
      {
        property: "externalUserId",
        reason:
          'externalUserId (5 characters) in meeting "m-1" is also declared by Attendee "a" in this deployment: ' +
          "both would get one and the same Chime attendee (Chime returns the existing attendee for an " +
          "externalUserId it knows), and deleting either would invalidate the JoinToken of the other. " +
          "Declare each attendee in one resource only.",
      },
    ]);
  });
});

import { expect } from "chai";
import { checkAttendee } from "../../provider/attendee/attendee-check";
import { UNKNOWN } from "../../provider/validation/rules";

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

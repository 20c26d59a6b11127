import { expect } from "chai";
import { checkMeeting } from "../../provider/meeting/meeting-check";
import { diffMeeting } from "../../provider/meeting/meeting-diff";
import type { MeetingInputs } from "../../provider/meeting/meeting-state";
import { MEETING_REPLACE_ON } from "../../provider/meeting/meeting-state";
import { sameValue } from "../../provider/shared/values";
import { UNKNOWN } from "../../provider/validation/rules";
import { isSensitive } from "../../provider/validation/sensitive";
import * as fixtures from "../support/resource-fixtures";
import { table } from "../support/rule-table";

const valid = { externalMeetingId: "standup-room", mediaRegion: "us-east-1", region: "us-east-1" };
const legacy = { externalMeetingId: "standup-room", mediaRegion: "us-east-1", namespace: "legacy" };

describe("Meeting check: rules, before any AWS call", () => {
  const accepted: [string, Record<string, unknown>][] = [
    ["minimal inputs", valid],
    [
      "every optional input",
      {
        ...valid,
        meetingHostId: "host-1",
        meetingFeatures: {
          audio: { echoReduction: "AVAILABLE" },
          video: { maxResolution: "HD" },
          content: { maxResolution: "FHD" },
          attendee: { maxCount: 50 },
        },
        notificationsConfiguration: {
          snsTopicArn: "arn:aws:sns:us-east-1:123456789012:meeting-events",
          sqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:meeting-events.fifo",
          lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:on-event",
        },
        primaryMeetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
        tenantIds: ["tenant-a", "tenant-b"],
        tags: { team: "support", "cost-center": "42", empty: "" },
      },
    ],
    [
      "FHD video with 25 attendees",
      { ...valid, meetingFeatures: { video: { maxResolution: "FHD" }, attendee: { maxCount: 25 } } },
    ],
    [
      "UHD content with 1 attendee",
      { ...valid, meetingFeatures: { content: { maxResolution: "UHD" }, attendee: { maxCount: 1 } } },
    ],
    ["250 attendees", { ...valid, meetingFeatures: { attendee: { maxCount: 250 } } }],
    [
      "GovCloud ARN partition",
      {
        ...valid,
        notificationsConfiguration: { snsTopicArn: "arn:aws-us-gov:sns:us-gov-west-1:123456789012:t" },
      },
    ],
    ["50 tags", { ...valid, tags: Object.fromEntries(Array.from({ length: 50 }, (_, n) => [`k${n}`, "v"])) }],
    ["a media region that is not a control-plane region", { ...valid, mediaRegion: "eu-west-1" }],
    // AWS adds regions: ones this version does not know are warnings (the Meeting class's), not failures.
    ["a media region this version does not know", { ...valid, mediaRegion: "eu-south-2" }],
    ["a control-plane region this version does not know", { ...valid, region: "eu-west-1" }],
    [
      "unknown inputs during preview",
      { ...valid, externalMeetingId: UNKNOWN, tags: UNKNOWN, tenantIds: UNKNOWN, meetingFeatures: UNKNOWN },
    ],
    ['namespace "meetings" spelt out', { ...valid, namespace: "meetings" }],
    ["legacy: minimal inputs (region us-east-1 by default)", legacy],
    [
      "legacy: every input the legacy CreateMeeting has",
      {
        ...legacy,
        region: "us-east-1",
        mediaRegion: "eu-central-1",
        meetingHostId: "host-1",
        notificationsConfiguration: {
          snsTopicArn: "arn:aws:sns:us-east-1:123456789012:meeting-events",
          sqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:meeting-events",
        },
        tags: { "room #1": "lobby", empty: "" },
      },
    ],
    ["legacy: unknown region during preview", { ...legacy, region: UNKNOWN }],
    ["legacy: unknown tags during preview", { ...legacy, tags: UNKNOWN }],
    // Unknowns in every position during preview: checked once known.
    ["an unknown mediaRegion", { ...valid, mediaRegion: UNKNOWN }],
    ["an unknown region", { ...valid, region: UNKNOWN }],
    ["an unknown meetingHostId", { ...valid, meetingHostId: UNKNOWN }],
    ["an unknown primaryMeetingId", { ...valid, primaryMeetingId: UNKNOWN }],
    ["an unknown tag value", { ...valid, tags: { team: UNKNOWN } }],
    ["an unknown tenant id", { ...valid, tenantIds: ["tenant-a", UNKNOWN] }],
    ["unknown notifications", { ...valid, notificationsConfiguration: UNKNOWN }],
    ["an unknown notification ARN", { ...valid, notificationsConfiguration: { snsTopicArn: UNKNOWN } }],
    [
      "an unknown feature group",
      { ...valid, meetingFeatures: { video: UNKNOWN, attendee: { maxCount: 25 } } },
    ],
    [
      "an unknown maxCount with FHD video",
      { ...valid, meetingFeatures: { video: { maxResolution: "FHD" }, attendee: { maxCount: UNKNOWN } } },
    ],
    ["an unknown video resolution", { ...valid, meetingFeatures: { video: { maxResolution: UNKNOWN } } }],
  ];
  for (const [name, news] of accepted) {
    it(`accepts ${name}`, () => {
      expect(checkMeeting(undefined, news, undefined).failures).to.deep.equal([]);
    });
  }

  const rejected: [string, Record<string, unknown>, string, string[]][] = [
    [
      "missing externalMeetingId",
      { ...valid, externalMeetingId: undefined },
      "externalMeetingId",
      ["required"],
    ],
    ["1-character externalMeetingId", { ...valid, externalMeetingId: "x" }, "externalMeetingId", ["2 to 64"]],
    [
      "'aws:' externalMeetingId",
      { ...valid, externalMeetingId: "Aws:room" },
      "externalMeetingId",
      ['"aws:"'],
    ],
    [
      "malformed media region",
      { ...valid, mediaRegion: "mars-north-1" },
      "mediaRegion",
      ["AWS region name", '"mars-north-1"'],
    ],
    [
      "missing media region",
      { ...valid, mediaRegion: undefined },
      "mediaRegion",
      ["mediaRegion is required"],
    ],
    ["meetingHostId with '*'", { ...valid, meetingHostId: "host*" }, "meetingHostId", ["may contain only"]],
    ["primaryMeetingId not a GUID", { ...valid, primaryMeetingId: "primary" }, "primaryMeetingId", ["GUID"]],
    [
      "video resolution outside the enum",
      { ...valid, meetingFeatures: { video: { maxResolution: "4K" } } },
      "meetingFeatures.video.maxResolution",
      ["FHD, HD, None", '"4K"'],
    ],
    [
      "content resolution outside the enum",
      { ...valid, meetingFeatures: { content: { maxResolution: "HD" } } },
      "meetingFeatures.content.maxResolution",
      ["FHD, None, UHD"],
    ],
    [
      "echo reduction outside the enum",
      { ...valid, meetingFeatures: { audio: { echoReduction: "ON" } } },
      "meetingFeatures.audio.echoReduction",
      ["AVAILABLE, UNAVAILABLE"],
    ],
    [
      "0 attendees",
      { ...valid, meetingFeatures: { attendee: { maxCount: 0 } } },
      "meetingFeatures.attendee.maxCount",
      ["1 to 250", "0"],
    ],
    [
      "251 attendees",
      { ...valid, meetingFeatures: { attendee: { maxCount: 251 } } },
      "meetingFeatures.attendee.maxCount",
      ["1 to 250"],
    ],
    [
      "fractional attendees",
      { ...valid, meetingFeatures: { attendee: { maxCount: 2.5 } } },
      "meetingFeatures.attendee.maxCount",
      ["whole number"],
    ],
    [
      "FHD video without maxCount",
      { ...valid, meetingFeatures: { video: { maxResolution: "FHD" } } },
      "meetingFeatures.attendee.maxCount",
      ["required with", "FHD"],
    ],
    [
      "UHD content with 26 attendees",
      { ...valid, meetingFeatures: { content: { maxResolution: "UHD" }, attendee: { maxCount: 26 } } },
      "meetingFeatures.attendee.maxCount",
      ["at most 25", "UHD", "26"],
    ],
    ["misspelt feature", { ...valid, meetingFeatures: { vdeo: {} } }, "meetingFeatures.vdeo", ["no member"]],
    [
      "SNS ARN of another service",
      { ...valid, notificationsConfiguration: { snsTopicArn: "arn:aws:sqs:us-east-1:123456789012:q" } },
      "notificationsConfiguration.snsTopicArn",
      ["SNS topic"],
    ],
    [
      "SQS ARN that is a URL",
      {
        ...valid,
        notificationsConfiguration: { sqsQueueArn: "https://sqs.us-east-1.amazonaws.com/123456789012/q" },
      },
      "notificationsConfiguration.sqsQueueArn",
      ["SQS queue"],
    ],
    [
      "Lambda ARN without 'function:'",
      {
        ...valid,
        notificationsConfiguration: { lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:f" },
      },
      "notificationsConfiguration.lambdaFunctionArn",
      ["Lambda function"],
    ],
    [
      "unknown notification target",
      { ...valid, notificationsConfiguration: { eventBridgeArn: "x" } },
      "notificationsConfiguration.eventBridgeArn",
      ["no member"],
    ],
    ["no tenant ids", { ...valid, tenantIds: [] }, "tenantIds", ["1 to 5"]],
    [
      "six tenant ids",
      { ...valid, tenantIds: ["aa", "bb", "cc", "dd", "ee", "ff"] },
      "tenantIds",
      ["1 to 5"],
    ],
    ["1-character tenant id", { ...valid, tenantIds: ["ok", "x"] }, "tenantIds[1]", ["2 to 256"]],
    [
      "51 tags",
      { ...valid, tags: Object.fromEntries(Array.from({ length: 51 }, (_, n) => [`k${n}`, "v"])) },
      "tags",
      ["at most 50", "51"],
    ],
    [
      "tag key with a space",
      { ...valid, tags: { "cost center": "1" } },
      "tags.cost center",
      ["1 to 128", '"cost center"'],
    ],
    ["tag key 'aws:'", { ...valid, tags: { "aws:owner": "me" } }, "tags.aws:owner", ['"aws:"']],
    ["257-character tag value", { ...valid, tags: { note: "v".repeat(257) } }, "tags.note", ["at most 256"]],
    // The model's TagValue pattern (test/shared/input-table.ts holds the whole table of such values).
    [
      "tag value with a no-break space",
      { ...valid, tags: { note: "a\u00a0b" } },
      "tags.note",
      ["only ASCII letters", '"a\u00a0b"'],
    ],
    [
      "tag value with '!'",
      { ...valid, tags: { note: "yes!" } },
      "tags.note",
      ["only ASCII letters", '"yes!"'],
    ],
    [
      "tenant id with a space",
      { ...valid, tenantIds: ["tenant one"] },
      "tenantIds[0]",
      ["letters, digits and -_!@#$", '"tenant one"'],
    ],
    [
      "tenant id with a character four times in a row",
      { ...valid, tenantIds: ["taaaa"] },
      "tenantIds[0]",
      ["four times in a row", '"taaaa"'],
    ],
    [
      "namespace outside the set",
      { ...valid, namespace: "chime" },
      "namespace",
      ["meetings, legacy", '"chime"'],
    ],
    [
      "legacy: another region",
      { ...legacy, region: "us-west-2" },
      "region",
      ['must be "us-east-1"', "one global endpoint", '"us-west-2"'],
    ],
    [
      "legacy: meetingFeatures",
      { ...legacy, meetingFeatures: { audio: { echoReduction: "AVAILABLE" } } },
      "meetingFeatures",
      ['needs namespace "meetings"', "legacy Amazon Chime CreateMeeting"],
    ],
    [
      "legacy: primaryMeetingId",
      { ...legacy, primaryMeetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c" },
      "primaryMeetingId",
      ['needs namespace "meetings"'],
    ],
    [
      "legacy: tenantIds",
      { ...legacy, tenantIds: ["tenant-a"] },
      "tenantIds",
      ['needs namespace "meetings"'],
    ],
    [
      "legacy: a Lambda notification target",
      {
        ...legacy,
        notificationsConfiguration: {
          lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:on-event",
        },
      },
      "notificationsConfiguration.lambdaFunctionArn",
      ['needs namespace "meetings"', "SNS topic or an SQS queue"],
    ],
    [
      "legacy: 129-character tag key",
      { ...legacy, tags: { ["k".repeat(129)]: "v" } },
      `tags.${"k".repeat(129)}`,
      ["1 to 128"],
    ],
    ["legacy: tag key 'aws:'", { ...legacy, tags: { "aws:owner": "me" } }, "tags.aws:owner", ['"aws:"']],
    [
      "legacy: 65-character externalMeetingId",
      { ...legacy, externalMeetingId: "m".repeat(65) },
      "externalMeetingId",
      ["2 to 64", "(65 characters)"],
    ],
    [
      "a bad media region beside unknowns",
      { ...valid, externalMeetingId: UNKNOWN, tags: UNKNOWN, mediaRegion: "mars-north-1" },
      "mediaRegion",
      ['"mars-north-1"'],
    ],
    [
      "a bad tag key beside an unknown value",
      { ...valid, tags: { team: UNKNOWN, "aws:owner": "me" } },
      "tags.aws:owner",
      ['"aws:"'],
    ],
    [
      "a bad maxCount beside an unknown resolution",
      { ...valid, meetingFeatures: { video: { maxResolution: UNKNOWN }, attendee: { maxCount: 0 } } },
      "meetingFeatures.attendee.maxCount",
      ["1 to 250"],
    ],
  ];
  for (const [name, news, property, words] of rejected) {
    it(`rejects ${name}, naming ${property}`, () => {
      const { failures } = checkMeeting(undefined, news, undefined);
      expect(failures.map((f) => f.property)).to.deep.equal([property]);
      for (const word of words) expect(failures[0].reason).to.include(word);
      // Sensitive in the AWS model: a reason gives the value's length, never the value.
      const leaf = property.split(".").pop() as string;
      const value =
        leaf === property
          ? news[property]
          : (news.notificationsConfiguration as Record<string, unknown>)?.[leaf];
      if (isSensitive(property) && typeof value === "string")
        expect(failures[0].reason).not.to.include(JSON.stringify(value));
    });
  }
});

describe("Meeting check: no stored ClientRequestToken (issue 8)", () => {
  it("keeps none for a new meeting: the SDK fills CreateMeeting's token per call", () => {
    expect(checkMeeting(undefined, valid, undefined).inputs).not.to.have.property("clientRequestToken");
  });

  it("drops the clientRequestToken that state written by v0.1.0 carries in its old inputs", () => {
    const olds = { ...valid, clientRequestToken: "9a791af1-1422-45ab-a8fd-34501ebb474d" };
    const { inputs, failures } = checkMeeting(
      olds,
      { ...valid, clientRequestToken: olds.clientRequestToken },
      undefined,
    );
    expect(failures).to.deep.equal([]);
    expect(inputs).to.deep.equal(valid);
  });
});

describe("Meeting diff: a Meeting never changes in place (issue 8)", () => {
  const olds = checkMeeting(undefined, { ...valid, tags: { team: "a" } }, undefined).inputs as MeetingInputs;
  // [case, change of inputs, expected changes, expected replaces]
  const cases: [string, Record<string, unknown>, boolean, string[]][] = [
    ["nothing changed", {}, false, []],
    ["namespace changed to legacy: replace", { namespace: "legacy" }, true, ["namespace"]],
    ["tags changed: no change (the MeetingTags child updates)", { tags: { team: "b" } }, false, []],
    ["tags removed: no change (the MeetingTags child goes)", { tags: undefined }, false, []],
    ["tags unknown: no change", { tags: UNKNOWN }, false, []],
    ["one tag value unknown: no change", { tags: { team: UNKNOWN } }, false, []],
    ["externalMeetingId changed: replace", { externalMeetingId: "other-room" }, true, ["externalMeetingId"]],
    ["externalMeetingId unknown: replace", { externalMeetingId: UNKNOWN }, true, ["externalMeetingId"]],
    ["mediaRegion changed: replace", { mediaRegion: "us-west-2" }, true, ["mediaRegion"]],
    ["meetingHostId added: replace", { meetingHostId: "host-1" }, true, ["meetingHostId"]],
    [
      "features changed: replace",
      { meetingFeatures: { attendee: { maxCount: 5 } } },
      true,
      ["meetingFeatures"],
    ],
    [
      "one feature unknown: replace",
      { meetingFeatures: { attendee: { maxCount: UNKNOWN } } },
      true,
      ["meetingFeatures"],
    ],
    [
      "notifications changed: replace",
      { notificationsConfiguration: { snsTopicArn: "arn:aws:sns:us-east-1:123456789012:t" } },
      true,
      ["notificationsConfiguration"],
    ],
    [
      "primaryMeetingId added: replace",
      { primaryMeetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c" },
      true,
      ["primaryMeetingId"],
    ],
    ["tenantIds added: replace", { tenantIds: ["tenant-a"] }, true, ["tenantIds"]],
    ["region changed: replace", { region: "us-west-2" }, true, ["region"]],
    ["region unknown: replace", { region: UNKNOWN }, true, ["region"]],
    ["mediaRegion unknown: replace", { mediaRegion: UNKNOWN }, true, ["mediaRegion"]],
    ["meetingHostId unknown: replace", { meetingHostId: UNKNOWN }, true, ["meetingHostId"]],
    ["primaryMeetingId unknown: replace", { primaryMeetingId: UNKNOWN }, true, ["primaryMeetingId"]],
    ["one tenant id unknown: replace", { tenantIds: ["tenant-a", UNKNOWN] }, true, ["tenantIds"]],
    [
      "one notification ARN unknown: replace",
      { notificationsConfiguration: { snsTopicArn: UNKNOWN } },
      true,
      ["notificationsConfiguration"],
    ],
    [
      "tags and mediaRegion changed: replace, for mediaRegion only",
      { tags: { team: "b" }, mediaRegion: "us-west-2" },
      true,
      ["mediaRegion"],
    ],
  ];
  for (const [name, change, changes, replaces] of cases) {
    it(name, () => {
      const diff = diffMeeting(olds, { ...olds, ...change } as MeetingInputs);
      expect(diff.changes).to.equal(changes);
      expect(diff.replaces).to.deep.equal(replaces);
    });
  }

  it("GIVEN the state of v0.1.0 (tags and a clientRequestToken in its outputs) THEN the same inputs are no change", () => {
    const v010 = { ...olds, clientRequestToken: "9a791af1-1422-45ab-a8fd-34501ebb474d", meetingId: "m" };
    expect(diffMeeting(v010, olds)).to.deep.equal({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-resources.test.ts): kept with this behaviour's tests.
{
  const { MEETING, meetingInputs, meetingState } = fixtures;

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Meeting check: messages in full, the legacy namespace, notifications", [
  ["an unknown namespace", () => checkMeeting(undefined, { ...meetingInputs(), namespace: "classic" }, undefined).failures, [{ property: "namespace", reason: 'namespace must be one of meetings, legacy; got "classic"' }]],
  ["the old region is carried over", () => checkMeeting(meetingInputs({ region: "eu-west-2" }), { externalMeetingId: "m1", mediaRegion: "us-east-1" }, "us-east-1").inputs.region, "eu-west-2"],
  ["a legacy meeting's region is not carried over", () => checkMeeting(meetingInputs({ namespace: "legacy", region: "us-east-1" }), { externalMeetingId: "m1", mediaRegion: "us-east-1" }, "eu-west-2").inputs.region, "eu-west-2"],
  ["legacy: us-east-1 by default", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1" }, "eu-west-2").inputs, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: "us-east-1" }],
  ["legacy: an unknown region", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: UNKNOWN }, undefined), { inputs: { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: UNKNOWN }, failures: [] }],
  ["legacy: another region", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: "eu-west-2" }, undefined).failures, [{ property: "region", reason: 'region must be "us-east-1" with namespace "legacy": the legacy Amazon Chime namespace has one global endpoint, in us-east-1; got "eu-west-2"' }]],
  ["legacy: members it does not have", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", meetingFeatures: {}, primaryMeetingId: MEETING, tenantIds: ["ab"] }, undefined).failures.map((f) => f.reason), ['meetingFeatures needs namespace "meetings": the legacy Amazon Chime CreateMeeting has no meetingFeatures; got {}', `primaryMeetingId needs namespace "meetings": the legacy Amazon Chime CreateMeeting has no primaryMeetingId; got "${MEETING}"`, 'tenantIds needs namespace "meetings": the legacy Amazon Chime CreateMeeting has no tenantIds; got ["ab"]']],
  ["legacy: a Lambda target", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", notificationsConfiguration: { lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f" } }, undefined).failures, [{ property: "notificationsConfiguration.lambdaFunctionArn", reason: 'notificationsConfiguration.lambdaFunctionArn needs namespace "meetings": legacy meetings notify only an SNS topic or an SQS queue' }]],
  ["legacy: an SNS target", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", notificationsConfiguration: { snsTopicArn: "arn:aws:sns:us-east-1:123456789012:t" } }, undefined).failures, []],
  ["legacy: notifications that are not an object", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", notificationsConfiguration: "x" }, undefined).failures, [{ property: "notificationsConfiguration", reason: 'notificationsConfiguration must be an object with lambdaFunctionArn, snsTopicArn or sqsQueueArn; got "x"' }]],
  ["legacy: tags without the key pattern", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", tags: { "a b": "v" } }, undefined).failures, []],
  ["meetings: tags with the key pattern", () => checkMeeting(undefined, { externalMeetingId: "m1", mediaRegion: "us-east-1", tags: { "a b": "v" } }, "us-east-1").failures.map((f) => f.property), ["tags.a b"]],
  ["unknown externalMeetingId, mediaRegion, host and primary pass", () => checkMeeting(undefined, { externalMeetingId: UNKNOWN, mediaRegion: UNKNOWN, meetingHostId: UNKNOWN, primaryMeetingId: UNKNOWN, notificationsConfiguration: UNKNOWN }, "us-east-1").failures, []],
  ["a missing mediaRegion", () => checkMeeting(undefined, { externalMeetingId: "m1" }, "us-east-1").failures, [{ property: "mediaRegion", reason: "mediaRegion is required" }]],
  ["a malformed mediaRegion", () => checkMeeting(undefined, { externalMeetingId: "m1", mediaRegion: "mars" }, "us-east-1").failures, [{ property: "mediaRegion", reason: 'mediaRegion must be an AWS region name such as "us-east-1"; got "mars"' }]],
  ["a short meetingHostId", () => checkMeeting(undefined, { ...meetingInputs(), meetingHostId: "h" }, undefined).failures, [{ property: "meetingHostId", reason: "meetingHostId must be 2 to 64 characters long; got a value (1 characters)" }]],
  ["a malformed primaryMeetingId", () => checkMeeting(undefined, { ...meetingInputs(), primaryMeetingId: "p" }, undefined).failures, [{ property: "primaryMeetingId", reason: 'primaryMeetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "p"' }]],
  ["notifications: an unknown member", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: { emailAddress: "x" } }, undefined).failures, [{ property: "notificationsConfiguration.emailAddress", reason: 'notificationsConfiguration has no member "emailAddress"; its members are lambdaFunctionArn, snsTopicArn, sqsQueueArn' }]],
  ["notifications: a list", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: [] }, undefined).failures, [{ property: "notificationsConfiguration", reason: "notificationsConfiguration must be an object with lambdaFunctionArn, snsTopicArn or sqsQueueArn; got []" }]],
  ["notifications: null", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: null }, undefined).failures, [{ property: "notificationsConfiguration", reason: "notificationsConfiguration must be an object with lambdaFunctionArn, snsTopicArn or sqsQueueArn; got null" }]],
  ["notifications: each target checked as its service", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: { lambdaFunctionArn: "arn:aws:sns:us-east-1:123456789012:t", snsTopicArn: "arn:aws:sqs:us-east-1:123456789012:q", sqsQueueArn: "arn:aws:lambda:us-east-1:123456789012:function:f" } }, undefined).failures.map((f) => f.property), ["notificationsConfiguration.lambdaFunctionArn", "notificationsConfiguration.snsTopicArn", "notificationsConfiguration.sqsQueueArn"]],
  ["notifications: an unknown target passes", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: { snsTopicArn: UNKNOWN } }, undefined).failures, []],
  ["undefined members are not stored", () => Object.keys(checkMeeting(undefined, { externalMeetingId: "m1", mediaRegion: "us-east-1", meetingHostId: undefined }, "us-east-1").inputs), ["externalMeetingId", "mediaRegion", "region"]],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Structural equality of inputs (sameValue)", [
  ["keys in another order", () => sameValue({ a: 1, b: 2 }, { b: 2, a: 1 }), true],
  ["an undefined member equals an absent one", () => sameValue({ a: 1, b: undefined }, { a: 1 }), true],
  ["a different value", () => sameValue({ a: 1 }, { a: 2 }), false],
  ["lists in another order differ", () => sameValue([1, 2], [2, 1]), false],
  ["nested objects in another order", () => sameValue([{ b: 1, a: 2 }], [{ a: 2, b: 1 }]), true],
  ["undefined and undefined", () => sameValue(undefined, undefined), true],
  ["null and an empty object", () => sameValue(null, {}), false],
  ["keys that sort by code unit", () => sameValue({ B: 1, a: 2, b: 3 }, { b: 3, a: 2, B: 1 }), true],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Meeting diff", [
  ["nothing changed", () => diffMeeting(meetingState(), meetingInputs()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["tags only: no change (they are MeetingTags')", () => diffMeeting(meetingState({ tags: { a: "1" } }), meetingInputs({ tags: { a: "2" } })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["the token of a v0.1.0 state is ignored", () => diffMeeting(meetingState({ clientRequestToken: "tok" }), meetingInputs()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["features in another key order: the same", () => diffMeeting(meetingState({ meetingFeatures: { audio: { echoReduction: "AVAILABLE" }, video: { maxResolution: "HD" } } }), meetingInputs({ meetingFeatures: { video: { maxResolution: "HD" }, audio: { echoReduction: "AVAILABLE" } } })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["every input but tags replaces", () => [...MEETING_REPLACE_ON], ["namespace", "externalMeetingId", "mediaRegion", "meetingHostId", "meetingFeatures", "notificationsConfiguration", "primaryMeetingId", "tenantIds", "region"]],
  ["two changes", () => diffMeeting(meetingState(), meetingInputs({ mediaRegion: "eu-west-2", tenantIds: ["ab"] })), { changes: true, replaces: ["mediaRegion", "tenantIds"], deleteBeforeReplace: false }],
]);
}

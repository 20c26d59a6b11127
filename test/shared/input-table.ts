/**
 * One table of inputs for both validators: the provider's checks (provider/validation/rules.ts, run
 * by `check` before any AWS call) and chime-local's (emulator/validation.ts, emulator/legacy/
 * validation.ts), which are written independently on purpose. Each row says whether AWS accepts the
 * value, by the model (model-constraints.ts); input-table.test.ts holds both validators and Java's
 * reading of the model's pattern to that verdict.
 *
 * The edge rows are the ones where a JavaScript regular expression and the model's Java one part:
 * JavaScript's `\s` also matches U+00A0, U+2028 and the other Unicode spaces, Java's only
 * [ \t\n\x0B\f\r]; plus the length bounds and the reserved `aws:` prefix.
 */
import type { Field, Namespace } from "./model-constraints";

export type Verdict = "accept" | "reject";

export interface InputRow {
  readonly namespace: Namespace;
  readonly field: Field;
  /** What the value is, e.g. "a no-break space (U+00A0) inside". */
  readonly label: string;
  readonly value: string;
  readonly verdict: Verdict;
}

type Case = readonly [label: string, value: string, verdict: Verdict];

const MEETING_GUID = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";

/**
 * The length rows of a field of `min`–`max` characters: empty, 1, 2, 64 and 65 characters, and the
 * field's own bounds and their neighbours. Values alternate "ab" so that no pattern rule (such as
 * TenantId's "no character four times in a row") but the length decides.
 */
function lengthCases(min: number, max: number): Case[] {
  const lengths = [...new Set([0, 1, 2, 64, 65, min - 1, min, max, max + 1])]
    .filter((n) => n >= 0)
    .sort((a, b) => a - b);
  return lengths.map((n) => [
    n === 0 ? "empty" : `${n} character${n === 1 ? "" : "s"}`,
    "ab".repeat(Math.ceil(n / 2)).slice(0, n),
    n >= min && n <= max ? "accept" : "reject",
  ]);
}

/** ExternalUserId, ExternalMeetingId and MeetingHostId in Chime SDK Meetings: the model's pattern. */
const MEETINGS_EXTERNAL_ID: readonly Case[] = [
  ...lengthCases(2, 64),
  ["a space inside", "kiosk one", "accept"],
  ["only spaces", "  ", "accept"],
  ["a tab (Java's \\s)", "kiosk\tone", "accept"],
  ["a line feed (Java's \\s)", "kiosk\none", "accept"],
  ["a vertical tab U+000B (Java's \\s)", "kiosk\u000bone", "accept"],
  ["a no-break space U+00A0 (JavaScript's \\s, not Java's)", "kiosk\u00a0one", "reject"],
  ["a line separator U+2028 (JavaScript's \\s, not Java's)", "kiosk\u2028one", "reject"],
  ["an ideographic space U+3000 (JavaScript's \\s, not Java's)", "kiosk\u3000one", "reject"],
  ["a BOM U+FEFF (JavaScript's \\s, not Java's)", "kiosk\ufeffone", "reject"],
  ["every punctuation mark of the pattern", "-_&@+=,(){}[]/«».:|'\"#", "accept"],
  ["À and ÿ, the ends of the range", "Àÿ", "accept"],
  ["× U+00D7, inside the range", "a×b", "accept"],
  ["Ā U+0100, past the range", "Āb", "reject"],
  ["an exclamation mark", "kiosk!", "reject"],
  ["an emoji", "kiosk 😀", "reject"],
  ['the prefix "aws:"', "aws:kiosk", "reject"],
  ['the prefix "AWS:" (any case)', "AWS:kiosk", "reject"],
  ['"aws:" not at the start', "kiosk-aws:1", "accept"],
  ['"aws" without the colon', "awskiosk", "accept"],
];

/** The legacy namespace's external ids: 2–64 characters, no pattern, no reserved prefix in its model. */
const LEGACY_EXTERNAL_ID: readonly Case[] = [
  ...lengthCases(2, 64),
  ["a space inside", "kiosk one", "accept"],
  ["a tab", "kiosk\tone", "accept"],
  ["a no-break space U+00A0", "kiosk\u00a0one", "accept"],
  ["a line separator U+2028", "kiosk\u2028one", "accept"],
  ["Ā U+0100", "Āb", "accept"],
  ["an exclamation mark", "kiosk!", "accept"],
  ["an emoji", "kiosk 😀", "accept"],
  ['the prefix "aws:" (reserved only in the Meetings model)', "aws:kiosk", "accept"],
];

/** MeetingId (a path label): GuidString, in both namespaces. */
const GUID_CASES: readonly Case[] = [
  ["lower case", MEETING_GUID, "accept"],
  ["upper case", MEETING_GUID.toUpperCase(), "accept"],
  ["35 characters (one digit short)", MEETING_GUID.slice(0, -1), "reject"],
  ["37 characters (one digit more)", `${MEETING_GUID}0`, "reject"],
  ["no dashes", MEETING_GUID.replaceAll("-", ""), "reject"],
  ["in braces", `{${MEETING_GUID}}`, "reject"],
  ["a g, not hexadecimal", `g${MEETING_GUID.slice(1)}`, "reject"],
  ["a trailing tab", `${MEETING_GUID}\t`, "reject"],
  ["a trailing line feed", `${MEETING_GUID}\n`, "reject"],
  ["a trailing no-break space U+00A0", `${MEETING_GUID}\u00a0`, "reject"],
  ["a leading space", ` ${MEETING_GUID}`, "reject"],
];

const MEETINGS_TAG_KEY: readonly Case[] = [
  ...lengthCases(1, 128),
  ["letters, digits and ._:/", "team.cost_center:eu/1", "accept"],
  ["the range +-= (it spans digits and ,;<)", "a,b;c<d=e+f-g", "accept"],
  ["a space", "team name", "reject"],
  ["a tab", "team\tname", "reject"],
  ["a no-break space U+00A0", "team\u00a0name", "reject"],
  ["an @ (outside the range)", "team@eu", "reject"],
  ["a letter with an accent", "équipe", "reject"],
  ['the prefix "aws:"', "aws:owner", "reject"],
  ['the prefix "AWS:" (any case)', "AWS:owner", "reject"],
];

const LEGACY_TAG_KEY: readonly Case[] = [
  ...lengthCases(1, 128),
  ["a space", "room #1 (east)", "accept"],
  ["a no-break space U+00A0", "team\u00a0name", "accept"],
  ["a letter with an accent", "équipe", "accept"],
  ['the prefix "aws:"', "aws:owner", "reject"],
  ['the prefix "AWS:" (any case)', "AWS:owner", "reject"],
];

const MEETINGS_TAG_VALUE: readonly Case[] = [
  ...lengthCases(0, 256),
  ["words, digits and _+-=.:/@", "team_a+b-c=d.e:f/g@h 1", "accept"],
  ["the range +-= (it spans ,;<)", "a,b;c<d", "accept"],
  ["a tab (Java's \\s)", "a\tb", "accept"],
  ["a no-break space U+00A0 (JavaScript's \\s, not Java's)", "a\u00a0b", "reject"],
  ["a line separator U+2028 (JavaScript's \\s, not Java's)", "a\u2028b", "reject"],
  ["a letter with an accent (Java's \\w is ASCII)", "café", "reject"],
  ["an exclamation mark", "yes!", "reject"],
  ["a hash", "room #1", "reject"],
];

const LEGACY_TAG_VALUE: readonly Case[] = [
  ...lengthCases(0, 256),
  ["a no-break space U+00A0", "a\u00a0b", "accept"],
  ["a letter with an accent", "café", "accept"],
  ["an exclamation mark", "yes!", "accept"],
];

const TENANT_ID: readonly Case[] = [
  ...lengthCases(2, 256),
  ["every punctuation mark of the pattern", "tenant-_!@#$1", "accept"],
  ["a character three times in a row", "taaa", "accept"],
  ["a character four times in a row", "taaaa", "reject"],
  ["a space", "tenant one", "reject"],
  ["a tab", "tenant\tone", "reject"],
  ["a no-break space U+00A0", "tenant\u00a0one", "reject"],
  ["a percent sign", "tenant%1", "reject"],
  ["a letter with an accent", "ténant", "reject"],
];

const SNS = "arn:aws:sns:us-east-1:123456789012:meeting-events";
const SQS = "arn:aws:sqs:us-east-1:123456789012:meeting-events";
const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:on-meeting-event";

/** A notification ARN of `service`; `valid` is a good one, `other` one of another service. */
function arnCases(valid: string, other: string): Case[] {
  return [
    ["well formed", valid, "accept"],
    ["1025 characters", `${valid}${"e".repeat(1025 - valid.length)}`, "reject"],
    ["another service's ARN", other, "reject"],
    ["not an ARN", "meeting-events", "reject"],
    ["a space", `${valid} 2`, "reject"],
    ["a tab", `${valid}\t2`, "reject"],
    ["a no-break space U+00A0", `${valid}\u00a02`, "reject"],
  ];
}

const MEDIA_REGION: readonly Case[] = [
  ["us-east-1", "us-east-1", "accept"],
  ["us-gov-west-1", "us-gov-west-1", "accept"],
  ["1 character", "u", "reject"],
  ["empty", "", "reject"],
  ["upper case", "US-EAST-1", "reject"],
  ["a trailing tab", "us-east-1\t", "reject"],
  ["a trailing no-break space U+00A0", "us-east-1\u00a0", "reject"],
  ["65 characters", `us-east-1${"x".repeat(56)}`, "reject"],
];

/** Audio, video and content capabilities (each tried as the audio one, the others SendReceive). */
const CAPABILITY: readonly Case[] = [
  ["SendReceive", "SendReceive", "accept"],
  ["None", "None", "accept"],
  ["lower case", "sendreceive", "reject"],
  ["a space inside", "Send Receive", "reject"],
  ["a trailing tab", "Send\t", "reject"],
  ["a trailing no-break space U+00A0", "Send\u00a0", "reject"],
  ["empty", "", "reject"],
];

function rows(namespace: Namespace, field: Field, cases: readonly Case[]): InputRow[] {
  return cases.map(([label, value, verdict]) => ({ namespace, field, label, value, verdict }));
}

/** Every row, both namespaces. */
export const INPUT_TABLE: readonly InputRow[] = [
  ...rows("meetings", "externalUserId", MEETINGS_EXTERNAL_ID),
  ...rows("meetings", "externalMeetingId", MEETINGS_EXTERNAL_ID),
  ...rows("meetings", "meetingHostId", MEETINGS_EXTERNAL_ID),
  ...rows("meetings", "meetingId", GUID_CASES),
  ...rows("meetings", "tagKey", MEETINGS_TAG_KEY),
  ...rows("meetings", "tagValue", MEETINGS_TAG_VALUE),
  ...rows("meetings", "tenantId", TENANT_ID),
  ...rows("meetings", "snsTopicArn", arnCases(SNS, SQS)),
  ...rows("meetings", "sqsQueueArn", arnCases(SQS, SNS)),
  ...rows("meetings", "lambdaFunctionArn", arnCases(LAMBDA, SNS)),
  ...rows("meetings", "mediaRegion", MEDIA_REGION),
  ...rows("meetings", "capability", CAPABILITY),
  ...rows("legacy", "externalUserId", LEGACY_EXTERNAL_ID),
  ...rows("legacy", "externalMeetingId", LEGACY_EXTERNAL_ID),
  ...rows("legacy", "meetingHostId", LEGACY_EXTERNAL_ID),
  ...rows("legacy", "meetingId", GUID_CASES),
  ...rows("legacy", "tagKey", LEGACY_TAG_KEY),
  ...rows("legacy", "tagValue", LEGACY_TAG_VALUE),
  ...rows("legacy", "snsTopicArn", arnCases(SNS, SQS)),
  ...rows("legacy", "sqsQueueArn", arnCases(SQS, SNS)),
  ...rows("legacy", "mediaRegion", MEDIA_REGION),
];

/**
 * Values on which the validators differ on purpose, each with the reason; the suite asserts each
 * difference is exactly this, so that a change to either validator is seen. Kept out of INPUT_TABLE,
 * whose rows must agree everywhere.
 */
export interface DeliberateDifference extends InputRow {
  /** The provider's verdict, where it differs from `verdict` (the model's and chime-local's). */
  readonly provider: Verdict;
  readonly why: string;
}

export const DELIBERATE_DIFFERENCES: readonly DeliberateDifference[] = [
  {
    namespace: "meetings",
    field: "mediaRegion",
    label: "a well-formed region the API reference does not list",
    value: "eu-west-9",
    verdict: "reject",
    provider: "accept",
    why:
      "the provider warns instead of failing on a region it does not know (AWS adds regions; a list in " +
      "the package must not block a user on the day it does: provider/validation/rules.ts, region)",
  },
  {
    namespace: "meetings",
    field: "snsTopicArn",
    label: "an account that is not 12 digits",
    value: "arn:aws:sns:us-east-1:1234:meeting-events",
    verdict: "accept",
    provider: "reject",
    why:
      "the provider checks the ARN's structure (12-digit account, the service's name rules); the model " +
      "only has ^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$, and the service would fail the meeting's notifications later",
  },
];

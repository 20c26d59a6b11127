/**
 * The Chime SDK Meetings constraints (API 2021-07-15) as pure functions.
 *
 * Each rule returns `undefined` when the value is acceptable, or a reason that names the property, the
 * rule and the offending value. The AWS SDK validates nothing client-side, so without these a typo would
 * only surface as a 400 from AWS in the middle of `pulumi up`; with them, `pulumi preview` fails first.
 *
 * The local endpoint (`emulator/`) implements the same constraints independently, on purpose: it stands
 * in for AWS, so a mistake here must not be hidden by the same mistake there.
 */

import { DYNAMIC_WORDS } from "../shared/config-words";
import type { CheckFailure } from "../shared/failure";
import { byLength, isSensitive } from "./sensitive";

export type { CheckFailure };

/** The value Pulumi passes for inputs that are not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/**
 * Whether a value is unknown or holds an unknown anywhere (a list item, a nested field). A diff must
 * then say "maybe changes": the engine takes "no change" as a promise that nothing will happen.
 */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** Quotes a value for a message, shortened so that a pasted blob does not flood the terminal. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// Java's \s (which the AWS model's patterns use) is ASCII whitespace only; JavaScript's \s is wider.
// biome-ignore lint/suspicious/noControlCharactersInRegex: \x0B (vertical tab) is part of Java's \s.
const EXTERNAL_ID_PATTERN = /^[-_&@+=,(){}[\]/«».:|'"#a-zA-Z0-9À-ÿ \t\n\x0B\f\r]*$/;
const GUID_PATTERN = /^[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}$/;
const REGION_PATTERN = /^[a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}$/;

/** The regions that have a Chime SDK Meetings control-plane endpoint (the API reference's list). */
export const CONTROL_PLANE_REGIONS: readonly string[] = [
  "us-east-1",
  "us-west-2",
  "af-south-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-west-2",
  "il-central-1",
  "us-gov-east-1",
  "us-gov-west-1",
];

/**
 * A value as a message about `property` may quote it: `show(value)`, or, for a property the AWS model
 * marks sensitive, its length only (`a value (12 characters)`).
 */
export function showFor(property: string, value: unknown): string {
  return isSensitive(property) ? `a value ${byLength(value)}` : show(value);
}

/** A required string property was absent or not a string. */
export function requiredString(property: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return `${property} is required`;
  if (typeof value !== "string") return `${property} must be a string; got ${showFor(property, value)}`;
  return undefined;
}

/**
 * ExternalUserId, ExternalMeetingId and MeetingHostId: 2–64 characters of the model's pattern, not
 * starting with the reserved prefix `aws:` in any case. The model marks them sensitive: messages give
 * the value's length and the position of a bad character, never the value.
 */
export function externalId(property: string, value: unknown): string | undefined {
  const missing = requiredString(property, value);
  if (missing) return missing;
  const text = value as string;
  const got = showFor(property, text);
  if (text.length < 2 || text.length > 64) {
    return `${property} must be 2 to 64 characters long; got ${got}`;
  }
  if (!EXTERNAL_ID_PATTERN.test(text)) {
    const chars = [...text];
    const at = chars.findIndex((c) => !EXTERNAL_ID_PATTERN.test(c));
    const bad = isSensitive(property) ? `character ${at + 1}` : `character ${at + 1} (${show(chars[at])})`;
    return (
      `${property} may contain only letters, digits, spaces and -_&@+=,(){}[]/«».:|'"#; ` +
      `got ${got} whose ${bad} is not one of them`
    );
  }
  if (text.toLowerCase().startsWith("aws:")) {
    return `${property} must not start with the reserved prefix "aws:"; got ${got} that does`;
  }
  return undefined;
}

/**
 * ExternalUserId, ExternalMeetingId and MeetingHostId in the legacy Amazon Chime namespace: 2–64
 * characters. Its model (chime 2018-05-01) has neither the Meetings pattern nor the reserved prefix.
 */
export function legacyExternalId(property: string, value: unknown): string | undefined {
  const missing = requiredString(property, value);
  if (missing) return missing;
  const text = value as string;
  if (text.length < 2 || text.length > 64) {
    return `${property} must be 2 to 64 characters long; got ${showFor(property, text)}`;
  }
  return undefined;
}

/** MeetingId and AttendeeId are GUIDs. */
export function guid(property: string, value: unknown): string | undefined {
  const missing = requiredString(property, value);
  if (missing) return missing;
  if (!GUID_PATTERN.test(value as string)) {
    return `${property} must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got ${show(value)}`;
  }
  return undefined;
}

/**
 * An optional region name: well formed. Whether AWS offers Chime SDK Meetings there is a warning
 * (`regionWarning`), not a failure: AWS adds regions, and a list in this package must not block a
 * user on the day it does.
 */
export function region(property: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !REGION_PATTERN.test(value)) {
    return `${property} must be an AWS region name such as "us-east-1"; got ${show(value)}`;
  }
  return undefined;
}

/**
 * The warning for a well-formed region that is not in `known` (the regions this version knows of), or
 * undefined. `what` says what the region is for.
 */
export function regionWarning(
  property: string,
  value: unknown,
  known: readonly string[],
  what: string,
): string | undefined {
  if (typeof value !== "string" || !REGION_PATTERN.test(value) || known.includes(value)) return undefined;
  return (
    `${property} ${show(value)} is not one of the ${what} this version of pulumi-chime-sdk knows ` +
    `(${known.join(", ")}); it is used as given, in case AWS has added it since. If it is a typo, ` +
    "the first call to AWS there fails."
  );
}

/**
 * The region a resource lives in: its `region` input, else the one it was created with (carried over,
 * so that a later change of stack config never moves or replaces it), else `fallback` (config or
 * environment). `failure` says why there is none, or why it is not usable.
 */
export function chooseRegion(
  input: unknown,
  old: string | undefined,
  fallback: string | undefined,
  /** Where `fallback` comes from, for the failure when there is none: the provider's knobs. */
  sources = DYNAMIC_WORDS.regionSources,
): { value: string; failure?: string } {
  const value = input ?? old ?? fallback;
  if (isUnknown(value)) return { value: value as string };
  const failure =
    value === undefined
      ? `region is not set: give the resource a region input, or ${sources}`
      : region("region", value);
  return { value: value as string, failure };
}

/** A value from a closed set, e.g. a capability or a resolution. */
export function oneOf(property: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value === "string" && allowed.includes(value)) return undefined;
  return `${property} must be one of ${allowed.join(", ")}; got ${show(value)}`;
}

/** The media regions the Chime SDK documents for CreateMeeting's MediaRegion. */
export const MEDIA_REGIONS: readonly string[] = [
  "af-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-north-1",
  "eu-south-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "us-gov-east-1",
  "us-gov-west-1",
];

const ARN_PATTERNS: Readonly<Record<string, RegExp>> = {
  sns: /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/,
  sqs: /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(?:\.fifo)?$/,
  lambda: /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9_$-]+)?$/,
};

/** An optional ARN of an SNS topic, SQS queue or Lambda function. */
export function arn(
  property: string,
  value: unknown,
  service: keyof typeof ARN_PATTERNS,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length > 2048 || !ARN_PATTERNS[service].test(value)) {
    return `${property} must be the ARN of ${service === "lambda" ? "a Lambda function" : `an ${service.toUpperCase()} ${service === "sns" ? "topic" : "queue"}`}, such as ${ARN_EXAMPLES[service]}; got ${showFor(property, value)}`;
  }
  return undefined;
}

const ARN_EXAMPLES: Readonly<Record<string, string>> = {
  sns: "arn:aws:sns:us-east-1:123456789012:meeting-events",
  sqs: "arn:aws:sqs:us-east-1:123456789012:meeting-events",
  lambda: "arn:aws:lambda:us-east-1:123456789012:function:on-meeting-event",
};

// The model's pattern ^[a-zA-Z+-=._:/]+$ holds the range "+-=", which spans digits and ",-./:;<".
const TAG_KEY_PATTERN = /^[a-zA-Z+-=._:/]+$/;
// The model's [\s\w+-=\.:/@]*: Java's \s spelled out (as in EXTERNAL_ID_PATTERN); \w is ASCII in both.
// biome-ignore lint/suspicious/noControlCharactersInRegex: \x0B (vertical tab) is part of Java's \s.
const TAG_VALUE_PATTERN = /^[ \t\n\x0B\f\r\w+-=.:/@]*$/;

/**
 * Tags: at most 50; keys 1–128 characters, not starting with "aws:"; values at most 256 characters.
 * Chime SDK Meetings (meeting tags) also restricts keys and values to the model's patterns; the legacy
 * Amazon Chime namespace (attendee and meeting tags) has none.
 */
export function tags(
  property: string,
  value: unknown,
  namespace: "meetings" | "legacy" = "meetings",
): CheckFailure[] {
  if (value === undefined) return [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [{ property, reason: `${property} must be a map of tag keys to values; got ${show(value)}` }];
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const failures: CheckFailure[] = [];
  if (entries.length > 50) {
    failures.push({ property, reason: `${property} may hold at most 50 tags; got ${entries.length}` });
  }
  for (const [key, tagValue] of entries) {
    const name = `${property}.${key}`;
    if (namespace === "legacy" && (key.length < 1 || key.length > 128)) {
      failures.push({
        property: name,
        reason: `${property} keys must be 1 to 128 characters long; got ${show(key)} (${key.length} characters)`,
      });
    } else if (
      namespace === "meetings" &&
      (key.length < 1 || key.length > 128 || !TAG_KEY_PATTERN.test(key))
    ) {
      failures.push({
        property: name,
        reason: `${property} keys must be 1 to 128 letters, digits or +-=._:/ characters; got ${show(key)}`,
      });
    } else if (key.toLowerCase().startsWith("aws:")) {
      failures.push({
        property: name,
        reason: `${property} keys must not start with "aws:"; got ${show(key)}`,
      });
    }
    if (isUnknown(tagValue)) continue;
    if (typeof tagValue !== "string" || tagValue.length > 256) {
      failures.push({
        property: name,
        reason: `${name} must be a string of at most 256 characters; got ${show(tagValue)}`,
      });
    } else if (namespace === "meetings" && !TAG_VALUE_PATTERN.test(tagValue)) {
      failures.push({
        property: name,
        reason:
          `${name} may contain only ASCII letters, digits, spaces and _+-=.:/@ (and ,;<, which the ` +
          `model's range +-= spans); got ${show(tagValue)}`,
      });
    }
  }
  return failures;
}

// The model's TenantId pattern: no character four times in a row, then letters, digits and -_!@#$.
const TENANT_ID_PATTERN = /^(?!.*?(.)\1{3})[-_!@#$a-zA-Z0-9]*$/;

/** TenantIds: 1–5 items of 2–256 letters, digits and -_!@#$, no character four times in a row. */
export function tenantIds(property: string, value: unknown): CheckFailure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (!Array.isArray(value) || value.length < 1 || value.length > 5) {
    return [{ property, reason: `${property} must be a list of 1 to 5 tenant ids; got ${show(value)}` }];
  }
  const failures: CheckFailure[] = [];
  value.forEach((item, index) => {
    if (isUnknown(item)) return;
    if (typeof item !== "string" || item.length < 2 || item.length > 256) {
      failures.push({
        property: `${property}[${index}]`,
        reason: `${property}[${index}] must be 2 to 256 characters long; got ${show(item)}`,
      });
    } else if (!TENANT_ID_PATTERN.test(item)) {
      failures.push({
        property: `${property}[${index}]`,
        reason:
          `${property}[${index}] may contain only letters, digits and -_!@#$, and no character four ` +
          `times in a row; got ${show(item)}`,
      });
    }
  });
  return failures;
}

/**
 * The check of a meeting's `tags` input, shared by `Meeting` (whose CreateMeeting carries the tags, so
 * bad tags must fail before it) and `MeetingTags`: Chime's tag rules; an unknown map, or an unknown
 * value in it, passes until it is known.
 */
export function checkTagsInput(
  property: string,
  value: unknown,
  namespace: "meetings" | "legacy" = "meetings",
): CheckFailure[] {
  if (isUnknown(value)) return [];
  return tags(property, value, namespace);
}

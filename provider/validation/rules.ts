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

/** A validation failure in the shape a dynamic provider's `check` returns. */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

/** The value Pulumi passes for inputs that are not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
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

/** A required string property was absent or not a string. */
export function requiredString(property: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return `${property} is required`;
  if (typeof value !== "string") return `${property} must be a string; got ${show(value)}`;
  return undefined;
}

/**
 * ExternalUserId, ExternalMeetingId and MeetingHostId: 2–64 characters of the model's pattern, not
 * starting with the reserved prefix `aws:` in any case.
 */
export function externalId(property: string, value: unknown): string | undefined {
  const missing = requiredString(property, value);
  if (missing) return missing;
  const text = value as string;
  if (text.length < 2 || text.length > 64) {
    return `${property} must be 2 to 64 characters long; got ${show(text)} (${text.length} characters)`;
  }
  if (!EXTERNAL_ID_PATTERN.test(text)) {
    const bad = [...text].find((c) => !EXTERNAL_ID_PATTERN.test(c));
    return (
      `${property} may contain only letters, digits, spaces and -_&@+=,(){}[]/«».:|'"#; ` +
      `got ${show(text)} with ${show(bad)}`
    );
  }
  if (text.toLowerCase().startsWith("aws:")) {
    return `${property} must not start with the reserved prefix "aws:"; got ${show(text)}`;
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

/** An optional control-plane region: well formed and one that has a Chime SDK Meetings endpoint. */
export function region(property: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !REGION_PATTERN.test(value)) {
    return `${property} must be an AWS region name such as "us-east-1"; got ${show(value)}`;
  }
  if (!CONTROL_PLANE_REGIONS.includes(value)) {
    return (
      `${property} must be a region with a Chime SDK Meetings control plane ` +
      `(${CONTROL_PLANE_REGIONS.join(", ")}); got ${show(value)}`
    );
  }
  return undefined;
}

/** A value from a closed set, e.g. a capability or a resolution. */
export function oneOf(property: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value === "string" && allowed.includes(value)) return undefined;
  return `${property} must be one of ${allowed.join(", ")}; got ${show(value)}`;
}

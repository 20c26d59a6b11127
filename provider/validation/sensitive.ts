/**
 * Values that no message may print: what the AWS model marks sensitive, and what the program wrapped in
 * `pulumi.secret(...)`. Messages describe them by length only (`externalUserId (12 characters)`), as the
 * AWS SDK redacts them from its own logs and the local endpoint from its messages.
 */

/** Properties (by their last path segment) that the Chime SDK Meetings model marks sensitive. */
export const SENSITIVE_PROPERTIES: readonly string[] = [
  "externalUserId",
  "externalMeetingId",
  "meetingHostId",
  "snsTopicArn",
  "sqsQueueArn",
  "lambdaFunctionArn",
  "clientRequestToken",
];

/** The last segment of a property path: `attendees[3].externalUserId` → `externalUserId`. */
function leaf(property: string): string {
  return (
    property
      .replace(/\[\d+\]/g, "")
      .split(".")
      .pop() ?? property
  );
}

/** True when the property (any path ending in a sensitive name) holds a sensitive value. */
export function isSensitive(property: string): boolean {
  return SENSITIVE_PROPERTIES.includes(leaf(property));
}

/** A value described by its length: `(12 characters)`, or its type when it has no length. */
export function byLength(value: unknown): string {
  if (typeof value === "string") return `(${value.length} characters)`;
  if (Array.isArray(value)) return `(a list of ${value.length})`;
  if (value === null) return "(null)";
  return `(a ${typeof value})`;
}

/** `property (12 characters)`: how a message names a sensitive value. */
export function describeSensitive(property: string, value: unknown): string {
  return `${property} ${byLength(value)}`;
}

/**
 * Inputs that are maps of the program's own data, whose keys are as secret as their values when the
 * input is (the legacy model marks a tag's Key and Value sensitive); other objects' keys are the API's
 * field names (`capabilities.audio`).
 */
const DATA_MAPS: readonly string[] = ["tags"];

/** The keys of a secret data map (`tags`), else none. */
function secretKeys(name: string, value: unknown): string[] {
  return DATA_MAPS.includes(name) && value && typeof value === "object" && !Array.isArray(value)
    ? Object.keys(value)
    : [];
}

/** The JSON-quoted leaves of a value (strings, numbers, booleans) and the value itself, as `show` prints them. */
function leavesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return [value, ...value.flatMap(leavesOf)];
  if (value && typeof value === "object") {
    return [value, ...Object.values(value).flatMap(leavesOf)];
  }
  return [value];
}

/**
 * Removes the values of `secretInputs` (top-level input names the program wrapped in `pulumi.secret`)
 * from check failures: each value, and each of its leaves, that a reason quotes (as `show` quotes it)
 * becomes `a secret value (N characters)`.
 */
export function redactSecretInputs<F extends { property: string; reason: string }>(
  failures: readonly F[],
  news: Readonly<Record<string, unknown>>,
  secretInputs: readonly string[],
  show: (value: unknown) => string,
): F[] {
  if (secretInputs.length === 0) return [...failures];
  const quoted = secretInputs
    .flatMap((name) => [...leavesOf(news[name]), ...secretKeys(name, news[name])])
    .filter((v) => v !== undefined)
    .map((v) => ({ text: show(v), value: v }))
    // Longest first, so that a value containing another is replaced whole.
    .sort((a, b) => b.text.length - a.text.length);
  // A secret map's keys also stand in property paths (`tags.<key> must be …`), unquoted.
  const paths = secretInputs.flatMap((name) =>
    secretKeys(name, news[name]).map((key) => ({
      text: `${name}.${key}`,
      hidden: `${name}.<a secret key ${byLength(key)}>`,
    })),
  );
  return failures.map((failure) => {
    let reason = failure.reason;
    for (const { text, hidden } of paths) reason = reason.split(text).join(hidden);
    for (const { text, value } of quoted) {
      // Strings are quoted, so they match exactly; bare numbers and booleans only where a value is shown.
      if (typeof value === "string" || typeof value === "object") {
        reason = reason.split(text).join(`a secret value ${byLength(value)}`);
      } else {
        reason = reason.split(`got ${text}`).join("got a secret value");
      }
    }
    return { ...failure, reason };
  });
}

/**
 * Check failures as the engine should get them. For a failure on a top-level property the engine prints
 * that property's value itself (`property externalUserId value {"kiosk-1"} has a problem: …`; a secret
 * one as `[secret]`), and for a nested path (`attendees[0].externalUserId`) it prints `{<nil>}`.
 * So the property is given only for a top-level input that is neither sensitive nor secret; otherwise
 * it is left empty and the engine prints the reason alone, which names the property itself.
 */
export function engineFailures<F extends { property: string; reason: string }>(
  failures: readonly F[],
  secretInputs: readonly string[],
): { property: string; reason: string }[] {
  return failures.map(({ property, reason }) => {
    const topLevel = /^[A-Za-z_]\w*$/.test(property);
    const shown = topLevel && !isSensitive(property) && !secretInputs.includes(property);
    return { property: shown ? property : "", reason };
  });
}

/**
 * Replaces every occurrence of a secret value with its name. Values shorter than 4 characters are
 * replaced only where they stand alone (not inside a word), so that "ab" does not mangle "about".
 */
export function mask(text: string, secrets: Readonly<Record<string, string | undefined>> = {}): string {
  let masked = text;
  for (const [name, value] of Object.entries(secrets)) {
    if (!value) continue;
    if (value.length >= 4) {
      masked = masked.split(value).join(`[${name}]`);
    } else {
      const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      masked = masked.replace(
        new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"),
        `[${name}]`,
      );
    }
  }
  return masked;
}

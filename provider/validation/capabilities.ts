import { CAPABILITY_VALUES } from "../shared/capabilities";
import { type CheckFailure, isUnknown, oneOf, show } from "./rules";

const MEDIA = ["audio", "video", "content"] as const;
const RECEIVES: readonly string[] = ["SendReceive", "Receive"];

/**
 * Checks an attendee's `capabilities` input. Absent is fine (Chime's default applies); when given, all
 * three members are required, as in the API, so that a partial object is never silently completed.
 */
export function checkCapabilities(property: string, value: unknown): CheckFailure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [
      { property, reason: `${property} must be an object with audio, video and content; got ${show(value)}` },
    ];
  }
  const record = value as Record<string, unknown>;
  const failures: CheckFailure[] = [];
  for (const key of Object.keys(record)) {
    if (!(MEDIA as readonly string[]).includes(key)) {
      failures.push({
        property: `${property}.${key}`,
        reason: `${property} has no member ${show(key)}; its members are audio, video and content`,
      });
    }
  }
  for (const media of MEDIA) {
    const member = record[media];
    if (isUnknown(member)) continue;
    const name = `${property}.${media}`;
    const reason =
      member === undefined
        ? `${name} is required when ${property} is given (one of ${CAPABILITY_VALUES.join(", ")})`
        : oneOf(name, member, CAPABILITY_VALUES);
    if (reason) failures.push({ property: name, reason });
  }
  const { video, content } = record;
  if (
    failures.length === 0 &&
    !isUnknown(video) &&
    !isUnknown(content) &&
    RECEIVES.includes(content as string) &&
    !RECEIVES.includes(video as string)
  ) {
    failures.push({
      property: `${property}.content`,
      reason:
        `${property}.content ${show(content)} needs ${property}.video to be SendReceive or Receive ` +
        `(Chime rule: receiving content share requires receiving video); got video ${show(video)}`,
    });
  }
  return failures;
}

import { ContentResolution, MeetingFeatureStatus, VideoResolution } from "@aws-sdk/client-chime-sdk-meetings";
import { type CheckFailure, isUnknown, oneOf, show } from "../validation/rules";

/** Features of a meeting (CreateMeeting's MeetingFeatures). */
export interface MeetingFeatures {
  /** Audio features. @default Chime's */
  readonly audio?: {
    /** Amazon Voice Focus echo reduction. @default "UNAVAILABLE" */
    readonly echoReduction?: "AVAILABLE" | "UNAVAILABLE";
  };
  /** Video features. @default Chime's */
  readonly video?: {
    /** The highest camera resolution attendees may send; `None` forbids video. @default "HD" */
    readonly maxResolution?: "None" | "HD" | "FHD";
  };
  /** Content-share features. @default Chime's */
  readonly content?: {
    /** The highest content-share resolution; `None` forbids content share. @default "FHD" */
    readonly maxResolution?: "None" | "FHD" | "UHD";
  };
  /** Attendee features. @default Chime's */
  readonly attendee?: {
    /** The most attendees the meeting may hold, 1–250; at most 25 with FHD video or UHD content. @default 250 */
    readonly maxCount?: number;
  };
}

// The closed sets come from the AWS SDK's enums, so that they follow the service model.
const ECHO_REDUCTION: readonly string[] = Object.values(MeetingFeatureStatus);
const VIDEO_RESOLUTIONS: readonly string[] = Object.values(VideoResolution);
const CONTENT_RESOLUTIONS: readonly string[] = Object.values(ContentResolution);
const HIGH_RESOLUTION_MAX_ATTENDEES = 25;

type Group = Record<string, unknown> | undefined;

function group(
  property: string,
  value: unknown,
  members: readonly string[],
  failures: CheckFailure[],
): Group {
  if (value === undefined || isUnknown(value)) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    failures.push({ property, reason: `${property} must be an object; got ${show(value)}` });
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!members.includes(key)) {
      failures.push({
        property: `${property}.${key}`,
        reason: `${property} has no member ${show(key)}; its members are ${members.join(", ")}`,
      });
    }
  }
  return value as Record<string, unknown>;
}

function optionalEnum(
  property: string,
  value: unknown,
  allowed: readonly string[],
  failures: CheckFailure[],
) {
  if (value === undefined || isUnknown(value)) return;
  const reason = oneOf(property, value, allowed);
  if (reason) failures.push({ property, reason });
}

/** Checks a meeting's `meetingFeatures` input against Chime's rules. */
export function checkMeetingFeatures(property: string, value: unknown): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const features = group(property, value, ["audio", "video", "content", "attendee"], failures);
  if (!features) return failures;
  const audio = group(`${property}.audio`, features.audio, ["echoReduction"], failures);
  const video = group(`${property}.video`, features.video, ["maxResolution"], failures);
  const content = group(`${property}.content`, features.content, ["maxResolution"], failures);
  const attendee = group(`${property}.attendee`, features.attendee, ["maxCount"], failures);
  optionalEnum(`${property}.audio.echoReduction`, audio?.echoReduction, ECHO_REDUCTION, failures);
  optionalEnum(`${property}.video.maxResolution`, video?.maxResolution, VIDEO_RESOLUTIONS, failures);
  optionalEnum(`${property}.content.maxResolution`, content?.maxResolution, CONTENT_RESOLUTIONS, failures);

  const maxCountName = `${property}.attendee.maxCount`;
  const maxCount = attendee?.maxCount;
  if (maxCount !== undefined && !isUnknown(maxCount)) {
    if (typeof maxCount !== "number" || !Number.isInteger(maxCount) || maxCount < 1 || maxCount > 250) {
      failures.push({
        property: maxCountName,
        reason: `${maxCountName} must be a whole number from 1 to 250; got ${show(maxCount)}`,
      });
    }
  }
  const highResolution = video?.maxResolution === "FHD" || content?.maxResolution === "UHD";
  if (highResolution && !isUnknown(maxCount)) {
    const which =
      video?.maxResolution === "FHD"
        ? `${property}.video.maxResolution "FHD"`
        : `${property}.content.maxResolution "UHD"`;
    if (maxCount === undefined) {
      failures.push({
        property: maxCountName,
        reason: `${maxCountName} is required with ${which} (Chime rule: at most ${HIGH_RESOLUTION_MAX_ATTENDEES} attendees)`,
      });
    } else if (typeof maxCount === "number" && maxCount > HIGH_RESOLUTION_MAX_ATTENDEES) {
      failures.push({
        property: maxCountName,
        reason: `${maxCountName} must be at most ${HIGH_RESOLUTION_MAX_ATTENDEES} with ${which}; got ${maxCount}`,
      });
    }
  }
  return failures;
}

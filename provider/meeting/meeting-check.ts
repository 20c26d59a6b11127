import { randomUUID } from "node:crypto";
import {
  arn,
  type CheckFailure,
  chooseRegion,
  externalId,
  guid,
  isUnknown,
  region,
  requiredString,
  tags,
  tenantIds,
} from "../validation/rules";
import { checkMeetingFeatures } from "./meeting-features";
import { MEETING_REPLACE_ON, type MeetingInputs, withoutUndefined } from "./meeting-state";

export interface MeetingCheckResult {
  readonly inputs: MeetingInputs;
  readonly failures: CheckFailure[];
}

type RawInputs = { readonly [K in keyof MeetingInputs]?: unknown };

/**
 * Validates a Meeting's inputs before any AWS call and normalises them:
 * - `region` as for attendees: explicit, else carried over, else `defaultRegion`;
 * - `clientRequestToken` generated here once and carried over from the old inputs while nothing that
 *   replaces the meeting changes, so that a retried CreateMeeting returns the same meeting; a fresh one
 *   when the meeting is to be replaced, so that CreateMeeting cannot hand back the meeting being replaced.
 */
export function checkMeeting(
  olds: Partial<MeetingInputs> | undefined,
  news: RawInputs,
  defaultRegion: string | undefined,
  newToken: () => string = randomUUID,
): MeetingCheckResult {
  const failures: CheckFailure[] = [];
  const add = (property: string, reason: string | undefined) => {
    if (reason) failures.push({ property, reason });
  };
  const chosenRegion = chooseRegion(news.region, olds?.region, defaultRegion);

  if (!isUnknown(news.externalMeetingId))
    add("externalMeetingId", externalId("externalMeetingId", news.externalMeetingId));
  // A well-formed media region that this version does not know is a warning (see the Meeting class).
  if (!isUnknown(news.mediaRegion))
    add(
      "mediaRegion",
      requiredString("mediaRegion", news.mediaRegion) ?? region("mediaRegion", news.mediaRegion),
    );
  if (news.meetingHostId !== undefined && !isUnknown(news.meetingHostId))
    add("meetingHostId", externalId("meetingHostId", news.meetingHostId));
  if (news.primaryMeetingId !== undefined && !isUnknown(news.primaryMeetingId))
    add("primaryMeetingId", guid("primaryMeetingId", news.primaryMeetingId));
  failures.push(...checkMeetingFeatures("meetingFeatures", news.meetingFeatures));
  failures.push(...checkNotifications("notificationsConfiguration", news.notificationsConfiguration));
  failures.push(...tenantIds("tenantIds", news.tenantIds));
  if (!isUnknown(news.tags)) failures.push(...tags("tags", news.tags));

  if (chosenRegion.failure) failures.push({ property: "region", reason: chosenRegion.failure });

  const inputs = withoutUndefined({
    externalMeetingId: news.externalMeetingId,
    mediaRegion: news.mediaRegion,
    meetingHostId: news.meetingHostId,
    meetingFeatures: news.meetingFeatures,
    notificationsConfiguration: news.notificationsConfiguration,
    primaryMeetingId: news.primaryMeetingId,
    tenantIds: news.tenantIds,
    tags: news.tags,
    region: chosenRegion.value,
  }) as Omit<MeetingInputs, "clientRequestToken">;
  const sameMeeting =
    olds?.clientRequestToken !== undefined &&
    MEETING_REPLACE_ON.every((key) => sameValue(olds[key], inputs[key]));
  const clientRequestToken = sameMeeting ? (olds.clientRequestToken as string) : newToken();
  return { inputs: { ...inputs, clientRequestToken }, failures };
}

function checkNotifications(property: string, value: unknown): CheckFailure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [
      {
        property,
        reason: `${property} must be an object with lambdaFunctionArn, snsTopicArn or sqsQueueArn; got ${JSON.stringify(value)}`,
      },
    ];
  }
  const config = value as Record<string, unknown>;
  const failures: CheckFailure[] = [];
  const targets: [string, "lambda" | "sns" | "sqs"][] = [
    ["lambdaFunctionArn", "lambda"],
    ["snsTopicArn", "sns"],
    ["sqsQueueArn", "sqs"],
  ];
  for (const key of Object.keys(config)) {
    if (!targets.some(([name]) => name === key)) {
      failures.push({
        property: `${property}.${key}`,
        reason: `${property} has no member ${JSON.stringify(key)}; its members are lambdaFunctionArn, snsTopicArn, sqsQueueArn`,
      });
    }
  }
  for (const [key, service] of targets) {
    if (isUnknown(config[key])) continue;
    const reason = arn(`${property}.${key}`, config[key], service);
    if (reason) failures.push({ property: `${property}.${key}`, reason });
  }
  return failures;
}

/** Structural equality of plain JSON values (inputs after a round trip through the engine). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

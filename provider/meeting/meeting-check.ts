import { checkTagsInput } from "../meeting-tags/tags-check";
import {
  arn,
  type CheckFailure,
  chooseRegion,
  externalId,
  guid,
  isUnknown,
  region,
  requiredString,
  tenantIds,
} from "../validation/rules";
import { checkMeetingFeatures } from "./meeting-features";
import { type MeetingInputs, withoutUndefined } from "./meeting-state";

export interface MeetingCheckResult {
  readonly inputs: MeetingInputs;
  readonly failures: CheckFailure[];
}

type RawInputs = { readonly [K in keyof MeetingInputs | "clientRequestToken"]?: unknown };

/**
 * Validates a Meeting's inputs before any AWS call and normalises them:
 * `region` as for attendees: explicit, else carried over, else `defaultRegion`. The
 * `clientRequestToken` that v0.1.0 generated here and kept in state is dropped from old inputs:
 * CreateMeeting's idempotency token is the SDK's, one per call, reused by its retries.
 */
export function checkMeeting(
  olds: Partial<MeetingInputs> | undefined,
  news: RawInputs,
  defaultRegion: string | undefined,
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
  failures.push(...checkTagsInput("tags", news.tags));

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
  }) as MeetingInputs;
  return { inputs, failures };
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

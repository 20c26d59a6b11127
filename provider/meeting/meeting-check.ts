import { LEGACY_REGION, NAMESPACES } from "../shared/namespace";
import {
  arn,
  type CheckFailure,
  checkTagsInput,
  chooseRegion,
  externalId,
  guid,
  isUnknown,
  legacyExternalId,
  oneOf,
  region,
  requiredString,
  show,
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
  /** Where a default region comes from, for the message when there is none (`ConfigWords.regionSources`). */
  regionSources?: string,
): MeetingCheckResult {
  const failures: CheckFailure[] = [];
  const add = (property: string, reason: string | undefined) => {
    if (reason) failures.push({ property, reason });
  };
  const legacy = news.namespace === "legacy";
  if (news.namespace !== undefined) add("namespace", oneOf("namespace", news.namespace, NAMESPACES));
  // The legacy namespace has one region; a legacy meeting's region is not carried into Chime SDK Meetings.
  const chosenRegion = legacy
    ? legacyRegion(news.region)
    : chooseRegion(
        news.region,
        olds?.namespace === "legacy" ? undefined : olds?.region,
        defaultRegion,
        regionSources,
      );
  if (legacy) failures.push(...legacyOnlyMembers(news));

  // The legacy model has no pattern and no reserved prefix for external ids, only their length.
  const externalIdRule = legacy ? legacyExternalId : externalId;
  if (!isUnknown(news.externalMeetingId))
    add("externalMeetingId", externalIdRule("externalMeetingId", news.externalMeetingId));
  // A well-formed media region that this version does not know is a warning (see the Meeting class).
  if (!isUnknown(news.mediaRegion))
    add(
      "mediaRegion",
      requiredString("mediaRegion", news.mediaRegion) ?? region("mediaRegion", news.mediaRegion),
    );
  if (news.meetingHostId !== undefined && !isUnknown(news.meetingHostId))
    add("meetingHostId", externalIdRule("meetingHostId", news.meetingHostId));
  if (news.primaryMeetingId !== undefined && !isUnknown(news.primaryMeetingId))
    add("primaryMeetingId", guid("primaryMeetingId", news.primaryMeetingId));
  failures.push(...checkMeetingFeatures("meetingFeatures", news.meetingFeatures));
  failures.push(...checkNotifications("notificationsConfiguration", news.notificationsConfiguration));
  failures.push(...tenantIds("tenantIds", news.tenantIds));
  failures.push(...checkTagsInput("tags", news.tags, legacy ? "legacy" : "meetings"));

  if (chosenRegion.failure) failures.push({ property: "region", reason: chosenRegion.failure });

  const inputs = withoutUndefined({
    namespace: legacy ? "legacy" : undefined,
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

/** A legacy meeting's region: us-east-1, where the namespace's one endpoint is. */
function legacyRegion(input: unknown): { value: string; failure?: string } {
  const value = input ?? LEGACY_REGION;
  if (isUnknown(value) || value === LEGACY_REGION) return { value: value as string };
  return {
    value: value as string,
    failure:
      `region must be "${LEGACY_REGION}" with namespace "legacy": the legacy Amazon Chime namespace has ` +
      `one global endpoint, in ${LEGACY_REGION}; got ${show(value)}`,
  };
}

/** The members the legacy CreateMeeting does not have. */
function legacyOnlyMembers(news: RawInputs): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const property of ["meetingFeatures", "primaryMeetingId", "tenantIds"] as const) {
    if (news[property] === undefined) continue;
    failures.push({
      property,
      reason:
        `${property} needs namespace "meetings": the legacy Amazon Chime CreateMeeting has no ` +
        `${property}; got ${show(news[property])}`,
    });
  }
  const notifications = news.notificationsConfiguration;
  if (
    notifications &&
    typeof notifications === "object" &&
    (notifications as Record<string, unknown>).lambdaFunctionArn !== undefined
  ) {
    failures.push({
      property: "notificationsConfiguration.lambdaFunctionArn",
      reason:
        'notificationsConfiguration.lambdaFunctionArn needs namespace "meetings": legacy meetings notify ' +
        "only an SNS topic or an SQS queue",
    });
  }
  return failures;
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

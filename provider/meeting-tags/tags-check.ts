import { LEGACY_REGION, NAMESPACES } from "../shared/namespace";
import {
  type CheckFailure,
  checkTagsInput,
  chooseRegion,
  guid,
  isUnknown,
  oneOf,
  requiredString,
} from "../validation/rules";
import type { MeetingTagsInputs } from "./tags-state";

type RawInputs = { readonly [K in keyof MeetingTagsInputs]?: unknown };

/**
 * Validates a MeetingTags resource's inputs before any AWS call and normalises them: `tags` absent
 * means none (the declared set is authoritative); `region` explicit, else carried over, else
 * `defaultRegion`. `meetingId` and `meetingArn` come from the parent `Meeting` and are unknown in the
 * preview of a new or replaced meeting.
 */
export function checkMeetingTags(
  olds: Partial<MeetingTagsInputs> | undefined,
  news: RawInputs,
  defaultRegion: string | undefined,
  /** Where a default region comes from, for the message when there is none (`ConfigWords.regionSources`). */
  regionSources?: string,
): { inputs: MeetingTagsInputs; failures: CheckFailure[] } {
  const failures: CheckFailure[] = [];
  const legacy = news.namespace === "legacy";
  if (news.namespace !== undefined) {
    const reason = oneOf("namespace", news.namespace, NAMESPACES);
    if (reason) failures.push({ property: "namespace", reason });
  }
  // A legacy meeting has no ARN: its tags go by MeetingId.
  for (const property of legacy ? (["meetingId"] as const) : (["meetingId", "meetingArn"] as const)) {
    const value = news[property];
    if (isUnknown(value)) continue;
    // A legacy meeting's tags go by its MeetingId in the request path: it must be the GUID.
    const reason =
      legacy && property === "meetingId" ? guid(property, value) : requiredString(property, value);
    if (reason) failures.push({ property, reason });
  }
  failures.push(...checkTagsInput("tags", news.tags, legacy ? "legacy" : "meetings"));
  // The legacy namespace has one region, us-east-1 (its Meeting's check says so if it is given another).
  const chosenRegion = legacy
    ? { value: (news.region ?? LEGACY_REGION) as string }
    : chooseRegion(news.region, olds?.region, defaultRegion, regionSources);
  if (chosenRegion.failure) failures.push({ property: "region", reason: chosenRegion.failure });
  const inputs = {
    ...(legacy ? { namespace: "legacy" } : {}),
    meetingId: news.meetingId,
    ...(legacy ? {} : { meetingArn: news.meetingArn }),
    tags: news.tags ?? {},
    region: chosenRegion.value,
  } as MeetingTagsInputs;
  return { inputs, failures };
}

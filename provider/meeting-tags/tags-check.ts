import { type CheckFailure, chooseRegion, isUnknown, requiredString, tags } from "../validation/rules";
import type { MeetingTagsInputs } from "./tags-state";

type RawInputs = { readonly [K in keyof MeetingTagsInputs]?: unknown };

/**
 * The check of a meeting's `tags` input, shared by `Meeting` (whose CreateMeeting carries the tags, so
 * bad tags must fail before it) and `MeetingTags`: Chime's tag rules; an unknown map, or an unknown
 * value in it, passes until it is known.
 */
export function checkTagsInput(property: string, value: unknown): CheckFailure[] {
  if (isUnknown(value)) return [];
  return tags(property, value);
}

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
): { inputs: MeetingTagsInputs; failures: CheckFailure[] } {
  const failures: CheckFailure[] = [];
  for (const property of ["meetingId", "meetingArn"] as const) {
    const value = news[property];
    if (isUnknown(value)) continue;
    const reason = requiredString(property, value);
    if (reason) failures.push({ property, reason });
  }
  failures.push(...checkTagsInput("tags", news.tags));
  const chosenRegion = chooseRegion(news.region, olds?.region, defaultRegion);
  if (chosenRegion.failure) failures.push({ property: "region", reason: chosenRegion.failure });
  const inputs = {
    meetingId: news.meetingId,
    meetingArn: news.meetingArn,
    tags: news.tags ?? {},
    region: chosenRegion.value,
  } as MeetingTagsInputs;
  return { inputs, failures };
}

import type * as pulumi from "@pulumi/pulumi";
import { sameValue } from "../shared/values";
import { MEETING_TAGS_INPUTS, type MeetingTagsInputs, type MeetingTagsState } from "./tags-state";

/**
 * A MeetingTags resource never needs replacing: every change is an in-place update. Changed tags are
 * set and removed on the same meeting; a new `meetingArn` (the parent meeting was replaced) tags the
 * new meeting, and the old one is deleted with its tags. A value that is unknown during a preview (the
 * whole `tags`, one tag value, the `meetingArn` of a meeting about to be replaced) counts as changed, so
 * the preview plans the same update that `up` performs, never a replacement.
 */
export function diffMeetingTags(olds: MeetingTagsState, news: MeetingTagsInputs): pulumi.dynamic.DiffResult {
  const changed = MEETING_TAGS_INPUTS.filter((key) =>
    key === "tags" ? !sameValue(olds.tags ?? {}, news.tags ?? {}) : !sameValue(olds[key], news[key]),
  );
  return { changes: changed.length > 0, replaces: [], deleteBeforeReplace: false };
}

import type * as pulumi from "@pulumi/pulumi";
import { sameValue } from "./meeting-check";
import { MEETING_REPLACE_ON, type MeetingInputs } from "./meeting-state";

/**
 * Decides what a change of inputs does to an existing meeting: tags change in place (TagResource /
 * UntagResource); anything else needs a new meeting, since Chime cannot change a meeting.
 */
export function diffMeeting(olds: MeetingInputs, news: MeetingInputs): pulumi.dynamic.DiffResult {
  const replaces = MEETING_REPLACE_ON.filter((key) => !sameValue(olds[key], news[key]));
  const tagsChanged = !sameValue(olds.tags ?? {}, news.tags ?? {});
  return {
    changes: replaces.length > 0 || tagsChanged,
    replaces,
    deleteBeforeReplace: false,
    stables: replaces.length > 0 ? [] : ["meetingId", "meetingArn", "mediaPlacement"],
  };
}

/** The tag changes that turn `olds` into `news`. */
export function tagChanges(olds: Record<string, string> = {}, news: Record<string, string> = {}) {
  const set = Object.entries(news).filter(([key, value]) => olds[key] !== value);
  const remove = Object.keys(olds).filter((key) => !(key in news));
  return { set, remove };
}

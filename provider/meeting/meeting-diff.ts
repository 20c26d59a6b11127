import type * as pulumi from "@pulumi/pulumi";
import { sameValue } from "../shared/values";
import { MEETING_REPLACE_ON, type MeetingInputs, type MeetingState } from "./meeting-state";

/**
 * Decides what a change of inputs does to an existing meeting: a Meeting is immutable, so any change
 * replaces it, and there is no in-place update.
 *
 * Why not update the tags in place, as Chime allows: the dynamic provider does not support previews,
 * so the engine previews an in-place update by taking the new inputs as the outputs, and every output
 * that is not an input (`meetingId`, `meetingArn`, `mediaPlacement`) turns unknown; every attendee of
 * the meeting then previews as replaced while `up` replaces nothing (issue 8). So `tags` are ignored
 * here: they belong to the meeting's `MeetingTags` child, which is what a tags-only change updates.
 * (A front-end that previews can update them in place with the meeting: `../tagged-meeting.ts`, the
 * plugin's Meeting, adds MeetingTags' rule for them to this one.)
 * The `clientRequestToken` of state written by v0.1.0 is ignored too (no longer stored).
 */
export function diffMeeting(olds: MeetingState, news: MeetingInputs): pulumi.dynamic.DiffResult {
  const replaces = MEETING_REPLACE_ON.filter((key) => !sameValue(olds[key], news[key]));
  return { changes: replaces.length > 0, replaces, deleteBeforeReplace: false };
}

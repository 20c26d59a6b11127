/**
 * The one place the namespace of a resource is chosen: each factory hands a lifecycle the I/O of the
 * namespace its target names. The legacy module is required lazily, so that a process with no legacy
 * resource never loads the pinned legacy SDK (`@aws-sdk/client-chime`; issue 15 measured its cost).
 */
import type { AttendeeIo } from "../attendee/attendee-io";
import type { BatchIo } from "../attendee-batch/batch-io";
import type { ChimeConfig } from "../aws/config";
import type { MeetingIo } from "../meeting/meeting-io";
import type { TagsIo } from "../meeting-tags/tags-io";
import type { IoFactory } from "../shared/io";
import type * as LegacyNamespace from "./legacy";
import * as meetings from "./meetings";

function legacy(): typeof LegacyNamespace {
  return require("./legacy");
}

export function attendeeIo(config: ChimeConfig): IoFactory<AttendeeIo> {
  return (target, secrets) =>
    target.namespace === "legacy"
      ? legacy().attendeeIo(config, secrets)
      : meetings.attendeeIo(config, target, secrets);
}

export function meetingIo(config: ChimeConfig): IoFactory<MeetingIo> {
  return (target, secrets) =>
    target.namespace === "legacy"
      ? legacy().meetingIo(config, secrets)
      : meetings.meetingIo(config, target, secrets);
}

export function tagsIo(config: ChimeConfig): IoFactory<TagsIo> {
  return (target, secrets) =>
    target.namespace === "legacy"
      ? legacy().tagsIo(config, secrets)
      : meetings.tagsIo(config, target, secrets);
}

export function batchIo(config: ChimeConfig): IoFactory<BatchIo> {
  return (target, secrets) =>
    target.namespace === "legacy"
      ? legacy().batchIo(config, secrets)
      : meetings.batchIo(config, target, secrets);
}

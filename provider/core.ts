/**
 * The composition root of the neutral core: for one provider instance (its Chime config and its
 * claims) the logic of every resource kind, each lifecycle given the I/O of its namespace.
 * Both front-ends (`./dynamic/`, `./plugin/`) serve what this returns.
 */
import { AttendeeLifecycle } from "./attendee/attendee-lifecycle";
import type { AnyAttendeeInputs, AnyAttendeeState } from "./attendee/attendee-state";
import { AttendeeBatchLifecycle } from "./attendee-batch/batch-lifecycle";
import type { AnyBatchInputs, AnyBatchState } from "./attendee-batch/batch-state";
import type { ChimeConfig } from "./aws/config";
import { isNotFound } from "./aws/errors";
import { MeetingLifecycle } from "./meeting/meeting-lifecycle";
import type { MeetingInputs, MeetingState } from "./meeting/meeting-state";
import { MeetingTagsLifecycle } from "./meeting-tags/tags-lifecycle";
import type { MeetingTagsInputs, MeetingTagsState } from "./meeting-tags/tags-state";
import * as namespaces from "./namespaces";
import type { ProviderClaims } from "./shared/claims";
import type { ResourceLogic } from "./shared/resource";
import { TaggedMeeting } from "./tagged-meeting";

/** One provider instance: a dynamic provider process, or one configured plugin provider. */
export interface ProviderInstance {
  readonly config: ChimeConfig;
  readonly claims: ProviderClaims;
}

/** The logic of every resource kind for one provider instance. */
export interface Core {
  readonly attendee: ResourceLogic<AnyAttendeeInputs, AnyAttendeeState>;
  /** A Meeting whose tags belong to a `MeetingTags` child (the dynamic class: no previews). */
  readonly meeting: ResourceLogic<MeetingInputs, MeetingState>;
  /** A Meeting that updates its own tags in place, for a front-end that previews (the plugin). */
  readonly taggedMeeting: ResourceLogic<MeetingInputs, MeetingState>;
  readonly meetingTags: ResourceLogic<MeetingTagsInputs, MeetingTagsState>;
  readonly attendeeBatch: ResourceLogic<AnyBatchInputs, AnyBatchState>;
}

export function createCore(instance: ProviderInstance): Core {
  const { config, claims } = instance;
  const context = { defaultRegion: () => config.defaultRegion, words: config.words, claims, isNotFound };
  const meeting = new MeetingLifecycle({ ...context, io: namespaces.meetingIo(config) });
  const meetingTags = new MeetingTagsLifecycle({ ...context, io: namespaces.tagsIo(config) });
  return {
    attendee: new AttendeeLifecycle({ ...context, io: namespaces.attendeeIo(config) }),
    meeting,
    taggedMeeting: new TaggedMeeting(meeting, meetingTags),
    meetingTags,
    attendeeBatch: new AttendeeBatchLifecycle({ ...context, io: namespaces.batchIo(config) }),
  };
}

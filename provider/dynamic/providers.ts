/**
 * The dynamic providers of the four resource kinds, each an adapter (`./adapter.ts`) over the kind's
 * logic in this process's instance (`./process.ts`).
 */
import type { AnyAttendeeInputs, AnyAttendeeOutputs, AnyAttendeeState } from "../attendee/attendee-state";
import type { AnyBatchInputs, AnyBatchOutputs, AnyBatchState } from "../attendee-batch/batch-state";
import type {
  LegacyMeetingOutputs,
  MeetingInputs,
  MeetingOutputs,
  MeetingState,
} from "../meeting/meeting-state";
import { recordsMeeting } from "../meeting/meeting-state";
import type { MeetingTagsInputs, MeetingTagsState } from "../meeting-tags/tags-state";
import { recordsTaggedMeeting } from "../meeting-tags/tags-state";
import { DynamicProvider } from "./adapter";
import { processInstance } from "./process";
import { readWithoutState } from "./read";

/** The dynamic provider behind `Attendee`, of either namespace. */
export class AttendeeProvider extends DynamicProvider<
  AnyAttendeeInputs,
  AnyAttendeeState,
  AnyAttendeeOutputs
> {
  constructor() {
    super({
      label: "Attendee",
      logic: () => processInstance().core.attendee,
      configFailures: true,
      hasState: (props) => Boolean(props?.meetingId),
      readWithoutState: () =>
        readWithoutState(
          "An Attendee",
          "Declare it instead: CreateAttendee adopts an existing attendee with the same externalUserId.",
        ),
    });
  }
}

/** The dynamic provider behind `Meeting`, of either namespace. */
export class MeetingProvider extends DynamicProvider<
  MeetingInputs,
  MeetingState,
  MeetingOutputs | LegacyMeetingOutputs
> {
  constructor() {
    super({
      label: "Meeting",
      logic: () => processInstance().core.meeting,
      configFailures: true,
      hasState: recordsMeeting,
      readWithoutState: () =>
        readWithoutState(
          "A Meeting",
          "Declare it instead; a meeting ends by itself, and `pulumi up --refresh` creates it again.",
        ),
    });
  }
}

/** The dynamic provider behind `MeetingTags`, of either namespace. */
export class MeetingTagsProvider extends DynamicProvider<MeetingTagsInputs, MeetingTagsState> {
  constructor() {
    super({
      label: "MeetingTags",
      logic: () => processInstance().core.meetingTags,
      configFailures: false,
      hasState: recordsTaggedMeeting,
      readWithoutState: () =>
        readWithoutState("A MeetingTags resource", "Declare the tags on their Meeting instead."),
    });
  }
}

/** The dynamic provider behind `AttendeeBatch`. */
export class AttendeeBatchProvider extends DynamicProvider<AnyBatchInputs, AnyBatchState, AnyBatchOutputs> {
  constructor() {
    super({
      label: "AttendeeBatch",
      logic: () => processInstance().core.attendeeBatch,
      configFailures: true,
      hasState: (props) => Boolean(props?.meetingId),
      readWithoutState: () =>
        readWithoutState(
          "An AttendeeBatch",
          "Declare it instead: BatchCreateAttendee adopts existing attendees with the same externalUserIds.",
        ),
    });
  }
}

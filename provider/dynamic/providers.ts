/**
 * The dynamic providers of the resource kinds (`../kinds.ts`), each an adapter (`./adapter.ts`) over
 * the kind's logic in this process's instance (`./process.ts`).
 */
import type { AnyAttendeeInputs, AnyAttendeeOutputs, AnyAttendeeState } from "../attendee/attendee-state";
import type { AnyBatchInputs, AnyBatchOutputs, AnyBatchState } from "../attendee-batch/batch-state";
import { KINDS, type KindKey } from "../kinds";
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
      label: KINDS.attendee.name,
      logic: () => processInstance().core[KINDS.attendee.core.dynamic],
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
      label: KINDS.meeting.name,
      logic: () => processInstance().core[KINDS.meeting.core.dynamic],
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
      label: KINDS.meetingTags.name,
      logic: () => processInstance().core[KINDS.meetingTags.core.dynamic],
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
      label: KINDS.attendeeBatch.name,
      logic: () => processInstance().core[KINDS.attendeeBatch.core.dynamic],
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

/** The dynamic provider of each kind: what `pulumi-chime-sdk/provider-runtime` exports (`./runtime.ts`). */
const PROVIDERS = {
  meeting: MeetingProvider,
  meetingTags: MeetingTagsProvider,
  attendee: AttendeeProvider,
  attendeeBatch: AttendeeBatchProvider,
} as const satisfies Record<KindKey, new () => unknown>;

/** One dynamic provider per kind. */
export function dynamicProviders(): { readonly [K in KindKey]: InstanceType<(typeof PROVIDERS)[K]> } {
  return Object.fromEntries(Object.entries(PROVIDERS).map(([kind, Provider]) => [kind, new Provider()])) as {
    [K in KindKey]: InstanceType<(typeof PROVIDERS)[K]>;
  };
}

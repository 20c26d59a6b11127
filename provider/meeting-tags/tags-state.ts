/** The inputs of a MeetingTags resource as `check` normalises them and the engine stores them. */
export interface MeetingTagsInputs {
  /** The meeting's MeetingId (a GUID), carried from the parent `Meeting`. */
  readonly meetingId: string;
  /**
   * The meeting's ARN, which TagResource / UntagResource / ListTagsForResource address. Absent in the
   * legacy namespace, whose meetings have no ARN and are tagged by MeetingId.
   */
  readonly meetingArn?: string;
  /** The declared tags: the whole set the meeting is to carry (absent in the program: none). */
  readonly tags: Record<string, string>;
  /** The control-plane region of the meeting, carried from the parent `Meeting`. */
  readonly region: string;
  /** "legacy": a meeting of the legacy Amazon Chime namespace (TagMeeting / UntagMeeting / ListMeetingTags). */
  readonly namespace?: "legacy";
}

/** A MeetingTags resource's outputs: its inputs, with `tags` as last set or listed. */
export type MeetingTagsOutputs = MeetingTagsInputs;

/** What state holds for a MeetingTags resource, as the engine hands it back. */
export type MeetingTagsState = MeetingTagsInputs;

/** The inputs whose change makes the provider act, each in place (see `diffMeetingTags`). */
export const MEETING_TAGS_INPUTS = [
  "namespace",
  "meetingId",
  "meetingArn",
  "tags",
  "region",
] as const satisfies readonly (keyof MeetingTagsInputs)[];

/** Whether the state records the meeting it tags (by ARN, or by MeetingId in the legacy namespace). */
export function recordsTaggedMeeting(state: MeetingTagsState | undefined): state is MeetingTagsState {
  return state?.namespace === "legacy" ? Boolean(state.meetingId) : Boolean(state?.meetingArn);
}

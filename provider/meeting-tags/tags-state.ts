/** The inputs of a MeetingTags resource as `check` normalises them and the engine stores them. */
export interface MeetingTagsInputs {
  /** The meeting's MeetingId (a GUID), carried from the parent `Meeting`. */
  readonly meetingId: string;
  /** The meeting's ARN, which TagResource / UntagResource / ListTagsForResource address. */
  readonly meetingArn: string;
  /** The declared tags: the whole set the meeting is to carry (absent in the program: none). */
  readonly tags: Record<string, string>;
  /** The control-plane region of the meeting, carried from the parent `Meeting`. */
  readonly region: string;
  // A `namespace` input (the legacy Chime namespace, tagged by MeetingId) joins here.
}

/** A MeetingTags resource's outputs: its inputs, with `tags` as last set or listed. */
export type MeetingTagsOutputs = MeetingTagsInputs;

/** What state holds for a MeetingTags resource, as the engine hands it back. */
export type MeetingTagsState = MeetingTagsInputs;

/** The inputs whose change makes the provider act, each in place (see `diffMeetingTags`). */
export const MEETING_TAGS_INPUTS = [
  "meetingId",
  "meetingArn",
  "tags",
  "region",
] as const satisfies readonly (keyof MeetingTagsInputs)[];

/** The tag changes that turn `olds` into `news`. */
export function tagChanges(
  olds: Record<string, string> = {},
  news: Record<string, string> = {},
): { set: [string, string][]; remove: string[] } {
  const set = Object.entries(news).filter(([key, value]) => olds[key] !== value);
  const remove = Object.keys(olds).filter((key) => !(key in news));
  return { set, remove };
}

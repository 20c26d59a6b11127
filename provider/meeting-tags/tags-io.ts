import type { MeetingTagsInputs } from "./tags-state";

/** The meeting whose tags are meant: by ARN in Chime SDK Meetings, by MeetingId in the legacy namespace. */
export type TaggedMeeting = Pick<MeetingTagsInputs, "meetingId" | "meetingArn">;

/** The tag calls for meetings, one implementation per namespace (`../namespaces/`). */
export interface TagsIo {
  list(meeting: TaggedMeeting): Promise<Record<string, string>>;
  tag(meeting: TaggedMeeting, set: [string, string][]): Promise<void>;
  untag(meeting: TaggedMeeting, keys: string[]): Promise<void>;
}

/** Legacy meetings and attendees as the 2018-05-01 API returns them: no ARN, features or capabilities. */
import type { StoredAttendee, StoredMeeting, Tag, WireMediaPlacement } from "../model";
import { mediaPlacement } from "../wire";

export interface LegacyWireMeeting {
  MeetingId: string;
  ExternalMeetingId?: string;
  MediaPlacement: WireMediaPlacement;
  MediaRegion: string;
}

export interface LegacyWireAttendee {
  ExternalUserId: string;
  AttendeeId: string;
  JoinToken: string;
}

export function toLegacyWireMeeting(meeting: StoredMeeting): LegacyWireMeeting {
  const { input } = meeting;
  const wire: LegacyWireMeeting = {
    MeetingId: meeting.meetingId,
    MediaPlacement: mediaPlacement(input.MediaRegion, meeting.meetingId),
    MediaRegion: input.MediaRegion,
  };
  if (input.ExternalMeetingId !== undefined) wire.ExternalMeetingId = input.ExternalMeetingId;
  return wire;
}

export function toLegacyWireAttendee(attendee: StoredAttendee): LegacyWireAttendee {
  return {
    ExternalUserId: attendee.externalUserId,
    AttendeeId: attendee.attendeeId,
    JoinToken: attendee.joinToken,
  };
}

export function toWireTags(tags: Map<string, string> | undefined): Tag[] {
  return [...(tags ?? [])].map(([Key, Value]) => ({ Key, Value }));
}

/** Stored meetings and attendees as the API returns them. */
import type { StoredAttendee, StoredMeeting, WireAttendee, WireMediaPlacement, WireMeeting } from "./model";

export interface AccountScope {
  region: string;
  accountId: string;
}

export function partitionOf(region: string): string {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}

export function meetingArn(scope: AccountScope, meetingId: string): string {
  return `arn:${partitionOf(scope.region)}:chime:${scope.region}:${scope.accountId}:meeting/${meetingId}`;
}

/**
 * Media placement URLs in the real service's shape, on hosts under `.invalid` (RFC 2606): there is
 * no media service behind the emulator, and a client that tries to connect fails at once.
 */
export function mediaPlacement(mediaRegion: string, meetingId: string): WireMediaPlacement {
  const host = `${mediaRegion}.chime-local.invalid`;
  return {
    AudioHostUrl: `audio.${host}:3478`,
    AudioFallbackUrl: `wss://audio.${host}:443/calls/${meetingId}`,
    SignalingUrl: `wss://signal.${host}/control/${meetingId}`,
    TurnControlUrl: `https://turn.${host}/v2/turn_sessions`,
    ScreenDataUrl: `wss://screen.${host}:443/v2/screen/${meetingId}`,
    ScreenViewingUrl: `wss://screen.${host}:443/ws/connect?passcode=null&viewer_uuid=null&X-BitHub-Call-Id=${meetingId}`,
    ScreenSharingUrl: `wss://screen.${host}:443/v2/screen/${meetingId}`,
    EventIngestionUrl: `https://ingest.${host}/v1/client-events`,
  };
}

export function toWireMeeting(scope: AccountScope, meeting: StoredMeeting): WireMeeting {
  const { input } = meeting;
  const wire: WireMeeting = {
    MeetingId: meeting.meetingId,
    // Required by the Meetings namespace's CreateMeeting, so always present here.
    ExternalMeetingId: input.ExternalMeetingId ?? "",
    MediaRegion: input.MediaRegion,
    MediaPlacement: mediaPlacement(input.MediaRegion, meeting.meetingId),
    MeetingArn: meetingArn(scope, meeting.meetingId),
  };
  if (input.MeetingHostId !== undefined) wire.MeetingHostId = input.MeetingHostId;
  if (input.MeetingFeatures !== undefined) wire.MeetingFeatures = input.MeetingFeatures;
  if (input.PrimaryMeetingId !== undefined) wire.PrimaryMeetingId = input.PrimaryMeetingId;
  if (input.TenantIds !== undefined) wire.TenantIds = input.TenantIds;
  return wire;
}

export function toWireAttendee(attendee: StoredAttendee): WireAttendee {
  return {
    ExternalUserId: attendee.externalUserId,
    AttendeeId: attendee.attendeeId,
    JoinToken: attendee.joinToken,
    Capabilities: attendee.capabilities,
  };
}

import type { AttendeeCapabilities } from "../shared/capabilities";

/**
 * An attendee as a Chime API returns it (the field names both namespaces' models share; capabilities
 * only in Chime SDK Meetings).
 */
export interface ChimeAttendee {
  readonly AttendeeId?: string;
  readonly ExternalUserId?: string;
  readonly JoinToken?: string;
  readonly Capabilities?: {
    readonly Audio?: string;
    readonly Video?: string;
    readonly Content?: string;
  };
}

/** An attendee a BatchCreateAttendee could not create (answered with HTTP 200). */
export interface BatchCreateError {
  readonly ExternalUserId?: string;
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
}

/** One attendee to create in a batch. */
export interface BatchCreateMember {
  readonly externalUserId: string;
  readonly capabilities?: AttendeeCapabilities;
}

/**
 * The calls an attendee batch's lifecycle makes, one implementation per namespace (`../namespaces/`).
 * Shaped by what a batch needs, not by one namespace: the legacy namespace's BatchCreateAttendee fits it.
 */
export interface BatchIo {
  /**
   * The meeting's attendees for a read, `undefined` when the meeting is gone; reads close together may
   * share one listing.
   */
  listing(meetingId: string): Promise<readonly ChimeAttendee[] | undefined>;
  /** The meeting's attendees, freshly listed. */
  list(meetingId: string): Promise<readonly ChimeAttendee[]>;
  /** BatchCreateAttendee (1–100 members): those created or found, and those Chime refused. */
  create(
    meetingId: string,
    members: readonly BatchCreateMember[],
  ): Promise<{
    attendees: readonly ChimeAttendee[];
    errors: readonly BatchCreateError[];
    requestId?: string;
  }>;
  /** Sets an attendee's capabilities; returns the attendee as updated. */
  setCapabilities(
    meetingId: string,
    attendeeId: string,
    capabilities: AttendeeCapabilities,
  ): Promise<ChimeAttendee>;
  delete(meetingId: string, attendeeId: string): Promise<void>;
}

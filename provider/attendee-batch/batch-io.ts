import type { BatchMember, ChimeAttendee, JoinInfo, LegacyBatchMember, LegacyJoinInfo } from "./batch-state";

export type { ChimeAttendee };

/** An attendee a BatchCreateAttendee could not create (answered with HTTP 200, legacy 201). */
export interface BatchCreateError {
  readonly ExternalUserId?: string;
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
}

/** One declared member of a batch, of either namespace (capabilities, or legacy tags). */
export type AnyBatchMember = BatchMember | LegacyBatchMember;

/**
 * What a batch records per attendee, of either namespace: its AttendeeId and JoinToken, and the
 * settings the namespace manages (capabilities, or legacy tags) as they are.
 */
export type AnyJoinInfo = JoinInfo | LegacyJoinInfo;

/**
 * The calls an attendee batch's lifecycle makes, one implementation per namespace (`../namespaces/`).
 * Shaped by what a batch needs, not by one namespace: what an attendee's settings are (capabilities,
 * tags) and how they are read and set is the namespace's; the lifecycle only chunks, orders and
 * records. An instance serves one operation of the lifecycle (it may remember what it listed).
 */
export interface BatchIo {
  /**
   * The meeting's attendees for a read, `undefined` when the meeting is gone; reads close together may
   * share one listing.
   */
  listing(meetingId: string): Promise<readonly ChimeAttendee[] | undefined>;
  /** The meeting's attendees, freshly listed. */
  list(meetingId: string): Promise<readonly ChimeAttendee[]>;
  /**
   * What to record of attendees as listed, by externalUserId: a listing has no JoinToken (`previous`
   * supplies it, else the attendee is left out), and the settings a listing does not carry are read
   * (legacy tags). An attendee that went away meanwhile is left out.
   */
  recorded(
    meetingId: string,
    listed: readonly ChimeAttendee[],
    previous?: Readonly<Record<string, AnyJoinInfo>>,
  ): Promise<Record<string, AnyJoinInfo>>;
  /**
   * BatchCreateAttendee (1–100 members): those created or found (adopted), recorded with their settings
   * as they now are, and those Chime refused.
   */
  create(
    meetingId: string,
    members: readonly AnyBatchMember[],
  ): Promise<{
    joinInfo: Record<string, AnyJoinInfo>;
    errors: readonly BatchCreateError[];
    requestId?: string;
  }>;
  /**
   * Brings one attendee's settings to its member's declaration (capabilities; legacy tags) and returns
   * what to record then; `undefined`, without a call, when nothing differs.
   */
  settle(meetingId: string, have: AnyJoinInfo, member: AnyBatchMember): Promise<AnyJoinInfo | undefined>;
  delete(meetingId: string, attendeeId: string): Promise<void>;
}

import type { AttendeeCapabilities } from "../shared/capabilities";
import { capabilitiesFromSdk } from "../shared/capabilities";

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

/** One attendee of a batch, as declared. */
export interface BatchMember {
  /** Your identifier for the attendee, unique within the batch and the meeting. */
  readonly externalUserId: string;
  /** Absent: Chime's default for the meeting applies and is not managed. */
  readonly capabilities?: AttendeeCapabilities;
}

/** What a client needs to join, per attendee. */
export interface JoinInfo {
  /** The Chime AttendeeId. */
  readonly attendeeId: string;
  /** The token a client joins the meeting with. */
  readonly joinToken: string;
  /** The attendee's capabilities as Chime reports them. */
  readonly capabilities: AttendeeCapabilities;
}

/** An AttendeeBatch's inputs in Chime SDK Meetings as `check` normalises and the engine stores them. */
export interface BatchInputs {
  /** Absent in Chime SDK Meetings, so that states written before namespaces existed match. */
  readonly namespace?: undefined;
  readonly meetingId: string;
  readonly attendees: BatchMember[];
  /** The control-plane region, resolved once in `check` and carried over afterwards. */
  readonly region: string;
}

/**
 * The outputs: the inputs, and `joinInfo` by externalUserId (secret). After a create that failed
 * part-way `joinInfo` is absent: the attendees are found again by externalUserId.
 */
export interface BatchState extends BatchInputs {
  readonly joinInfo?: Record<string, JoinInfo>;
}

export type BatchOutputs = BatchState & Required<Pick<BatchState, "joinInfo">>;

/** JoinInfo from attendees as Chime returned them; `previous` supplies tokens a listing leaves out. */
export function joinInfoFrom(
  attendees: readonly ChimeAttendee[],
  previous: Record<string, JoinInfo> = {},
): Record<string, JoinInfo> {
  const info: Record<string, JoinInfo> = {};
  for (const a of attendees) {
    const id = a.ExternalUserId;
    const joinToken = a.JoinToken ?? (id ? previous[id]?.joinToken : undefined);
    if (!id || !a.AttendeeId || !joinToken) continue;
    info[id] = { attendeeId: a.AttendeeId, joinToken, capabilities: capabilitiesFromSdk(a) };
  }
  return info;
}

/** One attendee of a batch in the legacy Amazon Chime namespace, as declared: tags, no capabilities. */
export interface LegacyBatchMember {
  /** Your identifier for the attendee, unique within the batch and the meeting. */
  readonly externalUserId: string;
  /** Absent: no tags (tags the attendee has that are not declared are removed). */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What a client needs to join, per attendee of a legacy batch, with the attendee's tags. */
export interface LegacyJoinInfo {
  readonly attendeeId: string;
  readonly joinToken: string;
  /** The attendee's tags as last set or, after a refresh, listed (ListAttendeeTags). */
  readonly tags: Readonly<Record<string, string>>;
}

/** An AttendeeBatch's inputs in the legacy Amazon Chime namespace. */
export interface LegacyBatchInputs {
  readonly namespace: "legacy";
  readonly meetingId: string;
  readonly attendees: LegacyBatchMember[];
  /** Always us-east-1, where the legacy namespace's global endpoint is. */
  readonly region: string;
}

/** A legacy batch's outputs; `joinInfo` absent after a create that failed part-way (as BatchState). */
export interface LegacyBatchState extends LegacyBatchInputs {
  readonly joinInfo?: Record<string, LegacyJoinInfo>;
}

export type LegacyBatchOutputs = LegacyBatchState & Required<Pick<LegacyBatchState, "joinInfo">>;

/** The inputs of an AttendeeBatch of either namespace. */
export type AnyBatchInputs = BatchInputs | LegacyBatchInputs;
/** The state of an AttendeeBatch of either namespace. */
export type AnyBatchState = BatchState | LegacyBatchState;
/** The outputs of an AttendeeBatch of either namespace. */
export type AnyBatchOutputs = BatchOutputs | LegacyBatchOutputs;

/**
 * LegacyJoinInfo from attendees as the legacy API returned them and their tags by externalUserId;
 * `previous` supplies tokens a listing leaves out. Attendees without tags in `tags` get none.
 */
export function legacyJoinInfoFrom(
  attendees: readonly { ExternalUserId?: string; AttendeeId?: string; JoinToken?: string }[],
  tags: Readonly<Record<string, Readonly<Record<string, string>>>>,
  previous: Readonly<Record<string, LegacyJoinInfo>> = {},
): Record<string, LegacyJoinInfo> {
  const info: Record<string, LegacyJoinInfo> = {};
  for (const a of attendees) {
    const id = a.ExternalUserId;
    const joinToken = a.JoinToken ?? (id ? previous[id]?.joinToken : undefined);
    if (!id || !a.AttendeeId || !joinToken) continue;
    info[id] = { attendeeId: a.AttendeeId, joinToken, tags: { ...(tags[id] ?? {}) } };
  }
  return info;
}

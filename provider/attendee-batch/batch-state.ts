import type { AttendeeCapabilities } from "../shared/capabilities";
import { capabilitiesFromSdk } from "../shared/capabilities";
import type { ChimeAttendee } from "./batch-io";

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

/** An AttendeeBatch's inputs as `check` normalises and the engine stores them. */
export interface BatchInputs {
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

export type BatchOutputs = Required<BatchState>;

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

import type { AnyAttendeeInputs, AnyAttendeeOutputs, AnyAttendeeState } from "./attendee-state";

/**
 * The calls an attendee's lifecycle makes, one implementation per namespace (`../namespaces/`): the
 * lifecycle (`./attendee-lifecycle.ts`) is written once over it.
 */
export interface AttendeeIo {
  /**
   * CreateAttendee with what the namespace creates an attendee with (capabilities, tags): the attendee
   * created, or the existing one with this externalUserId (adoption), as outputs.
   */
  create(inputs: AnyAttendeeInputs): Promise<AnyAttendeeOutputs>;
  /**
   * Brings an attendee to the declared capabilities (Chime SDK Meetings) or tags (legacy) and returns its
   * outputs. `recorded`: `current` comes from state, so it is as last set; else it is as just created,
   * and what the namespace does not return at create (legacy tags) is listed first.
   */
  converge(
    inputs: AnyAttendeeInputs,
    current: AnyAttendeeOutputs,
    recorded: boolean,
  ): Promise<AnyAttendeeOutputs>;
  /** The attendee as Chime has it (by attendeeId, else externalUserId); undefined when it is gone. */
  read(state: AnyAttendeeState): Promise<AnyAttendeeOutputs | undefined>;
  /** The AttendeeId of the meeting's attendee with this externalUserId, if there is one. */
  find(meetingId: string, externalUserId: string): Promise<string | undefined>;
  delete(meetingId: string, attendeeId: string): Promise<void>;
}

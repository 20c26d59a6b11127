import type { MeetingInputs, MeetingState } from "./meeting-state";

/** The calls a meeting's lifecycle makes, one implementation per namespace (`../namespaces/`). */
export interface MeetingIo {
  /** CreateMeeting with the declared inputs (tags included): the meeting's outputs. */
  create(inputs: MeetingInputs): Promise<MeetingState>;
  /** GetMeeting: the meeting's outputs as Chime has them now (a NotFound when it has ended). */
  read(state: MeetingState): Promise<MeetingState>;
  /** GetMeeting of a meeting known by its MeetingId alone (`pulumi import`): its outputs, with the inputs Chime reports. */
  import(meetingId: string): Promise<MeetingState>;
  /** DeleteMeeting (a NotFound when it has ended already). */
  delete(state: MeetingState): Promise<void>;
}

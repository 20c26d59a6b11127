/**
 * Inputs and states of each resource for the tables that call the pure check, diff and state
 * functions directly: one meeting, capabilities, and a valid input or state per kind with overrides.
 */
import type {
  AnyAttendeeState,
  AttendeeInputs,
  LegacyAttendeeInputs,
} from "../../provider/attendee/attendee-state";
import type { BatchState, JoinInfo } from "../../provider/attendee-batch/batch-state";
import type { MeetingInputs, MeetingState } from "../../provider/meeting/meeting-state";
import type { MeetingTagsState } from "../../provider/meeting-tags/tags-state";
import type { AttendeeCapabilities } from "../../provider/shared/capabilities";

/** What a function throws, as its message, or what it returns. */
export function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

export const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
export const OTHER_MEETING = "4f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
export const caps = (audio: string, video: string, content: string) =>
  ({ audio, video, content }) as AttendeeCapabilities;
export const ALL = caps("SendReceive", "SendReceive", "SendReceive");
export const NONE = caps("None", "None", "None");

export const attendee = (over: Partial<AttendeeInputs> = {}): AttendeeInputs => ({
  meetingId: MEETING,
  externalUserId: "u",
  region: "us-east-1",
  ...over,
});
export const attendeeState = (over: Record<string, unknown> = {}) =>
  ({ ...attendee(), capabilities: ALL, attendeeId: "a", joinToken: "t", ...over }) as AnyAttendeeState;
export const legacyAttendee = (over: Partial<LegacyAttendeeInputs> = {}): LegacyAttendeeInputs => ({
  namespace: "legacy",
  meetingId: MEETING,
  externalUserId: "u",
  region: "us-east-1",
  ...over,
});
export const legacyState = (over: Record<string, unknown> = {}) =>
  ({ ...legacyAttendee(), attendeeId: "a", joinToken: "t", ...over }) as AnyAttendeeState;

export const meetingInputs = (over: Partial<MeetingInputs> = {}): MeetingInputs => ({
  externalMeetingId: "m1",
  mediaRegion: "us-east-1",
  region: "us-east-1",
  ...over,
});
export const meetingState = (over: Partial<MeetingState> = {}): MeetingState => ({
  ...meetingInputs(),
  meetingId: MEETING,
  meetingArn: "arn",
  mediaPlacement: {},
  ...over,
});

export const tagsState = (over: Partial<MeetingTagsState> = {}): MeetingTagsState => ({
  meetingId: MEETING,
  meetingArn: "arn:m",
  tags: { a: "1" },
  region: "us-east-1",
  ...over,
});

export const member = (externalUserId: string, capabilities?: AttendeeCapabilities) =>
  capabilities ? { externalUserId, capabilities } : { externalUserId };
export const join = (capabilities: AttendeeCapabilities = ALL): JoinInfo => ({
  attendeeId: "a",
  joinToken: "t",
  capabilities,
});
export const batchState = (over: Partial<BatchState> = {}): BatchState => ({
  meetingId: MEETING,
  attendees: [member("u1")],
  region: "us-east-1",
  joinInfo: { u1: join() },
  ...over,
});

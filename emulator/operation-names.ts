/** The 16 operations of the Chime SDK Meetings API (2021-07-15), in the order of the API reference. */
export const OPERATION_NAMES = [
  "CreateMeeting",
  "CreateMeetingWithAttendees",
  "GetMeeting",
  "DeleteMeeting",
  "CreateAttendee",
  "BatchCreateAttendee",
  "GetAttendee",
  "DeleteAttendee",
  "ListAttendees",
  "UpdateAttendeeCapabilities",
  "BatchUpdateAttendeeCapabilitiesExcept",
  "StartMeetingTranscription",
  "StopMeetingTranscription",
  "TagResource",
  "UntagResource",
  "ListTagsForResource",
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

/** A record with every operation present, so counters read 0 rather than undefined. */
export function zeroCounters(): Record<OperationName, number> {
  const counters = {} as Record<OperationName, number>;
  for (const name of OPERATION_NAMES) counters[name] = 0;
  return counters;
}

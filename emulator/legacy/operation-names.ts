/**
 * The 16 meeting operations of the legacy Amazon Chime API (2018-05-01, `@aws-sdk/client-chime`)
 * that chime-local serves under `/legacy`.
 */
export const LEGACY_OPERATION_NAMES = [
  "CreateMeeting",
  "CreateMeetingWithAttendees",
  "GetMeeting",
  "DeleteMeeting",
  "ListMeetings",
  "CreateAttendee",
  "BatchCreateAttendee",
  "GetAttendee",
  "DeleteAttendee",
  "ListAttendees",
  "TagAttendee",
  "UntagAttendee",
  "ListAttendeeTags",
  "TagMeeting",
  "UntagMeeting",
  "ListMeetingTags",
] as const;

export type LegacyOperationName = (typeof LEGACY_OPERATION_NAMES)[number];

/** How a legacy operation is named where both namespaces share one list (fault scopes, rate buckets). */
export type QualifiedLegacyOperationName = `legacy:${LegacyOperationName}`;

export function qualifyLegacy(operation: LegacyOperationName): QualifiedLegacyOperationName {
  return `legacy:${operation}`;
}

/** A record with every legacy operation present, so counters read 0 rather than undefined. */
export function zeroLegacyCounters(): Record<LegacyOperationName, number> {
  const counters = {} as Record<LegacyOperationName, number>;
  for (const name of LEGACY_OPERATION_NAMES) counters[name] = 0;
  return counters;
}

/**
 * The legacy route table, checked against `@aws-sdk/client-chime@3.699.0` (its serializers and the
 * status each deserializer accepts): the Meetings namespace's paths, 201 on creates, and the tag
 * routes of attendees and meetings. Served under the `/legacy` prefix, which the server strips.
 */
import { type RouteMatcher, type RouteSpec, routeMatcher } from "../routes";
import type { LegacyOperationName } from "./operation-names";

const ATTENDEE = "/meetings/{MeetingId}/attendees/{AttendeeId}";

export const LEGACY_ROUTES: readonly RouteSpec<LegacyOperationName>[] = [
  { operation: "CreateMeeting", method: "POST", path: "/meetings", successStatus: 201 },
  {
    operation: "CreateMeetingWithAttendees",
    method: "POST",
    path: "/meetings",
    queryOperation: "create-attendees",
    successStatus: 201,
  },
  { operation: "ListMeetings", method: "GET", path: "/meetings", successStatus: 200 },
  { operation: "GetMeeting", method: "GET", path: "/meetings/{MeetingId}", successStatus: 200 },
  { operation: "DeleteMeeting", method: "DELETE", path: "/meetings/{MeetingId}", successStatus: 204 },
  {
    operation: "CreateAttendee",
    method: "POST",
    path: "/meetings/{MeetingId}/attendees",
    successStatus: 201,
  },
  {
    operation: "BatchCreateAttendee",
    method: "POST",
    path: "/meetings/{MeetingId}/attendees",
    queryOperation: "batch-create",
    successStatus: 201,
  },
  { operation: "ListAttendees", method: "GET", path: "/meetings/{MeetingId}/attendees", successStatus: 200 },
  { operation: "GetAttendee", method: "GET", path: ATTENDEE, successStatus: 200 },
  { operation: "DeleteAttendee", method: "DELETE", path: ATTENDEE, successStatus: 204 },
  {
    operation: "TagAttendee",
    method: "POST",
    path: `${ATTENDEE}/tags`,
    queryOperation: "add",
    successStatus: 204,
  },
  {
    operation: "UntagAttendee",
    method: "POST",
    path: `${ATTENDEE}/tags`,
    queryOperation: "delete",
    successStatus: 204,
  },
  { operation: "ListAttendeeTags", method: "GET", path: `${ATTENDEE}/tags`, successStatus: 200 },
  {
    operation: "TagMeeting",
    method: "POST",
    path: "/meetings/{MeetingId}/tags",
    queryOperation: "add",
    successStatus: 204,
  },
  {
    operation: "UntagMeeting",
    method: "POST",
    path: "/meetings/{MeetingId}/tags",
    queryOperation: "delete",
    successStatus: 204,
  },
  { operation: "ListMeetingTags", method: "GET", path: "/meetings/{MeetingId}/tags", successStatus: 200 },
];

export const matchLegacyRoute: RouteMatcher<LegacyOperationName> = routeMatcher(LEGACY_ROUTES);

/** The path prefix of the legacy namespace on the shared server. */
export const LEGACY_PREFIX = "/legacy";

/** The request target without the legacy prefix, or undefined when it is not a legacy request. */
export function stripLegacyPrefix(url: string): string | undefined {
  if (!url.startsWith(LEGACY_PREFIX)) return undefined;
  const rest = url.slice(LEGACY_PREFIX.length);
  if (rest === "") return "/";
  if (rest.startsWith("/")) return rest;
  if (rest.startsWith("?")) return `/${rest}`;
  return undefined;
}

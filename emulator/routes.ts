/**
 * The route table of Chime SDK Meetings (restJson1): method + path template + the `operation`
 * query parameter select an operation. Matching is by segment so that labels can be decoded
 * and validated separately from routing (a malformed MeetingId is a 400, not an unknown route).
 */
import type { OperationName } from "./operation-names";

export interface RouteSpec<Operation extends string = OperationName> {
  operation: Operation;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  /** Value the `operation` query parameter must have; undefined means it must be absent. */
  queryOperation?: string;
  /** 201 only in the legacy dialect (its creates). */
  successStatus: 200 | 201 | 204;
}

export const ROUTES: readonly RouteSpec[] = [
  { operation: "CreateMeeting", method: "POST", path: "/meetings", successStatus: 200 },
  {
    operation: "CreateMeetingWithAttendees",
    method: "POST",
    path: "/meetings",
    queryOperation: "create-attendees",
    successStatus: 200,
  },
  { operation: "GetMeeting", method: "GET", path: "/meetings/{MeetingId}", successStatus: 200 },
  { operation: "DeleteMeeting", method: "DELETE", path: "/meetings/{MeetingId}", successStatus: 204 },
  {
    operation: "CreateAttendee",
    method: "POST",
    path: "/meetings/{MeetingId}/attendees",
    successStatus: 200,
  },
  {
    operation: "BatchCreateAttendee",
    method: "POST",
    path: "/meetings/{MeetingId}/attendees",
    queryOperation: "batch-create",
    successStatus: 200,
  },
  {
    operation: "GetAttendee",
    method: "GET",
    path: "/meetings/{MeetingId}/attendees/{AttendeeId}",
    successStatus: 200,
  },
  {
    operation: "DeleteAttendee",
    method: "DELETE",
    path: "/meetings/{MeetingId}/attendees/{AttendeeId}",
    successStatus: 204,
  },
  { operation: "ListAttendees", method: "GET", path: "/meetings/{MeetingId}/attendees", successStatus: 200 },
  {
    operation: "UpdateAttendeeCapabilities",
    method: "PUT",
    path: "/meetings/{MeetingId}/attendees/{AttendeeId}/capabilities",
    successStatus: 200,
  },
  {
    operation: "BatchUpdateAttendeeCapabilitiesExcept",
    method: "PUT",
    path: "/meetings/{MeetingId}/attendees/capabilities",
    queryOperation: "batch-update-except",
    successStatus: 200,
  },
  {
    operation: "StartMeetingTranscription",
    method: "POST",
    path: "/meetings/{MeetingId}/transcription",
    queryOperation: "start",
    successStatus: 200,
  },
  {
    operation: "StopMeetingTranscription",
    method: "POST",
    path: "/meetings/{MeetingId}/transcription",
    queryOperation: "stop",
    successStatus: 200,
  },
  {
    operation: "TagResource",
    method: "POST",
    path: "/tags",
    queryOperation: "tag-resource",
    successStatus: 204,
  },
  {
    operation: "UntagResource",
    method: "POST",
    path: "/tags",
    queryOperation: "untag-resource",
    successStatus: 204,
  },
  { operation: "ListTagsForResource", method: "GET", path: "/tags", successStatus: 200 },
];

interface CompiledRoute<Operation extends string> {
  spec: RouteSpec<Operation>;
  /** Literal segment, or null for a label (its name is in `labels` at the same index). */
  literals: Array<string | null>;
  labels: Array<string | null>;
}

function compile<Operation extends string>(
  routes: readonly RouteSpec<Operation>[],
): CompiledRoute<Operation>[] {
  return routes.map((spec) => {
    const segments = spec.path.split("/").slice(1);
    return {
      spec,
      literals: segments.map((s) => (s.startsWith("{") ? null : s)),
      labels: segments.map((s) => (s.startsWith("{") ? s.slice(1, -1) : null)),
    };
  });
}

export interface RouteMatch<Operation extends string = OperationName> {
  spec: RouteSpec<Operation>;
  /** Label values as received, still percent-encoded. */
  rawLabels: Record<string, string>;
  query: URLSearchParams;
}

const EMPTY_QUERY = new URLSearchParams();

export type RouteMatcher<Operation extends string> = (
  method: string,
  url: string,
) => RouteMatch<Operation> | undefined;

/** A matcher over a route table (the Meetings table here, the legacy one in legacy/routes.ts). */
export function routeMatcher<Operation extends string>(
  routes: readonly RouteSpec<Operation>[],
): RouteMatcher<Operation> {
  const compiled = compile(routes);
  return (method, url) => matchIn(compiled, method, url);
}

/** The route for a request line, or undefined for an unknown operation. */
export const matchRoute: RouteMatcher<OperationName> = routeMatcher(ROUTES);

function matchIn<Operation extends string>(
  routes: CompiledRoute<Operation>[],
  method: string,
  url: string,
): RouteMatch<Operation> | undefined {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? EMPTY_QUERY : new URLSearchParams(url.slice(q + 1));
  const operationParam = query.get("operation") ?? undefined;
  const segments = path.split("/");
  if (segments[0] !== "") return undefined;
  segments.shift();
  for (const route of routes) {
    const { spec, literals, labels } = route;
    if (spec.method !== method || literals.length !== segments.length) continue;
    if (spec.queryOperation !== operationParam) continue;
    let ok = true;
    for (let i = 0; i < literals.length; i++) {
      const literal = literals[i];
      if (literal === null ? segments[i] === "" : literal !== segments[i]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const rawLabels: Record<string, string> = {};
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i];
      if (label) rawLabels[label] = segments[i]!;
    }
    return { spec, rawLabels, query };
  }
  return undefined;
}

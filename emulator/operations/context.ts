/** What every operation handler receives and returns. Handlers are synchronous and do no I/O. */
import { NotFoundError } from "../errors";
import type { StoredAttendee, StoredMeeting } from "../model";
import type { MeetingStore } from "../store";
import { checkGuid, type JsonObject } from "../validation";
import type { AccountScope } from "../wire";

export interface OperationContext extends AccountScope {
  store: MeetingStore;
  /** Live meetings allowed at once (AWS's default quota is 250); undefined = no limit. */
  maxMeetings: number | undefined;
}

export interface OperationRequest {
  /** Path labels, percent-decoded. */
  labels: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body; `{}` when the request had none. */
  body: JsonObject;
}

export interface OperationResult {
  /** JSON response body; undefined sends an empty body. */
  body?: object;
}

export type OperationHandler = (ctx: OperationContext, request: OperationRequest) => OperationResult;

/** The MeetingId label, validated, and its live meeting, else 404 naming the id. */
export function requireMeeting(ctx: OperationContext, request: OperationRequest): StoredMeeting {
  const meetingId = checkGuid(request.labels.MeetingId ?? "", "MeetingId");
  // Every label is validated before anything is looked up: a malformed id is a 400 even in a missing meeting.
  if (request.labels.AttendeeId !== undefined) checkGuid(request.labels.AttendeeId, "AttendeeId");
  const meeting = ctx.store.liveMeeting(meetingId);
  if (meeting === undefined) throw new NotFoundError(`Meeting ${meetingId} not found`);
  return meeting;
}

export function requireAttendee(meeting: StoredMeeting, request: OperationRequest): StoredAttendee {
  const attendeeId = checkGuid(request.labels.AttendeeId ?? "", "AttendeeId");
  const attendee = meeting.attendees.get(attendeeId);
  if (attendee === undefined) {
    throw new NotFoundError(`Attendee ${attendeeId} not found in meeting ${meeting.meetingId}`);
  }
  return attendee;
}

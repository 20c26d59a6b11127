/** The attendee operations: create (single and batch), get, delete, list, capability updates. */
import { BadRequestError } from "../errors";
import type { StoredAttendee, StoredMeeting } from "../model";
import {
  checkCapabilitiesForMeeting,
  checkGuid,
  checkListSize,
  invalid,
  isObject,
  parseCapabilities,
  parseMaxResults,
  requireArray,
  requireObject,
} from "../validation";
import { toWireAttendee } from "../wire";
import { addAttendee, addAttendeeBatch, checkBatchShape, parseAttendeeInput } from "./attendee-rules";
import { type OperationHandler, requireAttendee, requireMeeting } from "./context";

export const createAttendee: OperationHandler = (ctx, request) => {
  const input = parseAttendeeInput(request.body, "");
  const meeting = requireMeeting(ctx, request);
  return { body: { Attendee: toWireAttendee(addAttendee(ctx.store, meeting, input, "")) } };
};

export const batchCreateAttendee: OperationHandler = (ctx, request) => {
  const items = requireArray(request.body, "Attendees");
  checkBatchShape(items, "Attendees", 1, 100);
  const meeting = requireMeeting(ctx, request);
  return { body: addAttendeeBatch(ctx.store, meeting, items, "Attendees") };
};

export const getAttendee: OperationHandler = (ctx, request) => {
  const attendee = requireAttendee(requireMeeting(ctx, request), request);
  return { body: { Attendee: toWireAttendee(attendee) } };
};

export const deleteAttendee: OperationHandler = (ctx, request) => {
  const meeting = requireMeeting(ctx, request);
  ctx.store.removeAttendee(meeting, requireAttendee(meeting, request).attendeeId);
  return {};
};

/** A page resumes after the last attendee's creation sequence; the token is bound to its meeting. */
export function encodeNextToken(meetingId: string, afterSeq: number): string {
  return Buffer.from(`${meetingId}/${afterSeq}`).toString("base64url");
}

function decodeNextToken(token: string, meeting: StoredMeeting): number {
  const [meetingId, seq] = Buffer.from(token, "base64url").toString("utf8").split("/");
  const after = Number(seq);
  if (token.length > 4096 || meetingId !== meeting.meetingId || !Number.isInteger(after) || after < 0) {
    invalid("NextToken", "must be a token returned by ListAttendees for this meeting", token);
  }
  return after;
}

/** Without max-results a page holds the most the model allows. */
const DEFAULT_PAGE_SIZE = 100;

export const listAttendees: OperationHandler = (ctx, request) => {
  const maxResults = parseMaxResults(request.query.get("max-results"), DEFAULT_PAGE_SIZE);
  const meeting = requireMeeting(ctx, request);
  const { page, nextToken } = attendeePage(meeting, request.query.get("next-token"), maxResults);
  const body: { Attendees: ReturnType<typeof toWireAttendee>[]; NextToken?: string } = {
    Attendees: page.map(toWireAttendee),
  };
  if (nextToken) body.NextToken = nextToken;
  return { body };
};

/**
 * One page of a meeting's attendees, in creation order, after the attendee that `token` names (both
 * dialects' ListAttendees): up to `maxResults`, and the token of the next page when there is one.
 */
export function attendeePage(
  meeting: StoredMeeting,
  token: string | null,
  maxResults: number,
): { page: StoredAttendee[]; nextToken?: string } {
  const after = token === null || token === "" ? 0 : decodeNextToken(token, meeting);
  const page: StoredAttendee[] = [];
  for (const attendee of meeting.attendees.values()) {
    if (attendee.seq <= after) continue;
    if (page.length === maxResults) {
      return { page, nextToken: encodeNextToken(meeting.meetingId, page[page.length - 1]!.seq) };
    }
    page.push(attendee);
  }
  return { page };
}

export const updateAttendeeCapabilities: OperationHandler = (ctx, request) => {
  const capabilities = parseCapabilities(requireObject(request.body, "Capabilities"), "Capabilities");
  const meeting = requireMeeting(ctx, request);
  const attendee = requireAttendee(meeting, request);
  checkCapabilitiesForMeeting(capabilities, meeting.input.MeetingFeatures, "Capabilities");
  attendee.capabilities = capabilities;
  ctx.store.changed(meeting);
  return { body: { Attendee: toWireAttendee(attendee) } };
};

export const batchUpdateAttendeeCapabilitiesExcept: OperationHandler = (ctx, request) => {
  const excludedList = requireArray(request.body, "ExcludedAttendeeIds");
  checkListSize(excludedList, 1, 250, "ExcludedAttendeeIds");
  const excluded = new Set(
    excludedList.map((item, i) => {
      const member = `ExcludedAttendeeIds[${i}]`;
      if (!isObject(item)) invalid(member, "must be an object", item);
      const id = item.AttendeeId;
      if (typeof id !== "string") {
        if (id === undefined || id === null) throw new BadRequestError(`${member}.AttendeeId is required`);
        invalid(`${member}.AttendeeId`, "must be a string", id);
      }
      return checkGuid(id, `${member}.AttendeeId`);
    }),
  );
  const capabilities = parseCapabilities(requireObject(request.body, "Capabilities"), "Capabilities");
  const meeting = requireMeeting(ctx, request);
  checkCapabilitiesForMeeting(capabilities, meeting.input.MeetingFeatures, "Capabilities");
  for (const attendee of meeting.attendees.values()) {
    if (!excluded.has(attendee.attendeeId)) attendee.capabilities = { ...capabilities };
  }
  ctx.store.changed(meeting);
  return {};
};

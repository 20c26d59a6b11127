/**
 * The legacy operations. They run on their own MeetingStore (legacy meetings are not the Meetings
 * namespace's) and reuse its rules: ClientRequestToken idempotency and the meeting limit
 * (createOrReuseMeeting), ExternalUserId idempotency and the 250-attendee limit (addAttendee),
 * GUID labels and 404s (requireMeeting/requireAttendee), batch per-item errors (collectBatch).
 * Errors are thrown with the Meetings namespace's classes; the server renames them (toLegacyError).
 */
import type { ChimeServiceError } from "../errors";
import type { StoredAttendee, StoredMeeting, Tag } from "../model";
import { addAttendee, checkBatchShape, collectBatch } from "../operations/attendee-rules";
import { attendeePage } from "../operations/attendees";
import {
  type OperationContext,
  type OperationHandler,
  type OperationRequest,
  requireAttendee,
  requireMeeting,
} from "../operations/context";
import { createOrReuseMeeting } from "../operations/meetings";
import type { MeetingStore } from "../store";
import {
  invalid,
  type JsonObject,
  optionalArray,
  parseMaxResults,
  requireArray,
  requireString,
} from "../validation";
import { ResourceLimitExceededError, toLegacyError } from "./errors";
import type { LegacyOperationName } from "./operation-names";
import {
  checkLegacyExternalId,
  LEGACY_MAX_ATTENDEE_TAGS_PER_CALL,
  LEGACY_MAX_MEETING_ATTENDEES,
  LEGACY_MAX_RESULTS,
  LEGACY_MAX_TAGS,
  optionalLegacyTags,
  parseLegacyMeetingInput,
  parseLegacyTagKeys,
  parseLegacyTags,
} from "./validation";
import { type LegacyWireAttendee, toLegacyWireAttendee, toLegacyWireMeeting, toWireTags } from "./wire";

/** ExternalUserId and Tags of one attendee to create; `path` prefixes member names in messages. */
function parseLegacyAttendee(obj: JsonObject, path: string): { externalUserId: string; tags: Tag[] } {
  const prefix = path === "" ? "" : `${path}.`;
  const externalUserId = checkLegacyExternalId(
    requireString(obj, "ExternalUserId", path, true),
    `${prefix}ExternalUserId`,
  );
  return { externalUserId, tags: optionalLegacyTags(obj, path, LEGACY_MAX_ATTENDEE_TAGS_PER_CALL) ?? [] };
}

/**
 * Adds a tagged attendee, or returns the meeting's attendee with that ExternalUserId unchanged, its
 * tags included (ExternalUserId is the model's idempotency token). LimitExceeded on a full meeting.
 */
function addLegacyAttendee(
  store: MeetingStore,
  meeting: StoredMeeting,
  obj: JsonObject,
  path: string,
): LegacyWireAttendee {
  const { externalUserId, tags } = parseLegacyAttendee(obj, path);
  const attendee = addAttendee(store, meeting, { ExternalUserId: externalUserId }, path);
  // Every legacy attendee has a tag map; one without is the one just created.
  if (attendee.tags === undefined) {
    attendee.tags = new Map(tags.map((t) => [t.Key, t.Value]));
    store.changed(meeting);
  }
  return toLegacyWireAttendee(attendee);
}

function addLegacyBatch(store: MeetingStore, meeting: StoredMeeting, items: unknown[], listMember: string) {
  return collectBatch(
    items,
    listMember,
    (obj, path) => addLegacyAttendee(store, meeting, obj, path),
    (error: ChimeServiceError) => toLegacyError(error),
  );
}

/** Adds tags to a map, refusing (before changing anything) to go over the limit. */
function mergeTags(current: Map<string, string>, tags: Tag[], what: string): Map<string, string> {
  const merged = new Map(current);
  for (const tag of tags) merged.set(tag.Key, tag.Value);
  if (merged.size > LEGACY_MAX_TAGS) {
    throw new ResourceLimitExceededError(
      `Tagging would give ${what} ${merged.size} tags; at most ${LEGACY_MAX_TAGS} are allowed`,
    );
  }
  return merged;
}

function legacyAttendee(ctx: OperationContext, request: OperationRequest) {
  const meeting = requireMeeting(ctx, request);
  return { meeting, attendee: requireAttendee(meeting, request) };
}

function attendeeTags(attendee: StoredAttendee): Map<string, string> {
  return attendee.tags ?? new Map();
}

const createMeeting: OperationHandler = (ctx, { body }) => {
  const meeting = createOrReuseMeeting(ctx, parseLegacyMeetingInput(body));
  return { body: { Meeting: toLegacyWireMeeting(meeting) } };
};

const createMeetingWithAttendees: OperationHandler = (ctx, { body }) => {
  const input = parseLegacyMeetingInput(body);
  // Attendees is optional in the legacy model; when given, its shape is checked before the meeting exists.
  const items = optionalArray(body, "Attendees") ?? [];
  if (body.Attendees !== undefined && body.Attendees !== null) {
    checkBatchShape(items, "Attendees", 1, LEGACY_MAX_MEETING_ATTENDEES);
  }
  const meeting = createOrReuseMeeting(ctx, input);
  const { Attendees, Errors } = addLegacyBatch(ctx.store, meeting, items, "Attendees");
  return { body: { Meeting: toLegacyWireMeeting(meeting), Attendees, Errors } };
};

const getMeeting: OperationHandler = (ctx, request) => ({
  body: { Meeting: toLegacyWireMeeting(requireMeeting(ctx, request)) },
});

const deleteMeeting: OperationHandler = (ctx, request) => {
  ctx.store.endMeeting(requireMeeting(ctx, request).meetingId);
  return {};
};

/** Meetings page in (creation time, id) order; the token is the last meeting's position. */
function encodeMeetingsToken(meeting: StoredMeeting): string {
  return Buffer.from(`${meeting.createdAt}/${meeting.meetingId}`).toString("base64url");
}

function decodeMeetingsToken(token: string): [number, string] {
  const [createdAt, meetingId] = Buffer.from(token, "base64url").toString("utf8").split("/");
  const at = Number(createdAt);
  if (token.length > 4096 || !Number.isFinite(at) || meetingId === undefined || meetingId === "") {
    invalid("NextToken", "must be a token returned by ListMeetings", token);
  }
  return [at, meetingId];
}

const inOrder = (a: StoredMeeting, b: StoredMeeting): number =>
  a.createdAt - b.createdAt || (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0);

const listMeetings: OperationHandler = (ctx, { query }) => {
  const maxResults = parseMaxResults(query.get("max-results"), LEGACY_MAX_RESULTS, LEGACY_MAX_RESULTS);
  const token = query.get("next-token");
  const after = token === null || token === "" ? undefined : decodeMeetingsToken(token);
  const meetings = ctx.store.liveMeetings().sort(inOrder);
  const remaining =
    after === undefined
      ? meetings
      : meetings.filter(
          (m) => m.createdAt > after[0] || (m.createdAt === after[0] && m.meetingId > after[1]),
        );
  const page = remaining.slice(0, maxResults);
  const body: { Meetings: ReturnType<typeof toLegacyWireMeeting>[]; NextToken?: string } = {
    Meetings: page.map(toLegacyWireMeeting),
  };
  if (remaining.length > maxResults) body.NextToken = encodeMeetingsToken(page[page.length - 1]!);
  return { body };
};

const createAttendee: OperationHandler = (ctx, request) => {
  // The body's rules are checked before the meeting is looked up, as in the Meetings namespace.
  parseLegacyAttendee(request.body, "");
  const meeting = requireMeeting(ctx, request);
  return { body: { Attendee: addLegacyAttendee(ctx.store, meeting, request.body, "") } };
};

const batchCreateAttendee: OperationHandler = (ctx, request) => {
  const items = requireArray(request.body, "Attendees");
  checkBatchShape(items, "Attendees", 1, 100);
  const meeting = requireMeeting(ctx, request);
  return { body: addLegacyBatch(ctx.store, meeting, items, "Attendees") };
};

const getAttendee: OperationHandler = (ctx, request) => ({
  body: { Attendee: toLegacyWireAttendee(legacyAttendee(ctx, request).attendee) },
});

const deleteAttendee: OperationHandler = (ctx, request) => {
  const { meeting, attendee } = legacyAttendee(ctx, request);
  ctx.store.removeAttendee(meeting, attendee.attendeeId);
  return {};
};

const listAttendees: OperationHandler = (ctx, request) => {
  const maxResults = parseMaxResults(
    request.query.get("max-results"),
    LEGACY_MAX_RESULTS,
    LEGACY_MAX_RESULTS,
  );
  const meeting = requireMeeting(ctx, request);
  const { page, nextToken } = attendeePage(meeting, request.query.get("next-token"), maxResults);
  const body: { Attendees: LegacyWireAttendee[]; NextToken?: string } = {
    Attendees: page.map(toLegacyWireAttendee),
  };
  if (nextToken) body.NextToken = nextToken;
  return { body };
};

const tagAttendee: OperationHandler = (ctx, request) => {
  const tags = parseLegacyTags(
    requireArray(request.body, "Tags"),
    "Tags",
    1,
    LEGACY_MAX_ATTENDEE_TAGS_PER_CALL,
  );
  const { meeting, attendee } = legacyAttendee(ctx, request);
  attendee.tags = mergeTags(attendeeTags(attendee), tags, `attendee ${attendee.attendeeId}`);
  ctx.store.changed(meeting);
  return {};
};

const untagAttendee: OperationHandler = (ctx, request) => {
  const keys = parseLegacyTagKeys(requireArray(request.body, "TagKeys"), LEGACY_MAX_ATTENDEE_TAGS_PER_CALL);
  const { meeting, attendee } = legacyAttendee(ctx, request);
  const tags = attendeeTags(attendee);
  // Removing a key the attendee does not have succeeds.
  for (const key of keys) tags.delete(key);
  attendee.tags = tags;
  ctx.store.changed(meeting);
  return {};
};

const listAttendeeTags: OperationHandler = (ctx, request) => ({
  body: { Tags: toWireTags(legacyAttendee(ctx, request).attendee.tags) },
});

const tagMeeting: OperationHandler = (ctx, request) => {
  const tags = parseLegacyTags(requireArray(request.body, "Tags"), "Tags", 1, LEGACY_MAX_TAGS);
  const meeting = requireMeeting(ctx, request);
  meeting.tags = mergeTags(meeting.tags, tags, `meeting ${meeting.meetingId}`);
  ctx.store.changed(meeting);
  return {};
};

const untagMeeting: OperationHandler = (ctx, request) => {
  const keys = parseLegacyTagKeys(requireArray(request.body, "TagKeys"), LEGACY_MAX_TAGS);
  const meeting = requireMeeting(ctx, request);
  for (const key of keys) meeting.tags.delete(key);
  ctx.store.changed(meeting);
  return {};
};

const listMeetingTags: OperationHandler = (ctx, request) => ({
  body: { Tags: toWireTags(requireMeeting(ctx, request).tags) },
});

export const LEGACY_HANDLERS: Record<LegacyOperationName, OperationHandler> = {
  CreateMeeting: createMeeting,
  CreateMeetingWithAttendees: createMeetingWithAttendees,
  GetMeeting: getMeeting,
  DeleteMeeting: deleteMeeting,
  ListMeetings: listMeetings,
  CreateAttendee: createAttendee,
  BatchCreateAttendee: batchCreateAttendee,
  GetAttendee: getAttendee,
  DeleteAttendee: deleteAttendee,
  ListAttendees: listAttendees,
  TagAttendee: tagAttendee,
  UntagAttendee: untagAttendee,
  ListAttendeeTags: listAttendeeTags,
  TagMeeting: tagMeeting,
  UntagMeeting: untagMeeting,
  ListMeetingTags: listMeetingTags,
};

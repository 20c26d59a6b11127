/** CreateMeeting, CreateMeetingWithAttendees, GetMeeting, DeleteMeeting. */
import { BadRequestError, LimitExceededError } from "../errors";
import { MEDIA_PLACEMENT_NETWORK_TYPES, type MeetingInput, type StoredMeeting } from "../model";
import {
  checkClientRequestToken,
  checkExternalId,
  checkLength,
  checkMediaRegion,
  GUID_PATTERN,
  type JsonObject,
  MAX_TAGS,
  optionalArray,
  optionalEnum,
  optionalString,
  parseMeetingFeatures,
  parseNotifications,
  parseTags,
  parseTenantIds,
  requireArray,
  requireString,
} from "../validation";
import { toWireMeeting } from "../wire";
import { addAttendeeBatch, checkBatchShape } from "./attendee-rules";
import { type OperationContext, type OperationHandler, requireMeeting } from "./context";

export function parseMeetingInput(body: JsonObject): MeetingInput {
  const input: MeetingInput = {
    ClientRequestToken: checkClientRequestToken(requireString(body, "ClientRequestToken", "", true)),
    MediaRegion: checkMediaRegion(requireString(body, "MediaRegion")),
    ExternalMeetingId: checkExternalId(
      requireString(body, "ExternalMeetingId", "", true),
      "ExternalMeetingId",
    ),
  };
  const host = optionalString(body, "MeetingHostId", "", true);
  if (host !== undefined) input.MeetingHostId = checkExternalId(host, "MeetingHostId");
  const notifications = parseNotifications(body);
  if (notifications !== undefined) input.NotificationsConfiguration = notifications;
  const features = parseMeetingFeatures(body);
  if (features !== undefined) input.MeetingFeatures = features;
  const primary = optionalString(body, "PrimaryMeetingId");
  if (primary !== undefined) {
    checkLength(primary, 2, 64, "PrimaryMeetingId");
    input.PrimaryMeetingId = primary;
  }
  const tenants = parseTenantIds(body);
  if (tenants !== undefined) input.TenantIds = tenants;
  const tags = optionalArray(body, "Tags");
  if (tags !== undefined) {
    // TooManyTagsException is not modeled for CreateMeeting: an over-long list is a plain 400.
    input.Tags = parseTags(
      tags,
      "Tags",
      (n) => new BadRequestError(`Tags must have 0 to ${MAX_TAGS} items, got ${n}`),
    );
  }
  const network = optionalEnum(body, "MediaPlacementNetworkType", MEDIA_PLACEMENT_NETWORK_TYPES);
  if (network !== undefined) input.MediaPlacementNetworkType = network;
  return input;
}

/** The meeting for this ClientRequestToken if one lives (idempotency), else a new one. */
export function createOrReuseMeeting(ctx: OperationContext, input: MeetingInput): StoredMeeting {
  const existing = ctx.store.meetingForToken(input.ClientRequestToken);
  if (existing !== undefined) return existing;
  if (input.PrimaryMeetingId !== undefined) {
    const primaryId = input.PrimaryMeetingId.toLowerCase();
    if (!GUID_PATTERN.test(primaryId) || ctx.store.liveMeeting(primaryId) === undefined) {
      throw new BadRequestError(
        `PrimaryMeetingId ${JSON.stringify(input.PrimaryMeetingId)} is not a live meeting`,
      );
    }
  }
  if (ctx.maxMeetings !== undefined && ctx.store.meetingCount() >= ctx.maxMeetings) {
    throw new LimitExceededError(`The account already has ${ctx.maxMeetings} active meetings, its limit`);
  }
  return ctx.store.addMeeting(input);
}

export const createMeeting: OperationHandler = (ctx, { body }) => {
  const meeting = createOrReuseMeeting(ctx, parseMeetingInput(body));
  return { body: { Meeting: toWireMeeting(ctx, meeting) } };
};

export const createMeetingWithAttendees: OperationHandler = (ctx, { body }) => {
  const input = parseMeetingInput(body);
  const items = requireArray(body, "Attendees");
  // The list's own rules are checked before the meeting exists, so a bad list creates nothing.
  checkBatchShape(items, "Attendees", 1, 20);
  const meeting = createOrReuseMeeting(ctx, input);
  const { Attendees, Errors } = addAttendeeBatch(ctx.store, meeting, items, "Attendees");
  return { body: { Meeting: toWireMeeting(ctx, meeting), Attendees, Errors } };
};

export const getMeeting: OperationHandler = (ctx, request) => {
  return { body: { Meeting: toWireMeeting(ctx, requireMeeting(ctx, request)) } };
};

export const deleteMeeting: OperationHandler = (ctx, request) => {
  ctx.store.endMeeting(requireMeeting(ctx, request).meetingId);
  return {};
};

/**
 * Input rules of the legacy namespace where they differ from the Meetings namespace's
 * (emulator/validation.ts, whose helpers these use). In the legacy model tag keys and values are
 * sensitive (the SDK redacts them from its logs), so messages describe them by length only.
 */
import { BadRequestError } from "../errors";
import type { MeetingInput, Tag } from "../model";
import {
  checkClientRequestToken,
  checkLength,
  checkListSize,
  checkMediaRegion,
  checkNotReserved,
  invalid,
  isObject,
  type JsonObject,
  optionalArray,
  optionalString,
  parseNotifications,
  requireString,
} from "../validation";

/** Tags one attendee or one meeting may carry in all. */
export const LEGACY_MAX_TAGS = 50;
/** Tags per CreateAttendee item, TagAttendee and UntagAttendee call (AttendeeTagList, AttendeeTagKeyList). */
export const LEGACY_MAX_ATTENDEE_TAGS_PER_CALL = 10;
/** Attendees in one CreateMeetingWithAttendees (legacy: 10; the Meetings namespace allows 20). */
export const LEGACY_MAX_MEETING_ATTENDEES = 10;
/** MaxResults of ListMeetings and ListAttendees (ResultMax: 1–99). */
export const LEGACY_MAX_RESULTS = 99;
/** MediaRegion is optional in the legacy CreateMeeting; the model documents this default. */
export const LEGACY_DEFAULT_MEDIA_REGION = "us-east-1";

/** ExternalUserId, ExternalMeetingId, MeetingHostId: 2–64 characters (the legacy model has no pattern). */
export function checkLegacyExternalId(value: string, member: string): string {
  checkLength(value, 2, 64, member, true);
  return value;
}

/** A tag key: 1–128 characters, not starting with `aws:` in any case. */
export function checkLegacyTagKey(key: unknown, member: string): string {
  if (typeof key !== "string") invalid(member, "must be a string", key, true);
  checkLength(key, 1, 128, member, true);
  checkNotReserved(key, member, true);
  return key;
}

/** A list of Key/Value tags of `min`–`max` items: key 1–128 without `aws:`, value 0–256, keys unique. */
export function parseLegacyTags(list: unknown[], member: string, min: number, max: number): Tag[] {
  checkListSize(list, min, max, member);
  const seen = new Set<string>();
  return list.map((item, i) => {
    const path = `${member}[${i}]`;
    if (!isObject(item)) invalid(path, "must be an object", item, true);
    const key = checkLegacyTagKey(requireString(item, "Key", path, true), `${path}.Key`);
    const value = requireString(item, "Value", path, true);
    checkLength(value, 0, 256, `${path}.Value`, true);
    if (seen.has(key)) invalid(`${path}.Key`, "must not repeat a key given earlier in the list", key, true);
    seen.add(key);
    return { Key: key, Value: value };
  });
}

/** Optional `Tags` member of `obj` (at `path`), `min`–`max` items when given. */
export function optionalLegacyTags(obj: JsonObject, path: string, max: number): Tag[] | undefined {
  const list = optionalArray(obj, "Tags", path);
  if (list === undefined) return undefined;
  return parseLegacyTags(list, path === "" ? "Tags" : `${path}.Tags`, 1, max);
}

/** A TagKeys list of 1–`max` keys. */
export function parseLegacyTagKeys(list: unknown[], max: number): string[] {
  checkListSize(list, 1, max, "TagKeys");
  return list.map((key, i) => checkLegacyTagKey(key, `TagKeys[${i}]`));
}

/** The legacy CreateMeeting input, stored in the same shape as a Meetings-namespace meeting's. */
export function parseLegacyMeetingInput(body: JsonObject): MeetingInput {
  const token = checkClientRequestToken(requireString(body, "ClientRequestToken", "", true));
  const region = optionalString(body, "MediaRegion");
  const input: MeetingInput = {
    ClientRequestToken: token,
    MediaRegion: region === undefined ? LEGACY_DEFAULT_MEDIA_REGION : checkMediaRegion(region),
  };
  const external = optionalString(body, "ExternalMeetingId", "", true);
  if (external !== undefined) input.ExternalMeetingId = checkLegacyExternalId(external, "ExternalMeetingId");
  const host = optionalString(body, "MeetingHostId", "", true);
  if (host !== undefined) input.MeetingHostId = checkLegacyExternalId(host, "MeetingHostId");
  const notifications = parseNotifications(body);
  if (notifications !== undefined) {
    // The legacy MeetingNotificationConfiguration has SNS and SQS only.
    if (notifications.LambdaFunctionArn !== undefined) {
      throw new BadRequestError(
        "NotificationsConfiguration.LambdaFunctionArn is not in the legacy API (SnsTopicArn and SqsQueueArn are)",
      );
    }
    input.NotificationsConfiguration = notifications;
  }
  const tags = optionalLegacyTags(body, "", LEGACY_MAX_TAGS);
  if (tags !== undefined) input.Tags = tags;
  return input;
}

/** TagResource, UntagResource, ListTagsForResource: meeting ARNs only. */
import { BadRequestError, ResourceNotFoundError, TooManyTagsError } from "../errors";
import type { StoredMeeting } from "../model";
import {
  checkLength,
  checkPattern,
  checkResourceArn,
  GUID_PATTERN,
  invalid,
  MAX_TAGS,
  parseTags,
  requireArray,
  requireString,
  TAG_KEY_PATTERN,
} from "../validation";
import { meetingArn } from "../wire";
import type { OperationContext, OperationHandler } from "./context";

const MEETING_ARN = /^arn:[a-z-]+:chime:[^:]*:[^:]*:meeting\/(.+)$/;

/** The live meeting an ARN names; 404 ResourceNotFound (with ResourceName) otherwise. */
function meetingForArn(ctx: OperationContext, arn: string): StoredMeeting {
  checkResourceArn(arn);
  const match = MEETING_ARN.exec(arn);
  if (match === null) {
    invalid(
      "ResourceARN",
      "must be the ARN of a meeting (arn:aws:chime:<region>:<account>:meeting/<MeetingId>)",
      arn,
    );
  }
  const id = match[1]!.toLowerCase();
  const meeting = GUID_PATTERN.test(id) ? ctx.store.liveMeeting(id) : undefined;
  // An ARN of another region or account names a resource this endpoint does not hold.
  if (meeting === undefined || meetingArn(ctx, meeting.meetingId) !== arn.replace(match[1]!, id)) {
    throw new ResourceNotFoundError(`Resource ${arn} not found`, arn);
  }
  return meeting;
}

export const tagResource: OperationHandler = (ctx, { body }) => {
  const arn = requireString(body, "ResourceARN");
  const tags = parseTags(
    requireArray(body, "Tags"),
    "Tags",
    (n) => new TooManyTagsError(`Tags has ${n} tags; a resource can have at most ${MAX_TAGS}`, arn),
  );
  const meeting = meetingForArn(ctx, arn);
  const merged = new Map(meeting.tags);
  for (const tag of tags) merged.set(tag.Key, tag.Value);
  if (merged.size > MAX_TAGS) {
    throw new TooManyTagsError(
      `Tagging would give ${arn} ${merged.size} tags; a resource can have at most ${MAX_TAGS}`,
      arn,
    );
  }
  meeting.tags = merged;
  ctx.store.changed(meeting);
  return {};
};

export const untagResource: OperationHandler = (ctx, { body }) => {
  const arn = requireString(body, "ResourceARN");
  const keys = requireArray(body, "TagKeys");
  if (keys.length > MAX_TAGS) {
    throw new BadRequestError(`TagKeys must have 0 to ${MAX_TAGS} items, got ${keys.length}`);
  }
  keys.forEach((key, i) => {
    const member = `TagKeys[${i}]`;
    if (typeof key !== "string") invalid(member, "must be a string", key);
    checkLength(key, 1, 128, member);
    checkPattern(key, TAG_KEY_PATTERN, member);
  });
  const meeting = meetingForArn(ctx, arn);
  // Removing a key the resource does not have succeeds, as the API reference says.
  for (const key of keys as string[]) meeting.tags.delete(key);
  ctx.store.changed(meeting);
  return {};
};

export const listTagsForResource: OperationHandler = (ctx, { query }) => {
  const arn = query.get("arn");
  if (arn === null) throw new BadRequestError("ResourceARN is required (query parameter arn)");
  const meeting = meetingForArn(ctx, arn);
  return { body: { Tags: [...meeting.tags].map(([Key, Value]) => ({ Key, Value })) } };
};

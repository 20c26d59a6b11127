/** Creating attendees, shared by CreateAttendee, BatchCreateAttendee and CreateMeetingWithAttendees. */
import { ChimeServiceError, LimitExceededError } from "../errors";
import type { AttendeeInput, StoredAttendee, StoredMeeting, WireAttendee, WireAttendeeError } from "../model";
import type { MeetingStore } from "../store";
import {
  checkCapabilitiesForMeeting,
  checkExternalId,
  checkListSize,
  defaultCapabilities,
  invalid,
  isObject,
  meetingCapacity,
  optionalObject,
  parseCapabilities,
  requireString,
} from "../validation";
import { toWireAttendee } from "../wire";

/** ExternalUserId and Capabilities of one attendee; `path` prefixes member names in messages. */
export function parseAttendeeInput(obj: Record<string, unknown>, path: string): AttendeeInput {
  const prefix = path === "" ? "" : `${path}.`;
  const externalUserId = checkExternalId(
    requireString(obj, "ExternalUserId", path, true),
    `${prefix}ExternalUserId`,
  );
  const raw = optionalObject(obj, "Capabilities", path);
  const input: AttendeeInput = { ExternalUserId: externalUserId };
  if (raw !== undefined) input.Capabilities = parseCapabilities(raw, `${prefix}Capabilities`);
  return input;
}

/**
 * Adds an attendee, or returns the meeting's existing attendee with that ExternalUserId unchanged
 * (the model calls ExternalUserId an idempotency token). Throws LimitExceeded on a full meeting.
 */
export function addAttendee(
  store: MeetingStore,
  meeting: StoredMeeting,
  input: AttendeeInput,
  path: string,
): StoredAttendee {
  const features = meeting.input.MeetingFeatures;
  if (input.Capabilities !== undefined) {
    checkCapabilitiesForMeeting(
      input.Capabilities,
      features,
      path === "" ? "Capabilities" : `${path}.Capabilities`,
    );
  }
  const existingId = meeting.attendeeByExternalUserId.get(input.ExternalUserId);
  if (existingId !== undefined) return meeting.attendees.get(existingId)!;
  const capacity = meetingCapacity(features);
  if (meeting.attendees.size >= capacity) {
    throw new LimitExceededError(
      `Meeting ${meeting.meetingId} already has ${meeting.attendees.size} attendees, its limit of ${capacity}`,
    );
  }
  return store.addAttendee(
    meeting,
    input.ExternalUserId,
    input.Capabilities ?? defaultCapabilities(features),
  );
}

/**
 * A batch of attendees: the list's size and items being objects are checked for the whole
 * request (400); each item's own rules, its capabilities and the meeting's limit yield a per-item
 * entry in Errors, with the code the single-attendee call would have answered.
 */
export function checkBatchShape(items: unknown[], listMember: string, min: number, max: number): void {
  checkListSize(items, min, max, listMember);
  items.forEach((item, i) => {
    if (!isObject(item)) invalid(`${listMember}[${i}]`, "must be an object", item);
  });
}

/** Adds each item of a list that passed checkBatchShape. */
export function addAttendeeBatch(
  store: MeetingStore,
  meeting: StoredMeeting,
  items: unknown[],
  listMember: string,
): { Attendees: WireAttendee[]; Errors: WireAttendeeError[] } {
  return collectBatch(items, listMember, (obj, path) =>
    toWireAttendee(addAttendee(store, meeting, parseAttendeeInput(obj, path), path)),
  );
}

/**
 * Runs `addOne` on each item of a list that passed checkBatchShape: its result goes to Attendees,
 * a service error to Errors (with the code `wireError` gives it, for dialects that rename errors).
 */
export function collectBatch<Attendee>(
  items: unknown[],
  listMember: string,
  addOne: (item: Record<string, unknown>, path: string) => Attendee,
  wireError: (error: ChimeServiceError) => ChimeServiceError = (error) => error,
): { Attendees: Attendee[]; Errors: WireAttendeeError[] } {
  const attendees: Attendee[] = [];
  const errors: WireAttendeeError[] = [];
  items.forEach((item, i) => {
    const obj = item as Record<string, unknown>;
    try {
      attendees.push(addOne(obj, `${listMember}[${i}]`));
    } catch (caught) {
      if (!(caught instanceof ChimeServiceError)) throw caught;
      const error = wireError(caught);
      const entry: WireAttendeeError = { ErrorCode: error.code, ErrorMessage: error.message };
      if (typeof obj.ExternalUserId === "string") entry.ExternalUserId = obj.ExternalUserId;
      errors.push(entry);
    }
  });
  return { Attendees: attendees, Errors: errors };
}

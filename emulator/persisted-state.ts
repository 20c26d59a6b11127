/**
 * The state file's format, and the pure conversion between it and stored meetings. The file is
 * `{"format":"chime-local-state","version":1,"savedAt":...,"meetings":[...]}` with one entry per
 * meeting (its attendees inside), so it can be written one meeting at a time.
 */
import type { MeetingInput, StoredAttendee, StoredMeeting, TranscriptionConfiguration } from "./model";
import { GUID_PATTERN, isObject, type JsonObject } from "./validation";

export const STATE_FORMAT = "chime-local-state";
export const STATE_VERSION = 1;

export interface PersistedAttendee {
  attendeeId: string;
  externalUserId: string;
  joinToken: string;
  capabilities: StoredAttendee["capabilities"];
  seq: number;
}

export interface PersistedMeeting {
  meetingId: string;
  createdAt: number;
  input: MeetingInput;
  tags: Array<[string, string]>;
  transcription?: TranscriptionConfiguration;
  nextSeq: number;
  attendees: PersistedAttendee[];
}

export function stateHeader(savedAt: Date): string {
  return `{"format":"${STATE_FORMAT}","version":${STATE_VERSION},"savedAt":"${savedAt.toISOString()}","meetings":[`;
}

export const STATE_FOOTER = "]}\n";

export function serializeMeeting(meeting: StoredMeeting): string {
  const persisted: PersistedMeeting = {
    meetingId: meeting.meetingId,
    createdAt: meeting.createdAt,
    input: meeting.input,
    tags: [...meeting.tags],
    transcription: meeting.transcription,
    nextSeq: meeting.nextSeq,
    attendees: [...meeting.attendees.values()],
  };
  return JSON.stringify(persisted);
}

/** Thrown for a state file that cannot be used; the caller adds the file name. */
export class StateFormatError extends Error {}

function need(condition: boolean, what: string): void {
  if (!condition) throw new StateFormatError(what);
}

const isString = (v: unknown): v is string => typeof v === "string";
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Checks the shape of parsed file content and rebuilds the meetings (their indexes included). */
export function parseState(content: unknown): StoredMeeting[] {
  need(isObject(content), "the top level is not a JSON object");
  const root = content as JsonObject;
  need(root.format === STATE_FORMAT, `"format" is not "${STATE_FORMAT}"`);
  need(root.version === STATE_VERSION, `"version" is not ${STATE_VERSION}`);
  need(Array.isArray(root.meetings), `"meetings" is not a list`);
  return (root.meetings as unknown[]).map((raw, i) => parseMeeting(raw, `meetings[${i}]`));
}

function parseMeeting(raw: unknown, where: string): StoredMeeting {
  need(isObject(raw), `${where} is not an object`);
  const m = raw as JsonObject;
  need(isString(m.meetingId) && GUID_PATTERN.test(m.meetingId), `${where}.meetingId is not a GUID`);
  need(typeof m.createdAt === "number" && Number.isFinite(m.createdAt), `${where}.createdAt is not a number`);
  need(isCount(m.nextSeq), `${where}.nextSeq is not a count`);
  need(isObject(m.input), `${where}.input is not an object`);
  const input = m.input as JsonObject;
  for (const key of ["ClientRequestToken", "MediaRegion", "ExternalMeetingId"]) {
    need(isString(input[key]), `${where}.input.${key} is not a string`);
  }
  need(Array.isArray(m.tags), `${where}.tags is not a list`);
  const tags = new Map<string, string>();
  for (const [j, tag] of (m.tags as unknown[]).entries()) {
    need(
      Array.isArray(tag) && tag.length === 2 && isString(tag[0]) && isString(tag[1]),
      `${where}.tags[${j}]`,
    );
    tags.set((tag as string[])[0], (tag as string[])[1]);
  }
  need(m.transcription === undefined || isObject(m.transcription), `${where}.transcription is not an object`);
  need(Array.isArray(m.attendees), `${where}.attendees is not a list`);
  const meeting: StoredMeeting = {
    meetingId: m.meetingId as string,
    input: input as unknown as MeetingInput,
    createdAt: m.createdAt as number,
    tags,
    transcription: m.transcription as TranscriptionConfiguration | undefined,
    attendees: new Map(),
    attendeeByExternalUserId: new Map(),
    nextSeq: m.nextSeq as number,
    version: 0,
  };
  for (const [j, rawAttendee] of (m.attendees as unknown[]).entries()) {
    const attendee = parseAttendee(rawAttendee, `${where}.attendees[${j}]`);
    meeting.attendees.set(attendee.attendeeId, attendee);
    meeting.attendeeByExternalUserId.set(attendee.externalUserId, attendee.attendeeId);
  }
  return meeting;
}

function parseAttendee(raw: unknown, where: string): StoredAttendee {
  need(isObject(raw), `${where} is not an object`);
  const a = raw as JsonObject;
  need(isString(a.attendeeId) && GUID_PATTERN.test(a.attendeeId), `${where}.attendeeId is not a GUID`);
  need(isString(a.externalUserId), `${where}.externalUserId is not a string`);
  need(isString(a.joinToken), `${where}.joinToken is not a string`);
  need(isCount(a.seq), `${where}.seq is not a count`);
  need(isObject(a.capabilities), `${where}.capabilities is not an object`);
  const caps = a.capabilities as JsonObject;
  for (const key of ["Audio", "Video", "Content"]) {
    need(isString(caps[key]), `${where}.capabilities.${key} is not a string`);
  }
  return {
    attendeeId: a.attendeeId as string,
    externalUserId: a.externalUserId as string,
    joinToken: a.joinToken as string,
    capabilities: a.capabilities as unknown as StoredAttendee["capabilities"],
    seq: a.seq as number,
  };
}

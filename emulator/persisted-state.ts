/**
 * The state file's format, and the pure conversion between it and stored meetings. The file is
 * `{"format":"chime-local-state","version":1,"savedAt":...,"meetings":[...],"legacyMeetings":[...]}`
 * with one entry per meeting (its attendees inside), so it can be written one meeting at a time.
 * `legacyMeetings` holds the legacy namespace's meetings (`/legacy`); a file without it (written
 * before the legacy namespace existed) loads with none.
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
  /** Legacy attendees only. */
  tags?: Array<[string, string]>;
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

/** The sections of the file, each a list of meetings, in the order they are written. */
export const STATE_SECTIONS = ["meetings", "legacyMeetings"] as const;
export type StateSection = (typeof STATE_SECTIONS)[number];

export function stateHeader(savedAt: Date): string {
  return `{"format":"${STATE_FORMAT}","version":${STATE_VERSION},"savedAt":"${savedAt.toISOString()}"`;
}

export function sectionHeader(section: StateSection): string {
  return `,"${section}":[`;
}

export const SECTION_FOOTER = "]";
export const STATE_FOOTER = "}\n";

export function serializeMeeting(meeting: StoredMeeting): string {
  const persisted: PersistedMeeting = {
    meetingId: meeting.meetingId,
    createdAt: meeting.createdAt,
    input: meeting.input,
    tags: [...meeting.tags],
    transcription: meeting.transcription,
    nextSeq: meeting.nextSeq,
    attendees: [...meeting.attendees.values()].map(persistAttendee),
  };
  return JSON.stringify(persisted);
}

function persistAttendee(attendee: StoredAttendee): PersistedAttendee {
  const { tags, ...rest } = attendee;
  return tags === undefined ? rest : { ...rest, tags: [...tags] };
}

/** Thrown for a state file that cannot be used; the caller adds the file name. */
export class StateFormatError extends Error {}

function need(condition: boolean, what: string): void {
  if (!condition) throw new StateFormatError(what);
}

const isString = (v: unknown): v is string => typeof v === "string";
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Checks the shape of parsed file content and rebuilds the Meetings namespace's meetings (their indexes included). */
export function parseState(content: unknown): StoredMeeting[] {
  return parseStateSections(content).meetings;
}

/** Every section of parsed file content; an absent `legacyMeetings` is empty. */
export function parseStateSections(content: unknown): Record<StateSection, StoredMeeting[]> {
  need(isObject(content), "the top level is not a JSON object");
  const root = content as JsonObject;
  need(root.format === STATE_FORMAT, `"format" is not "${STATE_FORMAT}"`);
  need(root.version === STATE_VERSION, `"version" is not ${STATE_VERSION}`);
  need(Array.isArray(root.meetings), `"meetings" is not a list`);
  need(
    root.legacyMeetings === undefined || Array.isArray(root.legacyMeetings),
    `"legacyMeetings" is not a list`,
  );
  const section = (name: StateSection): StoredMeeting[] =>
    ((root[name] ?? []) as unknown[]).map((raw, i) => parseMeeting(raw, `${name}[${i}]`));
  return { meetings: section("meetings"), legacyMeetings: section("legacyMeetings") };
}

function parseMeeting(raw: unknown, where: string): StoredMeeting {
  need(isObject(raw), `${where} is not an object`);
  const m = raw as JsonObject;
  need(isString(m.meetingId) && GUID_PATTERN.test(m.meetingId), `${where}.meetingId is not a GUID`);
  need(typeof m.createdAt === "number" && Number.isFinite(m.createdAt), `${where}.createdAt is not a number`);
  need(isCount(m.nextSeq), `${where}.nextSeq is not a count`);
  need(isObject(m.input), `${where}.input is not an object`);
  const input = m.input as JsonObject;
  for (const key of ["ClientRequestToken", "MediaRegion"]) {
    need(isString(input[key]), `${where}.input.${key} is not a string`);
  }
  need(
    input.ExternalMeetingId === undefined || isString(input.ExternalMeetingId),
    `${where}.input.ExternalMeetingId is not a string`,
  );
  const tags = parseTagPairs(m.tags, `${where}.tags`);
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
  const tags = a.tags === undefined ? undefined : parseTagPairs(a.tags, `${where}.tags`);
  need(isObject(a.capabilities), `${where}.capabilities is not an object`);
  const caps = a.capabilities as JsonObject;
  for (const key of ["Audio", "Video", "Content"]) {
    need(isString(caps[key]), `${where}.capabilities.${key} is not a string`);
  }
  const attendee: StoredAttendee = {
    attendeeId: a.attendeeId as string,
    externalUserId: a.externalUserId as string,
    joinToken: a.joinToken as string,
    capabilities: a.capabilities as unknown as StoredAttendee["capabilities"],
    seq: a.seq as number,
  };
  if (tags !== undefined) attendee.tags = tags;
  return attendee;
}

function parseTagPairs(raw: unknown, where: string): Map<string, string> {
  need(Array.isArray(raw), `${where} is not a list`);
  const tags = new Map<string, string>();
  for (const [j, tag] of (raw as unknown[]).entries()) {
    need(Array.isArray(tag) && tag.length === 2 && isString(tag[0]) && isString(tag[1]), `${where}[${j}]`);
    tags.set((tag as string[])[0], (tag as string[])[1]);
  }
  return tags;
}

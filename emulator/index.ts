/**
 * chime-local: a local Amazon Chime SDK Meetings endpoint (API 2021-07-15) that the official
 * `@aws-sdk/client-chime-sdk-meetings` client talks to unmodified, and under `/legacy` the legacy
 * Amazon Chime meeting API (2018-05-01, `@aws-sdk/client-chime@3.699.0`). Published as
 * `pulumi-chime-sdk/local`.
 */
import { EmulatedClock } from "./clock";
import { FaultInjector, type FaultOptions } from "./faults";
import type { LegacyOperationName } from "./legacy/operation-names";
import { LEGACY_PREFIX } from "./legacy/routes";
import type { OperationName } from "./operation-names";
import { RateLimiter } from "./rate-limiter";
import { ChimeHttpService, listen, type RequestLogEntry } from "./server";
import { ensureStateDirectory, loadStateFile, StateFileWriter } from "./state-file";
import { MeetingStore } from "./store";

export type { FaultOptions, FaultScopeName } from "./faults";
export { LEGACY_OPERATION_NAMES, type LegacyOperationName } from "./legacy/operation-names";
export { OPERATION_NAMES, type OperationName } from "./operation-names";
export { busiestWindow } from "./request-log";
export type { RequestLogEntry } from "./server";
export { StateFileError } from "./state-file";

export interface ChimeLocalOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Region of the control plane, used in MeetingArn (default "us-east-1"). */
  region?: string;
  /** Account in MeetingArn (default "123456789012"). */
  accountId?: string;
  /**
   * Persist to this JSON file (atomic temp+rename; mode 0600, since it holds JoinTokens; a missing
   * directory is created with mode 0700); absent = memory only.
   */
  stateFile?: string;
  /** TPS per operation (token bucket holding at most 1 s); absent = unlimited. */
  rateLimit?: number;
  /**
   * Monotonic time source in ms for the rate limit's buckets (tests pass a fake one); the emulated
   * clock (`now`, `advanceClock`) does not refill them.
   * @default performance.now
   */
  rateLimitClock?: () => number;
  /** If set, verify SigV4 signatures fully against these credentials. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Initial clock source in ms (default Date.now); the clock also moves with advanceClock. */
  now?: () => number;
  /** Live meetings allowed at once (AWS's adjustable default is 250); absent = unlimited. */
  maxMeetings?: number;
  /**
   * The source of the draws that pick injected faults (default Math.random); a seeded generator makes
   * the sequence of faults the same on every run.
   */
  faultRandom?: () => number;
}

export interface ChimeLocal {
  /** "http://127.0.0.1:<port>" */
  readonly url: string;
  /** Stops the server and flushes state. */
  close(): Promise<void>;
  /** Requests received per operation (every operation present), rejected ones included. */
  counters(): Record<OperationName, number>;
  /** All requests received, unknown routes included. */
  totalRequests(): number;
  /** Zeroes the counters and empties the request log. */
  resetCounters(): void;
  /**
   * The latest requests received (up to 50,000), oldest first: when (ms on the rate limit's time source,
   * `rateLimitClock`: `performance.now()` by default), the operation and the status answered (undefined for a reset connection). A
   * copy. For tests that check the rate an endpoint saw over any one-second window.
   */
  requestLog(): RequestLogEntry[];
  /** Injects faults into the following requests (replacing earlier ones); undefined removes them. */
  setFaults(f: FaultOptions | undefined): void;
  /** Moves the emulated clock; meetings older than 24 h end (then 404 on every call). */
  advanceClock(ms: number): void;
  /** Ends a meeting out of band, as AWS does after 5 idle minutes; true if it existed. */
  endMeeting(meetingId: string): boolean;
  /** Live meetings, for assertions. */
  meetings(): Array<{ meetingId: string; externalMeetingId: string; attendeeCount: number }>;
  /** Attendees of a live meeting ([] if it is not live), for assertions. */
  attendees(meetingId: string): Array<{
    attendeeId: string;
    externalUserId: string;
    joinToken: string;
    capabilities: { Audio: string; Video: string; Content: string };
  }>;
  /** Resolves once the state file holds every change made so far (no-op without a state file). */
  flush(): Promise<void>;
  /** The legacy namespace (`/legacy`): its own meetings, attendees and tags. */
  readonly legacy: ChimeLocalLegacy;
}

/** Tags as a plain object, for assertions. */
export type TagRecord = Record<string, string>;

/**
 * The legacy Amazon Chime meeting API served under `/legacy`. Its meetings are not the Meetings
 * namespace's (ids from one are 404 in the other); the clock, faults, rate limit, state file and
 * `totalRequests()` are shared, `resetCounters()` zeroes both namespaces' counters.
 */
export interface ChimeLocalLegacy {
  /** "http://127.0.0.1:<port>/legacy": the `endpoint` of a `ChimeClient` (or `AWS_ENDPOINT_URL_CHIME`). */
  readonly endpointUrl: string;
  /** Requests received per legacy operation (all 16 present), rejected ones included. */
  counters(): Record<LegacyOperationName, number>;
  /** Live legacy meetings. */
  meetings(): Array<{
    meetingId: string;
    /** Absent when the meeting was created without one (optional in the legacy API). */
    externalMeetingId?: string;
    attendeeCount: number;
    tags: TagRecord;
  }>;
  /** Attendees of a live legacy meeting ([] if it is not live), with their tags. */
  attendees(meetingId: string): Array<{
    attendeeId: string;
    externalUserId: string;
    joinToken: string;
    tags: TagRecord;
  }>;
  /** Ends a legacy meeting out of band (as AWS does after 5 idle minutes); true if it was live. */
  endMeeting(meetingId: string): boolean;
  /**
   * Replaces an attendee's tags out of band, as someone else's TagAttendee/UntagAttendee would (for
   * drift tests); true if the attendee exists in a live legacy meeting. Not validated.
   */
  setAttendeeTags(meetingId: string, attendeeId: string, tags: TagRecord): boolean;
  /** Replaces a legacy meeting's tags out of band (TagMeeting/UntagMeeting by someone else); true if it is live. */
  setMeetingTags(meetingId: string, tags: TagRecord): boolean;
}

export async function startChimeLocal(options: ChimeLocalOptions = {}): Promise<ChimeLocal> {
  const region = options.region ?? "us-east-1";
  const accountId = options.accountId ?? "123456789012";
  if (!/^[a-z0-9-]+$/.test(region)) throw new RangeError(`region must look like us-east-1, got ${region}`);
  if (!/^\d{12}$/.test(accountId)) throw new RangeError(`accountId must be 12 digits, got ${accountId}`);
  const clock = new EmulatedClock(options.now);
  let writer: StateFileWriter | undefined;
  const store = new MeetingStore(clock, () => writer?.markDirty());
  const legacyStore = new MeetingStore(clock, () => writer?.markDirty());
  if (options.stateFile !== undefined) {
    await ensureStateDirectory(options.stateFile);
    const loaded = loadStateFile(options.stateFile);
    for (const meeting of loaded?.meetings ?? []) store.restore(meeting);
    for (const meeting of loaded?.legacyMeetings ?? []) legacyStore.restore(meeting);
    writer = new StateFileWriter(options.stateFile, { meetings: store, legacyMeetings: legacyStore });
    // A new file is written at once, so an unwritable path fails here rather than at the first change.
    if (loaded === undefined) {
      writer.markDirty();
      await writer.flush();
    }
  }
  const faults = new FaultInjector(options.faultRandom);
  // The request log is stamped on the same clock as the buckets, so that a test can hold one to the other.
  const rateLimitClock = options.rateLimitClock ?? (() => performance.now());
  const service = new ChimeHttpService({
    context: { store, region, accountId, maxMeetings: options.maxMeetings },
    // The legacy namespace has no ARNs; its meeting limit is counted separately.
    legacyContext: { store: legacyStore, region, accountId, maxMeetings: options.maxMeetings },
    faults,
    rateLimiter:
      options.rateLimit === undefined ? undefined : new RateLimiter(options.rateLimit, rateLimitClock),
    rateLimitClock,
    credentials: options.credentials,
  });
  const listening = await listen(service.listener, options.host ?? "127.0.0.1", options.port ?? 0);
  let closed: Promise<void> | undefined;

  return {
    url: listening.url,
    close() {
      closed ??= listening.close().then(() => writer?.flush());
      return closed;
    },
    counters: () => ({ ...service.counters }),
    totalRequests: () => service.totalRequests,
    resetCounters: () => service.resetCounters(),
    requestLog: () => service.requestLog.map((entry) => ({ ...entry })),
    setFaults: (f) => faults.set(f),
    advanceClock(ms) {
      clock.advance(ms);
      store.sweepExpired();
      legacyStore.sweepExpired();
    },
    endMeeting: (meetingId) => store.endMeeting(meetingId.toLowerCase()),
    meetings: () =>
      store.liveMeetings().map((m) => ({
        meetingId: m.meetingId,
        externalMeetingId: m.input.ExternalMeetingId ?? "",
        attendeeCount: m.attendees.size,
      })),
    attendees(meetingId) {
      const meeting = store.liveMeeting(meetingId.toLowerCase());
      if (meeting === undefined) return [];
      return [...meeting.attendees.values()].map((a) => ({
        attendeeId: a.attendeeId,
        externalUserId: a.externalUserId,
        joinToken: a.joinToken,
        capabilities: { ...a.capabilities },
      }));
    },
    flush: async () => {
      await writer?.flush();
    },
    legacy: {
      endpointUrl: `${listening.url}${LEGACY_PREFIX}`,
      counters: () => ({ ...service.legacyCounters }),
      meetings: () =>
        legacyStore.liveMeetings().map((m) => {
          const meeting: ReturnType<ChimeLocalLegacy["meetings"]>[number] = {
            meetingId: m.meetingId,
            attendeeCount: m.attendees.size,
            tags: Object.fromEntries(m.tags),
          };
          if (m.input.ExternalMeetingId !== undefined) meeting.externalMeetingId = m.input.ExternalMeetingId;
          return meeting;
        }),
      attendees(meetingId) {
        const meeting = legacyStore.liveMeeting(meetingId.toLowerCase());
        if (meeting === undefined) return [];
        return [...meeting.attendees.values()].map((a) => ({
          attendeeId: a.attendeeId,
          externalUserId: a.externalUserId,
          joinToken: a.joinToken,
          tags: Object.fromEntries(a.tags ?? []),
        }));
      },
      endMeeting: (meetingId) => legacyStore.endMeeting(meetingId.toLowerCase()),
      setAttendeeTags(meetingId, attendeeId, tags) {
        const meeting = legacyStore.liveMeeting(meetingId.toLowerCase());
        const attendee = meeting?.attendees.get(attendeeId.toLowerCase());
        if (meeting === undefined || attendee === undefined) return false;
        attendee.tags = new Map(Object.entries(tags));
        legacyStore.changed(meeting);
        return true;
      },
      setMeetingTags(meetingId, tags) {
        const meeting = legacyStore.liveMeeting(meetingId.toLowerCase());
        if (meeting === undefined) return false;
        meeting.tags = new Map(Object.entries(tags));
        legacyStore.changed(meeting);
        return true;
      },
    },
  };
}

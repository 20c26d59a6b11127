/**
 * chime-local: a local Amazon Chime SDK Meetings endpoint (API 2021-07-15) that the official
 * `@aws-sdk/client-chime-sdk-meetings` client talks to unmodified. Published as
 * `pulumi-chime-sdk/local`.
 */
import { EmulatedClock } from "./clock";
import { FaultInjector, type FaultOptions } from "./faults";
import type { OperationName } from "./operation-names";
import { RateLimiter } from "./rate-limiter";
import { ChimeHttpService, listen } from "./server";
import { ensureStateDirectory, loadStateFile, StateFileWriter } from "./state-file";
import { MeetingStore } from "./store";

export type { FaultOptions } from "./faults";
export { OPERATION_NAMES, type OperationName } from "./operation-names";
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
  /** Sets every operation's counter and the total back to 0. */
  resetCounters(): void;
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
}

export async function startChimeLocal(options: ChimeLocalOptions = {}): Promise<ChimeLocal> {
  const region = options.region ?? "us-east-1";
  const accountId = options.accountId ?? "123456789012";
  if (!/^[a-z0-9-]+$/.test(region)) throw new RangeError(`region must look like us-east-1, got ${region}`);
  if (!/^\d{12}$/.test(accountId)) throw new RangeError(`accountId must be 12 digits, got ${accountId}`);
  const clock = new EmulatedClock(options.now);
  let writer: StateFileWriter | undefined;
  const store = new MeetingStore(clock, () => writer?.markDirty());
  if (options.stateFile !== undefined) {
    await ensureStateDirectory(options.stateFile);
    const loaded = loadStateFile(options.stateFile);
    for (const meeting of loaded ?? []) store.restore(meeting);
    writer = new StateFileWriter(options.stateFile, store);
    // A new file is written at once, so an unwritable path fails here rather than at the first change.
    if (loaded === undefined) {
      writer.markDirty();
      await writer.flush();
    }
  }
  const faults = new FaultInjector();
  const service = new ChimeHttpService({
    context: { store, region, accountId, maxMeetings: options.maxMeetings },
    faults,
    rateLimiter:
      options.rateLimit === undefined
        ? undefined
        : new RateLimiter(options.rateLimit, options.rateLimitClock),
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
    setFaults: (f) => faults.set(f),
    advanceClock(ms) {
      clock.advance(ms);
      store.sweepExpired();
    },
    endMeeting: (meetingId) => store.endMeeting(meetingId.toLowerCase()),
    meetings: () =>
      store.liveMeetings().map((m) => ({
        meetingId: m.meetingId,
        externalMeetingId: m.input.ExternalMeetingId,
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
  };
}

/**
 * Spaces requests so that each operation stays within its per-second quota, and slows down when the
 * quota turns out to be shared.
 *
 * Chime's default quotas are 10 requests per second per operation, account and region. One provider
 * process serves every dynamic resource of a deployment, and the engine runs their creates in parallel,
 * so a stack of 50 attendees would otherwise burst 50 CreateAttendee calls at once and spend its time in
 * throttling back-off. Each *attempt* (first tries and the SDK's retries alike, see `./pacing.ts`) waits
 * for its turn in a first-come queue per key, and consecutive attempts of a key are at least
 * 1 / rate apart (plus `SPACING_MARGIN`), so no one-second window holds more than `rate` of them.
 *
 * The rate adapts: a throttled answer (HTTP 429) means someone else spends the same quota (another
 * stack, another tool), so the rate drops to `decrease` × its current value, at most once per round of
 * requests (answers to requests sent before the last drop say nothing new). It then climbs back
 * linearly, by `recoveryPerSecond` × the configured maximum per second, to the maximum. Several
 * processes sharing one quota thereby settle around it (additive increase, multiplicative decrease),
 * as TCP connections share a link, instead of each offering the full quota and living on retries.
 */

/** Where the pacer reads time and how it waits: real time by default, a fake one in tests. */
export interface PacerClock {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Extra spacing between requests, as a share of 1 / rate: the endpoint sees requests a little later or
 * earlier than they leave (signing, sockets, a busy event loop), and a 2 % margin keeps `rate`
 * requests per any one-second window at the endpoint despite ~20 ms of such jitter.
 */
export const SPACING_MARGIN = 0.02;

export interface PacingOptions {
  /**
   * Share of the current rate kept after a throttled answer.
   * @default 0.7
   */
  readonly decrease?: number;
  /**
   * How fast the rate climbs back after a drop, in shares of the maximum rate per second.
   * @default 0.05 (from 70 % back to the maximum in 6 s)
   */
  readonly recoveryPerSecond?: number;
  /**
   * The lowest rate it drops to, in requests per second.
   * @default 0.5
   */
  readonly minRate?: number;
}

/** How an attempt ended, as far as pacing cares. */
export type AttemptOutcome = "ok" | "throttled" | "failed";

/** A turn to send one attempt; `settle` tells the pacer how it ended. */
export interface PacerTurn {
  /** When the attempt was let go (the clock's ms). */
  readonly sentAt: number;
  settle(outcome: AttemptOutcome): void;
}

interface Lane {
  maxRate: number;
  /** The rate right after the last drop; the rate climbs from it. */
  floorRate: number;
  lastDrop: number;
  lastSent: number;
  readonly waiting: Array<(turn: PacerTurn) => void>;
  pumping: boolean;
  throttled: number;
}

export class RequestPacer {
  private readonly lanes = new Map<string, Lane>();
  private readonly decrease: number;
  private readonly recoveryPerSecond: number;
  private readonly minRate: number;

  constructor(
    private readonly clock: PacerClock = REAL_CLOCK,
    options: PacingOptions = {},
  ) {
    this.decrease = options.decrease ?? 0.7;
    this.recoveryPerSecond = options.recoveryPerSecond ?? 0.05;
    this.minRate = options.minRate ?? 0.5;
  }

  /** The rate `key` is paced at now, in requests per second. */
  rate(key: string): number | undefined {
    const lane = this.lanes.get(key);
    return lane && this.currentRate(lane, this.clock.now());
  }

  /** Throttled answers seen for `key` (for tests and benchmarks). */
  throttledCount(key: string): number {
    return this.lanes.get(key)?.throttled ?? 0;
  }

  /** Waits for the next turn of `key`, whose quota is `maxRate` requests per second. */
  acquire(key: string, maxRate: number): Promise<PacerTurn> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = {
        maxRate,
        floorRate: maxRate,
        lastDrop: Number.NEGATIVE_INFINITY,
        lastSent: Number.NEGATIVE_INFINITY,
        waiting: [],
        pumping: false,
        throttled: 0,
      };
      this.lanes.set(key, lane);
    }
    if (lane.maxRate !== maxRate) {
      lane.maxRate = maxRate;
      lane.floorRate = Math.min(lane.floorRate, maxRate);
    }
    const turn = new Promise<PacerTurn>((resolve) => lane.waiting.push(resolve));
    void this.pump(lane);
    return turn;
  }

  private currentRate(lane: Lane, now: number): number {
    const climbed =
      lane.floorRate + (lane.maxRate * this.recoveryPerSecond * Math.max(0, now - lane.lastDrop)) / 1000;
    return Math.min(lane.maxRate, climbed);
  }

  /** Lets the waiting attempts of a lane go one by one, each at least one spacing after the last. */
  private async pump(lane: Lane): Promise<void> {
    if (lane.pumping) return;
    lane.pumping = true;
    try {
      while (lane.waiting.length > 0) {
        const now = this.clock.now();
        const spacing = (1000 / this.currentRate(lane, now)) * (1 + SPACING_MARGIN);
        const due = lane.lastSent + spacing;
        if (now < due) {
          await this.clock.sleep(due - now);
          continue;
        }
        lane.lastSent = now;
        const resolve = lane.waiting.shift() as (turn: PacerTurn) => void;
        resolve(this.turn(lane, now));
      }
    } finally {
      lane.pumping = false;
    }
  }

  private turn(lane: Lane, sentAt: number): PacerTurn {
    let settled = false;
    return {
      sentAt,
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        if (outcome !== "throttled") return;
        lane.throttled++;
        // An answer to an attempt sent before the last drop reflects the rate before it.
        if (sentAt < lane.lastDrop) return;
        const now = this.clock.now();
        lane.floorRate = Math.max(this.minRate, this.currentRate(lane, now) * this.decrease);
        lane.lastDrop = now;
      },
    };
  }
}

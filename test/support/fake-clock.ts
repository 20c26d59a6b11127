import type { PacerClock } from "../../provider/aws/request-pacer";

/** Lets every pending promise callback run (setImmediate comes after the microtask queue). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A clock that moves only when told: `sleep` waits for `advance`/`runUntil`, so a test of timing
 * behaviour is the same on an idle and on a loaded machine.
 */
export class FakeClock implements PacerClock {
  private time: number;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  /** Timers set and not yet run: what is waiting on this clock. */
  get pending(): number {
    return this.timers.length;
  }

  /** Every `sleep` called so far: each is a timer a real clock would set. */
  sleeps = 0;

  constructor(start = 0) {
    this.time = start;
  }

  now = (): number => this.time;

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.sleeps++;
      this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
    });

  /** Runs every timer due up to `until` in time order (callbacks settled after each), then sets the time. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.time = Math.max(this.time, due.at);
      due.resolve();
    }
    this.time = Math.max(this.time, until);
    await settle();
  }

  /** When the earliest timer is due, if any is set. */
  nextTimer(): number | undefined {
    return this.timers.length === 0 ? undefined : Math.min(...this.timers.map((t) => t.at));
  }

  advance(ms: number): Promise<void> {
    return this.runUntil(this.time + ms);
  }
}

/**
 * A fake clock for tests whose code also does real I/O (the provider's SDK clients against chime-local
 * over HTTP): `drive` moves it from timer to timer by itself, but only while `busy()` says nothing is
 * in flight, so that a request arrives at the endpoint at the instant it left. Given to both the
 * provider's pacer and the endpoint's rate limit, it makes what either sees independent of how fast
 * the machine runs the I/O in between.
 */
export class DrivenClock extends FakeClock {
  /** Starts moving the clock; the returned function stops it. */
  drive(busy: () => boolean): () => void {
    let driving = true;
    void (async () => {
      while (driving) {
        // A real timer, so that sockets and the endpoint get their turn between two steps.
        await new Promise((resolve) => setTimeout(resolve, 1));
        const next = this.nextTimer();
        if (!busy() && next !== undefined) await this.runUntil(next);
      }
    })();
    return () => {
      driving = false;
    };
  }
}

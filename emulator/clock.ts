/**
 * The emulated clock: a time source plus an offset that tests move forward, so that a meeting's
 * 24-hour lifetime can pass in a millisecond of real time.
 */
export class EmulatedClock {
  private offset = 0;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offset;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`advanceClock needs a finite, non-negative number of milliseconds, got ${ms}`);
    }
    this.offset += ms;
  }
}

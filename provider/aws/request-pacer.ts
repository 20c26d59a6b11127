/**
 * Spaces requests so that each operation stays within its per-second quota.
 *
 * Chime's default quotas are 10 requests per second per operation, account and region. One provider
 * process serves every dynamic resource of a deployment, and the engine runs their creates in parallel,
 * so a stack of 50 attendees would otherwise burst 50 CreateAttendee calls at once and spend its time in
 * throttling back-off. Pacing at the quota keeps every request under it: the first request of a key
 * goes at once and each next one waits for its slot.
 */
export class RequestPacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The delay in ms before a request of `key` may go at `perSecond`; reserves that slot. */
  reserve(key: string, perSecond: number): number {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot.get(key) ?? now);
    this.nextSlot.set(key, slot + 1000 / perSecond);
    return slot - now;
  }

  /** Waits for the next slot of `key`. */
  async acquire(key: string, perSecond: number): Promise<void> {
    const delay = this.reserve(key, perSecond);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

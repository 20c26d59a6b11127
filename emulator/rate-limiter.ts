/**
 * Per-operation token buckets, like AWS's per-API TPS quotas: each bucket refills at `tps` tokens
 * per second and holds at most one second's worth, so a burst of `tps` requests passes and the
 * next one in the same instant is throttled. Time comes from a monotonic source, not the
 * emulated clock: advancing the meeting clock must not refill buckets. Legacy operations have
 * their own buckets (`legacy:CreateAttendee`), as they are another API with its own quotas.
 */
import type { FaultScopeName } from "./faults";

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<FaultScopeName, Bucket>();
  private readonly capacity: number;

  constructor(
    readonly tps: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!Number.isFinite(tps) || tps <= 0)
      throw new RangeError(`rate limit must be a positive number, got ${tps}`);
    // Below 1 TPS a one-second bucket would never hold a whole token.
    this.capacity = Math.max(1, tps);
  }

  /** Takes a token for the operation; false means the request is over the rate. */
  tryAcquire(operation: FaultScopeName): boolean {
    const now = this.now();
    let bucket = this.buckets.get(operation);
    if (bucket === undefined) {
      bucket = { tokens: this.capacity, updatedAt: now };
      this.buckets.set(operation, bucket);
    } else {
      const refill = ((now - bucket.updatedAt) / 1000) * this.tps;
      bucket.tokens = Math.min(this.capacity, bucket.tokens + refill);
      bucket.updatedAt = now;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * What a per-operation quota checks, computed from the endpoint's request log: how many requests of
 * one operation arrived within any window of time.
 */
import type { FaultScopeName } from "./faults";
import type { RequestLogEntry } from "./server";

/**
 * The largest number of requests of each operation that arrived within any window of `windowMs`
 * (a window holds the requests received at `t <= receivedAt < t + windowMs`). Operations never seen are absent.
 */
export function busiestWindow(
  records: readonly RequestLogEntry[],
  windowMs: number,
): Partial<Record<FaultScopeName, number>> {
  const byOperation = new Map<FaultScopeName, number[]>();
  for (const record of records) {
    if (record.operation === undefined) continue;
    const times = byOperation.get(record.operation) ?? [];
    times.push(record.receivedAt);
    byOperation.set(record.operation, times);
  }
  const busiest: Partial<Record<FaultScopeName, number>> = {};
  for (const [operation, times] of byOperation) {
    times.sort((a, b) => a - b);
    let most = 0;
    let first = 0;
    for (let last = 0; last < times.length; last++) {
      while (times[last] - times[first] >= windowMs) first++;
      most = Math.max(most, last - first + 1);
    }
    busiest[operation] = most;
  }
  return busiest;
}

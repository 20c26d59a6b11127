/**
 * A log of the requests the endpoint received: when each arrived, its operation and the status it was
 * answered with. It lets a test check what a quota checks — how many requests of one operation arrived
 * within any window of time — and count the throttled ones. Kept only when asked for
 * (`recordRequests`), since a long-running endpoint would otherwise grow it without end.
 */
import type { OperationName } from "./operation-names";

/** One request as the endpoint saw it. */
export interface RequestRecord {
  /** Arrival time in ms on the endpoint's monotonic clock (`performance.now()`), not the emulated one. */
  readonly at: number;
  /** The operation its route names; undefined for a request that matches no route. */
  readonly operation: OperationName | undefined;
  /** The HTTP status it was answered with; 0 for a connection reset; undefined while still pending. */
  status: number | undefined;
}

/**
 * The largest number of requests of each operation that arrived within any window of `windowMs`
 * (a window holds the requests at `t <= at < t + windowMs`). Operations never seen are absent.
 */
export function busiestWindow(
  records: readonly RequestRecord[],
  windowMs: number,
): Partial<Record<OperationName, number>> {
  const byOperation = new Map<OperationName, number[]>();
  for (const record of records) {
    if (record.operation === undefined) continue;
    const times = byOperation.get(record.operation) ?? [];
    times.push(record.at);
    byOperation.set(record.operation, times);
  }
  const busiest: Partial<Record<OperationName, number>> = {};
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

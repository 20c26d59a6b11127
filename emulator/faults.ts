/**
 * Fault injection: decides, per request, whether to answer with a failure instead of the
 * operation's result. One random draw picks among reset, 503 and 500 so that the configured rates
 * are shares of all requests (they must add up to at most 1).
 */
import type { QualifiedLegacyOperationName } from "./legacy/operation-names";
import type { OperationName } from "./operation-names";

/** An operation in a fault scope: a Meetings-namespace name, or `legacy:<Name>` for the legacy namespace. */
export type FaultScopeName = OperationName | QualifiedLegacyOperationName;

export interface FaultOptions {
  /** Share (0..1) of requests answered 500 ServiceFailureException. */
  failureRate?: number;
  /** Share answered 503 ServiceUnavailableException with Retry-After. */
  unavailableRate?: number;
  /** Retry-After of the 503 answers, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Share of connections destroyed without a response. */
  resetRate?: number;
  /**
   * Destroy the connection after the operation ran instead of before (default false): the change is
   * made but the client never hears of it, the case that tests idempotent retries.
   */
  resetAfterExecution?: boolean;
  /** Delay added to every request, in milliseconds. */
  latencyMs?: number;
  /**
   * Only these operations get faults (default: all of both namespaces, unknown routes included).
   * Legacy operations are written `legacy:CreateAttendee`; `CreateAttendee` is the Meetings one.
   */
  operations?: FaultScopeName[];
  /**
   * At most this many requests get a failure (reset, 503 or 500), then none do (default: no limit).
   * With a rate of 1 it makes a test deterministic: "the first attempt fails, the retry succeeds".
   */
  count?: number;
}

export type FaultAction = "none" | "reset" | "unavailable" | "failure";

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
}

const NO_FAULT: FaultDecision = { latencyMs: 0, action: "none" };

function checkRate(name: string, value: number | undefined): number {
  const rate = value ?? 0;
  if (!Number.isFinite(rate) || rate < 0 || rate > 1)
    throw new RangeError(`${name} must be in 0..1, got ${value}`);
  return rate;
}

export class FaultInjector {
  private options: FaultOptions | undefined;
  private failureRate = 0;
  private unavailableRate = 0;
  private resetRate = 0;
  private latencyMs = 0;
  private scope: Set<string> | undefined;
  private remaining = Number.POSITIVE_INFINITY;

  constructor(private readonly random: () => number = Math.random) {}

  set(options: FaultOptions | undefined): void {
    if (options === undefined) {
      this.options = undefined;
      return;
    }
    const failure = checkRate("failureRate", options.failureRate);
    const unavailable = checkRate("unavailableRate", options.unavailableRate);
    const reset = checkRate("resetRate", options.resetRate);
    if (failure + unavailable + reset > 1) {
      throw new RangeError("failureRate + unavailableRate + resetRate must be at most 1");
    }
    const latency = options.latencyMs ?? 0;
    if (!Number.isFinite(latency) || latency < 0)
      throw new RangeError(`latencyMs must be ≥ 0, got ${latency}`);
    const retryAfter = options.retryAfterSeconds ?? 1;
    if (!Number.isInteger(retryAfter) || retryAfter < 0) {
      throw new RangeError(`retryAfterSeconds must be a non-negative integer, got ${retryAfter}`);
    }
    this.options = { ...options };
    this.failureRate = failure;
    this.unavailableRate = unavailable;
    this.resetRate = reset;
    this.latencyMs = latency;
    this.scope = options.operations === undefined ? undefined : new Set(options.operations);
    const count = options.count ?? Number.POSITIVE_INFINITY;
    if (!(count >= 0) || (Number.isFinite(count) && !Number.isInteger(count))) {
      throw new RangeError(`count must be a non-negative integer, got ${options.count}`);
    }
    this.remaining = count;
  }

  get retryAfterSeconds(): number {
    return this.options?.retryAfterSeconds ?? 1;
  }

  get resetAfterExecution(): boolean {
    return this.options?.resetAfterExecution === true;
  }

  /** `operation` (a FaultScopeName) is undefined for a request that matches no route. */
  decide(operation: FaultScopeName | undefined): FaultDecision {
    if (this.options === undefined) return NO_FAULT;
    if (this.scope !== undefined && (operation === undefined || !this.scope.has(operation))) return NO_FAULT;
    const draw = this.random();
    let action: FaultAction = "none";
    if (draw < this.resetRate) action = "reset";
    else if (draw < this.resetRate + this.unavailableRate) action = "unavailable";
    else if (draw < this.resetRate + this.unavailableRate + this.failureRate) action = "failure";
    if (action !== "none") {
      if (this.remaining <= 0) action = "none";
      else this.remaining--;
    }
    return { latencyMs: this.latencyMs, action };
  }
}

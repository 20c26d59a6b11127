import { StandardRetryStrategy } from "@smithy/core/retry";
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from "@smithy/types";
import { isTimeout } from "./errors";

/** Error names that will not succeed on retry although the SDK classifies them as throttling. */
const NEVER_RETRY: readonly string[] = ["LimitExceededException"];

/**
 * An upper bound of the SDK's back-off before a timed-out attempt is retried: a transient error's delay
 * base is 100 ms, doubled per retry, times a random factor below 1; with at most 2 attempts it is < 100 ms.
 */
export const MAX_TIMEOUT_BACKOFF_MS = 1_000;

/**
 * The SDK's standard retry strategy, except that a full meeting is reported at once, and an endpoint
 * that times out gets fewer attempts.
 *
 * `LimitExceededException` is on the SDK's list of throttling errors, so the standard strategy backs
 * off and retries it; but Chime sends it when a meeting already has its 250 attendees, which no retry
 * can fix. A timeout (no connection, or no answer within the request timeout) is retried only
 * while the attempt that timed out is below `timeoutAttempts`: each such attempt costs the whole
 * timeout, and a user waits for all of them.
 */
export class ChimeRetryStrategy implements RetryStrategyV2 {
  private readonly standard: StandardRetryStrategy;

  constructor(
    maxAttempts: number,
    private readonly timeoutAttempts: number = maxAttempts,
  ) {
    this.standard = new StandardRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(retryTokenScope: string): Promise<RetryToken> {
    return this.standard.acquireInitialRetryToken(retryTokenScope);
  }

  refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const name = (errorInfo.error as { name?: string } | undefined)?.name;
    if (name && NEVER_RETRY.includes(name)) {
      return Promise.reject(new Error(`${name} is not retried`));
    }
    if (isTimeout(errorInfo.error) && token.getRetryCount() + 1 >= this.timeoutAttempts) {
      return Promise.reject(new Error(`TimeoutError is not retried after ${this.timeoutAttempts} attempts`));
    }
    return this.standard.refreshRetryTokenForRetry(token as StandardRetryToken, errorInfo);
  }

  recordSuccess(token: RetryToken): void {
    this.standard.recordSuccess(token as StandardRetryToken);
  }
}

import { StandardRetryStrategy } from "@smithy/core/retry";
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from "@smithy/types";

/**
 * Error names that will not succeed on retry: a full meeting. The SDK classifies LimitExceededException
 * as throttling; the legacy namespace's ResourceLimitExceededException (400) is listed so that no
 * future change of that classification makes it retried either.
 */
const NEVER_RETRY: readonly string[] = ["LimitExceededException", "ResourceLimitExceededException"];

/**
 * The SDK's standard retry strategy, except that a full meeting is reported at once.
 *
 * `LimitExceededException` is on the SDK's list of throttling errors, so the standard strategy backs
 * off and retries it; but Chime sends it when a meeting already has its 250 attendees, which no retry
 * can fix.
 */
export class ChimeRetryStrategy implements RetryStrategyV2 {
  private readonly standard: StandardRetryStrategy;

  constructor(maxAttempts: number) {
    this.standard = new StandardRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(retryTokenScope: string | undefined): Promise<RetryToken> {
    // The legacy client (`@aws-sdk/client-chime` 3.699.0, older Smithy middleware) passes no scope.
    return this.standard.acquireInitialRetryToken(retryTokenScope ?? "");
  }

  refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const name = (errorInfo.error as { name?: string } | undefined)?.name;
    if (name && NEVER_RETRY.includes(name)) {
      return Promise.reject(new Error(`${name} is not retried`));
    }
    return this.standard.refreshRetryTokenForRetry(token as StandardRetryToken, errorInfo);
  }

  recordSuccess(token: RetryToken): void {
    this.standard.recordSuccess(token as StandardRetryToken);
  }
}

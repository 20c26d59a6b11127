import { isThrottlingError } from "@smithy/core/retry";
import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  HandlerExecutionContext,
  MetadataBearer,
  Pluggable,
} from "@smithy/types";
import type { AttemptOutcome, RequestPacer } from "./request-pacer";
import { NEVER_RETRY } from "./retry-strategy";

/** Where a client sends its requests, as far as its quota goes. */
export interface PacingTarget {
  readonly region: string;
  /** The endpoint override, if any (a local endpoint has a quota of its own). */
  readonly endpoint?: string;
  /** The quota per operation, requests per second. */
  readonly maxRequestsPerSecond: number;
}

/** True for an answer that says the quota was exceeded (HTTP 429 and the SDK's throttling errors). */
export function isThrottled(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { name?: string };
  // A full meeting is on the SDK's throttling list, but it says nothing about the request rate.
  if (e.name && NEVER_RETRY.includes(e.name)) return false;
  return isThrottlingError(error as Parameters<typeof isThrottlingError>[0]);
}

/** The pacing key of one operation of one client: quotas are per operation, account and region. */
export function pacingKey(target: PacingTarget, context: HandlerExecutionContext): string {
  const operation = (context.commandName ?? "unknown").replace(/Command$/, "");
  return [context.clientName ?? "", target.region, target.endpoint ?? "", operation].join("|");
}

/**
 * An SDK middleware that paces every attempt of a request, retries included: it sits in the
 * finalizeRequest step right after the SDK's retry middleware (which calls the rest of the stack once
 * per attempt) and before signing, so an attempt that waited its turn is signed when it leaves.
 */
export function pacingPlugin<Input extends object, Output extends MetadataBearer>(
  target: PacingTarget,
  requestPacer: RequestPacer,
): Pluggable<Input, Output> {
  return {
    applyToStack(stack) {
      stack.addRelativeTo(
        (next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext) =>
          async (args: FinalizeHandlerArguments<Input>) => {
            const turn = await requestPacer.acquire(pacingKey(target, context), target.maxRequestsPerSecond);
            let outcome: AttemptOutcome = "failed";
            try {
              const result = await next(args);
              outcome = "ok";
              return result;
            } catch (error) {
              if (isThrottled(error)) outcome = "throttled";
              throw error;
            } finally {
              turn.settle(outcome);
            }
          },
        {
          name: "chimePacingMiddleware",
          relation: "after",
          toMiddleware: "retryMiddleware",
          override: true,
        },
      );
    },
  };
}

import { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { ChimeRetryStrategy, MAX_TIMEOUT_BACKOFF_MS } from "./retry-strategy";
import type { ChimeSettings } from "./settings";

/** Attempts per call, the first included: throttling and 5xx get a few backed-off retries. */
const MAX_ATTEMPTS = 5;

/**
 * How long one attempt may take, and how many attempts a timing-out endpoint gets.
 *
 * Chime answers in well under a second; an endpoint that accepts connections and never answers (a
 * black hole: a wrong VPC endpoint, a firewall, a stopped local endpoint's port reused) must fail the
 * call, with a message, within 35 seconds whatever the retries: `timeoutAttempts` × `requestMs`
 * (+ the SDK's back-off of at most a few hundred ms between them) = 2 × 8 s ≈ 16 s, which leaves the
 * engine ~15 s of its own (measured: `pulumi up` fails after ~25 s). An endpoint that never accepts
 * the connection fails each attempt after `connectionMs`. Resets and refusals fail fast and keep the
 * 5 attempts. Ctrl-C / SIGTERM lets the in-flight call end, so it ends the run within this bound too.
 * Tests shorten these (`resetClients()` after changing them).
 */
export const httpTimeouts = { connectionMs: 5_000, requestMs: 8_000, timeoutAttempts: 2 };

/** The longest a call to a black-holed endpoint can take, in ms, back-off between attempts included. */
export function worstCaseTimeoutMs(timeouts: typeof httpTimeouts = httpTimeouts): number {
  return (
    timeouts.timeoutAttempts * timeouts.requestMs + (timeouts.timeoutAttempts - 1) * MAX_TIMEOUT_BACKOFF_MS
  );
}

const clients = new Map<string, ChimeSDKMeetingsClient>();

/**
 * A Chime SDK Meetings client for `settings`, one per region, endpoint and profile in this process.
 *
 * Credentials are left to the SDK's default chain, which resolves them lazily on the first call:
 * environment, `profile` / AWS_PROFILE, SSO, container and instance metadata.
 */
export function chimeClient(settings: ChimeSettings): ChimeSDKMeetingsClient {
  const key = JSON.stringify([settings.region, settings.endpoint, settings.profile]);
  let client = clients.get(key);
  if (!client) {
    client = new ChimeSDKMeetingsClient({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.profile ? { profile: settings.profile } : {}),
      retryStrategy: new ChimeRetryStrategy(MAX_ATTEMPTS, httpTimeouts.timeoutAttempts),
      // Without timeouts a black-holed endpoint would hang `pulumi up` forever. `requestTimeout` alone only
      // logs a warning: `throwOnRequestTimeout` makes it fail the attempt (a TimeoutError, code ETIMEDOUT).
      requestHandler: new NodeHttpHandler({
        connectionTimeout: httpTimeouts.connectionMs,
        requestTimeout: httpTimeouts.requestMs,
        throwOnRequestTimeout: true,
      }),
    });
    clients.set(key, client);
  }
  return client;
}

/** Drops cached clients (tests that change endpoints or credentials). */
export function resetClients(): void {
  for (const client of clients.values()) client.destroy();
  clients.clear();
}

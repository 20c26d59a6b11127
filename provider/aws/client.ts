import { ChimeClient } from "@aws-sdk/client-chime";
import { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { MetadataBearer, MiddlewareStack, Pluggable } from "@smithy/types";
import { pacingPlugin } from "./pacing";
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

/**
 * The configuration every AWS SDK v3 client of the provider is built with, whatever its service:
 * region, endpoint override and profile from `settings`, the retry strategy (which never retries a full
 * meeting) and the request handler with its timeouts. Spread it into the client's constructor and add
 * the pacing with `client.middlewareStack.use(sdkClientPacing(settings))`, or let `sdkClient` do both.
 */
export function sdkClientConfig(settings: ChimeSettings) {
  return {
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
  };
}

/**
 * The middleware that paces every attempt (retries included) of a client's requests at
 * `settings.maxRequestsPerSecond` per operation, region and endpoint, adapting to throttling; one
 * pacer per process, shared by all clients (see `./pacing.ts`).
 */
export function sdkClientPacing<Input extends object, Output extends MetadataBearer>(
  settings: ChimeSettings,
): Pluggable<Input, Output> {
  return pacingPlugin<Input, Output>(settings);
}

/** An SDK v3 client built with `sdkClientConfig(settings)` and paced (`sdkClientPacing`). */
export function sdkClient<Input extends object, Output extends MetadataBearer, Client>(
  create: new (
    config: ReturnType<typeof sdkClientConfig>,
  ) => Client & {
    middlewareStack: MiddlewareStack<Input, Output>;
  },
  settings: ChimeSettings,
): Client {
  const client = new create(sdkClientConfig(settings));
  client.middlewareStack.use(sdkClientPacing<Input, Output>(settings));
  return client;
}

const clients = new Map<string, ChimeSDKMeetingsClient>();
const legacyClients = new Map<string, ChimeClient>();

/** One client per region, endpoint, profile and rate: the pacing middleware is bound to the rate. */
function cacheKey(settings: ChimeSettings): string {
  return JSON.stringify([
    settings.region,
    settings.endpoint,
    settings.profile,
    settings.maxRequestsPerSecond,
  ]);
}

/**
 * A Chime SDK Meetings client for `settings`, one per region, endpoint, profile and rate in this process.
 *
 * Credentials are left to the SDK's default chain, which resolves them lazily on the first call:
 * environment, `profile` / AWS_PROFILE, SSO, container and instance metadata.
 */
export function chimeClient(settings: ChimeSettings): ChimeSDKMeetingsClient {
  const key = cacheKey(settings);
  let client = clients.get(key);
  if (!client) {
    client = sdkClient(ChimeSDKMeetingsClient, settings);
    clients.set(key, client);
  }
  return client;
}

/**
 * A legacy Amazon Chime client (`@aws-sdk/client-chime`, API 2018-05-01) for `settings`, configured as
 * `chimeClient`, paced per attempt like it. Without an endpoint override it goes to the global endpoint in us-east-1, or to
 * AWS_ENDPOINT_URL_CHIME, which the SDK reads itself.
 */
export function legacyChimeClient(settings: ChimeSettings): ChimeClient {
  const key = cacheKey(settings);
  let client = legacyClients.get(key);
  if (!client) {
    client = new ChimeClient(sdkClientConfig(settings));
    // The pinned legacy client (3.699.0) is built against an older @smithy/types, whose middleware
    // stack type differs from the current one only in optional context fields: the middleware itself
    // (same steps, same handler protocol) runs unchanged, as the legacy pacing tests show.
    const pacing = sdkClientPacing(settings) as unknown as Parameters<typeof client.middlewareStack.use>[0];
    client.middlewareStack.use(pacing);
    legacyClients.set(key, client);
  }
  return client;
}

/** Drops cached clients (tests that change endpoints or credentials). */
export function resetClients(): void {
  for (const client of clients.values()) client.destroy();
  for (const client of legacyClients.values()) client.destroy();
  clients.clear();
  legacyClients.clear();
}

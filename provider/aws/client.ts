import type { Attendee as SdkAttendee } from "@aws-sdk/client-chime-sdk-meetings";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { MetadataBearer, MiddlewareStack, Pluggable } from "@smithy/types";
import { CoalescingCache } from "./coalescing-cache";
import { pacingPlugin } from "./pacing";
import { RequestPacer } from "./request-pacer";
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
 * `settings.maxRequestsPerSecond` per operation, region and endpoint, adapting to throttling, with
 * `pacer` (one per provider instance, shared by all its clients: see `./pacing.ts`).
 */
export function sdkClientPacing<Input extends object, Output extends MetadataBearer>(
  settings: ChimeSettings,
  pacer: RequestPacer,
): Pluggable<Input, Output> {
  return pacingPlugin<Input, Output>(settings, pacer);
}

/** An SDK v3 client built with `sdkClientConfig(settings)` and paced (`sdkClientPacing`). */
export function sdkClient<Input extends object, Output extends MetadataBearer, Client>(
  create: new (
    config: ReturnType<typeof sdkClientConfig>,
  ) => Client & {
    middlewareStack: MiddlewareStack<Input, Output>;
  },
  settings: ChimeSettings,
  pacer: RequestPacer,
): Client {
  const client = new create(sdkClientConfig(settings));
  client.middlewareStack.use(sdkClientPacing<Input, Output>(settings, pacer));
  return client;
}

/** A client the cache can close. */
interface Destroyable {
  destroy(): void;
}

/**
 * The SDK clients of one provider instance (owned by its `ChimeConfig`), one per API, region,
 * endpoint, profile and rate (the pacing middleware is bound to the rate), all paced by the instance's
 * one pacer. Credentials are left to the SDK's default chain, which resolves them lazily on the first
 * call: environment, `profile` / AWS_PROFILE, SSO, container and instance metadata.
 *
 * The cache loads no SDK (it names SDK types only): each API module (`./chime-api.ts`,
 * `./legacy-api.ts`) makes its own client, so that a process with no legacy resource never loads the
 * legacy SDK.
 */
export class ChimeClients {
  /** The pacer of this instance's clients. */
  readonly pacer = new RequestPacer();
  /**
   * The control-plane region of each Chime SDK meeting created or read by this instance, by MeetingId:
   * a NotFound about a meeting known to live elsewhere is then reported as a region mismatch.
   */
  readonly meetingRegions = new Map<string, string>();
  /**
   * Recent listings of Chime SDK meetings' attendees, shared by the reads of one engine pass (see
   * `ChimeApi.meetingAttendees`); `undefined` is a meeting that is gone. Per instance, as the clients
   * are: another provider instance (another endpoint, other credentials) lists for itself.
   */
  readonly meetingSnapshots = new CoalescingCache<SdkAttendee[] | undefined>();
  private readonly clients = new Map<string, Destroyable>();

  /** The client of `api` for `settings`, made by `create` the first time. */
  get<C extends Destroyable>(api: string, settings: ChimeSettings, create: (pacer: RequestPacer) => C): C {
    const key = JSON.stringify([
      api,
      settings.region,
      settings.endpoint,
      settings.profile,
      settings.maxRequestsPerSecond,
    ]);
    let client = this.clients.get(key) as C | undefined;
    if (!client) {
      client = create(this.pacer);
      this.clients.set(key, client);
    }
    return client;
  }

  /** Closes and drops the clients and what they listed (tests that change endpoints, credentials or timeouts). */
  reset(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.meetingSnapshots.clear();
  }
}

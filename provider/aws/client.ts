import { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { MetadataBearer, MiddlewareStack, Pluggable } from "@smithy/types";
import { pacingPlugin } from "./pacing";
import { ChimeRetryStrategy } from "./retry-strategy";
import type { ChimeSettings } from "./settings";

/** Attempts per call, the first included: throttling and 5xx get a few backed-off retries. */
const MAX_ATTEMPTS = 5;

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
    retryStrategy: new ChimeRetryStrategy(MAX_ATTEMPTS),
    // Without timeouts a black-holed endpoint would hang `pulumi up` forever.
    requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: 30_000 }),
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

/**
 * A Chime SDK Meetings client for `settings`, one per region, endpoint, profile and rate in this process.
 *
 * Credentials are left to the SDK's default chain, which resolves them lazily on the first call:
 * environment, `profile` / AWS_PROFILE, SSO, container and instance metadata.
 */
export function chimeClient(settings: ChimeSettings): ChimeSDKMeetingsClient {
  const key = JSON.stringify([
    settings.region,
    settings.endpoint,
    settings.profile,
    settings.maxRequestsPerSecond,
  ]);
  let client = clients.get(key);
  if (!client) {
    client = sdkClient(ChimeSDKMeetingsClient, settings);
    clients.set(key, client);
  }
  return client;
}

/** Drops cached clients (tests that change endpoints or credentials). */
export function resetClients(): void {
  for (const client of clients.values()) client.destroy();
  clients.clear();
}

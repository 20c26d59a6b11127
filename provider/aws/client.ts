import { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { ChimeRetryStrategy } from "./retry-strategy";
import type { ChimeSettings } from "./settings";

/** Attempts per call, the first included: throttling and 5xx get a few backed-off retries. */
const MAX_ATTEMPTS = 5;

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
      retryStrategy: new ChimeRetryStrategy(MAX_ATTEMPTS),
      // Without timeouts a black-holed endpoint would hang `pulumi up` forever.
      requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: 30_000 }),
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

import type { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { type ChimeLocal, type ChimeLocalOptions, startChimeLocal } from "../../emulator";
import {
  processInstance,
  configureProcess as recordConfig,
  resetProcess as resetConfig,
} from "../../provider/dynamic/process";

const resetClients = () => processInstance().config.clients.reset();

import { clientFor } from "../emulator/helpers";

/**
 * A local endpoint for a `describe` block, with the provider configured as the engine would configure
 * it for a stack whose config sets `chime:endpoint` and `chime:legacyEndpoint` (the endpoint's
 * `/legacy` dialect), and credentials in the environment.
 */
export function useProviderEndpoint(
  options: ChimeLocalOptions = {},
  config: Record<string, string> = {},
): { local: ChimeLocal; client: ChimeSDKMeetingsClient } {
  const ctx = {} as { local: ChimeLocal; client: ChimeSDKMeetingsClient };
  const saved = { ...process.env };
  before(async () => {
    ctx.local = await startChimeLocal(options);
    ctx.client = clientFor(ctx.local);
    process.env.AWS_ACCESS_KEY_ID = "test";
    process.env.AWS_SECRET_ACCESS_KEY = "test";
    const stack: Record<string, string> = {
      "chime:endpoint": ctx.local.url,
      "chime:legacyEndpoint": ctx.local.legacy.endpointUrl,
      "aws:region": "us-east-1",
      ...config,
    };
    recordConfig({ get: (key) => stack[key] });
    resetClients();
  });
  after(async () => {
    resetConfig();
    resetClients();
    process.env = saved;
    ctx.client?.destroy();
    await ctx.local?.close();
  });
  return ctx;
}

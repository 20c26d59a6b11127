/**
 * The one provider instance of a dynamic provider process. The engine starts one provider process per
 * deployment (preview, up, refresh, destroy) and it serves every dynamic resource of the stack: its
 * config (from `configure`), its claims and its clients (with their pacing) span the
 * deployment's resources, and no more.
 */
import { ChimeConfig, type ConfigSource } from "../aws/config";
import { type Core, createCore } from "../core";
import { ProviderClaims } from "../shared/claims";

interface ProcessInstance {
  readonly config: ChimeConfig;
  readonly claims: ProviderClaims;
  readonly core: Core;
}

function build(config: ChimeConfig, claims: ProviderClaims): ProcessInstance {
  return { config, claims, core: createCore({ config, claims }) };
}

let current: ProcessInstance | undefined;

/** This process's instance (unconfigured until `configure`: the environment's defaults apply). */
export function processInstance(): ProcessInstance {
  current ??= build(new ChimeConfig(), new ProviderClaims());
  return current;
}

/**
 * Records the stack config `configure` hands each provider kind (the same config, once per kind): a
 * config equal to the current one keeps the instance, and with it the clients and their pacing.
 */
export function configureProcess(source: ConfigSource): void {
  const config = ChimeConfig.from(source);
  const instance = processInstance();
  if (JSON.stringify(config.values) === JSON.stringify(instance.config.values)) return;
  instance.config.clients.reset();
  current = build(config, instance.claims);
}

/** Forgets the config, the claims and the clients (tests). */
export function resetProcess(): void {
  current?.config.clients.reset();
  current = undefined;
}

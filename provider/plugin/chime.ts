/**
 * The chime plugin: the server's registry (type token → the core's logic) and config (provider inputs →
 * a `ChimeConfig`). One provider instance per Configure: its own config, duplicate-declaration claims
 * and client pacing. (The engine starts one plugin process per provider resource, the default provider
 * and every explicit `pulumi:providers:chime` alike, so in practice this is one instance per process.)
 */
import { ChimeConfig, CONFIG_KEYS, type ConfigSource } from "../aws/config";
import { createCore } from "../core";
import { type CoreResource, KIND_KEYS, KINDS, kindOfToken, secretOutputsOf } from "../kinds";
import { ProviderClaims } from "../shared/claims";
import { pluginWords } from "../shared/config-words";
import type { ResourceLogic } from "../shared/resource";
import { type CheckFailure, isUnknown, show } from "../validation/rules";
import { packageFile } from "./package-files";
import type { PluginProvider, Registry } from "./server";

/** The type tokens the plugin serves, and the core's resource each one is (`../kinds.ts`). */
export const TYPES: Readonly<Record<string, CoreResource>> = Object.fromEntries(
  KIND_KEYS.map((key) => [KINDS[key].token, KINDS[key].core.plugin]),
);

/**
 * The resources whose replacement deletes the old one first, whatever the diff says: with the same
 * meeting and externalUserId (a forced replacement), CreateAttendee would return the very attendee
 * about to be deleted. (The dynamic classes default the `deleteBeforeReplace` option for the same reason.)
 */
export const DELETE_BEFORE_REPLACE: ReadonlySet<string> = new Set(
  KIND_KEYS.filter((key) => KINDS[key].deleteBeforeReplace).map((key) => KINDS[key].token),
);

/** The provider's config properties (the schema's `config.variables`) and the stack config key of each. */
export const CONFIG_PROPERTIES = {
  region: CONFIG_KEYS.region,
  endpoint: CONFIG_KEYS.endpoint,
  legacyEndpoint: CONFIG_KEYS.legacyEndpoint,
  maxRequestsPerSecond: CONFIG_KEYS.maxRequestsPerSecond,
} as const;

type ConfigProperty = keyof typeof CONFIG_PROPERTIES;

/**
 * The provider's inputs as the stack config the core reads (`chime:region` …). Stack config reaches a
 * default provider as strings, an explicit provider's arguments as typed values (a number for
 * `maxRequestsPerSecond`): both read the same. Values not known yet (an explicit provider's argument
 * from another resource's output, at preview) count as unset; the engine configures no provider with
 * them.
 */
export function configSource(config: Readonly<Record<string, unknown>>): ConfigSource {
  const byKey = new Map<string, unknown>(
    Object.entries(CONFIG_PROPERTIES).map(([property, key]) => [key, config[property]]),
  );
  return {
    get(key) {
      const value = byKey.get(key);
      if (value === undefined || value === null || isUnknown(value)) return undefined;
      return typeof value === "string" ? value : JSON.stringify(value);
    },
  };
}

/**
 * Failures of the provider's config: its types, then the core's rules (the messages `pulumi preview`
 * shows), naming the knobs of the provider `providerName` (its name in its URN: `default…` for the
 * stack's default provider, whose knobs are stack config; an explicit provider's are its arguments).
 */
export function checkConfig(
  config: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv = process.env,
  providerName?: string,
): CheckFailure[] {
  const words = pluginWords(providerName);
  const failures: CheckFailure[] = [];
  for (const property of Object.keys(CONFIG_PROPERTIES) as ConfigProperty[]) {
    const value = config[property];
    const numeric = property === "maxRequestsPerSecond";
    if (value === undefined || value === null || isUnknown(value) || typeof value === "string") continue;
    if (numeric && typeof value === "number") continue;
    failures.push({
      property: "",
      reason: `${words.setting(property)} must be ${numeric ? "a number" : "a string"}; got ${show(value)}`,
    });
  }
  if (failures.length > 0) return failures;
  return ChimeConfig.from(configSource(config), env, words).failures();
}

/** The registry of one provider instance, `providerName` (as `checkConfig` takes it), configured with `config`. */
export function registryFor(
  config: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv = process.env,
  providerName?: string,
): Registry {
  const core = createCore({
    config: ChimeConfig.from(configSource(config), env, pluginWords(providerName)),
    claims: new ProviderClaims(),
  });
  return Object.fromEntries(
    Object.entries(TYPES).map(([type, kind]) => [type, core[kind] as ResourceLogic<unknown, unknown>]),
  );
}

/** The chime plugin as the server serves it. */
export function chimePlugin(env: NodeJS.ProcessEnv = process.env): PluginProvider {
  const { version } = JSON.parse(packageFile("package.json")) as { version: string };
  return {
    version,
    schema: packageFile("schema.json"),
    checkConfig: (config, providerName) => checkConfig(config, env, providerName),
    configure: (config, providerName) => registryFor(config, env, providerName),
    // The legacy model marks tags sensitive: stored as secrets there, whatever the program said. An
    // AttendeeBatch holds its members' tags in `attendees` (the engine keeps secrecy per property).
    secretsOf: (type, properties) => {
      const kind = kindOfToken(type);
      return kind ? secretOutputsOf(kind, properties.namespace as string | undefined) : [];
    },
    deleteBeforeReplace: DELETE_BEFORE_REPLACE,
  };
}

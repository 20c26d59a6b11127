/**
 * Where and how the provider talks to Chime, resolved at call time.
 *
 * The values come from the stack config that the engine hands to `configure` and from the environment,
 * and live only in this module of the provider process. Nothing here is captured into the serialized
 * provider (see `../dynamic/shim.ts`), so no config value or credential reaches the state file.
 */

import type { EndpointInfo } from "./errors";

/** The config keys the provider reads. */
export const CONFIG_KEYS = {
  region: "chime:region",
  endpoint: "chime:endpoint",
  awsRegion: "aws:region",
  awsProfile: "aws:profile",
  maxRequestsPerSecond: "chime:maxRequestsPerSecond",
} as const;

/** The AWS default quota for each Chime SDK Meetings operation, per account and region. */
export const DEFAULT_REQUESTS_PER_SECOND = 10;

/** Stack config as `configure` receives it. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface ChimeSettings {
  readonly region: string;
  /** An endpoint override from stack config; the SDK itself honours AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS. */
  readonly endpoint?: string;
  readonly profile?: string;
  readonly maxRequestsPerSecond: number;
}

type ConfigValues = Partial<Record<keyof typeof CONFIG_KEYS, string>>;

let configured: ConfigValues = {};

/** Records the config values the provider uses (called from the provider's `configure`). */
export function recordConfig(config: ConfigSource): void {
  const values: ConfigValues = {};
  for (const [name, key] of Object.entries(CONFIG_KEYS) as [keyof typeof CONFIG_KEYS, string][]) {
    const value = config.get(key);
    if (value !== undefined && value !== "") values[name] = value;
  }
  configured = values;
}

/** Forgets recorded config (tests). */
export function resetConfig(): void {
  configured = {};
}

/** The region a new resource gets when its `region` input is absent: config first, then environment. */
export function defaultRegion(
  config: ConfigValues = configured,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return (
    config.region ??
    config.awsRegion ??
    (env.AWS_REGION || undefined) ??
    (env.AWS_DEFAULT_REGION || undefined)
  );
}

/**
 * Stack config values that no call could work with, as `check` failures: so that `pulumi preview`
 * reports them, rather than the first create. (Config is not a resource input: no property.)
 */
export function configFailures(config: ConfigValues = configured): { property: string; reason: string }[] {
  const failures: { property: string; reason: string }[] = [];
  const rate = config.maxRequestsPerSecond;
  if (rate !== undefined && !(Number.isFinite(Number(rate)) && Number(rate) > 0)) {
    failures.push({
      property: "",
      reason:
        `stack config ${CONFIG_KEYS.maxRequestsPerSecond} must be a positive number of requests per ` +
        `second (default ${DEFAULT_REQUESTS_PER_SECOND}); got ${JSON.stringify(rate)}. ` +
        `Fix it with \`pulumi config set ${CONFIG_KEYS.maxRequestsPerSecond} ${DEFAULT_REQUESTS_PER_SECOND}\`.`,
    });
  }
  const endpoint = config.endpoint;
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    failures.push({
      property: "",
      reason:
        `stack config ${CONFIG_KEYS.endpoint} must be an http:// or https:// URL such as ` +
        `http://127.0.0.1:4566; got ${JSON.stringify(endpoint)}`,
    });
  }
  return failures;
}

/**
 * The region of a resource read or deleted: its recorded `region`, else (a resource read by id with the
 * `id` option, whose inputs are the program's arguments) the default region from config or environment.
 */
export function regionOf(recorded: string | undefined, config: ConfigValues = configured): string {
  const region = recorded ?? defaultRegion(config);
  if (!region) {
    throw new Error(
      "The resource has no region: give it a region input, or set stack config chime:region or " +
        "aws:region, or the AWS_REGION environment variable.",
    );
  }
  return region;
}

/** Where calls for `settings` go, and where that came from (for messages about an unreachable endpoint). */
export function endpointOf(settings: ChimeSettings, env: NodeJS.ProcessEnv = process.env): EndpointInfo {
  if (settings.endpoint) return { url: settings.endpoint, source: "config" };
  const fromEnv = env.AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS || env.AWS_ENDPOINT_URL;
  if (fromEnv) return { url: fromEnv, source: "environment" };
  return { url: `https://meetings-chime.${settings.region}.amazonaws.com`, source: "aws" };
}

/** The settings for calls about a resource that lives in `region`. */
export function settingsFor(region: string, config: ConfigValues = configured): ChimeSettings {
  const rate = Number(config.maxRequestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND);
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new Error(
      `chime:maxRequestsPerSecond must be a positive number; got ${JSON.stringify(config.maxRequestsPerSecond)}`,
    );
  }
  return { region, endpoint: config.endpoint, profile: config.awsProfile, maxRequestsPerSecond: rate };
}

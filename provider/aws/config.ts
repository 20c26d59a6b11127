/**
 * Where and how one provider instance talks to Chime.
 *
 * A `ChimeConfig` is a value built from the stack config a front-end receives (`configure`, a plugin's
 * `Configure`) and the environment; the instance that owns it owns its clients and their pacing too
 * (`clients`). Nothing here is module-level state, and nothing is captured into the serialized dynamic
 * provider (see `../dynamic/shim.ts`), so no config value or credential reaches the state file.
 */

import { type ConfigWords, DYNAMIC_WORDS } from "../shared/config-words";
import { LEGACY_REGION } from "../shared/namespace";
import { defaultRegion } from "../shared/region";
import { ChimeClients } from "./client";
import type { ChimeSettings } from "./settings";

export type { ChimeSettings } from "./settings";
export { endpointOf } from "./settings";

/** The config keys the provider reads. */
export const CONFIG_KEYS = {
  region: "chime:region",
  endpoint: "chime:endpoint",
  legacyEndpoint: "chime:legacyEndpoint",
  awsRegion: "aws:region",
  awsProfile: "aws:profile",
  maxRequestsPerSecond: "chime:maxRequestsPerSecond",
} as const;

/** The AWS default quota for each Chime SDK Meetings operation, per account and region. */
export const DEFAULT_REQUESTS_PER_SECOND = 10;

/** Stack config as a front-end receives it. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** The config values the provider uses, by name. */
export type ConfigValues = Partial<Record<keyof typeof CONFIG_KEYS, string>>;

/** The values of `CONFIG_KEYS` in `source`; empty strings count as unset. */
export function configValues(source: ConfigSource): ConfigValues {
  const values: ConfigValues = {};
  for (const [name, key] of Object.entries(CONFIG_KEYS) as [keyof typeof CONFIG_KEYS, string][]) {
    const value = source.get(key);
    if (value !== undefined && value !== "") values[name] = value;
  }
  return values;
}

// The default region rule is pure and shared with the resource classes, which run in the program.
export { defaultRegion } from "../shared/region";

/** One provider instance's Chime configuration, with the clients (and their pacing) made for it. */
export class ChimeConfig {
  /** The clients of this instance, one per region, endpoint, profile and rate; paced per instance. */
  readonly clients = new ChimeClients();

  constructor(
    readonly values: ConfigValues = {},
    /** The environment; absent: `process.env` at the time of each use. */
    private readonly env?: NodeJS.ProcessEnv,
    /** How messages name the settings: stack config for the dynamic classes, else the plugin's provider's. */
    readonly words: ConfigWords = DYNAMIC_WORDS,
  ) {}

  /** The config read from a config source (stack config, or a provider's arguments) and the environment. */
  static from(source: ConfigSource, env?: NodeJS.ProcessEnv, words?: ConfigWords): ChimeConfig {
    return new ChimeConfig(configValues(source), env, words);
  }

  /** The region a new resource gets when its `region` input is absent: config first, then environment. */
  get defaultRegion(): string | undefined {
    return defaultRegion(this.values, this.env ?? process.env);
  }

  /**
   * Stack config values that no call could work with, as `check` failures: so that `pulumi preview`
   * reports them, rather than the first create. (Config is not a resource input: no property.)
   */
  failures(): { property: string; reason: string }[] {
    const failures: { property: string; reason: string }[] = [];
    const rate = this.values.maxRequestsPerSecond;
    if (rate !== undefined && !(Number.isFinite(Number(rate)) && Number(rate) > 0)) {
      failures.push({
        property: "",
        reason:
          `${this.words.setting("maxRequestsPerSecond")} must be a positive number of requests per ` +
          `second (default ${DEFAULT_REQUESTS_PER_SECOND}); got ${JSON.stringify(rate)}. ` +
          `To fix it, ${this.words.change("maxRequestsPerSecond", String(DEFAULT_REQUESTS_PER_SECOND))}.`,
      });
    }
    const endpoint = this.values.endpoint;
    if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
      failures.push({
        property: "",
        reason:
          `${this.words.setting("endpoint")} must be an http:// or https:// URL such as ` +
          `http://127.0.0.1:4566; got ${JSON.stringify(endpoint)}`,
      });
    }
    return failures;
  }

  /** The settings for calls about a resource that lives in `region`. */
  settingsFor(region: string): ChimeSettings {
    const config = this.values;
    const rate = Number(config.maxRequestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND);
    if (!Number.isFinite(rate) || rate <= 0) {
      throw new Error(
        `${this.words.setting("maxRequestsPerSecond")} must be a positive number; got ${JSON.stringify(config.maxRequestsPerSecond)}`,
      );
    }
    return {
      region,
      endpoint: config.endpoint,
      profile: config.awsProfile,
      maxRequestsPerSecond: rate,
      words: this.words,
    };
  }

  /**
   * The settings for calls in the legacy Amazon Chime namespace: its one region (us-east-1, where its
   * global endpoint is) and the `chime:legacyEndpoint` override; otherwise as `settingsFor`.
   */
  legacySettings(): ChimeSettings {
    return { ...this.settingsFor(LEGACY_REGION), namespace: "legacy", endpoint: this.values.legacyEndpoint };
  }
}

/** Where the calls about one resource go: a value made by the provider instance's `ChimeConfig`. */
import type { ConfigWords } from "../shared/config-words";
import { NAMESPACE_WORDS, type Namespace } from "../shared/namespace";
import type { EndpointInfo } from "./errors";

export interface ChimeSettings {
  /** Which API the calls go to; absent: Chime SDK Meetings. */
  readonly namespace?: Namespace;
  readonly region: string;
  /**
   * An endpoint override from stack config (`chime:endpoint`, or `chime:legacyEndpoint` for the legacy
   * namespace); the SDK itself honours AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS (AWS_ENDPOINT_URL_CHIME).
   */
  readonly endpoint?: string;
  readonly profile?: string;
  readonly maxRequestsPerSecond: number;
  /** How messages name the settings of the provider instance these come from; absent: stack config. */
  readonly words?: ConfigWords;
}

/** Where calls for `settings` go, and where that came from (for messages about an unreachable endpoint). */
export function endpointOf(settings: ChimeSettings, env: NodeJS.ProcessEnv = process.env): EndpointInfo {
  if (settings.endpoint) return { url: settings.endpoint, source: "config" };
  const words = NAMESPACE_WORDS[settings.namespace ?? "meetings"];
  const fromEnv = env[words.endpointVariable] || env.AWS_ENDPOINT_URL;
  if (fromEnv) return { url: fromEnv, source: "environment" };
  return { url: words.awsEndpoint(settings.region), source: "aws" };
}

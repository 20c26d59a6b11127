/**
 * The Chime APIs a resource can be declared in, and the rules that depend on which one: the pure checks
 * and the namespace modules (`../namespaces/`) read them here; nothing else asks which namespace it is in.
 */

/** The Chime API a resource is declared in: Chime SDK Meetings (the default), or the legacy Amazon Chime one. */
export type Namespace = "meetings" | "legacy";

/** The values of `namespace`. */
export const NAMESPACES: readonly string[] = ["meetings", "legacy"];

/** The one region of the legacy Amazon Chime namespace: its single global endpoint lives there. */
export const LEGACY_REGION = "us-east-1";

/**
 * The namespace of stored inputs or state: "legacy" is stored; Chime SDK Meetings is not (states written
 * before namespaces existed stay the same).
 */
export function namespaceOf(value: object | undefined): Namespace {
  return (value as { readonly namespace?: unknown } | undefined)?.namespace === "legacy"
    ? "legacy"
    : "meetings";
}

/**
 * Whether tags are secret in the namespace: the legacy model marks a tag's Key and Value sensitive (the
 * SDK redacts them from its own logs); the Chime SDK Meetings model does not.
 */
export function tagsAreSecret(namespace: string | undefined): boolean {
  return namespace === "legacy";
}

/** How messages name a namespace's API and where its endpoint is configured. */
export interface NamespaceWords {
  /** Appended to an operation's name, e.g. " (legacy Amazon Chime namespace)"; empty for the default. */
  readonly suffix: string;
  /** The API's name, e.g. "Chime SDK Meetings". */
  readonly api: string;
  /** The provider setting of the endpoint override (stack config `chime:<setting>` for a default provider). */
  readonly endpointSetting: "endpoint" | "legacyEndpoint";
  /** The environment variable of the endpoint override (the SDK reads it, else AWS_ENDPOINT_URL). */
  readonly endpointVariable: string;
  /** AWS's endpoint for a control-plane region. */
  readonly awsEndpoint: (region: string) => string;
  /** Added to the advice for a meeting not found, or empty. */
  readonly meetingNotFound: string;
}

/** The words of each namespace, for messages. */
export const NAMESPACE_WORDS: Readonly<Record<Namespace, NamespaceWords>> = {
  meetings: {
    suffix: "",
    api: "Chime SDK Meetings",
    endpointSetting: "endpoint",
    endpointVariable: "AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS",
    awsEndpoint: (region) => `https://meetings-chime.${region}.amazonaws.com`,
    meetingNotFound: "",
  },
  legacy: {
    suffix: " (legacy Amazon Chime namespace)",
    api: "legacy Amazon Chime",
    endpointSetting: "legacyEndpoint",
    endpointVariable: "AWS_ENDPOINT_URL_CHIME",
    // One global endpoint, whatever the region.
    awsEndpoint: () => `https://chime.${LEGACY_REGION}.amazonaws.com`,
    meetingNotFound:
      ' A Chime SDK Meetings meeting is unknown here: a legacy attendee needs a meeting with namespace "legacy".',
  },
};

/**
 * What a resource's lifecycle is given by the composition root (`../core.ts`): its I/O, chosen per
 * namespace (`../namespaces/`), and the provider instance's defaults. Lifecycles import neither the AWS
 * modules nor the namespace modules: everything that talks to Chime comes through here.
 */
import type { ProviderClaims } from "./claims";
import { type ConfigWords, DYNAMIC_WORDS } from "./config-words";
import { type Namespace, namespaceOf } from "./namespace";

/** Where a resource lives: its API and its control-plane region. */
export interface IoTarget {
  readonly namespace: Namespace;
  readonly region: string;
}

/** Where the I/O for a resource's recorded inputs or state goes: its namespace and its region. */
export function targetOf(recorded: { readonly namespace?: string; readonly region: string }): IoTarget {
  return { namespace: namespaceOf(recorded), region: recorded.region };
}

/**
 * The I/O of one resource kind for one target. `secretInputs`: the inputs the program marked secret,
 * whose values every message of the calls masks (a `pulumi.secret` meetingId, say).
 */
export type IoFactory<X> = (target: IoTarget, secretInputs: readonly string[]) => X;

/** A lifecycle's surroundings in one provider instance. */
export interface LifecycleContext<X> {
  readonly io: IoFactory<X>;
  /** The region a resource gets when its `region` input is absent (config, then environment). */
  readonly defaultRegion: () => string | undefined;
  /** How messages name this instance's settings (`./config-words.ts`). */
  readonly words: ConfigWords;
  /** The attendees and meetings the resources of this instance manage (`./claims.ts`). */
  readonly claims: ProviderClaims;
  /** True when a failed call says the thing asked about (or its meeting) does not exist. */
  readonly isNotFound: (error: unknown) => boolean;
}

/**
 * The region of a resource read or deleted: its recorded `region`, else (a dynamic resource read with
 * the `id` option, whose inputs are the program's arguments) the default region.
 */
export function regionOf(
  recorded: string | undefined,
  defaultRegion: string | undefined,
  words: Pick<ConfigWords, "regionSources"> = DYNAMIC_WORDS,
): string {
  const region = recorded ?? defaultRegion;
  if (!region)
    throw new Error(`The resource has no region: give it a region input, or ${words.regionSources}.`);
  return region;
}

/**
 * What `attempt` returns, or `undefined` when it fails with a NotFound: the resource, or its meeting, is
 * gone (a read drops it; a delete has nothing left to do).
 */
export async function unlessGone<T>(
  context: Pick<LifecycleContext<unknown>, "isNotFound">,
  attempt: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await attempt();
  } catch (error) {
    if (context.isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * The region to read a resource in: its recorded one, else (a dynamic resource read with the `id`
 * option, whose inputs are the program's arguments) the default. Without a recorded meetingId there is
 * nothing to read (a read by id alone, an import, is each lifecycle's own).
 */
export function regionToRead(
  context: Pick<LifecycleContext<unknown>, "defaultRegion" | "words">,
  kind: string,
  state: { readonly meetingId?: string; readonly region?: string } | undefined,
): string {
  if (!state?.meetingId) throw new Error(`${kind} without a recorded meetingId cannot be read.`);
  return regionOf(state.region, context.defaultRegion(), context.words);
}

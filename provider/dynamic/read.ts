import type * as pulumi from "@pulumi/pulumi";
import type { InitFailure } from "../shared/resource";

/** What `read` returns for a resource that no longer exists: the engine drops it from state. */
export const GONE: pulumi.dynamic.ReadResult = { id: "", props: {} };

/**
 * The error for a read without state: `pulumi import` and the `get` method call `read` with an id
 * alone, and these resources cannot be found by id (pulumi/pulumi#16175).
 */
export function readWithoutState(resource: string, instead: string): Error {
  return new Error(
    `${resource} cannot be read by id alone: \`pulumi import\` and \`get\` do not work for dynamic resources. ${instead}`,
  );
}

/**
 * The error a `create` throws when the resource exists but failed to initialise (the core's
 * `InitFailure`): the engine records it (`id`, `properties`) rather than orphan it. For such an error the
 * engine prints the `reasons`, not the message (`resource … was successfully created, but failed to
 * initialize: <reasons>`), so the reason carries the whole message: what failed, for which items, why,
 * and what to do. The error itself stays the cause (a `ChimeRequestError`, say), as the host logs it.
 */
export function initFailure(failure: InitFailure, properties: object): Error {
  const e = failure.cause instanceof Error ? failure.cause : new Error(String(failure.cause));
  return Object.assign(e, { id: failure.id, properties, reasons: [...failure.reasons] });
}

/**
 * The inputs a refresh records for a dynamic resource: none (`undefined`), so that the engine keeps the
 * inputs it holds, the shape the program declared. A dynamic `read` is not given those inputs
 * (`@pulumi/pulumi`'s dynamic-provider server passes the state alone), so any it returned would be
 * derived from the state: an attendee's capabilities left to Chime, a meeting without its declared
 * tags, a legacy attendee's `tags: {}`. Those differ from what the next `check` returns, and the
 * engine then rewrites every such resource's state in the next `up`, a no-op one included (measured,
 * issue 21: 2.9× the trivial dynamic mechanism, 250 attendees). Nothing is lost: a dynamic `diff`
 * compares the refreshed outputs with the program's inputs, so drift still shows and is corrected.
 *
 * The one exception is state an older version wrote, which the read drops keys from (v0.1.0's
 * meeting `clientRequestToken`, sensitive in Chime's model, and its `tags`): the recorded inputs hold
 * the same keys, so they are rewritten from the state read back (`read`, the core's inputs for it).
 * `stored` is the state as the engine handed it (hidden inputs and `__provider` are not compared).
 */
export function refreshedInputs<I>(
  stored: object,
  read: { readonly state: object; readonly inputs: I },
): I | undefined {
  const kept = new Set(Object.keys(read.state));
  const dropped = Object.keys(stored).filter((key) => !key.startsWith("__") && !kept.has(key));
  return dropped.length > 0 ? read.inputs : undefined;
}

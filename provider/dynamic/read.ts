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

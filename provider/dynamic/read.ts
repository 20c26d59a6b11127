import type * as pulumi from "@pulumi/pulumi";

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

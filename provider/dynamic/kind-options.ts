import * as pulumi from "@pulumi/pulumi";
import { type Kind, secretOutputsOf } from "../kinds";

/**
 * The options a resource class gives its resource, from its kind's row (`../kinds.ts`): the outputs
 * stored as secrets in its namespace, added to the caller's; and, for the kinds that hold attendees,
 * replacements that delete first unless the caller chose otherwise: a forced replacement (`--replace`,
 * `replaceOnChanges`) keeps meeting and externalUserId, and CreateAttendee would then hand back the
 * attendee that create-before-delete is about to delete.
 */
export function withKindOptions(
  kind: Kind,
  namespace: string | undefined,
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.CustomResourceOptions {
  const secretOutputs = secretOutputsOf(kind, namespace);
  const withSecrets =
    secretOutputs.length > 0
      ? pulumi.mergeOptions(opts, { additionalSecretOutputs: [...secretOutputs] })
      : opts;
  return kind.deleteBeforeReplace
    ? pulumi.mergeOptions({ deleteBeforeReplace: opts?.deleteBeforeReplace ?? true }, withSecrets)
    : (withSecrets ?? {});
}

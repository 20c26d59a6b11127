import * as pulumi from "@pulumi/pulumi";

/**
 * The options of the resources that hold attendees (`Attendee`, `AttendeeBatch`): marks
 * `secretOutputs` secret, and makes replacements delete first unless the caller chose otherwise: a
 * forced replacement (`--replace`, `replaceOnChanges`) keeps meeting and externalUserId, and
 * CreateAttendee would then hand back the attendee that create-before-delete is about to delete.
 */
export function withAttendeeDefaults(
  opts: pulumi.CustomResourceOptions | undefined,
  secretOutputs: string[] = ["attendeeId", "joinToken"],
): pulumi.CustomResourceOptions {
  return pulumi.mergeOptions(
    { deleteBeforeReplace: opts?.deleteBeforeReplace ?? true },
    pulumi.mergeOptions(opts, { additionalSecretOutputs: secretOutputs }),
  );
}

import * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../kinds";
import { tagsFor } from "./declaration";
import { withKindOptions } from "./kind-options";
import type * as schema from "./schema-args";
import { providerShim } from "./shim";

/** The inputs of a {@link MeetingTags} (`./schema-args.ts`, generated from schema.json). Every change is made in place. */
export type MeetingTagsArgs = schema.MeetingTagsArgs;

/**
 * The tags of an Amazon Chime SDK meeting (TagResource / UntagResource / ListTagsForResource).
 *
 * A {@link Meeting} with `tags` creates one as its child (`<name>-tags`); declare one yourself only for
 * a meeting made elsewhere. Changing the tags updates this resource in place and leaves the meeting, and
 * the attendees that use its outputs, unchanged. Deleting it removes its tags from the meeting.
 */
export class MeetingTags extends pulumi.dynamic.Resource {
  /** The meeting's MeetingId. */
  declare readonly meetingId: pulumi.Output<string>;
  /** The meeting's ARN (undefined in the legacy namespace). */
  declare readonly meetingArn: pulumi.Output<string>;
  /** The tags the meeting carries, as last set or, after a refresh, listed. */
  declare readonly tags: pulumi.Output<Record<string, string>>;
  /** The meeting's control-plane region. */
  declare readonly region: pulumi.Output<string>;

  constructor(name: string, args: MeetingTagsArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      namespace: args.namespace,
      meetingId: args.meetingId,
      meetingArn: args.meetingArn,
      tags: tagsFor(args.namespace, args.tags),
      region: args.region,
    };
    // Legacy tags are secret outputs too: a refresh can bring back tags the program never declared.
    super(
      providerShim("meetingTags"),
      name,
      props,
      withKindOptions(KINDS.meetingTags, args.namespace, opts),
      "chime",
      KINDS.meetingTags.name,
    );
  }
}

import * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../kinds";
import { tagsFor } from "./declaration";
import { withKindOptions } from "./kind-options";
import { providerShim } from "./shim";

/** The inputs of a {@link MeetingTags}. Every change is made in place. */
export interface MeetingTagsArgs {
  /** The meeting's MeetingId: `meeting.meetingId` of a {@link Meeting}. */
  readonly meetingId: pulumi.Input<string>;
  /**
   * The meeting's ARN: `meeting.meetingArn`. A new ARN (the meeting was replaced) tags the new meeting.
   * Not used in the legacy namespace, whose meetings have no ARN.
   * @default none (required unless `namespace` is "legacy")
   */
  readonly meetingArn?: pulumi.Input<string | undefined>;
  /**
   * The meeting's namespace: "legacy" for a meeting of the legacy Amazon Chime namespace, tagged by
   * MeetingId (TagMeeting / UntagMeeting / ListMeetingTags). A plain value.
   * @default "meetings"
   */
  readonly namespace?: "meetings" | "legacy";
  /**
   * The tags the meeting is to carry, up to 50 (keys 1–128 characters of `a-zA-Z+-=._:/`, not `aws:`;
   * values up to 256): the whole set, so tags the meeting carries but this does not declare are removed.
   * @default none
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * The meeting's control-plane region: `meeting.region`.
   * @default stack config `chime:region`, else `aws:region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`
   */
  readonly region?: pulumi.Input<string>;
}

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

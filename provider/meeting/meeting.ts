import * as pulumi from "@pulumi/pulumi";
import { providerShim } from "../dynamic/shim";
import { MeetingTags } from "../meeting-tags/meeting-tags";
import type { MeetingFeatures } from "./meeting-features";
import type { MediaPlacement, NotificationsConfiguration } from "./meeting-state";

/**
 * The inputs of a {@link Meeting}. Every input but `tags` replaces the meeting when it changes; `tags`
 * change in place, through the meeting's {@link MeetingTags} child.
 */
export interface MeetingArgs {
  /** Your identifier for the meeting: 2–64 characters as for an attendee's externalUserId, not starting with `aws:`. */
  readonly externalMeetingId: pulumi.Input<string>;
  /** Where the meeting's media is hosted, e.g. "us-east-1" (one of Chime's documented media regions). */
  readonly mediaRegion: pulumi.Input<string>;
  /** Your identifier for the meeting's host, 2–64 characters. @default none */
  readonly meetingHostId?: pulumi.Input<string>;
  /** Echo reduction, video and content resolution, attendee count. @default Chime's defaults */
  readonly meetingFeatures?: pulumi.Input<MeetingFeatures>;
  /** Where Chime sends the meeting's events (SNS, SQS, Lambda). @default none */
  readonly notificationsConfiguration?: pulumi.Input<{
    readonly [K in keyof NotificationsConfiguration]: pulumi.Input<NotificationsConfiguration[K]>;
  }>;
  /** Makes this a replica of another meeting (its MeetingId). @default none */
  readonly primaryMeetingId?: pulumi.Input<string>;
  /** 1–5 tenant ids, 2–256 characters each. @default none */
  readonly tenantIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Up to 50 tags (keys 1–128 characters of `a-zA-Z+-=._:/`, not `aws:`; values up to 256). CreateMeeting
   * sets them, and a {@link MeetingTags} child (`<name>-tags`) manages them afterwards: a change of
   * tags updates that child in place and leaves the meeting and its attendees unchanged. Tags the
   * meeting carries but this does not declare are removed. @default none (no MeetingTags child)
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * The Chime SDK Meetings control-plane region. Changing it replaces the meeting; a change of stack
   * config or environment does not move an existing meeting.
   * @default stack config `chime:region`, else `aws:region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`
   */
  readonly region?: pulumi.Input<string>;
}

/**
 * An Amazon Chime SDK meeting (CreateMeeting).
 *
 * Chime ends a meeting by itself 24 hours after creation, or after 5 minutes without a connected
 * attendee. `pulumi refresh` then finds it gone, and `pulumi up --refresh` creates a new one (with a new
 * meetingId, so the attendees declared in it are replaced too).
 *
 * A Meeting never changes in place: every change of its inputs but `tags` replaces it. Its tags are
 * managed by a {@link MeetingTags} child, created when `tags` is given, so that a tags-only change is an
 * update of that child alone. Were the meeting updated in place, `pulumi preview` would show its
 * `meetingId` as unknown (the engine previews an update of a dynamic resource by taking its new inputs
 * as its outputs) and every attendee of the meeting as replaced, which `up` would then not do.
 */
export class Meeting extends pulumi.dynamic.Resource {
  /** The Chime MeetingId (a GUID). */
  declare readonly meetingId: pulumi.Output<string>;
  /** arn:aws:chime:<region>:<account>:meeting/<meetingId>. */
  declare readonly meetingArn: pulumi.Output<string>;
  /** The URLs a client needs to join the meeting's media. */
  declare readonly mediaPlacement: pulumi.Output<MediaPlacement>;
  declare readonly mediaRegion: pulumi.Output<string>;
  declare readonly externalMeetingId: pulumi.Output<string>;
  declare readonly meetingHostId: pulumi.Output<string | undefined>;
  declare readonly meetingFeatures: pulumi.Output<MeetingFeatures | undefined>;
  declare readonly notificationsConfiguration: pulumi.Output<NotificationsConfiguration | undefined>;
  declare readonly primaryMeetingId: pulumi.Output<string | undefined>;
  declare readonly tenantIds: pulumi.Output<string[] | undefined>;
  /**
   * The meeting's tags: the {@link MeetingTags} child's `tags` (as last set, or listed by a refresh);
   * `undefined` when the meeting declares no tags.
   */
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /** The child resource that manages the meeting's tags; absent when `tags` is not given. */
  declare readonly meetingTags: MeetingTags | undefined;
  /** The control-plane region the meeting was created in. */
  declare readonly region: pulumi.Output<string>;

  constructor(name: string, args: MeetingArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      externalMeetingId: args.externalMeetingId,
      mediaRegion: args.mediaRegion,
      meetingHostId: args.meetingHostId,
      meetingFeatures: args.meetingFeatures,
      notificationsConfiguration: args.notificationsConfiguration,
      primaryMeetingId: args.primaryMeetingId,
      tenantIds: args.tenantIds,
      tags: args.tags,
      region: args.region,
      meetingId: undefined,
      meetingArn: undefined,
      mediaPlacement: undefined,
    };
    super(providerShim("meeting"), name, props, opts, "chime", "Meeting");
    // `tags` above is an input only (CreateMeeting tags the meeting on creation: never an untagged
    // meeting, and IAM `aws:RequestTag` conditions apply). The meeting's own outputs do not carry them:
    // a tags-only change is `same` for the meeting, and a same step keeps its old outputs. The public
    // `tags` is therefore the child's output, which replaces the output slot `super` made.
    const meetingTags =
      args.tags === undefined
        ? undefined
        : new MeetingTags(
            `${name}-tags`,
            { meetingId: this.meetingId, meetingArn: this.meetingArn, tags: args.tags, region: this.region },
            // Not `deletedWith: this`: the engine then replaces the child whenever the meeting is
            // replaced, where an update (tagging the new meeting) is what happens.
            { parent: this },
          );
    this.meetingTags = meetingTags;
    this.tags = meetingTags ? meetingTags.tags : pulumi.output(undefined);
  }
}

import * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../kinds";
import type { MeetingFeatures } from "../meeting/meeting-features";
import type { MediaPlacement, NotificationsConfiguration } from "../meeting/meeting-state";
import { declarationInputs, tagsFor } from "./declaration";
import { withKindOptions } from "./kind-options";
import { MeetingTags } from "./meeting-tags";
import { warnOnUnknownRegions } from "./region-warnings";
import type * as schema from "./schema-args";
import { providerShim } from "./shim";

/** {@link MeetingFeatures} as a {@link Meeting} takes them (`./schema-args.ts`, generated from schema.json). */
export type MeetingFeaturesArgs = schema.MeetingFeaturesArgs;

/**
 * The inputs of a {@link Meeting} (`./schema-args.ts`, generated from schema.json). Every input but
 * `tags` replaces the meeting when it changes; `tags` change in place, through the meeting's
 * {@link MeetingTags} child.
 */
export type MeetingArgs = schema.MeetingArgs;

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
  /** arn:aws:chime:<region>:<account>:meeting/<meetingId> (undefined in the legacy namespace, which has none). */
  declare readonly meetingArn: pulumi.Output<string>;
  /** The URLs a client needs to join the meeting's media. */
  declare readonly mediaPlacement: pulumi.Output<MediaPlacement>;
  /** Where the meeting's media is hosted, as declared. */
  declare readonly mediaRegion: pulumi.Output<string>;
  /** Your identifier for the meeting, as declared. */
  declare readonly externalMeetingId: pulumi.Output<string>;
  /** Your identifier for the meeting's host, as declared (undefined when not declared). */
  declare readonly meetingHostId: pulumi.Output<string | undefined>;
  /** The meeting's features, as declared (undefined when not declared: Chime's defaults). */
  declare readonly meetingFeatures: pulumi.Output<MeetingFeatures | undefined>;
  /** Where Chime sends the meeting's events, as declared (undefined when not declared). */
  declare readonly notificationsConfiguration: pulumi.Output<NotificationsConfiguration | undefined>;
  /** The meeting this one replicates, as declared (undefined when not declared). */
  declare readonly primaryMeetingId: pulumi.Output<string | undefined>;
  /** The tenant ids, as declared (undefined when not declared). */
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
  /** "legacy" for a meeting of the legacy Amazon Chime namespace; undefined for Chime SDK Meetings. */
  declare readonly namespace: pulumi.Output<"legacy" | undefined>;

  constructor(name: string, args: MeetingArgs, opts?: pulumi.CustomResourceOptions) {
    const tags = tagsFor(args.namespace, args.tags);
    const props = {
      namespace: args.namespace,
      externalMeetingId: args.externalMeetingId,
      mediaRegion: args.mediaRegion,
      meetingHostId: args.meetingHostId,
      meetingFeatures: args.meetingFeatures,
      notificationsConfiguration: args.notificationsConfiguration,
      primaryMeetingId: args.primaryMeetingId,
      tenantIds: args.tenantIds,
      tags,
      region: args.region,
      meetingId: undefined,
      meetingArn: undefined,
      mediaPlacement: undefined,
      // Hidden inputs that `check` removes: the name (for duplicate detection) and which are secret.
      ...declarationInputs(name, { ...args, tags }),
    };
    super(
      providerShim("meeting"),
      name,
      props,
      withKindOptions(KINDS.meeting, args.namespace, opts),
      "chime",
      KINDS.meeting.name,
    );
    warnOnUnknownRegions(this, { region: args.region, mediaRegion: args.mediaRegion });
    // `tags` above is an input only (CreateMeeting tags the meeting on creation: never an untagged
    // meeting, and IAM `aws:RequestTag` conditions apply). The meeting's own outputs do not carry them:
    // a tags-only change is `same` for the meeting, and a same step keeps its old outputs. The public
    // `tags` is therefore the child's output, which replaces the output slot `super` made.
    const meetingTags =
      args.tags === undefined
        ? undefined
        : new MeetingTags(
            `${name}-tags`,
            {
              namespace: args.namespace,
              meetingId: this.meetingId,
              meetingArn: this.meetingArn,
              tags: args.tags,
              region: this.region,
            },
            // Not `deletedWith: this`: the engine then replaces the child whenever the meeting is
            // replaced, where an update (tagging the new meeting) is what happens.
            { parent: this },
          );
    this.meetingTags = meetingTags;
    this.tags = meetingTags ? meetingTags.tags : pulumi.output(undefined);
  }
}

// Generated from schema.json by `npm run gen:args` (scripts/gen/args.ts): do not edit; edit schema.json
// and run it again. test/plugin/generated-from-schema.test.ts fails while this file differs.
import type * as pulumi from "@pulumi/pulumi";

/** The inputs of a Meeting as schema.json declares them, in every namespace. */
export interface MeetingArgs {
  /**
   * The Chime API the meeting lives in: "meetings" (Chime SDK Meetings) or "legacy" (the legacy Amazon Chime
   * namespace, API 2018-05-01, closed to new AWS accounts; region us-east-1 only, no meetingFeatures,
   * primaryMeetingId, tenantIds or Lambda notifications, no meetingArn). A plain value; changing it replaces
   * the meeting. Attendees of a legacy meeting take `namespace: "legacy"` too.
   * @default "meetings"
   */
  readonly namespace?: Namespace;
  /**
   * Your identifier for the meeting: 2–64 characters as for an attendee's externalUserId, not starting with
   * `aws:`.
   */
  readonly externalMeetingId: pulumi.Input<string>;
  /**
   * Where the meeting's media is hosted, e.g. "us-east-1": an AWS region name; one that is not among Chime's
   * media regions known to this version is a preview warning, not an error.
   */
  readonly mediaRegion: pulumi.Input<string>;
  /**
   * Your identifier for the meeting's host: 2–64 characters as for `externalMeetingId`.
   * @default none
   */
  readonly meetingHostId?: pulumi.Input<string>;
  /**
   * Echo reduction, video and content resolution, attendee count.
   * @default Chime's defaults
   */
  readonly meetingFeatures?: pulumi.Input<MeetingFeaturesArgs>;
  /**
   * Where Chime sends the meeting's events: an SNS topic, SQS queue or Lambda function ARN, each an ARN of
   * that service (no Lambda function in the legacy namespace).
   * @default none
   */
  readonly notificationsConfiguration?: pulumi.Input<NotificationsConfigurationArgs>;
  /**
   * Makes this a replica of another meeting: its MeetingId, a meeting GUID.
   * @default none
   */
  readonly primaryMeetingId?: pulumi.Input<string>;
  /**
   * 1–5 tenant ids of 2–256 letters, digits and `-_!@#$`, no character four times in a row.
   * @default none
   */
  readonly tenantIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Up to 50 tags: keys 1–128 characters of `a-zA-Z+-=._:/`, not starting with `aws:`; values up to 256 ASCII
   * letters, digits, spaces and `_+-=.:/@` (legacy namespace: any characters). Set by CreateMeeting (a
   * meeting is never untagged, and IAM `aws:RequestTag` conditions apply). A change of them updates the
   * meeting's tags in place (UntagResource / TagResource) and leaves the meeting, and the attendees that use
   * its outputs, unchanged, in `pulumi preview` as in `pulumi up`. The declared tags are the whole set: tags
   * the meeting carries but this does not declare are removed by the next `pulumi up --refresh` (no `tags`:
   * none). In the legacy namespace they are stored as secrets.
   * @default none
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * The Chime SDK Meetings control-plane region. Changing it replaces the meeting; a change of config or
   * environment does not move an existing meeting. In the legacy namespace it can only be us-east-1 (its one
   * global endpoint). A region that is not a Chime SDK Meetings control-plane region known to this version is
   * a preview warning, not an error (AWS adds regions).
   * @default config `chime:region` (the dynamic classes: stack config `chime:region`, else `aws:region`),
   * else `AWS_REGION` / `AWS_DEFAULT_REGION`; "us-east-1" in the legacy namespace
   */
  readonly region?: pulumi.Input<string>;
}

/** The inputs of a MeetingTags as schema.json declares them, in every namespace. */
export interface MeetingTagsArgs {
  /**
   * The meeting's MeetingId: `meeting.meetingId` of a Meeting. Changed in place.
   */
  readonly meetingId: pulumi.Input<string>;
  /**
   * The meeting's ARN, `meeting.meetingArn`: what the tag calls address, needed in the default namespace
   * (`pulumi preview` fails without it). A new ARN (the meeting was replaced) tags the new meeting, in place.
   * Not used in the legacy namespace, whose meetings have no ARN.
   * @default none (required unless `namespace` is "legacy")
   */
  readonly meetingArn?: pulumi.Input<string>;
  /**
   * The meeting's namespace: "legacy" for a meeting of the legacy Amazon Chime namespace, tagged by MeetingId
   * (TagMeeting / UntagMeeting / ListMeetingTags). A plain value.
   * @default "meetings"
   */
  readonly namespace?: Namespace;
  /**
   * The tags the meeting is to carry, as `Meeting.tags`: up to 50 (keys 1–128 characters of `a-zA-Z+-=._:/`,
   * not `aws:`; values up to 256): the whole set, so tags the meeting carries but this does not declare are
   * removed. A change is made in place: UntagResource of dropped keys, TagResource of new and changed ones.
   * In the legacy namespace they are stored as secrets.
   * @default none
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * The meeting's control-plane region: `meeting.region` (a Meeting passes its own).
   * @default config `chime:region` (the dynamic classes: stack config `chime:region`, else `aws:region`),
   * else `AWS_REGION` / `AWS_DEFAULT_REGION`
   */
  readonly region?: pulumi.Input<string>;
}

/** The inputs of an Attendee as schema.json declares them, in every namespace. */
export interface AttendeeArgs {
  /**
   * The meeting to add the attendee to: a Chime SDK meeting GUID, usually `meeting.meetingId` of a Meeting in
   * the same stack (of the same namespace). Changing it replaces the attendee.
   */
  readonly meetingId: pulumi.Input<string>;
  /**
   * Your identifier for the attendee, unique within the meeting: 2–64 characters of letters, digits, À–ÿ,
   * ASCII spaces and tabs, and `-_&@+=,(){}[]/«».:|'"#`, not starting with `aws:` (legacy namespace: any 2–64
   * characters, as its model has it). Chime treats it as an idempotency token: declaring an attendee whose
   * externalUserId already exists in the meeting adopts that attendee. Changing it replaces the attendee.
   */
  readonly externalUserId: pulumi.Input<string>;
  /**
   * The Chime API the attendee lives in: "meetings" (Chime SDK Meetings) or "legacy" (the legacy Amazon Chime
   * namespace, whose meetings come from a Meeting with `namespace: "legacy"`). A plain value; changing it
   * replaces the attendee.
   * @default "meetings"
   */
  readonly namespace?: Namespace;
  /**
   * What the attendee may send and receive (Chime SDK Meetings only). When given, all of audio, video and
   * content are required; content `SendReceive` or `Receive` needs video `SendReceive` or `Receive`. Changed
   * in place (UpdateAttendeeCapabilities); drift from the declared capabilities is corrected by the next
   * `pulumi up --refresh`. When absent, Chime's default for the meeting applies and the provider leaves the
   * capabilities alone.
   * @default Chime's default: all `SendReceive`, less in a meeting whose video or content resolution is
   * `None`
   */
  readonly capabilities?: pulumi.Input<AttendeeCapabilitiesArgs>;
  /**
   * Up to 50 tags (legacy namespace only): keys 1–128 characters, not starting with `aws:`; values up to 256
   * characters. Changed in place (TagAttendee / UntagAttendee, at most 10 a call); tags the attendee has but
   * that are not declared are removed, and drift is read back (ListAttendeeTags) and corrected by the next
   * `pulumi up --refresh`. Secret: the legacy model marks tags sensitive.
   * @default none
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * The Chime SDK Meetings control-plane region of the meeting. Changing it replaces the attendee; a change
   * of config or environment does not move existing attendees. The legacy namespace has one global endpoint,
   * in us-east-1: any other region is an error there. A region that is not a Chime SDK Meetings control-plane
   * region known to this version is a preview warning, not an error (AWS adds regions).
   * @default config `chime:region` (the dynamic classes: stack config `chime:region`, else `aws:region`),
   * else `AWS_REGION` / `AWS_DEFAULT_REGION`; "us-east-1" in the legacy namespace
   */
  readonly region?: pulumi.Input<string>;
}

/** The inputs of an AttendeeBatch as schema.json declares them, in every namespace. */
export interface AttendeeBatchArgs {
  /**
   * The meeting of every attendee of the batch (a GUID). Changing it replaces the batch.
   */
  readonly meetingId: pulumi.Input<string>;
  /**
   * The Chime API the attendees live in: "meetings" (Chime SDK Meetings) or "legacy" (the legacy Amazon Chime
   * namespace, whose meetings come from a Meeting with `namespace: "legacy"`; members have `tags` there, and
   * `attendees` is secret). A plain value; changing it replaces the batch.
   * @default "meetings"
   */
  readonly namespace?: Namespace;
  /**
   * 1 to 250 attendees (a whole meeting), their externalUserIds unique and valid as for `Attendee`,
   * capabilities as for `Attendee` (legacy namespace: `tags` as for a legacy `Attendee`). Adding, removing or
   * changing one updates the batch in place: new ones created (one BatchCreateAttendee per 100), dropped ones
   * deleted, capabilities set (legacy: tags set and removed with TagAttendee / UntagAttendee, at most 10 a
   * call).
   */
  readonly attendees: pulumi.Input<pulumi.Input<BatchMemberArgs>[]>;
  /**
   * The control-plane region, as for `Attendee`; us-east-1 only in the legacy namespace. Changing it replaces
   * the batch.
   * @default config `chime:region` (the dynamic classes: stack config `chime:region`, else `aws:region`),
   * else `AWS_REGION` / `AWS_DEFAULT_REGION`; "us-east-1" in the legacy namespace
   */
  readonly region?: pulumi.Input<string>;
}

/**
 * The Chime API a resource lives in.
 */
export type Namespace = "meetings" | "legacy";

/**
 * An attendee's audio, video and content-share capabilities: all three when given; content `SendReceive` or
 * `Receive` needs video `SendReceive` or `Receive`.
 */
export interface AttendeeCapabilitiesArgs {
  /**
   * Microphone and speaker.
   */
  readonly audio: pulumi.Input<Capability>;
  /**
   * Camera and remote video.
   */
  readonly video: pulumi.Input<Capability>;
  /**
   * Content share (screen sharing).
   */
  readonly content: pulumi.Input<Capability>;
}

/**
 * What an attendee may do with one media type.
 */
export type Capability = "SendReceive" | "Send" | "Receive" | "None";

/**
 * Features of a meeting (CreateMeeting's MeetingFeatures).
 */
export interface MeetingFeaturesArgs {
  /**
   * Audio features.
   * @default Chime's: echo reduction unavailable
   */
  readonly audio?: pulumi.Input<AudioFeaturesArgs>;
  /**
   * Video features.
   * @default Chime's: HD
   */
  readonly video?: pulumi.Input<VideoFeaturesArgs>;
  /**
   * Content-share features.
   * @default Chime's: FHD
   */
  readonly content?: pulumi.Input<ContentFeaturesArgs>;
  /**
   * Attendee features.
   * @default Chime's: 250 attendees
   */
  readonly attendee?: pulumi.Input<AttendeeFeaturesArgs>;
}

/**
 * A meeting's audio features.
 */
export interface AudioFeaturesArgs {
  /**
   * Amazon Voice Focus echo reduction, `AVAILABLE` or `UNAVAILABLE`.
   * @default "UNAVAILABLE"
   */
  readonly echoReduction?: pulumi.Input<string>;
}

/**
 * A meeting's video features.
 */
export interface VideoFeaturesArgs {
  /**
   * The highest camera resolution attendees may send: `None` (no video), `HD` or `FHD`.
   * @default "HD"
   */
  readonly maxResolution?: pulumi.Input<string>;
}

/**
 * A meeting's content-share features.
 */
export interface ContentFeaturesArgs {
  /**
   * The highest content-share resolution: `None` (no content share), `FHD` or `UHD`.
   * @default "FHD"
   */
  readonly maxResolution?: pulumi.Input<string>;
}

/**
 * A meeting's attendee features.
 */
export interface AttendeeFeaturesArgs {
  /**
   * The most attendees the meeting may hold, 1–250; required, and at most 25, with FHD video or UHD content.
   * @default 250
   */
  readonly maxCount?: pulumi.Input<number>;
}

/**
 * Where Chime sends a meeting's events.
 */
export interface NotificationsConfigurationArgs {
  /**
   * A Lambda function ARN (not in the legacy namespace).
   */
  readonly lambdaFunctionArn?: pulumi.Input<string>;
  /**
   * An SNS topic ARN.
   */
  readonly snsTopicArn?: pulumi.Input<string>;
  /**
   * An SQS queue ARN.
   */
  readonly sqsQueueArn?: pulumi.Input<string>;
}

/**
 * One attendee of an AttendeeBatch: capabilities in Chime SDK Meetings, tags in the legacy namespace.
 */
export interface BatchMemberArgs {
  /**
   * Your identifier for the attendee: as `Attendee.externalUserId`, and unique within the batch.
   */
  readonly externalUserId: pulumi.Input<string>;
  /**
   * As `Attendee.capabilities`: all three when given; changed in place.
   * @default Chime's default for the meeting, not managed
   */
  readonly capabilities?: pulumi.Input<AttendeeCapabilitiesArgs>;
  /**
   * As a legacy `Attendee`'s `tags` (legacy namespace only): up to 50, keys 1–128 characters not starting
   * with `aws:`, values up to 256; secret (the legacy model marks them sensitive). Changed in place
   * (TagAttendee / UntagAttendee); tags the attendee has but that are not declared are removed.
   * @default none
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

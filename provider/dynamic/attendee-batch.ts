import * as pulumi from "@pulumi/pulumi";
import type { JoinInfo, LegacyJoinInfo } from "../attendee-batch/batch-state";
import { KINDS } from "../kinds";
import type { Capability } from "../shared/capabilities";
import { tagsAreSecret } from "../shared/namespace";
import { declarationInputs } from "./declaration";
import { withKindOptions } from "./kind-options";
import { warnOnUnknownRegions } from "./region-warnings";
import { providerShim } from "./shim";

/** One attendee of an {@link AttendeeBatch} in Chime SDK Meetings (the default namespace). */
export interface BatchMemberArgs {
  /** Your identifier for the attendee: as `Attendee.externalUserId`, and unique within the batch. Required. */
  readonly externalUserId: pulumi.Input<string>;
  /**
   * As `Attendee.capabilities`: all three when given; changed in place.
   * @default Chime's default for the meeting, not managed
   */
  readonly capabilities?: pulumi.Input<{
    readonly audio: pulumi.Input<Capability>;
    readonly video: pulumi.Input<Capability>;
    readonly content: pulumi.Input<Capability>;
  }>;
  /**
   * Not available here: only attendees of the legacy namespace (`namespace: "legacy"`) have tags.
   * @default none
   */
  readonly tags?: never;
}

/** One attendee of an {@link AttendeeBatch} in the legacy Amazon Chime namespace. */
export interface LegacyBatchMemberArgs {
  /** Your identifier for the attendee: as `Attendee.externalUserId`, and unique within the batch. Required. */
  readonly externalUserId: pulumi.Input<string>;
  /**
   * As a legacy `Attendee`'s `tags`: up to 50, keys 1–128 characters not starting with `aws:`, values
   * up to 256; secret (the legacy model marks them sensitive). Changed in place (TagAttendee /
   * UntagAttendee); tags the attendee has but that are not declared are removed.
   * @default none
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Not available here: legacy attendees have no capabilities.
   * @default none
   */
  readonly capabilities?: never;
}

/** The inputs every {@link AttendeeBatch} has, whichever its namespace. */
interface AttendeeBatchArgsBase {
  /** The meeting of every attendee of the batch (a GUID). Changing it replaces the batch. Required. */
  readonly meetingId: pulumi.Input<string>;
}

/** The inputs of an {@link AttendeeBatch} in Chime SDK Meetings (the default namespace). */
export interface MeetingsAttendeeBatchArgs extends AttendeeBatchArgsBase {
  /**
   * The Chime API the attendees live in: Chime SDK Meetings. A plain value; changing it replaces the batch.
   * @default "meetings"
   */
  readonly namespace?: "meetings";
  /** 1 to 250 attendees (a whole meeting). Adding, removing or changing one updates the batch in place. Required. */
  readonly attendees: pulumi.Input<pulumi.Input<BatchMemberArgs>[]>;
  /**
   * The control-plane region, as for `Attendee`. Changing it replaces the batch.
   * @default stack config `chime:region`, else `aws:region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`
   */
  readonly region?: pulumi.Input<string>;
}

/**
 * The inputs of an {@link AttendeeBatch} in the legacy Amazon Chime namespace (API 2018-05-01, closed to
 * new AWS accounts), whose attendees have tags.
 */
export interface LegacyAttendeeBatchArgs extends AttendeeBatchArgsBase {
  /**
   * The Chime API the attendees live in: the legacy Amazon Chime namespace, whose meetings come from a
   * {@link Meeting} with `namespace: "legacy"`. A plain value; changing it replaces the batch.
   */
  readonly namespace: "legacy";
  /**
   * 1 to 250 attendees (a whole meeting), each with its tags. Secret as a whole (it holds the tags).
   * Adding, removing or retagging one updates the batch in place. Required.
   */
  readonly attendees: pulumi.Input<pulumi.Input<LegacyBatchMemberArgs>[]>;
  /**
   * The legacy namespace has one global endpoint, in us-east-1: any other region is an error.
   * @default "us-east-1"
   */
  readonly region?: pulumi.Input<string>;
}

/**
 * The inputs of an {@link AttendeeBatch}: members with `capabilities` in Chime SDK Meetings (the
 * default), with `tags` with `namespace: "legacy"`.
 */
export type AttendeeBatchArgs = MeetingsAttendeeBatchArgs | LegacyAttendeeBatchArgs;

/**
 * Up to 250 Chime SDK attendees of one meeting (a whole meeting), created with one BatchCreateAttendee
 * request per 100: the fast way to declare a fleet of bots at AWS's 10-requests-per-second quota. `joinInfo` maps each
 * externalUserId to its `{ attendeeId, joinToken, capabilities }` (legacy namespace: `{ attendeeId,
 * joinToken, tags }`) and is secret; in the legacy namespace `attendees` is secret too (it holds the tags).
 */
export class AttendeeBatch extends pulumi.dynamic.Resource {
  /** The meeting of every attendee of the batch. */
  declare readonly meetingId: pulumi.Output<string>;
  /** The attendees as declared (capabilities, or in the legacy namespace tags, as declared). */
  declare readonly attendees: pulumi.Output<
    { externalUserId: string; capabilities?: JoinInfo["capabilities"]; tags?: Record<string, string> }[]
  >;
  /** "legacy" for the legacy Amazon Chime namespace; undefined for Chime SDK Meetings. */
  declare readonly namespace: pulumi.Output<"legacy" | undefined>;
  /** The control-plane region the batch was created in; reads, updates and deletes go there. */
  declare readonly region: pulumi.Output<string>;
  /** externalUserId → { attendeeId, joinToken, capabilities } (legacy: { attendeeId, joinToken, tags }) (secret). */
  declare readonly joinInfo: pulumi.Output<Record<string, JoinInfo | LegacyJoinInfo>>;

  constructor(name: string, args: AttendeeBatchArgs, opts?: pulumi.CustomResourceOptions) {
    // Legacy tags are secret (the legacy model marks a tag's Key and Value sensitive), and the engine
    // keeps secrecy per top-level input: the whole list is secret, ciphertext in state, [secret] in diffs.
    const secretTags = tagsAreSecret(args.namespace);
    const attendees = secretTags ? pulumi.secret(args.attendees) : args.attendees;
    const props = {
      namespace: args.namespace,
      meetingId: args.meetingId,
      attendees,
      region: args.region,
      joinInfo: undefined,
      // Hidden inputs that `check` removes: the name (for duplicate detection) and which are secret.
      ...declarationInputs(name, { ...args, attendees }),
    };
    super(
      providerShim("attendeeBatch"),
      name,
      props,
      // Outputs are secret too: `attendees` holds the tags, `joinInfo` the tokens and tags as set.
      withKindOptions(KINDS.attendeeBatch, args.namespace, opts),
      "chime",
      KINDS.attendeeBatch.name,
    );
    warnOnUnknownRegions(this, { region: args.region });
  }
}

import * as pulumi from "@pulumi/pulumi";
import type { JoinInfo, LegacyJoinInfo } from "../attendee-batch/batch-state";
import { KINDS } from "../kinds";
import { tagsAreSecret } from "../shared/namespace";
import { declarationInputs } from "./declaration";
import { withKindOptions } from "./kind-options";
import { warnOnUnknownRegions } from "./region-warnings";
import type * as schema from "./schema-args";
import { providerShim } from "./shim";

/**
 * One attendee of an {@link AttendeeBatch} in Chime SDK Meetings (the default namespace): the schema's
 * `BatchMember` (`./schema-args.ts`, generated from schema.json) but the legacy namespace's `tags`.
 */
export interface BatchMemberArgs extends Omit<schema.BatchMemberArgs, "tags"> {
  /** Not available here: only attendees of the legacy namespace (`namespace: "legacy"`) have tags. */
  readonly tags?: never;
}

/** One attendee of an {@link AttendeeBatch} in the legacy Amazon Chime namespace: no `capabilities`. */
export interface LegacyBatchMemberArgs extends Omit<schema.BatchMemberArgs, "capabilities"> {
  /** Not available here: legacy attendees have no capabilities. */
  readonly capabilities?: never;
}

/** The inputs of an {@link AttendeeBatch} in Chime SDK Meetings (the default namespace). */
export interface MeetingsAttendeeBatchArgs extends Omit<schema.AttendeeBatchArgs, "namespace" | "attendees"> {
  /**
   * Chime SDK Meetings (see {@link schema.AttendeeBatchArgs.namespace}).
   * @default "meetings"
   */
  readonly namespace?: "meetings";
  /** As {@link schema.AttendeeBatchArgs.attendees}, each with `capabilities` and no `tags`. */
  readonly attendees: pulumi.Input<pulumi.Input<BatchMemberArgs>[]>;
}

/**
 * The inputs of an {@link AttendeeBatch} in the legacy Amazon Chime namespace (API 2018-05-01, closed to
 * new AWS accounts), whose attendees have tags.
 */
export interface LegacyAttendeeBatchArgs extends Omit<schema.AttendeeBatchArgs, "namespace" | "attendees"> {
  /** The legacy Amazon Chime namespace (see {@link schema.AttendeeBatchArgs.namespace}). */
  readonly namespace: "legacy";
  /**
   * As {@link schema.AttendeeBatchArgs.attendees}, each with `tags` and no `capabilities`; secret as a
   * whole (it holds the tags).
   */
  readonly attendees: pulumi.Input<pulumi.Input<LegacyBatchMemberArgs>[]>;
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

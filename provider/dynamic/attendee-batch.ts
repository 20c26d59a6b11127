import * as pulumi from "@pulumi/pulumi";
import type { JoinInfo } from "../attendee-batch/batch-state";
import type { Capability } from "../shared/capabilities";
import { withAttendeeDefaults } from "./attendee-options";
import { declarationInputs } from "./declaration";
import { warnOnUnknownRegions } from "./region-warnings";
import { providerShim } from "./shim";

/** One attendee of an {@link AttendeeBatch}. */
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
}

/** The inputs of an {@link AttendeeBatch}. */
export interface AttendeeBatchArgs {
  /** The meeting of every attendee of the batch (a GUID). Changing it replaces the batch. Required. */
  readonly meetingId: pulumi.Input<string>;
  /** 1 to 250 attendees (a whole meeting). Adding, removing or changing one updates the batch in place. Required. */
  readonly attendees: pulumi.Input<pulumi.Input<BatchMemberArgs>[]>;
  /**
   * The control-plane region, as for `Attendee`. Changing it replaces the batch.
   * @default stack config `chime:region`, else `aws:region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`
   */
  readonly region?: pulumi.Input<string>;
}

/**
 * Up to 250 Chime SDK attendees of one meeting (a whole meeting), created with one BatchCreateAttendee
 * request per 100: the fast way to declare a fleet of bots at AWS's 10-requests-per-second quota. `joinInfo` maps each
 * externalUserId to its `{ attendeeId, joinToken, capabilities }` and is secret.
 */
export class AttendeeBatch extends pulumi.dynamic.Resource {
  /** The meeting of every attendee of the batch. */
  declare readonly meetingId: pulumi.Output<string>;
  /** The attendees as declared (capabilities as declared). */
  declare readonly attendees: pulumi.Output<
    { externalUserId: string; capabilities?: JoinInfo["capabilities"] }[]
  >;
  /** The control-plane region the batch was created in; reads, updates and deletes go there. */
  declare readonly region: pulumi.Output<string>;
  /** externalUserId → { attendeeId, joinToken, capabilities } (secret). */
  declare readonly joinInfo: pulumi.Output<Record<string, JoinInfo>>;

  constructor(name: string, args: AttendeeBatchArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      meetingId: args.meetingId,
      attendees: args.attendees,
      region: args.region,
      joinInfo: undefined,
      // Hidden inputs that `check` removes: the name (for duplicate detection) and which are secret.
      ...declarationInputs(name, args),
    };
    super(
      providerShim("attendeeBatch"),
      name,
      props,
      withAttendeeDefaults(opts, ["joinInfo"]),
      "chime",
      "AttendeeBatch",
    );
    warnOnUnknownRegions(this, { region: args.region });
  }
}

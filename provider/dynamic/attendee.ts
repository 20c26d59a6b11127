import * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../kinds";
import type { AttendeeCapabilities } from "../shared/capabilities";
import { declarationInputs, tagsFor } from "./declaration";
import { withKindOptions } from "./kind-options";
import { warnOnUnknownRegions } from "./region-warnings";
import type * as schema from "./schema-args";
import { providerShim } from "./shim";

/**
 * The inputs of an {@link Attendee} in Chime SDK Meetings (the default namespace): the schema's
 * (`./schema-args.ts`, generated from schema.json) but the legacy namespace's `tags`.
 */
export interface MeetingsAttendeeArgs extends Omit<schema.AttendeeArgs, "namespace" | "tags"> {
  /**
   * Chime SDK Meetings (see {@link schema.AttendeeArgs.namespace}).
   * @default "meetings"
   */
  readonly namespace?: "meetings";
  /** Not available here: only attendees of the legacy namespace (`namespace: "legacy"`) have tags. */
  readonly tags?: never;
}

/**
 * The inputs of an {@link Attendee} in the legacy Amazon Chime namespace (API 2018-05-01, closed to
 * new AWS accounts): the schema's but `capabilities`, which legacy attendees do not have.
 */
export interface LegacyAttendeeArgs extends Omit<schema.AttendeeArgs, "namespace" | "capabilities"> {
  /** The legacy Amazon Chime namespace (see {@link schema.AttendeeArgs.namespace}). */
  readonly namespace: "legacy";
  /** Not available here: legacy attendees have no capabilities. */
  readonly capabilities?: never;
}

/**
 * The inputs of an {@link Attendee}: `capabilities` in Chime SDK Meetings (the default), `tags` with
 * `namespace: "legacy"`.
 */
export type AttendeeArgs = MeetingsAttendeeArgs | LegacyAttendeeArgs;

/**
 * An Amazon Chime SDK meeting attendee (CreateAttendee), such as a fixed kiosk or a bot.
 *
 * `attendeeId` and `joinToken` are secrets: encrypted in state and masked in the CLI. The resource id is
 * an opaque UUID, since an id cannot be secret. Replacement deletes the old attendee before creating
 * the new one (see `deleteBeforeReplace` below).
 */
export class Attendee extends pulumi.dynamic.Resource {
  /** The meeting the attendee belongs to. */
  declare readonly meetingId: pulumi.Output<string>;
  /** Your identifier for the attendee. */
  declare readonly externalUserId: pulumi.Output<string>;
  /** The attendee's capabilities as Chime reports them (undefined in the legacy namespace, which has none). */
  declare readonly capabilities: pulumi.Output<AttendeeCapabilities>;
  /** The attendee's tags as Chime has them (legacy namespace only). */
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /** "legacy" for the legacy Amazon Chime namespace; undefined for Chime SDK Meetings. */
  declare readonly namespace: pulumi.Output<"legacy" | undefined>;
  /** The control-plane region the attendee was created in; reads, updates and deletes go there. */
  declare readonly region: pulumi.Output<string>;
  /** The Chime AttendeeId (secret). */
  declare readonly attendeeId: pulumi.Output<string>;
  /** The token a client joins the meeting with (secret). */
  declare readonly joinToken: pulumi.Output<string>;

  constructor(name: string, args: AttendeeArgs, opts?: pulumi.CustomResourceOptions) {
    const tags = tagsFor(args.namespace, args.tags);
    const props = {
      namespace: args.namespace,
      meetingId: args.meetingId,
      externalUserId: args.externalUserId,
      capabilities: args.capabilities,
      tags,
      region: args.region,
      // Output-only properties must be present, as undefined, to exist on the resource object.
      attendeeId: undefined,
      joinToken: undefined,
      // Hidden inputs that `check` removes: the name (for duplicate detection) and which are secret.
      ...declarationInputs(name, { ...args, tags }),
    };
    super(
      providerShim("attendee"),
      name,
      props,
      withKindOptions(KINDS.attendee, args.namespace, opts),
      "chime",
      KINDS.attendee.name,
    );
    warnOnUnknownRegions(this, { region: args.region });
  }
}

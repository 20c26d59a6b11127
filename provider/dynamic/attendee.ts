import * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../kinds";
import type { AttendeeCapabilities, Capability } from "../shared/capabilities";
import { declarationInputs, tagsFor } from "./declaration";
import { withKindOptions } from "./kind-options";
import { warnOnUnknownRegions } from "./region-warnings";
import { providerShim } from "./shim";

/** The inputs every {@link Attendee} has, whichever its namespace. */
interface AttendeeArgsBase {
  /**
   * The meeting to add the attendee to: a Chime SDK meeting GUID, usually `meeting.meetingId` of a
   * {@link Meeting} in the same stack (of the same namespace). Changing it replaces the attendee.
   */
  readonly meetingId: pulumi.Input<string>;
  /**
   * Your identifier for the attendee, unique within the meeting: 2–64 characters of letters, digits,
   * spaces and `-_&@+=,(){}[]/«».:|'"#`, not starting with `aws:`. Chime treats it as an idempotency
   * token: declaring an attendee whose externalUserId already exists in the meeting adopts that attendee.
   * Changing it replaces the attendee.
   */
  readonly externalUserId: pulumi.Input<string>;
}

/** The inputs of an {@link Attendee} in Chime SDK Meetings (the default namespace). */
export interface MeetingsAttendeeArgs extends AttendeeArgsBase {
  /**
   * The Chime API the attendee lives in: Chime SDK Meetings. A plain value; changing it replaces the
   * attendee.
   * @default "meetings"
   */
  readonly namespace?: "meetings";
  /**
   * What the attendee may send and receive. When given, all of audio, video and content are required;
   * content `SendReceive` or `Receive` needs video `SendReceive` or `Receive`. Changed in place. When
   * absent, Chime's default for the meeting applies and the provider leaves the capabilities alone.
   * @default Chime's default: all `SendReceive`, less in a meeting whose video or content resolution is `None`
   */
  readonly capabilities?: pulumi.Input<{
    readonly [K in keyof AttendeeCapabilities]: pulumi.Input<Capability>;
  }>;
  /**
   * Not available here: only attendees of the legacy namespace (`namespace: "legacy"`) have tags.
   * @default none
   */
  readonly tags?: never;
  /**
   * The Chime SDK Meetings control-plane region of the meeting. Changing it replaces the attendee; a
   * change of stack config or environment does not move existing attendees.
   * @default stack config `chime:region`, else `aws:region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`
   */
  readonly region?: pulumi.Input<string>;
}

/**
 * The inputs of an {@link Attendee} in the legacy Amazon Chime namespace (API 2018-05-01, closed to
 * new AWS accounts): the API this project was specified from, where attendees have tags.
 */
export interface LegacyAttendeeArgs extends AttendeeArgsBase {
  /**
   * The Chime API the attendee lives in: the legacy Amazon Chime namespace, whose meetings come from a
   * {@link Meeting} with `namespace: "legacy"`. A plain value; changing it replaces the attendee.
   * @default "meetings"
   */
  readonly namespace: "legacy";
  /**
   * Up to 50 tags: keys 1–128 characters, not starting with `aws:`; values up to 256 characters.
   * Changed in place (TagAttendee / UntagAttendee); tags the attendee has but that are not declared are
   * removed, so drift is corrected by the next `pulumi up --refresh`.
   * @default none
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Not available here: legacy attendees have no capabilities.
   * @default none
   */
  readonly capabilities?: never;
  /**
   * The legacy namespace has one global endpoint, in us-east-1: any other region is an error.
   * @default "us-east-1"
   */
  readonly region?: pulumi.Input<string>;
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

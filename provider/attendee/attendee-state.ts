import type { Attendee as LegacyAttendee } from "@aws-sdk/client-chime";
import type { Attendee as SdkAttendee } from "@aws-sdk/client-chime-sdk-meetings";
import { type AttendeeCapabilities, capabilitiesFromSdk } from "../shared/capabilities";
import { UNKNOWN } from "../validation/rules";

/** The inputs of an Attendee in Chime SDK Meetings as `check` normalises and the engine stores them. */
export interface AttendeeInputs {
  /** Absent in the Chime SDK Meetings namespace, so that states written before namespaces existed match. */
  readonly namespace?: undefined;
  readonly meetingId: string;
  readonly externalUserId: string;
  /** Absent: Chime's default for the meeting applies, and the provider leaves the capabilities alone. */
  readonly capabilities?: AttendeeCapabilities;
  /** The control-plane region, resolved once in `check` and carried over afterwards. */
  readonly region: string;
}

/** The outputs of an Attendee. `attendeeId` and `joinToken` are marked secret by the resource class. */
export interface AttendeeOutputs extends AttendeeInputs {
  /** The capabilities the attendee has, as Chime reports them. */
  readonly capabilities: AttendeeCapabilities;
  readonly attendeeId: string;
  readonly joinToken: string;
}

/**
 * What state holds after a create that failed once the attendee already existed: the identifying inputs
 * only. The secrets are left out because the engine does not mark an init failure's properties secret;
 * the attendee is found again by its externalUserId (CreateAttendee and ListAttendees both can).
 */
export type AttendeeState = AttendeeInputs &
  Partial<Pick<AttendeeOutputs, "attendeeId" | "joinToken">> & {
    readonly capabilities: AttendeeCapabilities;
  };

/**
 * The outputs for an attendee as Chime returned it. `previous` supplies the JoinToken when the call
 * (UpdateAttendeeCapabilities) does not return one: the token does not change with capabilities.
 */
export function toOutputs(
  inputs: AttendeeInputs,
  attendee: SdkAttendee,
  previous?: AttendeeState,
): AttendeeOutputs {
  const attendeeId = attendee.AttendeeId ?? previous?.attendeeId;
  const joinToken = attendee.JoinToken ?? previous?.joinToken;
  if (!attendeeId || !joinToken) {
    throw new Error("Chime returned an attendee without AttendeeId or JoinToken");
  }
  return {
    meetingId: inputs.meetingId,
    externalUserId: attendee.ExternalUserId ?? inputs.externalUserId,
    capabilities: capabilitiesFromSdk(attendee),
    region: inputs.region,
    attendeeId,
    joinToken,
  };
}

/**
 * The inputs part of an attendee's state, without its secrets: what a refresh hands back as inputs, and
 * what a create that failed half-way records.
 */
export function inputsOf(state: AttendeeState): Omit<AttendeeState, "attendeeId" | "joinToken"> {
  return {
    meetingId: state.meetingId,
    externalUserId: state.externalUserId,
    capabilities: state.capabilities,
    region: state.region,
  };
}

/**
 * The inputs of an Attendee in the legacy Amazon Chime namespace: tags instead of capabilities, and the
 * namespace's one region.
 */
export interface LegacyAttendeeInputs {
  readonly namespace: "legacy";
  readonly meetingId: string;
  readonly externalUserId: string;
  /** Absent: no tags (tags Chime has that are not declared are removed). */
  readonly tags?: Readonly<Record<string, string>>;
  /** Always us-east-1, where the legacy namespace's global endpoint is. */
  readonly region: string;
}

/** The outputs of a legacy Attendee: `tags` as Chime has them. */
export interface LegacyAttendeeOutputs extends LegacyAttendeeInputs {
  readonly tags: Readonly<Record<string, string>>;
  readonly attendeeId: string;
  readonly joinToken: string;
}

/** A legacy Attendee's state; without secrets after a create that failed half-way (see AttendeeState). */
export type LegacyAttendeeState = LegacyAttendeeInputs &
  Partial<Pick<LegacyAttendeeOutputs, "attendeeId" | "joinToken">>;

/** The inputs of an Attendee of either namespace. */
export type AnyAttendeeInputs = AttendeeInputs | LegacyAttendeeInputs;
/** The state of an Attendee of either namespace. */
export type AnyAttendeeState = AttendeeState | LegacyAttendeeState;

/** The outputs for a legacy attendee as Chime returned it, with `tags` as Chime has them. */
export function toLegacyOutputs(
  inputs: LegacyAttendeeInputs,
  attendee: LegacyAttendee,
  tags: Readonly<Record<string, string>>,
  previous?: LegacyAttendeeState,
): LegacyAttendeeOutputs {
  const attendeeId = attendee.AttendeeId ?? previous?.attendeeId;
  const joinToken = attendee.JoinToken ?? previous?.joinToken;
  if (!attendeeId || !joinToken) {
    throw new Error("Chime returned an attendee without AttendeeId or JoinToken");
  }
  return {
    namespace: "legacy",
    meetingId: inputs.meetingId,
    externalUserId: attendee.ExternalUserId ?? inputs.externalUserId,
    tags,
    region: inputs.region,
    attendeeId,
    joinToken,
  };
}

/** The inputs part of a legacy attendee's state, without its secrets. */
export function legacyInputsOf(state: LegacyAttendeeState): LegacyAttendeeInputs {
  return {
    namespace: "legacy",
    meetingId: state.meetingId,
    externalUserId: state.externalUserId,
    ...(state.tags === undefined ? {} : { tags: state.tags }),
    region: state.region,
  };
}

/** The outputs of an Attendee of either namespace. */
export type AnyAttendeeOutputs = AttendeeOutputs | LegacyAttendeeOutputs;

/** Whether the state holds the attendee's secrets: a create that failed half-way recorded none. */
export function isComplete(state: AnyAttendeeState): state is AnyAttendeeOutputs {
  return Boolean(state.attendeeId && state.joinToken);
}

/**
 * What a create that failed half-way records, without secrets (see AttendeeState): in Chime SDK
 * Meetings the attendee as created, whose capabilities the next update compares; in the legacy
 * namespace the declared inputs, whose tags the next update sets after listing the attendee's.
 */
export function halfCreatedState(inputs: AnyAttendeeInputs, created: AnyAttendeeOutputs): AnyAttendeeState {
  return inputs.namespace === "legacy" ? legacyInputsOf(inputs) : inputsOf(created as AttendeeOutputs);
}

/** What a create that failed half-way left undone, for its message. */
export function unconverged(inputs: AnyAttendeeInputs): string {
  return `the attendee exists but its ${inputs.namespace === "legacy" ? "tags" : "capabilities"} could not be set`;
}

/** The inputs that would declare an attendee as read back (its outputs without secrets). */
export function inputsOfAny(outputs: AnyAttendeeOutputs): AnyAttendeeInputs | AttendeeState {
  return outputs.namespace === "legacy" ? legacyInputsOf(outputs) : inputsOf(outputs);
}

/**
 * The outputs a create (`olds` absent) or an update of an attendee with `news` will give, predicted for a
 * preview. A new attendee's AttendeeId and JoinToken are Chime's (unknown), and so are its capabilities
 * when none are declared (Chime's default, or those of an attendee adopted by its externalUserId). An
 * update keeps the attendee, its AttendeeId and JoinToken, and sets the declared capabilities (legacy:
 * tags, none when not declared); an update that completes a half-created attendee finds its secrets again.
 */
export function predictedAttendeeOutputs(
  olds: AnyAttendeeState | undefined,
  news: AnyAttendeeInputs,
): AnyAttendeeState {
  const secrets =
    olds && isComplete(olds)
      ? { attendeeId: olds.attendeeId, joinToken: olds.joinToken }
      : {
          attendeeId: UNKNOWN,
          joinToken: UNKNOWN,
        };
  if (news.namespace === "legacy") return { ...news, tags: news.tags ?? {}, ...secrets };
  const capabilities =
    news.capabilities ??
    (olds && olds.namespace === undefined ? olds.capabilities : (UNKNOWN as unknown as AttendeeCapabilities));
  return { ...news, capabilities, ...secrets };
}

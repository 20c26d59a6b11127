import type { Meeting as LegacyMeeting } from "@aws-sdk/client-chime";
import type { Meeting as SdkMeeting } from "@aws-sdk/client-chime-sdk-meetings";
import { KINDS } from "../kinds";
import { UNKNOWN } from "../validation/rules";
import type { MeetingFeatures } from "./meeting-features";

/** Where a meeting's notifications go. */
export interface NotificationsConfiguration {
  /** A Lambda function ARN. @default none */
  readonly lambdaFunctionArn?: string;
  /** An SNS topic ARN. @default none */
  readonly snsTopicArn?: string;
  /** An SQS queue ARN. @default none */
  readonly sqsQueueArn?: string;
}

/** The URLs a client uses to reach the meeting's media. */
export interface MediaPlacement {
  /** The audio host URL. */
  readonly audioHostUrl?: string;
  /** The audio fallback URL. */
  readonly audioFallbackUrl?: string;
  /** The signaling URL. */
  readonly signalingUrl?: string;
  /** The TURN control URL. */
  readonly turnControlUrl?: string;
  /** The screen data URL (Chime no longer uses it). */
  readonly screenDataUrl?: string;
  /** The screen viewing URL (Chime no longer uses it). */
  readonly screenViewingUrl?: string;
  /** The screen sharing URL (Chime no longer uses it). */
  readonly screenSharingUrl?: string;
  /** The event ingestion URL. */
  readonly eventIngestionUrl?: string;
}

/** A Meeting's inputs as `check` normalises and the engine stores them. */
export interface MeetingInputs {
  /**
   * "legacy" for a meeting of the legacy Amazon Chime namespace; absent for Chime SDK Meetings, so that
   * states written before namespaces existed match.
   */
  readonly namespace?: "legacy";
  readonly externalMeetingId: string;
  readonly mediaRegion: string;
  readonly meetingHostId?: string;
  readonly meetingFeatures?: MeetingFeatures;
  readonly notificationsConfiguration?: NotificationsConfiguration;
  readonly primaryMeetingId?: string;
  readonly tenantIds?: string[];
  /**
   * The tags CreateMeeting sets (so that a meeting is never untagged, and IAM `aws:RequestTag`
   * conditions see them). Managed afterwards by the meeting's `MeetingTags` child: a change of them
   * alone is no change of the meeting, and the meeting's outputs do not carry them. (The plugin's
   * Meeting, which previews, updates them itself and carries them: `../tagged-meeting.ts`.)
   */
  readonly tags?: Record<string, string>;
  /** The control-plane region, resolved once in `check` and carried over afterwards. */
  readonly region: string;
}

export interface MeetingOutputs extends Omit<MeetingInputs, "tags"> {
  readonly meetingId: string;
  readonly meetingArn: string;
  readonly mediaPlacement: MediaPlacement;
}

/** A legacy meeting's outputs: no `meetingArn` (the legacy API has none; its tags go by MeetingId). */
export type LegacyMeetingOutputs = Omit<MeetingOutputs, "meetingArn">;

/**
 * What state holds for a meeting, as the engine hands it back: outputs once created. State written by
 * v0.1.0 also holds `tags` in the outputs and a `clientRequestToken` (CreateMeeting's idempotency
 * token, no longer stored: the SDK generates one per call and reuses it across its retries).
 */
export type MeetingState = MeetingInputs & Partial<MeetingOutputs> & { readonly clientRequestToken?: string };

/**
 * Every input of a meeting but its tags: a change of any of them replaces the meeting. A Meeting never
 * changes in place (Chime can change nothing of a meeting but its tags, and those live in `MeetingTags`).
 */
export const MEETING_REPLACE_ON = KINDS.meeting.replaceOn satisfies readonly (keyof MeetingInputs)[];

/** Compiles only while MEETING_REPLACE_ON lists every input but `tags`: a new input must replace too. */
const everyInputReplaces: Exclude<
  keyof MeetingInputs,
  "tags" | (typeof MEETING_REPLACE_ON)[number]
> extends never
  ? true
  : never = true;
void everyInputReplaces;

export function mediaPlacementFromSdk(meeting: SdkMeeting): MediaPlacement {
  const m = meeting.MediaPlacement ?? {};
  return {
    audioHostUrl: m.AudioHostUrl,
    audioFallbackUrl: m.AudioFallbackUrl,
    signalingUrl: m.SignalingUrl,
    turnControlUrl: m.TurnControlUrl,
    screenDataUrl: m.ScreenDataUrl,
    screenViewingUrl: m.ScreenViewingUrl,
    screenSharingUrl: m.ScreenSharingUrl,
    eventIngestionUrl: m.EventIngestionUrl,
  };
}

/**
 * The outputs for a meeting as Chime returned it: the inputs but `tags` (a same step keeps a
 * meeting's old outputs, so tags there would go stale: the current tags are the `MeetingTags` child's).
 */
export function meetingOutputs(inputs: MeetingInputs, meeting: SdkMeeting): MeetingOutputs {
  if (!meeting.MeetingId || !meeting.MeetingArn)
    throw new Error("Chime returned a meeting without MeetingId or MeetingArn");
  return withoutUndefined({
    ...meetingInputsOf(inputs),
    meetingId: meeting.MeetingId,
    meetingArn: meeting.MeetingArn,
    mediaPlacement: withoutUndefined(mediaPlacementFromSdk(meeting)),
  });
}

/**
 * The outputs a CreateMeeting with `inputs` will give (`meetingOutputs`, `legacyMeetingOutputs`),
 * predicted for a preview: what Chime assigns (`meetingId`, `meetingArn` but in the legacy namespace,
 * `mediaPlacement`) is unknown, the rest is as declared.
 */
export function predictedMeetingOutputs(inputs: MeetingInputs): MeetingState {
  return {
    ...(meetingInputsOf(inputs) as MeetingInputs),
    meetingId: UNKNOWN,
    ...(inputs.namespace === "legacy" ? {} : { meetingArn: UNKNOWN }),
    mediaPlacement: UNKNOWN as MediaPlacement,
  };
}

/**
 * The outputs for a meeting of the legacy namespace as Chime returned it: as `meetingOutputs`, without
 * a `meetingArn` (the legacy API has none).
 */
export function legacyMeetingOutputs(inputs: MeetingInputs, meeting: LegacyMeeting): LegacyMeetingOutputs {
  if (!meeting.MeetingId) throw new Error("Chime returned a meeting without MeetingId");
  return withoutUndefined({
    ...meetingInputsOf(inputs),
    meetingId: meeting.MeetingId,
    mediaPlacement: withoutUndefined(mediaPlacementFromSdk(meeting as SdkMeeting)),
  });
}

/**
 * The inputs that declare a meeting as Chime reports it (`pulumi import`): what GetMeeting returns of
 * them. It does not return `notificationsConfiguration`, nor tags (which a Meeting does not manage
 * after creation), so an imported meeting has neither. `stored` is the namespace as inputs store it.
 */
export function importedMeetingInputs(
  meeting: SdkMeeting | LegacyMeeting,
  region: string,
  stored: { readonly namespace?: "legacy" },
): MeetingInputs {
  const m = meeting as SdkMeeting;
  const f = m.MeetingFeatures;
  const features = f
    ? withoutUndefined({
        audio: f.Audio ? withoutUndefined({ echoReduction: f.Audio.EchoReduction }) : undefined,
        video: f.Video ? withoutUndefined({ maxResolution: f.Video.MaxResolution }) : undefined,
        content: f.Content ? withoutUndefined({ maxResolution: f.Content.MaxResolution }) : undefined,
        attendee: f.Attendee ? withoutUndefined({ maxCount: f.Attendee.MaxCount }) : undefined,
      })
    : undefined;
  return withoutUndefined({
    ...stored,
    externalMeetingId: m.ExternalMeetingId ?? "",
    mediaRegion: m.MediaRegion ?? "",
    meetingHostId: m.MeetingHostId,
    meetingFeatures: features as MeetingFeatures | undefined,
    primaryMeetingId: m.PrimaryMeetingId,
    tenantIds: m.TenantIds,
    region,
  });
}

/**
 * The inputs part of a meeting's state (what `read` hands back as inputs), without `tags` and without
 * the `clientRequestToken` of state written by v0.1.0.
 */
export function meetingInputsOf(state: MeetingState): Omit<MeetingInputs, "tags"> {
  const {
    meetingId: _id,
    meetingArn: _arn,
    mediaPlacement: _placement,
    tags: _tags,
    clientRequestToken: _token,
    ...inputs
  } = state;
  return withoutUndefined(inputs);
}

/** Drops undefined members: protobuf structs cannot carry them, and they would show as diffs. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Whether the state records a meeting that was created (by MeetingId, and by ARN in Chime SDK Meetings,
 * whose tags go by ARN): a resource read without it has no state to read from.
 */
export function recordsMeeting(
  state: MeetingState | undefined,
): state is MeetingState & { meetingId: string } {
  return Boolean(state?.meetingId && (state.meetingArn || state.namespace === "legacy"));
}

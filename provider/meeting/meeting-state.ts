import type { Meeting as SdkMeeting } from "@aws-sdk/client-chime-sdk-meetings";
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
  readonly externalMeetingId: string;
  readonly mediaRegion: string;
  readonly meetingHostId?: string;
  readonly meetingFeatures?: MeetingFeatures;
  readonly notificationsConfiguration?: NotificationsConfiguration;
  readonly primaryMeetingId?: string;
  readonly tenantIds?: string[];
  readonly tags?: Record<string, string>;
  /** The control-plane region, resolved once in `check` and carried over afterwards. */
  readonly region: string;
  /** CreateMeeting's idempotency token, generated in `check` and kept while the meeting is the same. */
  readonly clientRequestToken: string;
}

export interface MeetingOutputs extends MeetingInputs {
  readonly meetingId: string;
  readonly meetingArn: string;
  readonly mediaPlacement: MediaPlacement;
}

/** What state holds for a meeting, as the engine hands it back: outputs once created. */
export type MeetingState = MeetingInputs & Partial<MeetingOutputs>;

/** Inputs whose change needs a new meeting: Chime can change nothing of a meeting but its tags. */
export const MEETING_REPLACE_ON = [
  "externalMeetingId",
  "mediaRegion",
  "meetingHostId",
  "meetingFeatures",
  "notificationsConfiguration",
  "primaryMeetingId",
  "tenantIds",
  "region",
] as const satisfies readonly (keyof MeetingInputs)[];

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

/** The outputs for a meeting as Chime returned it; `tags` as last set or listed. */
export function meetingOutputs(
  inputs: MeetingInputs,
  meeting: SdkMeeting,
  tags = inputs.tags,
): MeetingOutputs {
  if (!meeting.MeetingId || !meeting.MeetingArn)
    throw new Error("Chime returned a meeting without MeetingId or MeetingArn");
  return withoutUndefined({
    ...inputs,
    tags,
    meetingId: meeting.MeetingId,
    meetingArn: meeting.MeetingArn,
    mediaPlacement: withoutUndefined(mediaPlacementFromSdk(meeting)),
  });
}

/** The inputs part of a meeting's state (what `read` hands back as inputs). */
export function meetingInputsOf(state: MeetingInputs): MeetingInputs {
  const { meetingId: _id, meetingArn: _arn, mediaPlacement: _placement, ...inputs } = state as MeetingOutputs;
  return withoutUndefined(inputs);
}

/** Drops undefined members: protobuf structs cannot carry them, and they would show as diffs. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

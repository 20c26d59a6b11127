import { randomUUID } from "node:crypto";
import type { CreateMeetingCommandInput } from "@aws-sdk/client-chime-sdk-meetings";
import type * as pulumi from "@pulumi/pulumi";
import { ChimeApi } from "../aws/chime-api";
import { isNotFound } from "../aws/errors";
import { type ConfigSource, defaultRegion, recordConfig, settingsFor } from "../aws/settings";
import { finishCheck } from "../dynamic/check";
import { takeDeclaration } from "../dynamic/declaration";
import { GONE, readWithoutState } from "../dynamic/read";
import { checkMeeting } from "./meeting-check";
import { diffMeeting } from "./meeting-diff";
import {
  type MeetingInputs,
  type MeetingOutputs,
  type MeetingState,
  meetingInputsOf,
  meetingOutputs,
} from "./meeting-state";

/**
 * CreateMeeting's request for the inputs (camelCase inputs to the API's PascalCase). No
 * ClientRequestToken: the SDK fills one per call and reuses it across its retries, so a retried
 * CreateMeeting returns the same meeting, while a new create (a replacement, `pulumi up --replace`)
 * gets a new meeting.
 */
export function createMeetingRequest(inputs: MeetingInputs): CreateMeetingCommandInput {
  const f = inputs.meetingFeatures;
  const n = inputs.notificationsConfiguration;
  return {
    ExternalMeetingId: inputs.externalMeetingId,
    MediaRegion: inputs.mediaRegion,
    MeetingHostId: inputs.meetingHostId,
    PrimaryMeetingId: inputs.primaryMeetingId,
    TenantIds: inputs.tenantIds,
    Tags: inputs.tags ? Object.entries(inputs.tags).map(([Key, Value]) => ({ Key, Value })) : undefined,
    NotificationsConfiguration: n
      ? { LambdaFunctionArn: n.lambdaFunctionArn, SnsTopicArn: n.snsTopicArn, SqsQueueArn: n.sqsQueueArn }
      : undefined,
    MeetingFeatures: f
      ? {
          Audio: f.audio ? { EchoReduction: f.audio.echoReduction } : undefined,
          Video: f.video ? { MaxResolution: f.video.maxResolution } : undefined,
          Content: f.content ? { MaxResolution: f.content.maxResolution } : undefined,
          Attendee: f.attendee ? { MaxCount: f.attendee.maxCount } : undefined,
        }
      : undefined,
  };
}

/**
 * The dynamic provider behind `Meeting`: CreateMeeting (with the declared tags), GetMeeting,
 * DeleteMeeting. A meeting never changes in place (see `diffMeeting`); its tags are the `MeetingTags`
 * child's.
 */
export class MeetingProvider implements pulumi.dynamic.ResourceProvider<MeetingInputs, MeetingState> {
  async configure(req: { config: ConfigSource }): Promise<void> {
    recordConfig(req.config);
  }

  /** `news` is as the program wrote it: unvalidated, possibly with unknowns (`checkMeeting` says which). */
  async check(olds: MeetingInputs, news: MeetingInputs): Promise<pulumi.dynamic.CheckResult<MeetingInputs>> {
    const { declaration, inputs: raw } = takeDeclaration(news);
    return finishCheck(checkMeeting(olds, raw, defaultRegion()), declaration, raw);
  }

  async diff(_id: string, olds: MeetingState, news: MeetingInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffMeeting(olds, news);
  }

  async create(inputs: MeetingInputs): Promise<{ id: string; outs: MeetingOutputs }> {
    const meeting = await new ChimeApi(settingsFor(inputs.region)).createMeeting(
      createMeetingRequest(inputs),
    );
    return { id: randomUUID(), outs: meetingOutputs(inputs, meeting) };
  }

  async read(id: string, props?: MeetingState): Promise<pulumi.dynamic.ReadResult<MeetingState>> {
    if (!props?.meetingId || !props.meetingArn) {
      throw readWithoutState(
        "A Meeting",
        "Declare it instead; a meeting ends by itself, and `pulumi up --refresh` creates it again.",
      );
    }
    try {
      const meeting = await new ChimeApi(settingsFor(props.region)).getMeeting(props.meetingId);
      // State written by v0.1.0 also held tags and a clientRequestToken: they are dropped here, with
      // no diff (diffMeeting ignores both).
      const outs = meetingOutputs(meetingInputsOf(props), meeting);
      return { id, props: outs, inputs: meetingInputsOf(outs) };
    } catch (error) {
      // Ended: deleted, 24 hours old, or 5 minutes without an attendee. `pulumi up` creates it again.
      if (isNotFound(error)) return GONE;
      throw error;
    }
  }

  /** Never called: `diffMeeting` reports every change as a replacement. */
  async update(): Promise<pulumi.dynamic.UpdateResult<MeetingOutputs>> {
    throw new Error(
      "A Meeting cannot change in place; its diff replaces it on any change (this is a bug in pulumi-chime-sdk).",
    );
  }

  async delete(_id: string, props: MeetingState): Promise<void> {
    try {
      await new ChimeApi(settingsFor(props.region)).deleteMeeting(created(props).meetingId);
    } catch (error) {
      // Already ended is what delete wants.
      if (!isNotFound(error)) throw error;
    }
  }
}

/** The state of a meeting that exists; every create records these outputs. */
function created(state: MeetingState): MeetingOutputs {
  if (!state.meetingId || !state.meetingArn || !state.mediaPlacement) {
    throw new Error("The meeting's state has no meetingId: run `pulumi refresh`.");
  }
  return state as MeetingOutputs;
}

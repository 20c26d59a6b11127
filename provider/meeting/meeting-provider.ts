import { randomUUID } from "node:crypto";
import type { CreateMeetingCommandInput } from "@aws-sdk/client-chime-sdk-meetings";
import type * as pulumi from "@pulumi/pulumi";
import { ChimeApi } from "../aws/chime-api";
import { isNotFound } from "../aws/errors";
import { type ConfigSource, defaultRegion, recordConfig, settingsFor } from "../aws/settings";
import { GONE, readWithoutState } from "../dynamic/read";
import { forEngine } from "../validation/engine-failures";
import { checkMeeting } from "./meeting-check";
import { diffMeeting, tagChanges } from "./meeting-diff";
import {
  type MeetingInputs,
  type MeetingOutputs,
  type MeetingState,
  meetingInputsOf,
  meetingOutputs,
  withoutUndefined,
} from "./meeting-state";

/** CreateMeeting's request for the inputs (camelCase inputs to the API's PascalCase). */
export function createMeetingRequest(inputs: MeetingInputs): CreateMeetingCommandInput {
  const f = inputs.meetingFeatures;
  const n = inputs.notificationsConfiguration;
  return {
    ClientRequestToken: inputs.clientRequestToken,
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
 * The dynamic provider behind `Meeting`: CreateMeeting, GetMeeting, DeleteMeeting, and the tag calls
 * for the one thing Chime lets change in place.
 */
export class MeetingProvider implements pulumi.dynamic.ResourceProvider<MeetingInputs, MeetingState> {
  async configure(req: { config: ConfigSource }): Promise<void> {
    recordConfig(req.config);
  }

  /** `news` is as the program wrote it: unvalidated, possibly with unknowns (`checkMeeting` says which). */
  async check(olds: MeetingInputs, news: MeetingInputs): Promise<pulumi.dynamic.CheckResult<MeetingInputs>> {
    return forEngine(checkMeeting(olds, news, defaultRegion()));
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
    const api = new ChimeApi(settingsFor(props.region));
    try {
      const meeting = await api.getMeeting(props.meetingId);
      const tags = await api.listTags(props.meetingArn);
      const outs = meetingOutputs(
        props,
        meeting,
        Object.keys(tags).length > 0 || props.tags ? tags : undefined,
      );
      return { id, props: outs, inputs: meetingInputsOf(outs) };
    } catch (error) {
      // Ended: deleted, 24 hours old, or 5 minutes without an attendee. `pulumi up` creates it again.
      if (isNotFound(error)) return GONE;
      throw error;
    }
  }

  async update(
    _id: string,
    olds: MeetingState,
    news: MeetingInputs,
  ): Promise<pulumi.dynamic.UpdateResult<MeetingOutputs>> {
    const current = created(olds);
    const api = new ChimeApi(settingsFor(olds.region));
    const { set, remove } = tagChanges(olds.tags, news.tags);
    if (remove.length > 0) await api.untagMeeting(current.meetingArn, remove);
    if (set.length > 0) await api.tagMeeting(current.meetingArn, set);
    const { meetingId, meetingArn, mediaPlacement } = current;
    return { outs: withoutUndefined({ ...news, meetingId, meetingArn, mediaPlacement }) };
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

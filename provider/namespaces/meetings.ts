/**
 * The I/O of every resource kind in Chime SDK Meetings (the default namespace), over `../aws/chime-api.ts`.
 */
import type { CreateMeetingCommandInput } from "@aws-sdk/client-chime-sdk-meetings";
import type { AttendeeIo } from "../attendee/attendee-io";
import {
  type AnyAttendeeInputs,
  type AnyAttendeeOutputs,
  type AnyAttendeeState,
  type AttendeeInputs,
  type AttendeeOutputs,
  toOutputs,
} from "../attendee/attendee-state";
import type { BatchIo } from "../attendee-batch/batch-io";
import { type BatchMember, type JoinInfo, joinInfoFrom } from "../attendee-batch/batch-state";
import { ChimeApi } from "../aws/chime-api";
import type { ChimeConfig } from "../aws/config";
import type { MeetingIo } from "../meeting/meeting-io";
import {
  importedMeetingInputs,
  type MeetingInputs,
  type MeetingOutputs,
  type MeetingState,
  meetingInputsOf,
  meetingOutputs,
} from "../meeting/meeting-state";
import type { TagsIo } from "../meeting-tags/tags-io";
import { capabilitiesFromSdk, capabilitiesToSet } from "../shared/capabilities";
import type { IoTarget } from "../shared/io";

/** The API for `target` in this namespace, its messages masking `secretInputs`. */
function api(config: ChimeConfig, target: IoTarget, secretInputs: readonly string[]): ChimeApi {
  return new ChimeApi(config.settingsFor(target.region), config.clients, secretInputs);
}

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

/** An attendee's I/O: CreateAttendee, UpdateAttendeeCapabilities, ListAttendees, DeleteAttendee. */
export function attendeeIo(
  config: ChimeConfig,
  target: IoTarget,
  secretInputs: readonly string[],
): AttendeeIo {
  const chime = api(config, target, secretInputs);
  return {
    async create(inputs: AnyAttendeeInputs): Promise<AnyAttendeeOutputs> {
      const declared = inputs as AttendeeInputs;
      return toOutputs(
        declared,
        await chime.createAttendee(declared.meetingId, declared.externalUserId, declared.capabilities),
      );
    },
    // Other capabilities than declared: CreateAttendee returned an attendee that existed (adoption), or
    // the declaration changed. Undeclared capabilities are left alone.
    async converge(inputs: AnyAttendeeInputs, current: AnyAttendeeOutputs): Promise<AnyAttendeeOutputs> {
      const declared = inputs as AttendeeInputs;
      const have = current as AttendeeOutputs;
      const wanted = capabilitiesToSet(have.capabilities, declared.capabilities);
      if (!wanted) return have;
      const updated = await chime.updateAttendeeCapabilities(declared.meetingId, have.attendeeId, wanted);
      // The call answers with the attendee's id and capabilities; the JoinToken does not change.
      return toOutputs(declared, updated, have);
    },
    async read(state: AnyAttendeeState): Promise<AnyAttendeeOutputs | undefined> {
      // The meeting's listing, shared with the other reads of this pass (a refresh reads all at once).
      const attendees = await chime.meetingAttendees(state.meetingId);
      const attendee = attendees?.find((a) =>
        state.attendeeId ? a.AttendeeId === state.attendeeId : a.ExternalUserId === state.externalUserId,
      );
      return attendee && toOutputs(state as AttendeeInputs, attendee, state as AttendeeOutputs);
    },
    async find(meetingId: string, externalUserId: string): Promise<string | undefined> {
      return (await chime.findAttendee(meetingId, externalUserId))?.AttendeeId;
    },
    delete: (meetingId, attendeeId) => chime.deleteAttendee(meetingId, attendeeId),
  };
}

/** A meeting's I/O: CreateMeeting, GetMeeting, DeleteMeeting. */
export function meetingIo(config: ChimeConfig, target: IoTarget, secretInputs: readonly string[]): MeetingIo {
  const chime = api(config, target, secretInputs);
  return {
    async create(inputs) {
      return meetingOutputs(inputs, await chime.createMeeting(createMeetingRequest(inputs)));
    },
    async read(state) {
      return meetingOutputs(
        meetingInputsOf(state) as MeetingInputs,
        await chime.getMeeting(state.meetingId ?? ""),
      );
    },
    async import(meetingId) {
      const meeting = await chime.getMeeting(meetingId);
      return meetingOutputs(importedMeetingInputs(meeting, target.region, {}), meeting);
    },
    async delete(state) {
      await chime.deleteMeeting(created(state).meetingId);
    },
  };
}

/** The state of a meeting that exists; every create records these outputs. */
function created(state: MeetingState): MeetingOutputs {
  if (!state.meetingId || !state.meetingArn || !state.mediaPlacement) {
    throw new Error("The meeting's state has no meetingId: run `pulumi refresh`.");
  }
  return state as MeetingOutputs;
}

/** A meeting's tag calls, by ARN: ListTagsForResource, TagResource, UntagResource. */
export function tagsIo(config: ChimeConfig, target: IoTarget, secretInputs: readonly string[]): TagsIo {
  const chime = api(config, target, secretInputs);
  return {
    list: (meeting) => chime.listTags(meeting.meetingArn ?? ""),
    tag: (meeting, set) => chime.tagMeeting(meeting.meetingArn ?? "", set),
    untag: (meeting, keys) => chime.untagMeeting(meeting.meetingArn ?? "", keys),
  };
}

/**
 * An attendee batch's I/O: BatchCreateAttendee, UpdateAttendeeCapabilities, ListAttendees,
 * DeleteAttendee. An attendee's settings are its capabilities, which every answer carries (a listing
 * and an adopted attendee included): nothing more to read.
 */
export function batchIo(config: ChimeConfig, target: IoTarget, secretInputs: readonly string[]): BatchIo {
  const chime = api(config, target, secretInputs);
  return {
    listing: (meetingId) => chime.meetingAttendees(meetingId),
    list: (meetingId) => chime.listAttendees(meetingId),
    recorded: async (_meetingId, listed, previous) =>
      joinInfoFrom(listed, previous as Record<string, JoinInfo> | undefined),
    async create(meetingId, members) {
      const created = await chime.batchCreateAttendees(meetingId, members as readonly BatchMember[]);
      return {
        joinInfo: joinInfoFrom(created.attendees),
        errors: created.errors,
        requestId: created.requestId,
      };
    },
    async settle(meetingId, have, member) {
      const recorded = have as JoinInfo;
      const wanted = capabilitiesToSet(recorded.capabilities, (member as BatchMember).capabilities);
      if (!wanted) return undefined;
      const updated = await chime.updateAttendeeCapabilities(meetingId, recorded.attendeeId, wanted);
      return { ...recorded, capabilities: capabilitiesFromSdk(updated) };
    },
    delete: (meetingId, attendeeId) => chime.deleteAttendee(meetingId, attendeeId),
  };
}

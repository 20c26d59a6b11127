/**
 * The I/O of every resource kind in the legacy Amazon Chime namespace (API 2018-05-01), over
 * `../aws/legacy-api.ts`: attendees with tags and no capabilities, meetings tagged by MeetingId, one
 * endpoint in us-east-1. Loaded only by a process that has a legacy resource (see `./index.ts`): it
 * loads the pinned legacy SDK.
 */
import type { CreateMeetingCommandInput as LegacyCreateMeetingInput } from "@aws-sdk/client-chime";
import type { AttendeeIo } from "../attendee/attendee-io";
import {
  type AnyAttendeeOutputs,
  type LegacyAttendeeInputs,
  type LegacyAttendeeOutputs,
  type LegacyAttendeeState,
  toLegacyOutputs,
} from "../attendee/attendee-state";
import { tagsAtCreate } from "../attendee-batch/batch-diff";
import type { BatchIo } from "../attendee-batch/batch-io";
import {
  type LegacyBatchMember,
  type LegacyJoinInfo,
  legacyJoinInfoFrom,
} from "../attendee-batch/batch-state";
import type { ChimeConfig } from "../aws/config";
import { isNotFound } from "../aws/errors";
import { LegacyChimeApi } from "../aws/legacy-api";
import type { MeetingIo } from "../meeting/meeting-io";
import {
  importedMeetingInputs,
  legacyMeetingOutputs,
  type MeetingInputs,
  type MeetingState,
  meetingInputsOf,
} from "../meeting/meeting-state";
import type { TagsIo } from "../meeting-tags/tags-io";
import type { IoTarget } from "../shared/io";
import { LEGACY_REGION } from "../shared/namespace";
import { tagChanges } from "../shared/tags";

/** The API of the namespace's one endpoint, its messages masking `secretInputs`. */
function api(config: ChimeConfig, secretInputs: readonly string[]): LegacyChimeApi {
  return new LegacyChimeApi(config.legacySettings(), config.clients, secretInputs);
}

/**
 * The legacy CreateMeeting's request (API 2018-05-01): no MeetingFeatures, PrimaryMeetingId, TenantIds
 * or Lambda notifications (`checkMeeting` rejects them). The SDK fills ClientRequestToken as for
 * Chime SDK Meetings.
 */
export function legacyCreateMeetingRequest(inputs: MeetingInputs): LegacyCreateMeetingInput {
  const n = inputs.notificationsConfiguration;
  return {
    ExternalMeetingId: inputs.externalMeetingId,
    MediaRegion: inputs.mediaRegion,
    MeetingHostId: inputs.meetingHostId,
    Tags: inputs.tags ? Object.entries(inputs.tags).map(([Key, Value]) => ({ Key, Value })) : undefined,
    NotificationsConfiguration: n ? { SnsTopicArn: n.snsTopicArn, SqsQueueArn: n.sqsQueueArn } : undefined,
  };
}

/**
 * A legacy attendee's I/O: CreateAttendee with Tags, GetAttendee, ListAttendeeTags, TagAttendee /
 * UntagAttendee (in place), ListAttendees and DeleteAttendee.
 */
export function attendeeIo(
  config: ChimeConfig,
  _target: IoTarget,
  secretInputs: readonly string[],
): AttendeeIo {
  const chime = api(config, secretInputs);
  return {
    /**
     * CreateAttendee returns an attendee that already had this ExternalUserId (adoption) with the tags
     * it had: `converge` lists them and brings them to the declared ones.
     */
    async create(inputs) {
      const declared = inputs as LegacyAttendeeInputs;
      const created = await chime.createAttendee(declared.meetingId, declared.externalUserId, declared.tags);
      return toLegacyOutputs(declared, created, declared.tags ?? {});
    },
    /**
     * Brings the attendee's tags to the declared ones: untags and tags the difference from the tags
     * it has (listed, unless `recorded` in state as last set). A fresh attendee made with these tags
     * needs the listing only.
     */
    async converge(inputs, current, recorded): Promise<AnyAttendeeOutputs> {
      const declared = inputs as LegacyAttendeeInputs;
      const have = current as LegacyAttendeeOutputs;
      const wanted = declared.tags ?? {};
      const tags = recorded
        ? (have.tags ?? {})
        : await chime.listAttendeeTags(declared.meetingId, have.attendeeId);
      const { set, remove } = tagChanges(tags, wanted);
      if (remove.length > 0) await chime.untagAttendee(declared.meetingId, have.attendeeId, remove);
      if (set.length > 0) await chime.tagAttendee(declared.meetingId, have.attendeeId, set);
      return toLegacyOutputs(declared, { ExternalUserId: have.externalUserId }, { ...wanted }, have);
    },
    async read(state) {
      const recorded = state as LegacyAttendeeState;
      const attendee = recorded.attendeeId
        ? await chime.getAttendee(recorded.meetingId, recorded.attendeeId)
        : await chime.findAttendee(recorded.meetingId, recorded.externalUserId);
      if (!attendee?.AttendeeId) return undefined;
      const tags = await chime.listAttendeeTags(recorded.meetingId, attendee.AttendeeId);
      return toLegacyOutputs(recorded, attendee, tags, recorded);
    },
    async find(meetingId, externalUserId) {
      return (await chime.findAttendee(meetingId, externalUserId))?.AttendeeId;
    },
    delete: (meetingId, attendeeId) => chime.deleteAttendee(meetingId, attendeeId),
  };
}

/** A legacy meeting's I/O: CreateMeeting, GetMeeting, DeleteMeeting. */
export function meetingIo(
  config: ChimeConfig,
  _target: IoTarget,
  secretInputs: readonly string[],
): MeetingIo {
  const chime = api(config, secretInputs);
  return {
    async create(inputs) {
      return legacyMeetingOutputs(
        inputs,
        await chime.createMeeting(legacyCreateMeetingRequest(inputs)),
      ) as MeetingState;
    },
    async read(state) {
      const meeting = await chime.getMeeting(state.meetingId ?? "");
      return legacyMeetingOutputs(meetingInputsOf(state) as MeetingInputs, meeting) as MeetingState;
    },
    async import(meetingId) {
      const meeting = await chime.getMeeting(meetingId);
      const inputs = importedMeetingInputs(meeting, LEGACY_REGION, { namespace: "legacy" });
      return legacyMeetingOutputs(inputs, meeting) as MeetingState;
    },
    async delete(state) {
      if (!state.meetingId) throw new Error("The meeting's state has no meetingId: run `pulumi refresh`.");
      await chime.deleteMeeting(state.meetingId);
    },
  };
}

/** A legacy meeting's tag calls, by MeetingId: ListMeetingTags, TagMeeting, UntagMeeting. */
export function tagsIo(config: ChimeConfig, _target: IoTarget, secretInputs: readonly string[]): TagsIo {
  const chime = api(config, secretInputs);
  return {
    list: (meeting) => chime.listMeetingTags(meeting.meetingId),
    tag: (meeting, set) => chime.tagMeeting(meeting.meetingId, set),
    untag: (meeting, keys) => chime.untagMeeting(meeting.meetingId, keys),
  };
}

/**
 * A legacy attendee batch's I/O: BatchCreateAttendee with each member's first 10 tags (the model's
 * AttendeeTagList), ListAttendees (99 a page), ListAttendeeTags, TagAttendee / UntagAttendee (10 a
 * call) and DeleteAttendee. A listing carries no tags and BatchCreateAttendee hands back an attendee
 * that already had the ExternalUserId with the tags it had: so `create` lists the meeting once, before
 * its first request, and reads the tags of the attendees it finds there (adopted), while a fresh one
 * has the tags it was created with (TagAttendee then sets the rest, in `settle`). An attendee made
 * out of band between that listing and the request is taken for fresh; the next refresh reads its tags.
 */
export function batchIo(config: ChimeConfig, _target: IoTarget, secretInputs: readonly string[]): BatchIo {
  const chime = api(config, secretInputs);
  /** externalUserIds in the meeting before this operation's first BatchCreateAttendee. */
  let before: Promise<Set<string>> | undefined;
  /** The tags of each attendee, read; one gone meanwhile is left out (undefined). */
  const tagsOf = (meetingId: string, attendeeId: string) =>
    chime.listAttendeeTags(meetingId, attendeeId).catch((error) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
  return {
    listing: (meetingId) => chime.meetingAttendees(meetingId),
    list: (meetingId) => chime.listAttendees(meetingId),
    async recorded(meetingId, listed, previous) {
      const tags: Record<string, Record<string, string>> = {};
      const found = await Promise.all(
        listed.map(async (a) => {
          const read = a.AttendeeId && a.ExternalUserId && (await tagsOf(meetingId, a.AttendeeId));
          if (!read || !a.ExternalUserId) return [];
          tags[a.ExternalUserId] = read;
          return [a];
        }),
      );
      return legacyJoinInfoFrom(found.flat(), tags, previous as Record<string, LegacyJoinInfo> | undefined);
    },
    async create(meetingId, members) {
      before ??= chime
        .listAttendees(meetingId)
        .then((l) => new Set(l.flatMap((a) => a.ExternalUserId ?? [])));
      const existing = await before;
      const items = (members as readonly LegacyBatchMember[]).map((m) => ({
        externalUserId: m.externalUserId,
        tags: tagsAtCreate(m.tags).atCreate,
      }));
      const created = await chime.batchCreateAttendees(meetingId, items);
      const sent = new Map(items.map((item) => [item.externalUserId, item.tags ?? []]));
      const tags: Record<string, Record<string, string>> = {};
      await Promise.all(
        created.attendees.map(async (a) => {
          const id = a.ExternalUserId;
          if (!id || !a.AttendeeId) return;
          // An adopted attendee kept its tags; a fresh one has those its item carried.
          tags[id] = existing.has(id)
            ? ((await tagsOf(meetingId, a.AttendeeId)) ?? {})
            : Object.fromEntries(sent.get(id) ?? []);
        }),
      );
      return {
        joinInfo: legacyJoinInfoFrom(created.attendees, tags),
        errors: created.errors,
        requestId: created.requestId,
      };
    },
    async settle(meetingId, have, member) {
      const recorded = have as LegacyJoinInfo;
      const wanted = (member as LegacyBatchMember).tags ?? {};
      const { set, remove } = tagChanges(recorded.tags, wanted);
      if (set.length + remove.length === 0) return undefined;
      if (remove.length > 0) await chime.untagAttendee(meetingId, recorded.attendeeId, remove);
      if (set.length > 0) await chime.tagAttendee(meetingId, recorded.attendeeId, set);
      return { ...recorded, tags: { ...wanted } };
    },
    delete: (meetingId, attendeeId) => chime.deleteAttendee(meetingId, attendeeId),
  };
}

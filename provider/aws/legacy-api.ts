import {
  BatchCreateAttendeeCommand,
  ChimeClient,
  CreateAttendeeCommand,
  type CreateAttendeeError,
  CreateMeetingCommand,
  type CreateMeetingCommandInput,
  DeleteAttendeeCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  type Attendee as LegacyAttendee,
  type Meeting as LegacyMeeting,
  ListAttendeesCommand,
  ListAttendeeTagsCommand,
  ListMeetingTagsCommand,
  type Tag,
  TagAttendeeCommand,
  TagMeetingCommand,
  UntagAttendeeCommand,
  UntagMeetingCommand,
} from "@aws-sdk/client-chime";
import { chunks, TAGS_PER_CALL } from "../shared/tags";
import { attendeePages, type Caller, callOnAttendee, everyItem, firstItem, MeetingCalls } from "./call";
import { type ChimeClients, sdkClientConfig, sdkClientPacing } from "./client";
import type { Failure } from "./errors";
import type { ChimeSettings } from "./settings";

export type { LegacyAttendee, LegacyMeeting };

/** ListAttendees' MaxResults in the legacy model (ResultMax: 1 to 99; the Meetings namespace takes 100). */
export const LEGACY_PAGE_SIZE = 99;

function sdkTags(tags: Readonly<Record<string, string>> | readonly [string, string][]): Tag[] {
  const entries = Array.isArray(tags) ? tags : Object.entries(tags);
  return entries.map(([Key, Value]) => ({ Key, Value }));
}

function tagRecord(tags: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
}

/**
 * The calls the providers make in the legacy Amazon Chime namespace (`@aws-sdk/client-chime`, API
 * 2018-05-01): the same client configuration, pacing and error descriptions as `ChimeApi`, with the
 * legacy operations. Attendees there have tags and no capabilities; meetings are tagged by MeetingId.
 */
export class LegacyChimeApi {
  constructor(
    private readonly settings: ChimeSettings,
    private readonly clients: ChimeClients,
    /** Inputs the program marked secret (e.g. a `pulumi.secret` meetingId): masked in messages. */
    secretNames: readonly string[] = [],
  ) {
    this.calls = new MeetingCalls({ ...settings, namespace: "legacy" }, clients, secretNames);
  }

  /** The call and cache-invalidation path both namespaces share (`./call.ts`). */
  private readonly calls: MeetingCalls;

  /** The call wrapper as a function. */
  private readonly caller: Caller = (failure, send) => this.call(failure, send);

  /** `changes`: the meeting whose attendees the call changes, whose shared listing is then dropped. */
  private call<T>(failure: Failure, send: () => Promise<T>, changes?: string): Promise<T> {
    return this.calls.call(failure, send, changes);
  }

  /**
   * A legacy Amazon Chime client (`@aws-sdk/client-chime`, API 2018-05-01), configured and paced as the
   * Chime SDK Meetings one. Without an endpoint override it goes to the global endpoint in us-east-1, or
   * to AWS_ENDPOINT_URL_CHIME, which the SDK reads itself.
   */
  private get client(): ChimeClient {
    return this.clients.get("legacy", this.settings, (pacer) => {
      const client = new ChimeClient(sdkClientConfig(this.settings));
      // The pinned legacy client (3.699.0) is built against an older @smithy/types, whose middleware
      // stack type differs from the current one only in optional context fields: the middleware itself
      // (same steps, same handler protocol) runs unchanged, as the legacy pacing tests show.
      const pacing = sdkClientPacing(this.settings, pacer) as unknown as Parameters<
        typeof client.middlewareStack.use
      >[0];
      client.middlewareStack.use(pacing);
      return client;
    });
  }

  /**
   * CreateAttendee with its first 10 tags (the most its Tags member takes); returns the existing
   * attendee when one with this ExternalUserId is there already (its tags are then left as they are).
   * Either way the caller brings the tags to the declared ones (ListAttendeeTags, TagAttendee).
   */
  async createAttendee(
    meetingId: string,
    externalUserId: string,
    tags: Readonly<Record<string, string>> | undefined,
  ): Promise<LegacyAttendee> {
    const entries = tags ? Object.entries(tags) : [];
    const out = await this.call(
      { operation: "CreateAttendee", about: { meetingId, externalUserId } },
      () =>
        this.client.send(
          new CreateAttendeeCommand({
            MeetingId: meetingId,
            ExternalUserId: externalUserId,
            // The model's AttendeeTagList takes 1 to 10: the caller sets the rest with TagAttendee.
            Tags: entries.length > 0 ? sdkTags(entries.slice(0, TAGS_PER_CALL)) : undefined,
          }),
        ),
      meetingId,
    );
    return out.Attendee ?? {};
  }

  async getAttendee(meetingId: string, attendeeId: string): Promise<LegacyAttendee> {
    const out = await callOnAttendee(this.caller, "GetAttendee", meetingId, attendeeId, (request) =>
      this.client.send(new GetAttendeeCommand(request)),
    );
    return out.Attendee ?? {};
  }

  async deleteAttendee(meetingId: string, attendeeId: string): Promise<void> {
    await callOnAttendee(this.calls.caller(meetingId), "DeleteAttendee", meetingId, attendeeId, (request) =>
      this.client.send(new DeleteAttendeeCommand(request)),
    );
  }

  /** The meeting's attendee with this ExternalUserId, found through ListAttendees, if there is one. */
  findAttendee(meetingId: string, externalUserId: string): Promise<LegacyAttendee | undefined> {
    return firstItem(this.attendees(meetingId), (a) => a.ExternalUserId === externalUserId);
  }

  /** Every attendee of the meeting, through all pages of ListAttendees. */
  listAttendees(meetingId: string): Promise<LegacyAttendee[]> {
    return everyItem(this.attendees(meetingId));
  }

  /** ListAttendees' pages, 99 a page: the legacy model's most (100, which findAttendee asked for, is refused). */
  private attendees(meetingId: string): AsyncGenerator<LegacyAttendee> {
    return attendeePages(
      meetingId,
      this.caller,
      (request) => this.client.send(new ListAttendeesCommand(request)),
      LEGACY_PAGE_SIZE,
    );
  }

  /**
   * The meeting's attendees for a read, or `undefined` when the meeting is gone (404): reads close
   * together share one listing, as in Chime SDK Meetings (`ChimeApi.meetingAttendees`), under keys of
   * their own (legacy meeting ids are not the other namespace's).
   */
  meetingAttendees(meetingId: string): Promise<LegacyAttendee[] | undefined> {
    return this.calls.meetingAttendees(meetingId, () => this.listAttendees(meetingId));
  }

  /**
   * BatchCreateAttendee (1–100 attendees): those created or, for ExternalUserIds already there, found
   * (with the tags they had: a found attendee's tags are left as they are, the caller sets them); and
   * the per-attendee errors, which the legacy API answers with HTTP 201. Each item's `tags` go in its
   * Tags member, which the model's AttendeeTagList limits to 1–10: the caller passes at most 10 and
   * sets the rest with `tagAttendee`; none (or an empty list) sends no Tags member.
   */
  async batchCreateAttendees(
    meetingId: string,
    members: readonly { externalUserId: string; tags?: readonly [string, string][] }[],
  ): Promise<{ attendees: LegacyAttendee[]; errors: CreateAttendeeError[]; requestId?: string }> {
    const out = await this.call(
      { operation: "BatchCreateAttendee", about: { meetingId } },
      () =>
        this.client.send(
          new BatchCreateAttendeeCommand({
            MeetingId: meetingId,
            Attendees: members.map((m) => ({
              ExternalUserId: m.externalUserId,
              Tags: m.tags && m.tags.length > 0 ? sdkTags(m.tags) : undefined,
            })),
          }),
        ),
      meetingId,
    );
    return { attendees: out.Attendees ?? [], errors: out.Errors ?? [], requestId: out.$metadata?.requestId };
  }

  async listAttendeeTags(meetingId: string, attendeeId: string): Promise<Record<string, string>> {
    const out = await callOnAttendee(this.caller, "ListAttendeeTags", meetingId, attendeeId, (request) =>
      this.client.send(new ListAttendeeTagsCommand(request)),
    );
    return tagRecord(out.Tags);
  }

  /** TagAttendee, in requests of at most 10 tags (the API's limit per call). */
  async tagAttendee(meetingId: string, attendeeId: string, tags: readonly [string, string][]): Promise<void> {
    for (const chunk of chunks(tags, TAGS_PER_CALL)) {
      await this.call({ operation: "TagAttendee", about: { meetingId }, secrets: { attendeeId } }, () =>
        this.client.send(
          new TagAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId, Tags: sdkTags(chunk) }),
        ),
      );
    }
  }

  /** UntagAttendee, in requests of at most 10 keys. */
  async untagAttendee(meetingId: string, attendeeId: string, keys: readonly string[]): Promise<void> {
    for (const chunk of chunks(keys, TAGS_PER_CALL)) {
      await this.call({ operation: "UntagAttendee", about: { meetingId }, secrets: { attendeeId } }, () =>
        this.client.send(
          new UntagAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId, TagKeys: chunk }),
        ),
      );
    }
  }

  async createMeeting(input: CreateMeetingCommandInput): Promise<LegacyMeeting> {
    const out = await this.call(
      { operation: "CreateMeeting", about: { externalMeetingId: input.ExternalMeetingId } },
      () => this.client.send(new CreateMeetingCommand(input)),
    );
    return out.Meeting ?? {};
  }

  async getMeeting(meetingId: string): Promise<LegacyMeeting> {
    const out = await this.call({ operation: "GetMeeting", about: { meetingId } }, () =>
      this.client.send(new GetMeetingCommand({ MeetingId: meetingId })),
    );
    return out.Meeting ?? {};
  }

  async deleteMeeting(meetingId: string): Promise<void> {
    await this.call(
      { operation: "DeleteMeeting", about: { meetingId } },
      () => this.client.send(new DeleteMeetingCommand({ MeetingId: meetingId })),
      meetingId,
    );
  }

  async listMeetingTags(meetingId: string): Promise<Record<string, string>> {
    const out = await this.call({ operation: "ListMeetingTags", about: { meetingId } }, () =>
      this.client.send(new ListMeetingTagsCommand({ MeetingId: meetingId })),
    );
    return tagRecord(out.Tags);
  }

  /** TagMeeting, in requests of at most 10 tags. */
  async tagMeeting(meetingId: string, tags: readonly [string, string][]): Promise<void> {
    for (const chunk of chunks(tags, TAGS_PER_CALL)) {
      await this.call({ operation: "TagMeeting", about: { meetingId } }, () =>
        this.client.send(new TagMeetingCommand({ MeetingId: meetingId, Tags: sdkTags(chunk) })),
      );
    }
  }

  /** UntagMeeting, in requests of at most 10 keys. */
  async untagMeeting(meetingId: string, keys: readonly string[]): Promise<void> {
    for (const chunk of chunks(keys, TAGS_PER_CALL)) {
      await this.call({ operation: "UntagMeeting", about: { meetingId } }, () =>
        this.client.send(new UntagMeetingCommand({ MeetingId: meetingId, TagKeys: chunk })),
      );
    }
  }
}

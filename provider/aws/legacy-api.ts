import {
  BatchCreateAttendeeCommand,
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
import { callChime, meetingSnapshots } from "./chime-api";
import { legacyChimeClient } from "./client";
import { type Failure, isNotFound } from "./errors";
import type { ChimeSettings } from "./settings";

export type { LegacyAttendee, LegacyMeeting };

/** Tags per TagAttendee / UntagAttendee / TagMeeting / UntagMeeting request (the API's limit). */
export const TAGS_PER_CALL = 10;

/** ListAttendees' MaxResults in the legacy model (ResultMax: 1 to 99; the Meetings namespace takes 100). */
export const LEGACY_PAGE_SIZE = 99;

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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
  constructor(private readonly settings: ChimeSettings) {}

  private call<T>(failure: Failure, send: () => Promise<T>): Promise<T> {
    return callChime({ ...this.settings, namespace: "legacy" }, failure, send);
  }

  private get client() {
    return legacyChimeClient(this.settings);
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
    const out = await this.call({ operation: "CreateAttendee", about: { meetingId, externalUserId } }, () =>
      this.client.send(
        new CreateAttendeeCommand({
          MeetingId: meetingId,
          ExternalUserId: externalUserId,
          // The model's AttendeeTagList takes 1 to 10: the caller sets the rest with TagAttendee.
          Tags: entries.length > 0 ? sdkTags(entries.slice(0, TAGS_PER_CALL)) : undefined,
        }),
      ),
    );
    return out.Attendee ?? {};
  }

  async getAttendee(meetingId: string, attendeeId: string): Promise<LegacyAttendee> {
    const out = await this.call(
      { operation: "GetAttendee", about: { meetingId }, secrets: { attendeeId } },
      () => this.client.send(new GetAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId })),
    );
    return out.Attendee ?? {};
  }

  async deleteAttendee(meetingId: string, attendeeId: string): Promise<void> {
    this.changed(meetingId);
    try {
      await this.call({ operation: "DeleteAttendee", about: { meetingId }, secrets: { attendeeId } }, () =>
        this.client.send(new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId })),
      );
    } finally {
      this.changed(meetingId);
    }
  }

  /** The meeting's attendee with this ExternalUserId, found through ListAttendees, if there is one. */
  async findAttendee(meetingId: string, externalUserId: string): Promise<LegacyAttendee | undefined> {
    return (await this.listAttendees(meetingId)).find((a) => a.ExternalUserId === externalUserId);
  }

  /** Every attendee of the meeting, through all pages of ListAttendees (99 a page: the model's most). */
  async listAttendees(meetingId: string): Promise<LegacyAttendee[]> {
    const attendees: LegacyAttendee[] = [];
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const page = await this.call({ operation: "ListAttendees", about: { meetingId } }, () =>
        this.client.send(
          new ListAttendeesCommand({ MeetingId: meetingId, MaxResults: LEGACY_PAGE_SIZE, NextToken: token }),
        ),
      );
      attendees.push(...(page.Attendees ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
    return attendees;
  }

  /**
   * The meeting's attendees for a read, or `undefined` when the meeting is gone (404): reads close
   * together share one listing, as in Chime SDK Meetings (`ChimeApi.meetingAttendees`), under keys of
   * their own (legacy meeting ids are not the other namespace's).
   */
  meetingAttendees(meetingId: string): Promise<LegacyAttendee[] | undefined> {
    return meetingSnapshots.get(this.snapshotKey(meetingId), async () => {
      try {
        return await this.listAttendees(meetingId);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    });
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
    this.changed(meetingId);
    try {
      const out = await this.call({ operation: "BatchCreateAttendee", about: { meetingId } }, () =>
        this.client.send(
          new BatchCreateAttendeeCommand({
            MeetingId: meetingId,
            Attendees: members.map((m) => ({
              ExternalUserId: m.externalUserId,
              Tags: m.tags && m.tags.length > 0 ? sdkTags(m.tags) : undefined,
            })),
          }),
        ),
      );
      return {
        attendees: out.Attendees ?? [],
        errors: out.Errors ?? [],
        requestId: out.$metadata?.requestId,
      };
    } finally {
      // Again after the call: a read that started meanwhile may hold the listing from before it.
      this.changed(meetingId);
    }
  }

  private snapshotKey(meetingId: string): string {
    return JSON.stringify(["legacy", this.settings.endpoint ?? "", meetingId.toLowerCase()]);
  }

  /** Forgets the meeting's shared listing: called on every change to its attendees made from here. */
  private changed(meetingId: string): void {
    meetingSnapshots.invalidate(this.snapshotKey(meetingId));
  }

  async listAttendeeTags(meetingId: string, attendeeId: string): Promise<Record<string, string>> {
    const out = await this.call(
      { operation: "ListAttendeeTags", about: { meetingId }, secrets: { attendeeId } },
      () => this.client.send(new ListAttendeeTagsCommand({ MeetingId: meetingId, AttendeeId: attendeeId })),
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
    await this.call({ operation: "DeleteMeeting", about: { meetingId } }, () =>
      this.client.send(new DeleteMeetingCommand({ MeetingId: meetingId })),
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

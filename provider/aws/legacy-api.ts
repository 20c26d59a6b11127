import {
  CreateAttendeeCommand,
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
import { callChime } from "./chime-api";
import { legacyChimeClient } from "./client";
import type { Failure } from "./errors";
import type { ChimeSettings } from "./settings";

export type { LegacyAttendee, LegacyMeeting };

/** Tags per TagAttendee / UntagAttendee / TagMeeting / UntagMeeting request (the API's limit). */
export const TAGS_PER_CALL = 10;

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
   * CreateAttendee with its tags; returns the existing attendee when one with this ExternalUserId is
   * there already (its tags are then left as they are: the caller sets them).
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
          Tags: entries.length > 0 ? sdkTags(entries) : undefined,
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
    await this.call({ operation: "DeleteAttendee", about: { meetingId }, secrets: { attendeeId } }, () =>
      this.client.send(new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId })),
    );
  }

  /** The meeting's attendee with this ExternalUserId, found through ListAttendees, if there is one. */
  async findAttendee(meetingId: string, externalUserId: string): Promise<LegacyAttendee | undefined> {
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const page = await this.call({ operation: "ListAttendees", about: { meetingId } }, () =>
        this.client.send(
          new ListAttendeesCommand({ MeetingId: meetingId, MaxResults: 100, NextToken: token }),
        ),
      );
      const found = (page.Attendees ?? []).find((a) => a.ExternalUserId === externalUserId);
      if (found) return found;
      nextToken = page.NextToken;
    } while (nextToken);
    return undefined;
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

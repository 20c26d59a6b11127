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
  ListAttendeesCommand,
  ListTagsForResourceCommand,
  type Attendee as SdkAttendee,
  type Meeting as SdkMeeting,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAttendeeCapabilitiesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import type { AttendeeCapabilities } from "../attendee/capabilities";
import { chimeClient } from "./client";
import { CoalescingCache } from "./coalescing-cache";
import { describeFailure, type Failure, isNotFound } from "./errors";
import { type ChimeSettings, endpointOf } from "./settings";

/**
 * Recent listings of meetings' attendees, shared by the reads of one engine pass (see
 * `meetingAttendees`); `undefined` is a meeting that is gone.
 */
export const meetingSnapshots = new CoalescingCache<SdkAttendee[] | undefined>();

/**
 * The control-plane region of each meeting created or read in this process (one deployment), by
 * MeetingId: a NotFound about a meeting known to live elsewhere is then reported as a region mismatch.
 */
const meetingRegions = new Map<string, string>();

/**
 * One Chime call, of either namespace; on failure, rethrown as a `ChimeRequestError` that says what to
 * do. Every attempt is paced by the client's middleware (`./pacing.ts`), not here.
 */
export async function callChime<T>(
  settings: ChimeSettings,
  failure: Failure,
  send: () => Promise<T>,
): Promise<T> {
  const { namespace, region } = settings;
  try {
    return await send();
  } catch (error) {
    const meetingId = failure.about.meetingId;
    throw describeFailure(
      {
        ...failure,
        namespace,
        region,
        endpoint: endpointOf(settings),
        meetingRegion: meetingId && namespace !== "legacy" ? meetingRegions.get(meetingId) : undefined,
      },
      error,
    );
  }
}

function sdkCapabilities(c: AttendeeCapabilities) {
  return { Audio: c.audio, Video: c.video, Content: c.content };
}

/**
 * The Chime SDK Meetings calls the providers make: each attempt paced to the per-operation quota (by
 * the client's middleware, `./pacing.ts`) and, on failure, rethrown as a `ChimeRequestError` that
 * says what to do.
 */
export class ChimeApi {
  constructor(private readonly settings: ChimeSettings) {}

  /** `changes`: the meeting whose attendees the call changes, whose snapshot is then dropped. */
  private async call<T>(failure: Failure, send: () => Promise<T>, changes?: string): Promise<T> {
    if (changes) this.changed(changes);
    try {
      return await callChime(this.settings, failure, send);
    } finally {
      // Again after the call: a read that started meanwhile may hold the listing from before it.
      if (changes) this.changed(changes);
    }
  }

  private get client() {
    return chimeClient(this.settings);
  }

  private snapshotKey(meetingId: string): string {
    return JSON.stringify([this.settings.region, this.settings.endpoint ?? "", meetingId.toLowerCase()]);
  }

  /** Forgets the meeting's snapshot: called on every change to its attendees made from here. */
  private changed(meetingId: string): void {
    meetingSnapshots.invalidate(this.snapshotKey(meetingId));
  }

  /**
   * The meeting's attendees for a read, or `undefined` when the meeting is gone (404): reads of
   * attendees of one meeting that arrive close together (a refresh reads every resource at once)
   * share one ListAttendees listing, 100 attendees a page, instead of one GetAttendee each. The
   * listing serves the reads that arrive while it runs and for 2 s after (`SNAPSHOT_WINDOW_MS`), and
   * is dropped at once when this process changes the meeting's attendees.
   */
  meetingAttendees(meetingId: string): Promise<SdkAttendee[] | undefined> {
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
   * CreateAttendee; returns the existing attendee when one with this ExternalUserId is there already.
   * Without `capabilities`, Chime gives the meeting's default.
   */
  async createAttendee(
    meetingId: string,
    externalUserId: string,
    capabilities: AttendeeCapabilities | undefined,
  ): Promise<SdkAttendee> {
    const out = await this.call(
      { operation: "CreateAttendee", about: { meetingId, externalUserId } },
      () =>
        this.client.send(
          new CreateAttendeeCommand({
            MeetingId: meetingId,
            ExternalUserId: externalUserId,
            Capabilities: capabilities && sdkCapabilities(capabilities),
          }),
        ),
      meetingId,
    );
    return out.Attendee ?? {};
  }

  async getAttendee(meetingId: string, attendeeId: string): Promise<SdkAttendee> {
    const out = await this.call(
      { operation: "GetAttendee", about: { meetingId }, secrets: { attendeeId } },
      () => this.client.send(new GetAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId })),
    );
    return out.Attendee ?? {};
  }

  async updateAttendeeCapabilities(
    meetingId: string,
    attendeeId: string,
    capabilities: AttendeeCapabilities,
  ): Promise<SdkAttendee> {
    const out = await this.call(
      { operation: "UpdateAttendeeCapabilities", about: { meetingId }, secrets: { attendeeId } },
      () =>
        this.client.send(
          new UpdateAttendeeCapabilitiesCommand({
            MeetingId: meetingId,
            AttendeeId: attendeeId,
            Capabilities: sdkCapabilities(capabilities),
          }),
        ),
      meetingId,
    );
    return out.Attendee ?? {};
  }

  async deleteAttendee(meetingId: string, attendeeId: string): Promise<void> {
    await this.call(
      { operation: "DeleteAttendee", about: { meetingId }, secrets: { attendeeId } },
      () => this.client.send(new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId })),
      meetingId,
    );
  }

  /** The meeting's attendee with this ExternalUserId, found through ListAttendees, if there is one. */
  async findAttendee(meetingId: string, externalUserId: string): Promise<SdkAttendee | undefined> {
    return (await this.listAttendees(meetingId)).find((a) => a.ExternalUserId === externalUserId);
  }

  /** Every attendee of the meeting, through all pages of ListAttendees. */
  async listAttendees(meetingId: string): Promise<SdkAttendee[]> {
    const attendees: SdkAttendee[] = [];
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const page = await this.call({ operation: "ListAttendees", about: { meetingId } }, () =>
        this.client.send(
          new ListAttendeesCommand({ MeetingId: meetingId, MaxResults: 100, NextToken: token }),
        ),
      );
      attendees.push(...(page.Attendees ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
    return attendees;
  }

  /**
   * BatchCreateAttendee (1–100): the attendees created or, for ExternalUserIds already there, found;
   * and the per-attendee errors, which Chime answers with HTTP 200.
   */
  async batchCreateAttendees(
    meetingId: string,
    members: readonly { externalUserId: string; capabilities?: AttendeeCapabilities }[],
  ): Promise<{ attendees: SdkAttendee[]; errors: CreateAttendeeError[]; requestId?: string }> {
    const out = await this.call(
      { operation: "BatchCreateAttendee", about: { meetingId } },
      () =>
        this.client.send(
          new BatchCreateAttendeeCommand({
            MeetingId: meetingId,
            Attendees: members.map((m) => ({
              ExternalUserId: m.externalUserId,
              Capabilities: m.capabilities && sdkCapabilities(m.capabilities),
            })),
          }),
        ),
      meetingId,
    );
    return { attendees: out.Attendees ?? [], errors: out.Errors ?? [], requestId: out.$metadata?.requestId };
  }

  async createMeeting(input: CreateMeetingCommandInput): Promise<SdkMeeting> {
    const out = await this.call(
      { operation: "CreateMeeting", about: { externalMeetingId: input.ExternalMeetingId } },
      () => this.client.send(new CreateMeetingCommand(input)),
    );
    if (out.Meeting?.MeetingId) meetingRegions.set(out.Meeting.MeetingId, this.settings.region);
    return out.Meeting ?? {};
  }

  async getMeeting(meetingId: string): Promise<SdkMeeting> {
    const out = await this.call({ operation: "GetMeeting", about: { meetingId } }, () =>
      this.client.send(new GetMeetingCommand({ MeetingId: meetingId })),
    );
    meetingRegions.set(meetingId, this.settings.region);
    return out.Meeting ?? {};
  }

  async deleteMeeting(meetingId: string): Promise<void> {
    await this.call(
      { operation: "DeleteMeeting", about: { meetingId } },
      () => this.client.send(new DeleteMeetingCommand({ MeetingId: meetingId })),
      meetingId,
    );
  }

  async listTags(meetingArn: string): Promise<Record<string, string>> {
    const out = await this.call({ operation: "ListTagsForResource", about: { meetingArn } }, () =>
      this.client.send(new ListTagsForResourceCommand({ ResourceARN: meetingArn })),
    );
    return Object.fromEntries((out.Tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
  }

  async tagMeeting(meetingArn: string, tags: [string, string][]): Promise<void> {
    await this.call({ operation: "TagResource", about: { meetingArn } }, () =>
      this.client.send(
        new TagResourceCommand({
          ResourceARN: meetingArn,
          Tags: tags.map(([Key, Value]) => ({ Key, Value })),
        }),
      ),
    );
  }

  async untagMeeting(meetingArn: string, keys: string[]): Promise<void> {
    await this.call({ operation: "UntagResource", about: { meetingArn } }, () =>
      this.client.send(new UntagResourceCommand({ ResourceARN: meetingArn, TagKeys: keys })),
    );
  }
}

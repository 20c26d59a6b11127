import {
  BatchCreateAttendeeCommand,
  ChimeSDKMeetingsClient,
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
import type { AttendeeCapabilities } from "../shared/capabilities";
import { attendeePages, type Caller, callOnAttendee, everyItem, firstItem, MeetingCalls } from "./call";
import type { ChimeClients } from "./client";
import { sdkClient } from "./client";
import type { Failure } from "./errors";
import type { ChimeSettings } from "./settings";

/** The Chime SDK Meetings client of an instance's `clients` for `settings`. */
export function meetingsClient(settings: ChimeSettings, clients: ChimeClients): ChimeSDKMeetingsClient {
  return clients.get("meetings", settings, (pacer) => sdkClient(ChimeSDKMeetingsClient, settings, pacer));
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
  constructor(
    private readonly settings: ChimeSettings,
    private readonly clients: ChimeClients,
    /** Inputs the program marked secret (e.g. a `pulumi.secret` meetingId): masked in messages. */
    secretNames: readonly string[] = [],
  ) {
    this.calls = new MeetingCalls(settings, clients, secretNames);
  }

  /** The call and cache-invalidation path both namespaces share (`./call.ts`). */
  private readonly calls: MeetingCalls;

  private call<T>(failure: Failure, send: () => Promise<T>, changes?: string): Promise<T> {
    return this.calls.call(failure, send, changes);
  }

  private caller(changes?: string): Caller {
    return this.calls.caller(changes);
  }

  private get client(): ChimeSDKMeetingsClient {
    return meetingsClient(this.settings, this.clients);
  }

  /**
   * The meeting's attendees for a read, or `undefined` when the meeting is gone (404): reads of
   * attendees of one meeting that arrive close together (a refresh reads every resource at once)
   * share one ListAttendees listing, 100 attendees a page, instead of one GetAttendee each. The
   * listing serves the reads that arrive while it runs and for 2 s after (`SNAPSHOT_WINDOW_MS`), and
   * is dropped at once when this process changes the meeting's attendees.
   */
  meetingAttendees(meetingId: string): Promise<SdkAttendee[] | undefined> {
    return this.calls.meetingAttendees(meetingId, () => this.listAttendees(meetingId));
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
    const out = await callOnAttendee(this.caller(), "GetAttendee", meetingId, attendeeId, (request) =>
      this.client.send(new GetAttendeeCommand(request)),
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
    await callOnAttendee(this.caller(meetingId), "DeleteAttendee", meetingId, attendeeId, (request) =>
      this.client.send(new DeleteAttendeeCommand(request)),
    );
  }

  /** The meeting's attendee with this ExternalUserId, found through ListAttendees, if there is one. */
  findAttendee(meetingId: string, externalUserId: string): Promise<SdkAttendee | undefined> {
    return firstItem(this.attendees(meetingId), (a) => a.ExternalUserId === externalUserId);
  }

  /** Every attendee of the meeting, through all pages of ListAttendees. */
  listAttendees(meetingId: string): Promise<SdkAttendee[]> {
    return everyItem(this.attendees(meetingId));
  }

  private attendees(meetingId: string): AsyncGenerator<SdkAttendee> {
    return attendeePages(meetingId, this.caller(), (request) =>
      this.client.send(new ListAttendeesCommand(request)),
    );
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
    if (out.Meeting?.MeetingId) this.clients.meetingRegions.set(out.Meeting.MeetingId, this.settings.region);
    return out.Meeting ?? {};
  }

  async getMeeting(meetingId: string): Promise<SdkMeeting> {
    const out = await this.call({ operation: "GetMeeting", about: { meetingId } }, () =>
      this.client.send(new GetMeetingCommand({ MeetingId: meetingId })),
    );
    this.clients.meetingRegions.set(meetingId, this.settings.region);
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

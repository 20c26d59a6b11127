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
import { describeFailure, type Failure } from "./errors";
import { RequestPacer } from "./request-pacer";
import { type ChimeSettings, endpointOf } from "./settings";

const pacer = new RequestPacer();

/**
 * The control-plane region of each meeting created or read in this process (one deployment), by
 * MeetingId: a NotFound about a meeting known to live elsewhere is then reported as a region mismatch.
 */
const meetingRegions = new Map<string, string>();

function sdkCapabilities(c: AttendeeCapabilities) {
  return { Audio: c.audio, Video: c.video, Content: c.content };
}

/**
 * The Chime SDK Meetings calls the providers make: each paced to the per-operation quota and, on
 * failure, rethrown as a `ChimeRequestError` that says what to do.
 */
export class ChimeApi {
  constructor(private readonly settings: ChimeSettings) {}

  private async call<T>(failure: Failure, send: () => Promise<T>): Promise<T> {
    const { region, endpoint, maxRequestsPerSecond } = this.settings;
    await pacer.acquire(`${region}|${endpoint ?? ""}|${failure.operation}`, maxRequestsPerSecond);
    try {
      return await send();
    } catch (error) {
      const meetingId = failure.about.meetingId;
      throw describeFailure(
        {
          ...failure,
          region,
          endpoint: endpointOf(this.settings),
          meetingRegion: meetingId ? meetingRegions.get(meetingId) : undefined,
        },
        error,
      );
    }
  }

  private get client() {
    return chimeClient(this.settings);
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
    const out = await this.call({ operation: "CreateAttendee", about: { meetingId, externalUserId } }, () =>
      this.client.send(
        new CreateAttendeeCommand({
          MeetingId: meetingId,
          ExternalUserId: externalUserId,
          Capabilities: capabilities && sdkCapabilities(capabilities),
        }),
      ),
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
    );
    return out.Attendee ?? {};
  }

  async deleteAttendee(meetingId: string, attendeeId: string): Promise<void> {
    await this.call({ operation: "DeleteAttendee", about: { meetingId }, secrets: { attendeeId } }, () =>
      this.client.send(new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId })),
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
    const out = await this.call({ operation: "BatchCreateAttendee", about: { meetingId } }, () =>
      this.client.send(
        new BatchCreateAttendeeCommand({
          MeetingId: meetingId,
          Attendees: members.map((m) => ({
            ExternalUserId: m.externalUserId,
            Capabilities: m.capabilities && sdkCapabilities(m.capabilities),
          })),
        }),
      ),
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
    await this.call({ operation: "DeleteMeeting", about: { meetingId } }, () =>
      this.client.send(new DeleteMeetingCommand({ MeetingId: meetingId })),
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

/**
 * The emulator's world: live meetings with their attendees and tags, and the meeting lifecycle
 * (a meeting ends on DeleteMeeting, 24 h after creation on the emulated clock, out of band, or
 * when its primary ends). Business rules (idempotency, limits) live in the operations; this class
 * only keeps the data consistent and reports every change so that persistence can follow.
 */
import type { EmulatedClock } from "./clock";
import { newId, newJoinToken } from "./ids";
import type { AttendeeCapabilities, MeetingInput, StoredAttendee, StoredMeeting } from "./model";

export const MEETING_LIFETIME_MS = 24 * 60 * 60 * 1000;

export class MeetingStore {
  private readonly meetings = new Map<string, StoredMeeting>();
  /** ClientRequestToken → MeetingId, for CreateMeeting idempotency while the meeting lives. */
  private readonly meetingByToken = new Map<string, string>();

  constructor(
    private readonly clock: EmulatedClock,
    private readonly onChange: () => void = () => {},
  ) {}

  /** Reports a change made in place to a meeting, its tags or one of its attendees. */
  changed(meeting: StoredMeeting): void {
    meeting.version++;
    this.onChange();
  }

  /** The meeting if it is live; a meeting past its lifetime ends here, lazily. */
  liveMeeting(meetingId: string): StoredMeeting | undefined {
    const meeting = this.meetings.get(meetingId);
    if (meeting === undefined) return undefined;
    if (this.expired(meeting)) {
      this.endMeeting(meetingId);
      return undefined;
    }
    return meeting;
  }

  meetingForToken(clientRequestToken: string): StoredMeeting | undefined {
    const id = this.meetingByToken.get(clientRequestToken);
    return id === undefined ? undefined : this.liveMeeting(id);
  }

  liveMeetings(): StoredMeeting[] {
    this.sweepExpired();
    return [...this.meetings.values()];
  }

  meetingCount(): number {
    this.sweepExpired();
    return this.meetings.size;
  }

  /** Ids of all meetings held, live or not yet swept; persistence walks these one at a time. */
  meetingIds(): string[] {
    return [...this.meetings.keys()];
  }

  /** A held meeting without the lifecycle check (persistence writes what it holds). */
  heldMeeting(meetingId: string): StoredMeeting | undefined {
    return this.meetings.get(meetingId);
  }

  addMeeting(input: MeetingInput): StoredMeeting {
    const meeting: StoredMeeting = {
      meetingId: newId(),
      input,
      createdAt: this.clock.now(),
      tags: new Map((input.Tags ?? []).map((t) => [t.Key, t.Value])),
      transcription: undefined,
      attendees: new Map(),
      attendeeByExternalUserId: new Map(),
      nextSeq: 1,
      version: 0,
    };
    this.insert(meeting);
    this.onChange();
    return meeting;
  }

  /** Puts back a meeting read from the state file. */
  restore(meeting: StoredMeeting): void {
    this.insert(meeting);
  }

  private insert(meeting: StoredMeeting): void {
    this.meetings.set(meeting.meetingId, meeting);
    this.meetingByToken.set(meeting.input.ClientRequestToken, meeting.meetingId);
  }

  /** Ends a meeting and, like AWS, every replica whose primary it is. True if it was held. */
  endMeeting(meetingId: string): boolean {
    const meeting = this.meetings.get(meetingId);
    if (meeting === undefined) return false;
    this.meetings.delete(meetingId);
    if (this.meetingByToken.get(meeting.input.ClientRequestToken) === meetingId) {
      this.meetingByToken.delete(meeting.input.ClientRequestToken);
    }
    for (const other of [...this.meetings.values()]) {
      if (other.input.PrimaryMeetingId?.toLowerCase() === meetingId) this.endMeeting(other.meetingId);
    }
    this.onChange();
    return true;
  }

  sweepExpired(): void {
    for (const meeting of [...this.meetings.values()]) {
      if (this.meetings.has(meeting.meetingId) && this.expired(meeting)) this.endMeeting(meeting.meetingId);
    }
  }

  addAttendee(
    meeting: StoredMeeting,
    externalUserId: string,
    capabilities: AttendeeCapabilities,
  ): StoredAttendee {
    const attendee: StoredAttendee = {
      attendeeId: newId(),
      externalUserId,
      joinToken: newJoinToken(),
      capabilities,
      seq: meeting.nextSeq++,
    };
    meeting.attendees.set(attendee.attendeeId, attendee);
    meeting.attendeeByExternalUserId.set(externalUserId, attendee.attendeeId);
    this.changed(meeting);
    return attendee;
  }

  removeAttendee(meeting: StoredMeeting, attendeeId: string): boolean {
    const attendee = meeting.attendees.get(attendeeId);
    if (attendee === undefined) return false;
    meeting.attendees.delete(attendeeId);
    meeting.attendeeByExternalUserId.delete(attendee.externalUserId);
    this.changed(meeting);
    return true;
  }

  private expired(meeting: StoredMeeting): boolean {
    return this.clock.now() - meeting.createdAt >= MEETING_LIFETIME_MS;
  }
}

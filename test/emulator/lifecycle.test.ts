import {
  CreateAttendeeCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { startChimeLocal } from "../../emulator";
import { clientFor, expectServiceError, newAttendee, newMeeting, useEndpoint } from "./helpers";

const HOUR = 60 * 60 * 1000;

describe("emulator: meeting lifecycle (clock and out-of-band end)", () => {
  // A frozen time source: only advanceClock moves the emulated clock, so boundaries are exact.
  const frozen = Date.UTC(2030, 0, 1);
  const env = useEndpoint({ now: () => frozen });

  /** Every call about an ended meeting answers 404. */
  async function expectGone(meetingId: string, attendeeId: string, arn: string): Promise<void> {
    const notFound = { name: "NotFoundException", code: "NotFound", status: 404, message: [meetingId] };
    await expectServiceError(env.client.send(new GetMeetingCommand({ MeetingId: meetingId })), notFound);
    await expectServiceError(
      env.client.send(new GetAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId })),
      notFound,
    );
    await expectServiceError(env.client.send(new ListAttendeesCommand({ MeetingId: meetingId })), notFound);
    await expectServiceError(
      env.client.send(new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: "late" })),
      notFound,
    );
    await expectServiceError(env.client.send(new DeleteMeetingCommand({ MeetingId: meetingId })), notFound);
    await expectServiceError(env.client.send(new ListTagsForResourceCommand({ ResourceARN: arn })), {
      name: "ResourceNotFoundException",
      status: 404,
    });
    expect(env.local.meetings().map((m) => m.meetingId)).not.to.include(meetingId);
    expect(env.local.attendees(meetingId)).to.deep.equal([]);
  }

  it("GIVEN a meeting WHEN 24 hours of emulated time pass THEN it has ended and every call about it is 404", async () => {
    const meeting = await newMeeting(env.client);
    const attendee = await newAttendee(env.client, meeting.MeetingId, "sleepy");

    env.local.advanceClock(24 * HOUR - 1);
    await env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }));

    env.local.advanceClock(1);
    await expectGone(meeting.MeetingId, attendee.AttendeeId, meeting.MeetingArn);
  });

  it("GIVEN a meeting WHEN it is ended out of band THEN endMeeting says so once and every call is 404", async () => {
    const meeting = await newMeeting(env.client);
    const attendee = await newAttendee(env.client, meeting.MeetingId, "idle");

    expect(env.local.endMeeting(meeting.MeetingId)).to.equal(true);
    expect(env.local.endMeeting(meeting.MeetingId)).to.equal(false);

    await expectGone(meeting.MeetingId, attendee.AttendeeId, meeting.MeetingArn);
  });

  it("GIVEN an ended meeting WHEN CreateMeeting is retried with its token THEN a new meeting starts", async () => {
    const first = await newMeeting(env.client, { ClientRequestToken: "lifecycle-token" });
    env.local.endMeeting(first.MeetingId);
    const second = await newMeeting(env.client, { ClientRequestToken: "lifecycle-token" });
    expect(second.MeetingId).not.to.equal(first.MeetingId);
  });

  it("lists live meetings and attendees for assertions", async () => {
    const meeting = await newMeeting(env.client, { ExternalMeetingId: "listed" });
    const attendee = await newAttendee(env.client, meeting.MeetingId, "listed-user");
    expect(env.local.meetings()).to.deep.include({
      meetingId: meeting.MeetingId,
      externalMeetingId: "listed",
      attendeeCount: 1,
    });
    expect(env.local.attendees(meeting.MeetingId)).to.deep.equal([
      {
        attendeeId: attendee.AttendeeId,
        externalUserId: "listed-user",
        joinToken: attendee.JoinToken,
        capabilities: { Audio: "SendReceive", Video: "SendReceive", Content: "SendReceive" },
      },
    ]);
  });

  it("refuses to move the clock backwards", () => {
    expect(() => env.local.advanceClock(-1)).to.throw(RangeError);
  });

  it("takes its initial time from the `now` option", async () => {
    let now = frozen;
    const local = await startChimeLocal({ now: () => now });
    const client = clientFor(local);
    try {
      const meeting = await newMeeting(client);
      now += 24 * HOUR;
      await expectServiceError(client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })), {
        name: "NotFoundException",
        status: 404,
      });
    } finally {
      client.destroy();
      await local.close();
    }
  });
});

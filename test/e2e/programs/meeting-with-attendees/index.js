// A Meeting and, in it, the attendees listed in stack config `attendees`:
//   [{ "name": "kiosk", "externalUserId": "kiosk-1", "capabilities": { ... } }, ...]
// Each attendee's AttendeeId and JoinToken are exported (secret, as the resource marks them).

const pulumi = require("@pulumi/pulumi");
const { Attendee, Meeting } = require("pulumi-chime-sdk");

const config = new pulumi.Config();
const meeting = new Meeting("meeting", {
  externalMeetingId: config.get("externalMeetingId") ?? "e2e-room",
  mediaRegion: "us-east-1",
  tags: config.getObject("tags"),
});
exports.meetingId = meeting.meetingId;
for (const a of config.requireObject("attendees")) {
  const attendee = new Attendee(a.name, {
    meetingId: meeting.meetingId,
    externalUserId: a.externalUserId,
    capabilities: a.capabilities,
  });
  exports[`${a.name}AttendeeId`] = attendee.attendeeId;
  exports[`${a.name}JoinToken`] = attendee.joinToken;
}

// A meeting of the legacy Amazon Chime namespace (tags from stack config `meetingTags`) and, in it, the
// attendees listed in stack config `attendees`, each with its tags (the seed's contract: MeetingId,
// ExternalUserId, Tags → ExternalUserId, AttendeeId, JoinToken):
//   [{ "name": "kiosk", "externalUserId": "kiosk-1", "tags": { "site": "lobby" } }, ...]
// Each attendee's AttendeeId and JoinToken are exported (secret, as the resource marks them).

const pulumi = require("@pulumi/pulumi");
const { Attendee, Meeting } = require("pulumi-chime-sdk");

const config = new pulumi.Config();
const meeting = new Meeting("meeting", {
  namespace: "legacy",
  externalMeetingId: "e2e-legacy-room",
  mediaRegion: "us-east-1",
  tags: config.getObject("meetingTags"),
});
exports.meetingId = meeting.meetingId;
for (const a of config.requireObject("attendees")) {
  const attendee = new Attendee(a.name, {
    namespace: "legacy",
    meetingId: meeting.meetingId,
    externalUserId: a.externalUserId,
    tags: a.tags,
  });
  exports[`${a.name}AttendeeId`] = attendee.attendeeId;
  exports[`${a.name}JoinToken`] = attendee.joinToken;
  exports[`${a.name}Tags`] = attendee.tags;
}

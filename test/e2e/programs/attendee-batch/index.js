// A Meeting and one AttendeeBatch of the bots listed in stack config `bots` (externalUserIds).

const pulumi = require("@pulumi/pulumi");
const { AttendeeBatch, Meeting } = require("pulumi-chime-sdk");

const config = new pulumi.Config();
const meeting = new Meeting("meeting", { externalMeetingId: "e2e-batch-room", mediaRegion: "us-east-1" });
const batch = new AttendeeBatch("bots", {
  meetingId: meeting.meetingId,
  attendees: config.requireObject("bots").map((externalUserId) => ({ externalUserId })),
});
exports.meetingId = meeting.meetingId;
exports.joinInfo = batch.joinInfo;

// A meeting of the legacy Amazon Chime namespace and one AttendeeBatch (namespace "legacy") of the bots
// listed in stack config `bots`, each with its tags (keep it secret config: the tags are sensitive, and
// the engine records stack config in state; read as a plain object, so that what keeps the tags secret
// in the resource's state is the AttendeeBatch class itself):
//   [{ "externalUserId": "bot-1", "tags": { "role": "recorder" } }, { "externalUserId": "bot-2" }, ...]
// Exports the batch's joinInfo (secret: AttendeeId, JoinToken and tags per externalUserId).

const pulumi = require("@pulumi/pulumi");
const { AttendeeBatch, Meeting } = require("pulumi-chime-sdk");

const config = new pulumi.Config();
const meeting = new Meeting("meeting", {
  namespace: "legacy",
  externalMeetingId: "e2e-legacy-batch-room",
  mediaRegion: "us-east-1",
});
const batch = new AttendeeBatch("bots", {
  namespace: "legacy",
  meetingId: meeting.meetingId,
  attendees: config.requireObject("bots"),
});
exports.meetingId = meeting.meetingId;
exports.joinInfo = batch.joinInfo;
exports.attendees = batch.attendees;

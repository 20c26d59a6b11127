// One stack that the plan-equals-apply suite edits step by step through stack config:
//   room, mediaRegion, region, tags (JSON)      the Meeting "meeting" (tags live in "meeting-tags")
//   attendees: [{ name, externalUserId, capabilities? }]   an Attendee each, in "meeting"
//   bots: [{ externalUserId, capabilities? }]              the AttendeeBatch "bots", in "meeting"
//   lobbyRoom                                   the Meeting "lobby", whose meetingId names the one
//                                               member of the AttendeeBatch "guests" (in "meeting"):
//                                               a list computed with apply, unknown in a preview
//                                               that replaces the lobby.
//   resources: "plugin"                         the same resources from the provider plugin, through
//                                               its generated SDK (the Meeting then holds its own
//                                               tags: no "meeting-tags")

const pulumi = require("@pulumi/pulumi");

const { Attendee, AttendeeBatch, Meeting } =
  new pulumi.Config().get("resources") === "plugin"
    ? require("pulumi-chime-sdk/plugin")
    : require("pulumi-chime-sdk");

const config = new pulumi.Config();
const region = config.get("region");
const meeting = new Meeting("meeting", {
  externalMeetingId: config.get("room") ?? "plan-room",
  mediaRegion: config.get("mediaRegion") ?? "us-east-1",
  tags: config.getObject("tags"),
  region,
});
for (const a of config.requireObject("attendees")) {
  new Attendee(a.name, {
    meetingId: meeting.meetingId,
    externalUserId: a.externalUserId,
    capabilities: a.capabilities,
    region,
  });
}
new AttendeeBatch("bots", { meetingId: meeting.meetingId, attendees: config.requireObject("bots"), region });

const lobby = new Meeting("lobby", {
  externalMeetingId: config.require("lobbyRoom"),
  mediaRegion: "us-east-1",
  region,
});
new AttendeeBatch("guests", {
  meetingId: meeting.meetingId,
  attendees: lobby.meetingId.apply((id) => [{ externalUserId: `guest-of-${id.slice(0, 8)}` }]),
  region,
});
exports.meetingId = meeting.meetingId;
exports.lobbyId = lobby.meetingId;

// The provider plugin's resources through its generated SDK (`pulumi-chime-sdk/plugin`): a Meeting
// "room" and, from stack config,
//   attendees: [{ "name": "kiosk", "externalUserId": "kiosk-1", "capabilities"?: {...} }, ...]  (in "room")
//   meetings:  [{ "name": "lobby", "externalMeetingId": "lobby", "mediaRegion": "us-east-1" }, ...]
//   otherEndpoint: a second endpoint, for a Meeting "elsewhere" under an explicit provider instance.
// Each attendee's AttendeeId and JoinToken are exported (secret, as the plugin returns them).

const pulumi = require("@pulumi/pulumi");

// The plugin's generated Node.js SDK (sdk/nodejs, from schema.json), not classes written here.
const plugin = require("pulumi-chime-sdk/plugin");

const config = new pulumi.Config();
const room = new plugin.Meeting("room", { externalMeetingId: "e2e-plugin-room", mediaRegion: "us-east-1" });
exports.roomId = room.meetingId;
for (const a of config.getObject("attendees") ?? []) {
  const attendee = new plugin.Attendee(a.name, {
    meetingId: room.meetingId,
    externalUserId: a.externalUserId,
    capabilities: a.capabilities,
  });
  exports[`${a.name}AttendeeId`] = attendee.attendeeId;
  exports[`${a.name}JoinToken`] = attendee.joinToken;
}
for (const m of config.getObject("meetings") ?? []) {
  new plugin.Meeting(m.name, { externalMeetingId: m.externalMeetingId, mediaRegion: m.mediaRegion });
}
const otherEndpoint = config.get("otherEndpoint");
if (otherEndpoint) {
  const other = new plugin.Provider("other", { endpoint: otherEndpoint });
  const elsewhere = new plugin.Meeting(
    "elsewhere",
    { externalMeetingId: "e2e-plugin-elsewhere", mediaRegion: "us-east-1" },
    { provider: other },
  );
  exports.elsewhereId = elsewhere.meetingId;
}

// The same meeting "room" and attendee "kiosk", declared with the dynamic classes (stack config
// `phase: dynamic`) or with the provider plugin's resources (`phase: plugin`), the meeting then taken
// over with the `import` resource option (`roomId`: its MeetingId) and the attendee adopted by its
// create (CreateAttendee returns the attendee the meeting has for its externalUserId).

const pulumi = require("@pulumi/pulumi");

// The plugin's generated Node.js SDK (sdk/nodejs, from schema.json), not classes written here.
const plugin = require("pulumi-chime-sdk/plugin");

const config = new pulumi.Config();
const dynamic = config.require("phase") === "dynamic";
const classes = dynamic ? require("pulumi-chime-sdk") : plugin;
const roomId = config.get("roomId");
const room = new classes.Meeting(
  "room",
  { externalMeetingId: "e2e-migration-room", mediaRegion: "us-east-1" },
  !dynamic && roomId ? { import: roomId } : undefined,
);
const kiosk = new classes.Attendee("kiosk", { meetingId: room.meetingId, externalUserId: "kiosk-1" });
exports.roomId = room.meetingId;
exports.kioskAttendeeId = kiosk.attendeeId;
exports.kioskJoinToken = kiosk.joinToken;

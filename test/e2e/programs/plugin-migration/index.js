// The same meeting "room" and attendee "kiosk", declared with the dynamic classes (stack config
// `phase: dynamic`) or with the provider plugin's resources (`phase: plugin`), the meeting then taken
// over with the `import` resource option (`roomId`: its MeetingId) and the attendee adopted by its
// create (CreateAttendee returns the attendee the meeting has for its externalUserId).

const pulumi = require("@pulumi/pulumi");

class Meeting extends pulumi.CustomResource {
  constructor(name, args, opts) {
    const outputs = {
      meetingId: undefined,
      meetingArn: undefined,
      mediaPlacement: undefined,
      region: undefined,
    };
    super("chime:index:Meeting", name, { ...outputs, ...args }, opts);
  }
}

class Attendee extends pulumi.CustomResource {
  constructor(name, args, opts) {
    const outputs = {
      attendeeId: undefined,
      joinToken: undefined,
      capabilities: undefined,
      region: undefined,
    };
    super("chime:index:Attendee", name, { ...outputs, ...args }, opts);
  }
}

const config = new pulumi.Config();
const dynamic = config.require("phase") === "dynamic";
const classes = dynamic ? require("pulumi-chime-sdk") : { Meeting, Attendee };
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

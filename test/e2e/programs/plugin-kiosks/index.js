// The provider plugin's resources through its generated SDK (`pulumi-chime-sdk/plugin`): a Meeting
// "room" and, from stack config,
//   attendees: [{ "name": "kiosk", "externalUserId": "kiosk-1", "capabilities"?: {...} }, ...]  (in "room")
//   meetings:  [{ "name": "lobby", "externalMeetingId": "lobby", "mediaRegion": "us-east-1", ...other inputs }, ...]
//   otherEndpoint: a second endpoint, for a Meeting "elsewhere" under an explicit provider instance.
//   takeovers: [{ "kind": "Attendee" | "Meeting", "name": "dup", "id": "<import id>", "how": "import" | "get" }]
//              resources that read an existing one by id (the `import` option, or a `get`), after the
//              attendees (they depend on them, so the engine has checked those first).
// Each attendee's AttendeeId and JoinToken are exported (secret, as the plugin returns them).

const pulumi = require("@pulumi/pulumi");

// The plugin's generated Node.js SDK (sdk/nodejs, from schema.json), not classes written here.
const plugin = require("pulumi-chime-sdk/plugin");

const config = new pulumi.Config();
const room = new plugin.Meeting("room", { externalMeetingId: "e2e-plugin-room", mediaRegion: "us-east-1" });
exports.roomId = room.meetingId;
const declared = [];
for (const a of config.getObject("attendees") ?? []) {
  const attendee = new plugin.Attendee(a.name, {
    meetingId: room.meetingId,
    externalUserId: a.externalUserId,
    capabilities: a.capabilities,
  });
  declared.push(attendee);
  exports[`${a.name}AttendeeId`] = attendee.attendeeId;
  exports[`${a.name}JoinToken`] = attendee.joinToken;
}
// Each meeting with every input given (a Meeting imported with features, tenant ids, a host id, tags).
for (const { name, ...inputs } of config.getObject("meetings") ?? []) {
  new plugin.Meeting(name, inputs);
}
for (const t of config.getObject("takeovers") ?? []) {
  const Kind = t.kind === "Meeting" ? plugin.Meeting : plugin.Attendee;
  const options = { dependsOn: declared, ...(t.how === "get" ? { id: t.id } : { import: t.id }) };
  new Kind(t.name, t.how === "get" ? {} : t.inputs, options);
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

// The provider plugin's resources declared by type token, as any Pulumi program (or a generated SDK)
// declares a provider's resources: a Meeting "room" and, from stack config,
//   attendees: [{ "name": "kiosk", "externalUserId": "kiosk-1", "capabilities"?: {...} }, ...]  (in "room")
//   meetings:  [{ "name": "lobby", "externalMeetingId": "lobby", "mediaRegion": "us-east-1", ...other inputs }, ...]
//   otherEndpoint: a second endpoint, for a Meeting "elsewhere" under an explicit provider instance.
//   takeovers: [{ "kind": "Attendee" | "Meeting", "name": "dup", "id": "<import id>", "how": "import" | "get" }]
//              resources that read an existing one by id (the `import` option, or a `get`), after the
//              attendees (they depend on them, so the engine has checked those first).
// Each attendee's AttendeeId and JoinToken are exported (secret, as the plugin returns them).

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
const room = new Meeting("room", { externalMeetingId: "e2e-plugin-room", mediaRegion: "us-east-1" });
exports.roomId = room.meetingId;
const declared = [];
for (const a of config.getObject("attendees") ?? []) {
  const attendee = new Attendee(a.name, {
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
  new Meeting(name, inputs);
}
for (const t of config.getObject("takeovers") ?? []) {
  const Kind = t.kind === "Meeting" ? Meeting : Attendee;
  const options = { dependsOn: declared, ...(t.how === "get" ? { id: t.id } : { import: t.id }) };
  new Kind(t.name, t.how === "get" ? {} : t.inputs, options);
}
const otherEndpoint = config.get("otherEndpoint");
if (otherEndpoint) {
  const other = new pulumi.ProviderResource("chime", "other", { endpoint: otherEndpoint });
  const elsewhere = new Meeting(
    "elsewhere",
    { externalMeetingId: "e2e-plugin-elsewhere", mediaRegion: "us-east-1" },
    { provider: other },
  );
  exports.elsewhereId = elsewhere.meetingId;
}

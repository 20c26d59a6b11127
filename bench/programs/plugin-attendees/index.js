// A Meeting and `count` Attendees (stack config, default 250) through the provider plugin
// (`pulumi-resource-chime`, which must be on PATH: the repo's bin/), declared by type token as any
// Pulumi program or generated SDK declares a provider's resources. bench/engine.ts measures it beside
// the `ComponentResource` floor: what a pass costs with the plugin instead of the dynamic provider.

const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const count = config.getNumber("count") ?? 250;
const meeting = new pulumi.CustomResource("chime:index:Meeting", "room", {
  externalMeetingId: "bench-plugin-room",
  mediaRegion: "us-east-1",
  meetingId: undefined,
});
for (let n = 1; n <= count; n++) {
  new pulumi.CustomResource("chime:index:Attendee", `attendee-${n}`, {
    meetingId: meeting.meetingId,
    externalUserId: `bench-plugin-${n}`,
    attendeeId: undefined,
  });
}

// The attendees listed in stack config `attendees` in the meeting named by stack config `meetingId`.

const pulumi = require("@pulumi/pulumi");
const { Attendee } = require("pulumi-chime-sdk");

const config = new pulumi.Config();
const meetingId = config.require("meetingId");
for (const a of config.requireObject("attendees")) {
  const attendee = new Attendee(a.name, {
    meetingId,
    externalUserId: a.externalUserId,
    capabilities: a.capabilities,
  });
  exports[`${a.name}JoinToken`] = attendee.joinToken;
}

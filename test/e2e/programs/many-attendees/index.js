// A meeting for 250 attendees and, in it, `count` attendees (stack config, default 30) named
// `<prefix>-<n>`: `Attendee` resources, or one `AttendeeBatch` when stack config `batch` is true.
// The endurance and benchmark stacks: throttling, concurrent stacks, interrupted runs, `npm run bench`.

const pulumi = require("@pulumi/pulumi");
const { Attendee, AttendeeBatch, Meeting } = require("pulumi-chime-sdk");

const config = new pulumi.Config();
const count = config.getNumber("count") ?? 30;
const prefix = config.get("prefix") ?? "bot";
const meeting = new Meeting("meeting", {
  externalMeetingId: config.get("externalMeetingId") ?? `${prefix}-room`,
  mediaRegion: "us-east-1",
  meetingFeatures: { attendee: { maxCount: 250 } },
});
const names = Array.from({ length: count }, (_, n) => `${prefix}-${n + 1}`);
if (config.getBoolean("batch")) {
  new AttendeeBatch("bots", {
    meetingId: meeting.meetingId,
    attendees: names.map((externalUserId) => ({ externalUserId })),
  });
} else {
  for (const externalUserId of names)
    new Attendee(externalUserId, { meetingId: meeting.meetingId, externalUserId });
}
exports.meetingId = meeting.meetingId;

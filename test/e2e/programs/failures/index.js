// One failure scenario per stack, chosen by stack config `scenario` (test/e2e/failures.test.ts).

const pulumi = require("@pulumi/pulumi");
const { Attendee, AttendeeBatch, Meeting } = require("pulumi-chime-sdk");

const config = new pulumi.Config();
const scenario = config.require("scenario");

if (scenario === "attendee") {
  // An attendee of an existing meeting (config meetingId); externalUserId from config, secret if asked.
  const externalUserId =
    config.get("secretUser") === "true" ? config.requireSecret("user") : config.require("user");
  new Attendee("kiosk", { meetingId: config.require("meetingId"), externalUserId });
} else if (scenario === "batch-full") {
  // A meeting with room for 2 and a batch of 3: BatchCreateAttendee fails the third with HTTP 200.
  const meeting = new Meeting("meeting", {
    externalMeetingId: "e2e-full-room",
    mediaRegion: "us-east-1",
    meetingFeatures: { attendee: { maxCount: 2 } },
  });
  new AttendeeBatch("bots", {
    meetingId: meeting.meetingId,
    attendees: ["bot-one", "bot-two", "bot-three"].map((externalUserId) => ({ externalUserId })),
  });
} else if (scenario === "duplicate") {
  // The same attendee declared twice: an Attendee and a member of an AttendeeBatch.
  const meeting = new Meeting("meeting", { externalMeetingId: "e2e-dup-room", mediaRegion: "us-east-1" });
  new Attendee("kiosk", { meetingId: meeting.meetingId, externalUserId: "shared-user" });
  new AttendeeBatch("bots", {
    meetingId: meeting.meetingId,
    attendees: [{ externalUserId: "bot-1" }, { externalUserId: "shared-user" }],
  });
} else if (scenario === "new-region") {
  // A media region this version does not know (AWS may have added it): a warning, not a failure.
  new Meeting("meeting", { externalMeetingId: "e2e-new-region", mediaRegion: config.require("mediaRegion") });
} else {
  throw new Error(`unknown scenario ${scenario}`);
}

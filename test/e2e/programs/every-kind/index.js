// Every resource kind in both namespaces, each with and without its optional settings, from the
// dynamic classes or (stack config `resources: plugin`) the provider plugin's generated SDK:
//   Chime SDK Meetings: the Meeting "meeting" with tags (the dynamic class makes its MeetingTags child
//     "meeting-tags"; the plugin's Meeting holds them), the Meeting "room" without tags, the MeetingTags
//     "outside-tags" of a meeting made out of band (stack config `outsideMeetingId`, `outsideMeetingArn`:
//     a Meeting of either front-end manages its own tags), the Attendees "kiosk" (capabilities
//     declared) and "bot" (Chime's default), the AttendeeBatch "bots" (one member with capabilities,
//     one without);
//   legacy Amazon Chime: the same under "legacy-" names (`legacyOutsideMeetingId`), tags where the
//     other has capabilities.
// The refresh-stability suite (test/e2e/refresh-stability.test.ts) compares the state's inputs before
// and after a refresh.

const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const { Attendee, AttendeeBatch, Meeting, MeetingTags } =
  config.get("resources") === "plugin" ? require("pulumi-chime-sdk/plugin") : require("pulumi-chime-sdk");

const ALL = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };

// Chime SDK Meetings
const meeting = new Meeting("meeting", {
  externalMeetingId: "every-kind-room",
  mediaRegion: "us-east-1",
  meetingFeatures: { attendee: { maxCount: 10 } },
  tags: { team: "a" },
});
new Meeting("room", { externalMeetingId: "every-kind-room-2", mediaRegion: "us-east-1" });
new MeetingTags("outside-tags", {
  meetingId: config.require("outsideMeetingId"),
  meetingArn: config.require("outsideMeetingArn"),
  tags: { site: "b" },
});
new Attendee("kiosk", { meetingId: meeting.meetingId, externalUserId: "kiosk-1", capabilities: ALL });
new Attendee("bot", { meetingId: meeting.meetingId, externalUserId: "bot-1" });
new AttendeeBatch("bots", {
  meetingId: meeting.meetingId,
  attendees: [{ externalUserId: "b-1", capabilities: ALL }, { externalUserId: "b-2" }],
});

// The legacy Amazon Chime namespace
const legacy = new Meeting("legacy-meeting", {
  namespace: "legacy",
  externalMeetingId: "every-kind-legacy-room",
  mediaRegion: "us-east-1",
  tags: { team: "a" },
});
new Meeting("legacy-room", {
  namespace: "legacy",
  externalMeetingId: "every-kind-legacy-room-2",
  mediaRegion: "us-east-1",
});
new MeetingTags("legacy-outside-tags", {
  namespace: "legacy",
  meetingId: config.require("legacyOutsideMeetingId"),
  tags: { site: "b" },
});
new Attendee("legacy-kiosk", {
  namespace: "legacy",
  meetingId: legacy.meetingId,
  externalUserId: "kiosk-1",
  tags: { site: "lobby" },
});
new Attendee("legacy-bot", { namespace: "legacy", meetingId: legacy.meetingId, externalUserId: "bot-1" });
new AttendeeBatch("legacy-bots", {
  namespace: "legacy",
  meetingId: legacy.meetingId,
  attendees: [{ externalUserId: "b-1", tags: { role: "recorder" } }, { externalUserId: "b-2" }],
});

exports.meetingId = meeting.meetingId;

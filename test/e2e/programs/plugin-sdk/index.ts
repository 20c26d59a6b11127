// A TypeScript program on the plugin's generated SDK, as its users write one:
// - a meeting and a kiosk through the default provider (stack config chime:endpoint);
// - a meeting made out of band, brought under management with the `import` resource option
//   (stack config `existingMeetingId`, `existingExternalMeetingId`);
// - a meeting and a kiosk through an explicit Provider with its own endpoint (stack config
//   `otherEndpoint`).
import * as pulumi from "@pulumi/pulumi";
import { Attendee, Meeting, Provider } from "pulumi-chime-sdk/plugin";

const config = new pulumi.Config();

const room = new Meeting("room", { externalMeetingId: "sdk-room", mediaRegion: "us-east-1" });
const kiosk = new Attendee("kiosk", {
  meetingId: room.meetingId,
  externalUserId: "kiosk-1",
  capabilities: { audio: "SendReceive", video: "SendReceive", content: "Receive" },
});

const existing = new Meeting(
  "existing",
  { externalMeetingId: config.require("existingExternalMeetingId"), mediaRegion: "us-east-1" },
  { import: config.require("existingMeetingId") },
);

const other = new Provider("other", { endpoint: config.require("otherEndpoint"), maxRequestsPerSecond: 5 });
const elsewhere = new Meeting(
  "elsewhere",
  { externalMeetingId: "sdk-elsewhere", mediaRegion: "us-east-1" },
  { provider: other },
);
const visitor = new Attendee(
  "visitor",
  { meetingId: elsewhere.meetingId, externalUserId: "visitor-1" },
  { provider: other },
);

export const roomId = room.meetingId;
export const existingId = existing.meetingId;
export const elsewhereId = elsewhere.meetingId;
export const kioskJoinToken = kiosk.joinToken;
export const visitorAttendeeId = visitor.attendeeId;

// A meeting and a fleet of receive-only bot attendees (recorders, transcribers, monitors), each with its
// join information exported as a secret.
import * as pulumi from "@pulumi/pulumi";
import { Attendee, Meeting } from "pulumi-chime-sdk";

const config = new pulumi.Config();
/** How many bots to put in the meeting. */
const botCount = config.getNumber("botCount") ?? 5;
/** Where the meeting's media is hosted. */
const mediaRegion = config.get("mediaRegion") ?? "us-east-1";

const meeting = new Meeting("fleet-meeting", {
  externalMeetingId: `${pulumi.getStack()}-bot-fleet`,
  mediaRegion,
  // Room for the bots and for the people they serve.
  meetingFeatures: { attendee: { maxCount: Math.min(250, botCount + 50) } },
  tags: { purpose: "bot-fleet" },
});

const bots = Array.from({ length: botCount }, (_, index) => {
  const name = `bot-${index + 1}`;
  return {
    name,
    attendee: new Attendee(name, {
      meetingId: meeting.meetingId,
      externalUserId: name,
      // Bots listen and watch; they never send media.
      capabilities: { audio: "Receive", video: "Receive", content: "Receive" },
    }),
  };
});

export const meetingId = meeting.meetingId;
export const mediaPlacement = meeting.mediaPlacement;
export const botNames = bots.map((bot) => bot.name);
/** Bot name → { attendeeId, joinToken }, secret as a whole. */
export const botJoinInfo = pulumi.secret(
  pulumi
    .all(bots.map((bot) => pulumi.all([bot.attendee.attendeeId, bot.attendee.joinToken])))
    .apply((pairs) =>
      Object.fromEntries(
        pairs.map(([attendeeId, joinToken], i) => [bots[i].name, { attendeeId, joinToken }]),
      ),
    ),
);

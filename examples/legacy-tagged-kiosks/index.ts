// A meeting in the legacy Amazon Chime namespace (API 2018-05-01) and kiosk attendees in it, each
// tagged with its site and location: the legacy CreateAttendee contract (MeetingId, ExternalUserId,
// Tags → ExternalUserId, AttendeeId, JoinToken). Changing a kiosk's tags updates it in place.
// Each kiosk's join information is exported as a secret.
import * as pulumi from "@pulumi/pulumi";
import { Attendee, Meeting } from "pulumi-chime-sdk";

const config = new pulumi.Config();
/** The site the kiosks stand in. */
const site = config.get("site") ?? "hq";
/** The kiosks: name → where it stands. */
const kiosks = config.getObject<Record<string, string>>("kiosks") ?? {
  lobby: "ground floor",
  door: "main entrance",
};

// The legacy namespace has one endpoint, in us-east-1: region defaults to it.
const meeting = new Meeting("kiosks", {
  namespace: "legacy",
  externalMeetingId: `kiosks-${site}`,
  mediaRegion: "us-east-1",
  tags: { site },
});

const attendees = Object.entries(kiosks).map(
  ([name, location]) =>
    new Attendee(`kiosk-${name}`, {
      namespace: "legacy",
      meetingId: meeting.meetingId,
      externalUserId: `kiosk-${name}`,
      // Legacy attendees carry tags (and have no capabilities); tags change in place.
      tags: { site, location },
    }),
);

export const meetingId = meeting.meetingId;
/** Kiosk name → { attendeeId, joinToken }, secret as a whole. */
export const kioskJoinInfo = pulumi.secret(
  pulumi
    .all(attendees.map((a) => pulumi.all([a.attendeeId, a.joinToken])))
    .apply((pairs) =>
      Object.fromEntries(
        pairs.map(([attendeeId, joinToken], i) => [Object.keys(kiosks)[i], { attendeeId, joinToken }]),
      ),
    ),
);
/** Kiosk name → its tags, as Chime has them (secret: the legacy model marks tags sensitive). */
export const kioskTags = pulumi
  .all(attendees.map((a) => a.tags))
  .apply((tags) => Object.fromEntries(tags.map((t, i) => [Object.keys(kiosks)[i], t])));

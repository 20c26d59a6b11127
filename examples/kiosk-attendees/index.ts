// Fixed kiosk attendees added to a meeting that exists already (created by your application, say),
// whose id comes from stack config. Each kiosk's join information is exported as a secret.
import * as pulumi from "@pulumi/pulumi";
import { Attendee } from "pulumi-chime-sdk";

const config = new pulumi.Config();
/** The live meeting the kiosks join. */
const meetingId = config.require("meetingId");
/** The kiosks, by name. */
const kiosks = config.getObject<string[]>("kiosks") ?? ["lobby", "front-desk"];

const attendees = kiosks.map(
  (kiosk) =>
    new Attendee(`kiosk-${kiosk}`, {
      meetingId,
      externalUserId: `kiosk-${kiosk}`,
      // Kiosks talk and show video; they watch shared content but never share their own screen.
      capabilities: { audio: "SendReceive", video: "SendReceive", content: "Receive" },
    }),
);

/** Kiosk name → { attendeeId, joinToken }, secret as a whole. */
export const kioskJoinInfo = pulumi.secret(
  pulumi
    .all(attendees.map((a) => pulumi.all([a.attendeeId, a.joinToken])))
    .apply((pairs) =>
      Object.fromEntries(pairs.map(([attendeeId, joinToken], i) => [kiosks[i], { attendeeId, joinToken }])),
    ),
);

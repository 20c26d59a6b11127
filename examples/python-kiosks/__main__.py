"""A Chime SDK meeting and its kiosk attendees, on the chime provider plugin.

Each kiosk talks and shows video, and watches shared content but never shares its own screen. The
stack exports the meeting's id, and each kiosk's join information as one secret map.
"""

import pulumi
import pulumi_chime as chime

config = pulumi.Config()
kiosk_names: list[str] = config.get_object("kiosks") or ["lobby", "front-desk"]

# The meeting the kiosks join. Its region (the control plane) is the provider's: config chime:region,
# else AWS_REGION; mediaRegion is where its media is hosted.
meeting = chime.Meeting(
    "meeting",
    external_meeting_id=config.get("externalMeetingId") or "python-kiosks-lobby",
    media_region=config.get("mediaRegion") or "us-east-1",
)

kiosk_capabilities = chime.AttendeeCapabilitiesArgs(
    audio=chime.Capability.SEND_RECEIVE,
    video=chime.Capability.SEND_RECEIVE,
    content=chime.Capability.RECEIVE,
)

kiosks = {
    name: chime.Attendee(
        f"kiosk-{name}",
        meeting_id=meeting.meeting_id,
        external_user_id=f"kiosk-{name}",
        capabilities=kiosk_capabilities,
    )
    for name in kiosk_names
}

pulumi.export("meetingId", meeting.meeting_id)
# Kiosk name -> {attendeeId, joinToken}. The plugin returns both as secrets, which makes the whole map
# secret; Output.secret says so here, and keeps it so if a non-secret value is ever added to it.
pulumi.export(
    "kioskJoinInfo",
    pulumi.Output.secret(
        {
            name: {"attendeeId": kiosk.attendee_id, "joinToken": kiosk.join_token}
            for name, kiosk in kiosks.items()
        }
    ),
)

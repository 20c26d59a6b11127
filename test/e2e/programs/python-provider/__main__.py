"""An explicit chime Provider with an endpoint of its own, a meeting and a guest on it; config
`fail: after-room` raises once the meeting is made, config `guestExternalUserId` gives the guest
a bad input (test/e2e/python-kiosks.test.ts)."""

import pulumi
import pulumi_chime as chime

config = pulumi.Config()

elsewhere = chime.Provider("elsewhere", endpoint=config.require("otherEndpoint"))
on_elsewhere = pulumi.ResourceOptions(provider=elsewhere)

room = chime.Meeting(
    "room",
    external_meeting_id="e2e-python-elsewhere",
    media_region="us-east-1",
    opts=on_elsewhere,
)

if config.get("fail") == "after-room":
    # Raised once the engine has made the meeting: the update fails with the meeting half-way made.
    def not_ready(meeting_id: str) -> str:
        raise ValueError("the guest list is not ready (config fail=after-room)")

    room.meeting_id.apply(not_ready)

guest = chime.Attendee(
    "guest",
    meeting_id=room.meeting_id,
    external_user_id=config.get("guestExternalUserId") or "guest-1",
    opts=on_elsewhere,
)

pulumi.export("roomId", room.meeting_id)
pulumi.export("guestJoinToken", guest.join_token)

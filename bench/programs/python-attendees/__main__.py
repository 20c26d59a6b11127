"""A Meeting and `count` Attendees (stack config, default 250) through the provider plugin
(`pulumi-resource-chime`, on PATH: the repo's bin/), declared with the generated Python SDK
(`pulumi_chime`): the `plugin` row's program (bench/programs/plugin-attendees) in Python. bench/engine.ts
measures it beside that row: what a pass costs in Python instead of Node.js."""

import pulumi
import pulumi_chime as chime

count = pulumi.Config().get_int("count") or 250
meeting = chime.Meeting("room", external_meeting_id="bench-python-room", media_region="us-east-1")
for n in range(1, count + 1):
    chime.Attendee(f"attendee-{n}", meeting_id=meeting.meeting_id, external_user_id=f"bench-python-{n}")

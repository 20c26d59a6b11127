// The kiosk stack of examples/yaml-kiosks as a Go program: a meeting, one attendee per kiosk named in
// config `kiosks`, and each kiosk's join information exported as a secret.
package main

import (
	"github.com/pulumi-chime-sdk/sdk/go/chime"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		var kiosks []string
		cfg.RequireObject("kiosks", &kiosks)

		// The meeting the kiosks join. Its region (the control plane) is the provider's: config
		// chime:region, else AWS_REGION; mediaRegion is where its media is hosted.
		meeting, err := chime.NewMeeting(ctx, "meeting", &chime.MeetingArgs{
			ExternalMeetingId: pulumi.String(cfg.Require("externalMeetingId")),
			MediaRegion:       pulumi.String(cfg.Require("mediaRegion")),
		})
		if err != nil {
			return err
		}

		// Kiosks talk and show video; they watch shared content but never share their own screen.
		joinInfo := pulumi.Map{}
		for _, name := range kiosks {
			kiosk, err := chime.NewAttendee(ctx, "kiosk-"+name, &chime.AttendeeArgs{
				MeetingId:      meeting.MeetingId,
				ExternalUserId: pulumi.String("kiosk-" + name),
				Capabilities: &chime.AttendeeCapabilitiesArgs{
					Audio:   chime.CapabilitySendReceive,
					Video:   chime.CapabilitySendReceive,
					Content: chime.CapabilityReceive,
				},
			})
			if err != nil {
				return err
			}
			joinInfo[name] = pulumi.Map{
				"attendeeId": kiosk.AttendeeId,
				"joinToken":  kiosk.JoinToken,
			}
		}

		ctx.Export("meetingId", meeting.MeetingId)
		// Kiosk name -> { attendeeId, joinToken }. The plugin returns both as secrets, which makes the
		// whole map secret; ToSecret says so here, and keeps it so if a non-secret value is ever added.
		ctx.Export("kioskJoinInfo", pulumi.ToSecret(joinInfo))
		return nil
	})
}

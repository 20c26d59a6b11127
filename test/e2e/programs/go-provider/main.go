// A Go program on the plugin's generated Go SDK with an explicit Provider:
//   - a meeting through the default provider (stack config chime:endpoint);
//   - a meeting and a visitor through an explicit Provider with its own endpoint (stack config
//     otherEndpoint) and pacing.
package main

import (
	"github.com/pulumi-chime-sdk/sdk/go/chime"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		room, err := chime.NewMeeting(ctx, "room", &chime.MeetingArgs{
			ExternalMeetingId: pulumi.String("go-room"),
			MediaRegion:       pulumi.String("us-east-1"),
		})
		if err != nil {
			return err
		}

		other, err := chime.NewProvider(ctx, "other", &chime.ProviderArgs{
			Endpoint:             pulumi.String(cfg.Require("otherEndpoint")),
			MaxRequestsPerSecond: pulumi.Float64(5),
		})
		if err != nil {
			return err
		}
		elsewhere, err := chime.NewMeeting(ctx, "elsewhere", &chime.MeetingArgs{
			ExternalMeetingId: pulumi.String("go-elsewhere"),
			MediaRegion:       pulumi.String("us-east-1"),
		}, pulumi.Provider(other))
		if err != nil {
			return err
		}
		visitor, err := chime.NewAttendee(ctx, "visitor", &chime.AttendeeArgs{
			MeetingId:      elsewhere.MeetingId,
			ExternalUserId: pulumi.String("visitor-1"),
		}, pulumi.Provider(other))
		if err != nil {
			return err
		}

		ctx.Export("roomId", room.MeetingId)
		ctx.Export("elsewhereId", elsewhere.MeetingId)
		ctx.Export("visitorAttendeeId", visitor.AttendeeId)
		ctx.Export("visitorJoinToken", visitor.JoinToken)
		return nil
	})
}

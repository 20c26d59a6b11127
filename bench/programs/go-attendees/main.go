// A Meeting and `count` Attendees (stack config, default 250) through the provider plugin
// (`pulumi-resource-chime`, which must be on PATH: the repo's bin/), from a Go program built and run
// by the Go language host (pulumi-language-go). It declares them by type token, as
// bench/programs/plugin-attendees does from Node.js, so that bench/engine.ts compares the languages
// and nothing else.
package main

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

type meeting struct {
	pulumi.CustomResourceState
	MeetingId pulumi.StringOutput `pulumi:"meetingId"`
}

type attendee struct {
	pulumi.CustomResourceState
	AttendeeId pulumi.StringOutput `pulumi:"attendeeId"`
}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		count := 250
		if n, err := config.TryInt(ctx, "count"); err == nil {
			count = n
		}
		var room meeting
		if err := ctx.RegisterResource("chime:index:Meeting", "room", pulumi.Map{
			"externalMeetingId": pulumi.String("bench-go-room"),
			"mediaRegion":       pulumi.String("us-east-1"),
		}, &room); err != nil {
			return err
		}
		for n := 1; n <= count; n++ {
			var a attendee
			if err := ctx.RegisterResource("chime:index:Attendee", fmt.Sprintf("attendee-%d", n), pulumi.Map{
				"meetingId":      room.MeetingId,
				"externalUserId": pulumi.String(fmt.Sprintf("bench-go-%d", n)),
			}, &a); err != nil {
				return err
			}
		}
		return nil
	})
}

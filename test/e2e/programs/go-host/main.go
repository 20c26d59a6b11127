// What a Go program learns from its language host, and how its failures reach the user: with only the
// Pulumi Go SDK, no provider. Stack config:
//   - greeting (plain), token (secret): read with pulumi/config and exported;
//   - fail: "error" returns an error from the program, "panic" panics, "exit" exits with code 3.
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

type thing struct {
	pulumi.ResourceState
}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		cwd, err := os.Getwd()
		if err != nil {
			return err
		}
		// One line on stdout, one through the engine's log: both reach the user.
		fmt.Printf("go-host: stdout dryRun=%v parallel=%d\n", ctx.DryRun(), ctx.Parallel())
		if err := ctx.Log.Info(fmt.Sprintf("go-host: log cwd=%s", cwd), nil); err != nil {
			return err
		}

		switch cfg.Get("fail") {
		case "error":
			return fmt.Errorf("go-host: the kiosk list is empty (config fail=error)")
		case "panic":
			panic("go-host: config fail=panic")
		case "exit":
			os.Exit(3)
		}

		var component thing
		if err := ctx.RegisterComponentResource("e2e:index:Thing", "thing", &component); err != nil {
			return err
		}
		ctx.Export("project", pulumi.String(ctx.Project()))
		ctx.Export("stack", pulumi.String(ctx.Stack()))
		ctx.Export("organization", pulumi.String(ctx.Organization()))
		ctx.Export("rootDirectory", pulumi.String(ctx.RootDirectory()))
		ctx.Export("greeting", pulumi.String(cfg.Require("greeting")))
		ctx.Export("token", cfg.RequireSecret("token"))
		ctx.Export("tokenIsSecret", pulumi.Bool(ctx.IsConfigSecret("e2e-go-host:token")))
		ctx.Export("greetingIsSecret", pulumi.Bool(ctx.IsConfigSecret("e2e-go-host:greeting")))
		ctx.Export("thingUrn", component.URN())
		return nil
	})
}

import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { withAttendeeDefaults } from "../../provider/attendee/attendee";

/**
 * Wiring of the Attendee resource class under Pulumi's mocks. Mocks stand in for the engine here (they
 * never call the provider); what the engine does with the resource is tested on the real engine in
 * test/e2e.
 */
describe("Resource classes (Pulumi mocks)", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];

  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          return {
            id: "opaque-id",
            state: args.inputs,
          };
        },
        call: () => ({}),
      },
      "project",
      "stack",
      false,
    );
  });

  it("registers the type token pulumi-nodejs:dynamic/chime:Attendee with its inputs and the provider", async () => {
    const { Attendee } = await import("../../provider");
    const attendee = new Attendee("kiosk-lobby", {
      meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
      externalUserId: "kiosk-lobby-1",
      capabilities: { audio: "SendReceive", video: "Receive", content: "None" },
    });
    await new Promise((resolve) => attendee.id.apply(resolve));
    const args = registered.find((r) => r.name === "kiosk-lobby");
    expect(args?.type).to.equal("pulumi-nodejs:dynamic/chime:Attendee");
    expect(args?.custom).to.equal(true);
    expect(args?.inputs.externalUserId).to.equal("kiosk-lobby-1");
    expect(args?.inputs.capabilities).to.deep.equal({
      audio: "SendReceive",
      video: "Receive",
      content: "None",
    });
    expect(args?.inputs.__provider).to.be.a("string").and.include("pulumi-chime-sdk/provider-runtime");
  });

  it("exposes every output, the output-only attendeeId and joinToken included", async () => {
    const { Attendee } = await import("../../provider");
    const attendee = new Attendee("bot-1", {
      meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
      externalUserId: "bot-1",
    });
    for (const output of [
      "meetingId",
      "externalUserId",
      "capabilities",
      "region",
      "attendeeId",
      "joinToken",
    ]) {
      expect(
        pulumi.Output.isInstance((attendee as unknown as Record<string, unknown>)[output]),
        output,
      ).to.equal(true);
    }
  });

  it("registers the type token pulumi-nodejs:dynamic/chime:AttendeeBatch with joinInfo present", async () => {
    const { AttendeeBatch } = await import("../../provider");
    const batch = new AttendeeBatch("bots", {
      meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
      attendees: [{ externalUserId: "bot-1" }],
    });
    await new Promise((resolve) => batch.id.apply(resolve));
    const args = registered.find((r) => r.name === "bots");
    expect(args?.type).to.equal("pulumi-nodejs:dynamic/chime:AttendeeBatch");
    expect(args?.inputs.attendees).to.deep.equal([{ externalUserId: "bot-1" }]);
    expect(pulumi.Output.isInstance(batch.joinInfo)).to.equal(true);
  });

  it("registers the type token pulumi-nodejs:dynamic/chime:Meeting and exposes every output", async () => {
    const { Meeting } = await import("../../provider");
    const meeting = new Meeting("standup", { externalMeetingId: "standup-room", mediaRegion: "us-east-1" });
    await new Promise((resolve) => meeting.id.apply(resolve));
    const args = registered.find((r) => r.name === "standup");
    expect(args?.type).to.equal("pulumi-nodejs:dynamic/chime:Meeting");
    expect(args?.inputs.__provider).to.include('kind: "meeting"');
    for (const output of [
      "meetingId",
      "meetingArn",
      "mediaPlacement",
      "mediaRegion",
      "externalMeetingId",
      "tags",
    ]) {
      expect(
        pulumi.Output.isInstance((meeting as unknown as Record<string, unknown>)[output]),
        output,
      ).to.equal(true);
    }
  });

  // Regression (issue 9, item 5): meetingFeatures fields did not accept Outputs.
  it("GIVEN meetingFeatures whose groups and fields are Outputs THEN the engine gets them resolved", async () => {
    const { Meeting } = await import("../../provider");
    const meeting = new Meeting("features", {
      externalMeetingId: "features-room",
      mediaRegion: "us-east-1",
      meetingFeatures: {
        video: { maxResolution: pulumi.output("FHD" as const) },
        content: pulumi.output({ maxResolution: "UHD" as const }),
        attendee: { maxCount: pulumi.output(25) },
      },
    });
    await new Promise((resolve) => meeting.id.apply(resolve));
    const args = registered.find((r) => r.name === "features");
    expect(args?.inputs.meetingFeatures).to.deep.equal({
      video: { maxResolution: "FHD" },
      content: { maxResolution: "UHD" },
      attendee: { maxCount: 25 },
    });
  });
});

describe("Attendee resource options", () => {
  it("marks attendeeId and joinToken secret, keeping the caller's own secret outputs", () => {
    const opts = withAttendeeDefaults({ additionalSecretOutputs: ["capabilities"] });
    expect(opts.additionalSecretOutputs).to.have.members(["capabilities", "attendeeId", "joinToken"]);
  });

  it("deletes before replacing unless the caller says otherwise", () => {
    expect(withAttendeeDefaults(undefined).deleteBeforeReplace).to.equal(true);
    expect(withAttendeeDefaults(undefined, ["joinInfo"])).to.deep.include({
      deleteBeforeReplace: true,
      additionalSecretOutputs: ["joinInfo"],
    });
    expect(withAttendeeDefaults({ deleteBeforeReplace: false }).deleteBeforeReplace).to.equal(false);
  });

  it("keeps the caller's other options", () => {
    const opts = withAttendeeDefaults({ protect: true, ignoreChanges: ["capabilities"] });
    expect(opts.protect).to.equal(true);
    expect(opts.ignoreChanges).to.deep.equal(["capabilities"]);
  });
});

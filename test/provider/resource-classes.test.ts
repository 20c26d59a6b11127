import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { withAttendeeDefaults } from "../../provider/dynamic/attendee";

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
          // As the Meeting provider does, the meeting's outputs leave its tags out.
          const { tags, ...inputs } = args.inputs;
          const state = args.type.endsWith("chime:Meeting") ? inputs : { ...inputs, tags };
          return {
            id: "opaque-id",
            state,
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

  it("GIVEN two attendees WHEN declared THEN they share one shim object, serialized at most once (issue 15)", async () => {
    const { Attendee } = await import("../../provider");
    // Pulumi caches a dynamic provider's serialization by object: one object per kind is serialized
    // once per program, a new object per resource once per resource.
    const closure: {
      serializeFunction: (f: () => unknown, ...rest: unknown[]) => unknown;
    } = require("@pulumi/pulumi/runtime/closure/serializeClosure");
    const original = closure.serializeFunction;
    const serialized: unknown[] = [];
    closure.serializeFunction = (f, ...rest) => {
      serialized.push(f());
      return original(f, ...rest);
    };
    try {
      const declared = ["shim-a", "shim-b"].map(
        (name) =>
          new Attendee(name, { meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c", externalUserId: name }),
      );
      await Promise.all(declared.map((a) => new Promise((resolve) => a.id.apply(resolve))));
    } finally {
      closure.serializeFunction = original;
    }
    expect(serialized.length).to.be.at.most(1);
    const { providerShim } = await import("../../provider/dynamic/shim");
    expect(providerShim("attendee")).to.equal(providerShim("attendee"));
    expect(providerShim("attendee")).not.to.equal(providerShim("meeting"));
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

  it("GIVEN a Meeting without tags THEN it has no MeetingTags child and its tags are undefined", async () => {
    const { Meeting } = await import("../../provider");
    const meeting = new Meeting("untagged", { externalMeetingId: "untagged-room", mediaRegion: "us-east-1" });
    await new Promise((resolve) => meeting.id.apply(resolve));
    expect(meeting.meetingTags).to.equal(undefined);
    expect(registered.find((r) => r.name === "untagged-tags")).to.equal(undefined);
    expect(await new Promise((resolve) => meeting.tags.apply(resolve))).to.equal(undefined);
  });

  it("GIVEN a Meeting with tags THEN it sends them to CreateMeeting and registers a MeetingTags child whose tags it exposes", async () => {
    const { Meeting } = await import("../../provider");
    const meeting = new Meeting("tagged", {
      externalMeetingId: "tagged-room",
      mediaRegion: "us-east-1",
      tags: { team: "support" },
    });
    const child = meeting.meetingTags;
    if (!child) throw new Error("no MeetingTags child");
    const [childUrn] = await Promise.all([
      new Promise<string>((resolve) => child.urn.apply(resolve)),
      new Promise((resolve) => child.id.apply(resolve)),
    ]);
    expect(registered.find((r) => r.name === "tagged")?.inputs.tags).to.deep.equal({ team: "support" });
    const args = registered.find((r) => r.name === "tagged-tags");
    expect(args?.type).to.equal("pulumi-nodejs:dynamic/chime:MeetingTags");
    expect(args?.inputs.__provider).to.include('kind: "meetingTags"');
    expect(args?.inputs.tags).to.deep.equal({ team: "support" });
    // Its parent is the meeting: the URN's type chain holds the meeting's type.
    expect(childUrn).to.include("chime:Meeting$pulumi-nodejs:dynamic/chime:MeetingTags::tagged-tags");
    // The mocks echo the child's inputs as its outputs: meeting.tags is the child's, not the meeting's.
    expect(await new Promise((resolve) => meeting.tags.apply(resolve))).to.deep.equal({ team: "support" });
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

import { expect } from "chai";
import { AttendeeBatchProvider } from "../../provider/attendee-batch/batch-provider";
import { MeetingProvider } from "../../provider/meeting/meeting-provider";
import { forEngine } from "../../provider/validation/engine-failures";

/**
 * Regression: a nested check failure printed as `property meetingFeatures.video.maxResolution value
 * {<nil>} has a problem: ...` (issue 9, item 5): the engine looks the property up among the top-level
 * inputs only. Nested failures therefore reach it without a property; the reason names the path.
 */
describe("check failures as the engine gets them", () => {
  const rows: Array<[string, string]> = [
    ["externalUserId", "externalUserId"],
    ["region", "region"],
    ["meetingFeatures.video.maxResolution", ""],
    ["capabilities.audio", ""],
    ["attendees[3].externalUserId", ""],
    ["tags[0].Key", ""],
  ];
  for (const [property, sent] of rows) {
    it(`${property} → property ${JSON.stringify(sent)}, the reason unchanged`, () => {
      const reason = `${property} is wrong`;
      expect(forEngine({ inputs: {}, failures: [{ property, reason }] }).failures).to.deep.equal([
        { property: sent, reason },
      ]);
    });
  }

  it("Meeting provider: a bad meetingFeatures.video.maxResolution fails without a property, naming the path", async () => {
    const result = await new MeetingProvider().check(
      {} as never,
      {
        externalMeetingId: "room",
        mediaRegion: "us-east-1",
        region: "us-east-1",
        meetingFeatures: { video: { maxResolution: "4K" } },
      } as never,
    );
    expect(result.failures).to.have.length(1);
    expect(result.failures![0]!.property).to.equal("");
    expect(result.failures![0]!.reason).to.include("meetingFeatures.video.maxResolution").and.include('"4K"');
  });

  it("AttendeeBatch provider: a bad attendees[1].externalUserId fails without a property, naming the path", async () => {
    const result = await new AttendeeBatchProvider().check(
      {} as never,
      {
        meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
        region: "us-east-1",
        attendees: [{ externalUserId: "bot-1" }, { externalUserId: "b" }],
      } as never,
    );
    expect(result.failures?.map((f) => f.property)).to.deep.equal([""]);
    expect(result.failures![0]!.reason).to.include("attendees[1].externalUserId");
  });
});

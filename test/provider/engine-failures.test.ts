import { expect } from "chai";
import { AttendeeBatchProvider, MeetingProvider } from "../../provider/dynamic/providers";

/**
 * Regression (issue 9, item 5): a nested check failure printed as `property
 * meetingFeatures.video.maxResolution value {<nil>} has a problem: ...`, and a 101-attendee batch
 * printed every attendee before the message.
 */
describe("check failures as the engine gets them", () => {
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

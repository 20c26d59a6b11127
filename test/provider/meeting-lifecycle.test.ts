import { GetMeetingCommand, ListTagsForResourceCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { MeetingProvider } from "../../provider/meeting/meeting-provider";
import type { MeetingInputs, MeetingOutputs } from "../../provider/meeting/meeting-state";
import { GUID } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const provider = new MeetingProvider();

async function checked(news: Record<string, unknown>, olds?: MeetingInputs): Promise<MeetingInputs> {
  const { inputs, failures } = await provider.check(
    olds ?? ({} as MeetingInputs),
    news as unknown as MeetingInputs,
  );
  expect(failures).to.deep.equal([]);
  return inputs as MeetingInputs;
}

describe("Meeting provider against the local endpoint", () => {
  const ctx = useProviderEndpoint();

  describe("lifecycle: create → read → update tags → read → delete", () => {
    let id: string;
    let outs: MeetingOutputs;
    let inputs: MeetingInputs;

    it("GIVEN valid inputs WHEN created THEN Chime has the meeting with its features and tags", async () => {
      inputs = await checked({
        externalMeetingId: "standup-room",
        mediaRegion: "us-east-1",
        meetingFeatures: { audio: { echoReduction: "AVAILABLE" }, attendee: { maxCount: 10 } },
        tags: { team: "support" },
      });
      const created = await provider.create(inputs);
      id = created.id;
      outs = created.outs as MeetingOutputs;
      expect(id).to.match(GUID);
      expect(outs.meetingId).to.match(GUID);
      expect(outs.meetingArn).to.equal(`arn:aws:chime:us-east-1:123456789012:meeting/${outs.meetingId}`);
      expect(outs.mediaPlacement.audioHostUrl).to.be.a("string");
      const viaSdk = await ctx.client.send(new GetMeetingCommand({ MeetingId: outs.meetingId }));
      expect(viaSdk.Meeting?.ExternalMeetingId).to.equal("standup-room");
      expect(viaSdk.Meeting?.MeetingFeatures?.Attendee?.MaxCount).to.equal(10);
    });

    it("WHEN read THEN outputs and inputs are unchanged (a refresh shows no diff)", async () => {
      const read = await provider.read(id, outs);
      expect(read.props).to.deep.equal(outs);
      expect(read.inputs).to.deep.equal(inputs);
    });

    it("WHEN tags change THEN they are changed in place on the same meeting", async () => {
      const news = await checked(
        { ...inputs, tags: { team: "sales", tier: "gold" }, clientRequestToken: undefined },
        inputs,
      );
      const diff = await provider.diff(id, outs, news);
      expect(diff.replaces).to.deep.equal([]);
      const updated = await provider.update(id, outs, news);
      expect(updated.outs?.meetingId).to.equal(outs.meetingId);
      const tags = await ctx.client.send(new ListTagsForResourceCommand({ ResourceARN: outs.meetingArn }));
      expect(Object.fromEntries((tags.Tags ?? []).map((t) => [t.Key, t.Value]))).to.deep.equal({
        team: "sales",
        tier: "gold",
      });
      outs = updated.outs as MeetingOutputs;
    });

    it("THEN a read returns the new tags", async () => {
      expect((await provider.read(id, outs)).props?.tags).to.deep.equal({ team: "sales", tier: "gold" });
    });

    it("WHEN deleted THEN the meeting is gone; deleting again succeeds", async () => {
      await provider.delete(id, outs);
      expect(ctx.local.meetings().map((m) => m.meetingId)).not.to.include(outs.meetingId);
      await provider.delete(id, outs);
    });
  });

  it("WHEN CreateMeeting is repeated with the same ClientRequestToken THEN it returns the same meeting", async () => {
    const inputs = await checked({ externalMeetingId: "retry-room", mediaRegion: "us-east-1" });
    const first = await provider.create(inputs);
    const second = await provider.create(inputs);
    expect(second.outs.meetingId).to.equal(first.outs.meetingId);
    expect(ctx.local.meetings().filter((m) => m.externalMeetingId === "retry-room")).to.have.length(1);
  });

  it("GIVEN the response to CreateMeeting is lost after the meeting was made WHEN the SDK retries THEN the same meeting comes back", async () => {
    const inputs = await checked({ externalMeetingId: "lost-response-room", mediaRegion: "us-east-1" });
    ctx.local.setFaults({ resetRate: 1, resetAfterExecution: true, count: 1, operations: ["CreateMeeting"] });
    try {
      const { outs } = await provider.create(inputs);
      const made = ctx.local.meetings().filter((m) => m.externalMeetingId === "lost-response-room");
      expect(made.map((m) => m.meetingId)).to.deep.equal([outs.meetingId]);
    } finally {
      ctx.local.setFaults(undefined);
    }
  });

  it("GIVEN a meeting WHEN AWS ends it (idle) THEN read reports it gone and delete succeeds", async () => {
    const { id, outs } = await provider.create(
      await checked({ externalMeetingId: "idle-room", mediaRegion: "us-east-1" }),
    );
    ctx.local.endMeeting(outs.meetingId);
    expect((await provider.read(id, outs)).id).to.equal("");
    await provider.delete(id, outs);
  });

  it("GIVEN a meeting WHEN 24 hours pass THEN read reports it gone", async () => {
    const { id, outs } = await provider.create(
      await checked({ externalMeetingId: "day-room", mediaRegion: "us-east-1" }),
    );
    ctx.local.advanceClock(24 * 60 * 60 * 1000 + 1);
    expect((await provider.read(id, outs)).id).to.equal("");
  });

  it("GIVEN tags removed out of band WHEN read THEN diff plans to put them back", async () => {
    const inputs = await checked({
      externalMeetingId: "tagged-room",
      mediaRegion: "us-east-1",
      tags: { team: "a" },
    });
    const { id, outs } = await provider.create(inputs);
    await provider.update(id, outs, { ...inputs, tags: undefined });
    const read = await provider.read(id, outs);
    expect((await provider.diff(id, read.props as MeetingOutputs, inputs)).changes).to.equal(true);
  });
});

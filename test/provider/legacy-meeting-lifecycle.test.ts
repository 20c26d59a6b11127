/**
 * `Meeting` and `MeetingTags` in the legacy Amazon Chime namespace, against the local endpoint's
 * `/legacy` dialect: CreateMeeting with tags, GetMeeting, DeleteMeeting, and the tags by MeetingId
 * (TagMeeting / UntagMeeting / ListMeetingTags).
 */
import { expect } from "chai";
import { MeetingProvider, MeetingTagsProvider } from "../../provider/dynamic/providers";
import type { MeetingInputs, MeetingState } from "../../provider/meeting/meeting-state";
import type { MeetingTagsInputs, MeetingTagsOutputs } from "../../provider/meeting-tags/tags-state";
import { legacyCreateMeetingRequest } from "../../provider/namespaces/legacy";
import { GUID } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const meetings = new MeetingProvider();
const tagsProvider = new MeetingTagsProvider();

async function checkedMeeting(news: Record<string, unknown>): Promise<MeetingInputs> {
  const { inputs, failures } = await meetings.check(
    {} as MeetingInputs,
    { namespace: "legacy", ...news } as unknown as MeetingInputs,
  );
  expect(failures).to.deep.equal([]);
  return inputs as MeetingInputs;
}

async function checkedTags(news: Record<string, unknown>): Promise<MeetingTagsInputs> {
  const { inputs, failures } = await tagsProvider.check(
    {} as MeetingTagsInputs,
    { namespace: "legacy", ...news } as unknown as MeetingTagsInputs,
  );
  expect(failures).to.deep.equal([]);
  return inputs as MeetingTagsInputs;
}

describe("Meeting provider, legacy namespace, against the local endpoint", () => {
  const ctx = useProviderEndpoint();

  it("sends the legacy CreateMeeting only the members it has", () => {
    const request = legacyCreateMeetingRequest({
      namespace: "legacy",
      externalMeetingId: "lobby",
      mediaRegion: "us-east-1",
      meetingHostId: "host-1",
      notificationsConfiguration: { snsTopicArn: "arn:aws:sns:us-east-1:123456789012:t" },
      tags: { site: "lobby" },
      region: "us-east-1",
    });
    expect(request).to.deep.equal({
      ExternalMeetingId: "lobby",
      MediaRegion: "us-east-1",
      MeetingHostId: "host-1",
      Tags: [{ Key: "site", Value: "lobby" }],
      NotificationsConfiguration: {
        SnsTopicArn: "arn:aws:sns:us-east-1:123456789012:t",
        SqsQueueArn: undefined,
      },
    });
  });

  describe("lifecycle: create with tags → read → tags in place → end out of band → delete", () => {
    let id: string;
    let outs: MeetingState;
    let tagsId: string;
    let tagsOuts: MeetingTagsOutputs;

    it("GIVEN legacy inputs WHEN created THEN the legacy endpoint has the meeting, tagged by CreateMeeting, and the outputs have no ARN", async () => {
      ctx.local.resetCounters();
      const created = await meetings.create(
        await checkedMeeting({
          externalMeetingId: "lobby",
          mediaRegion: "us-east-1",
          tags: { site: "lobby" },
        }),
      );
      id = created.id;
      outs = created.outs as MeetingState;
      const [onServer] = ctx.local.legacy.meetings();
      expect(onServer).to.deep.include({
        meetingId: outs.meetingId,
        externalMeetingId: "lobby",
        tags: { site: "lobby" },
      });
      expect(outs).to.include({ namespace: "legacy", region: "us-east-1", externalMeetingId: "lobby" });
      expect(outs).not.to.have.property("meetingArn");
      expect(outs.mediaPlacement?.audioHostUrl).to.be.a("string");
      expect(ctx.local.legacy.counters().CreateMeeting).to.equal(1);
      expect(ctx.local.counters().CreateMeeting).to.equal(0);
      expect(id).to.match(GUID);
    });

    it("WHEN read THEN the outputs are unchanged", async () => {
      const read = await meetings.read(id, outs);
      expect(read.props).to.deep.equal(outs);
    });

    it("GIVEN its MeetingTags child WHEN created THEN the tags CreateMeeting set are adopted without a tag call", async () => {
      ctx.local.resetCounters();
      const created = await tagsProvider.create(
        await checkedTags({ meetingId: outs.meetingId, tags: { site: "lobby" } }),
      );
      tagsId = created.id;
      tagsOuts = created.outs;
      const { TagMeeting, UntagMeeting, ListMeetingTags } = ctx.local.legacy.counters();
      expect({ TagMeeting, UntagMeeting, ListMeetingTags }).to.deep.equal({
        TagMeeting: 0,
        UntagMeeting: 0,
        ListMeetingTags: 1,
      });
      expect(tagsOuts).to.deep.equal({
        namespace: "legacy",
        meetingId: outs.meetingId,
        tags: { site: "lobby" },
        region: "us-east-1",
      });
    });

    it("WHEN the tags change THEN TagMeeting and UntagMeeting change them in place, by MeetingId", async () => {
      const news = await checkedTags({ meetingId: outs.meetingId, tags: { floor: "2" } });
      expect((await tagsProvider.diff(tagsId, tagsOuts, news)).replaces).to.deep.equal([]);
      ctx.local.resetCounters();
      tagsOuts = (await tagsProvider.update(tagsId, tagsOuts, news)).outs as MeetingTagsOutputs;
      const { TagMeeting, UntagMeeting } = ctx.local.legacy.counters();
      expect({ TagMeeting, UntagMeeting }).to.deep.equal({ TagMeeting: 1, UntagMeeting: 1 });
      expect(ctx.local.legacy.meetings()[0].tags).to.deep.equal({ floor: "2" });
      expect((await tagsProvider.read(tagsId, tagsOuts)).props).to.deep.equal(tagsOuts);
    });

    it("GIVEN the meeting's tags changed out of band WHEN read THEN the drift shows, and the update restores the declared tags", async () => {
      expect(ctx.local.legacy.setMeetingTags(outs.meetingId as string, { floor: "9", extra: "x" })).to.equal(
        true,
      );
      const read = await tagsProvider.read(tagsId, tagsOuts);
      const drifted = read.props as MeetingTagsOutputs;
      expect(drifted.tags).to.deep.equal({ floor: "9", extra: "x" });
      const declared = await checkedTags({ meetingId: outs.meetingId, tags: { floor: "2" } });
      expect((await tagsProvider.diff(tagsId, drifted, declared)).changes).to.equal(true);
      tagsOuts = (await tagsProvider.update(tagsId, drifted, declared)).outs as MeetingTagsOutputs;
      expect(ctx.local.legacy.meetings()[0].tags).to.deep.equal({ floor: "2" });
    });

    it("WHEN the meeting ends out of band THEN both read gone, and deletes succeed", async () => {
      expect(ctx.local.legacy.endMeeting(outs.meetingId as string)).to.equal(true);
      expect((await meetings.read(id, outs)).id).to.equal("");
      expect((await tagsProvider.read(tagsId, tagsOuts)).id).to.equal("");
      await tagsProvider.delete(tagsId, tagsOuts);
      await meetings.delete(id, outs);
    });
  });

  it("GIVEN a live legacy meeting WHEN deleted THEN DeleteMeeting goes to the legacy endpoint", async () => {
    const { id, outs } = await meetings.create(
      await checkedMeeting({ externalMeetingId: "to-delete", mediaRegion: "us-east-1" }),
    );
    ctx.local.resetCounters();
    await meetings.delete(id, outs as MeetingState);
    expect(ctx.local.legacy.counters().DeleteMeeting).to.equal(1);
    expect(ctx.local.legacy.meetings().map((m) => m.meetingId)).not.to.include(outs.meetingId);
  });
});

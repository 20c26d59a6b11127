import {
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { MeetingTagsProvider } from "../../provider/dynamic/providers";
import type { MeetingTagsInputs, MeetingTagsOutputs } from "../../provider/meeting-tags/tags-state";
import { GUID, newMeeting } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const provider = new MeetingTagsProvider();

async function checked(news: Record<string, unknown>, olds?: MeetingTagsInputs): Promise<MeetingTagsInputs> {
  const { inputs, failures } = await provider.check(
    olds ?? ({} as MeetingTagsInputs),
    news as unknown as MeetingTagsInputs,
  );
  expect(failures).to.deep.equal([]);
  return inputs as MeetingTagsInputs;
}

describe("MeetingTags provider against the local endpoint", () => {
  const ctx = useProviderEndpoint();
  const tagsOf = async (meetingArn: string) => {
    const listed = await ctx.client.send(new ListTagsForResourceCommand({ ResourceARN: meetingArn }));
    return Object.fromEntries((listed.Tags ?? []).map((t) => [t.Key, t.Value]));
  };
  /** A meeting as a Meeting creates it: tagged by CreateMeeting. */
  const meeting = async (tags: Record<string, string> = {}) => {
    const m = await newMeeting(ctx.client, {
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    });
    return { meetingId: m.MeetingId as string, meetingArn: m.MeetingArn as string };
  };

  describe("lifecycle: create (adopt) → read → update → read → delete", () => {
    let id: string;
    let outs: MeetingTagsOutputs;
    let ids: { meetingId: string; meetingArn: string };

    it("GIVEN a meeting that CreateMeeting tagged WHEN the same tags are created THEN they are adopted with no change on the endpoint", async () => {
      ids = await meeting({ team: "support" });
      ctx.local.resetCounters();
      const created = await provider.create(await checked({ ...ids, tags: { team: "support" } }));
      id = created.id;
      outs = created.outs;
      expect(id).to.match(GUID);
      expect(outs).to.deep.equal({ ...ids, tags: { team: "support" }, region: "us-east-1" });
      expect(await tagsOf(ids.meetingArn)).to.deep.equal({ team: "support" });
      const { TagResource, UntagResource, ListTagsForResource } = ctx.local.counters();
      expect({ TagResource, UntagResource, ListTagsForResource }).to.deep.equal({
        TagResource: 0,
        UntagResource: 0,
        ListTagsForResource: 2, // the provider's, and the assertion's above
      });
    });

    it("WHEN read THEN outputs are unchanged, no inputs come back (the engine keeps the recorded ones, issue 21), and a refresh shows no diff", async () => {
      const read = await provider.read(id, outs);
      expect(read.props).to.deep.equal(outs);
      expect(read).not.to.have.property("inputs");
      expect((await provider.diff(id, read.props as MeetingTagsOutputs, outs)).changes).to.equal(false);
    });

    it("WHEN tags change THEN the dropped key is removed and the changed and new ones are set, on the same meeting", async () => {
      const news = await checked({ ...outs, tags: { tier: "gold", owner: "ops" } }, outs);
      expect(await provider.diff(id, outs, news)).to.deep.equal({
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
      });
      ctx.local.resetCounters();
      outs = (await provider.update(id, outs, news)).outs as MeetingTagsOutputs;
      expect(outs.tags).to.deep.equal({ tier: "gold", owner: "ops" });
      expect(await tagsOf(ids.meetingArn)).to.deep.equal({ tier: "gold", owner: "ops" });
      expect(ctx.local.counters().UntagResource).to.equal(1);
      expect(ctx.local.counters().TagResource).to.equal(1);
    });

    it("THEN a read returns the new tags", async () => {
      expect((await provider.read(id, outs)).props?.tags).to.deep.equal({ tier: "gold", owner: "ops" });
    });

    it("WHEN deleted THEN its tags leave the meeting; deleting again succeeds", async () => {
      await provider.delete(id, outs);
      expect(await tagsOf(ids.meetingArn)).to.deep.equal({});
      await provider.delete(id, outs);
    });
  });

  it("GIVEN a meeting carrying an undeclared tag WHEN created THEN the declared set is authoritative: the other tag is removed", async () => {
    const ids = await meeting({ team: "support", stray: "x" });
    await provider.create(await checked({ ...ids, tags: { team: "sales" } }));
    expect(await tagsOf(ids.meetingArn)).to.deep.equal({ team: "sales" });
  });

  it("GIVEN the meeting was replaced (a new meetingArn) WHEN updated THEN the new meeting gets exactly the declared tags and the old one is left alone", async () => {
    const old = await meeting({ team: "support" });
    const { id, outs } = await provider.create(await checked({ ...old, tags: { team: "support" } }));
    // CreateMeeting tagged the new meeting with what the Meeting declared; one extra to prove convergence.
    const replacement = await meeting({ team: "support", stray: "x" });
    const news = await checked({ ...replacement, tags: { team: "support", tier: "gold" } }, outs);
    expect((await provider.diff(id, outs, news)).replaces).to.deep.equal([]);
    const updated = (await provider.update(id, outs, news)).outs as MeetingTagsOutputs;
    expect(updated.meetingArn).to.equal(replacement.meetingArn);
    expect(await tagsOf(replacement.meetingArn)).to.deep.equal({ team: "support", tier: "gold" });
    expect(await tagsOf(old.meetingArn)).to.deep.equal({ team: "support" });
  });

  it("GIVEN tags changed out of band WHEN read THEN the diff plans an update, which puts them back", async () => {
    const ids = await meeting({ team: "a" });
    const inputs = await checked({ ...ids, tags: { team: "a" } });
    const { id, outs } = await provider.create(inputs);
    await ctx.client.send(new UntagResourceCommand({ ResourceARN: ids.meetingArn, TagKeys: ["team"] }));
    await ctx.client.send(
      new TagResourceCommand({ ResourceARN: ids.meetingArn, Tags: [{ Key: "x", Value: "1" }] }),
    );
    const read = await provider.read(id, outs);
    expect(read.props?.tags).to.deep.equal({ x: "1" });
    const drifted = read.props as MeetingTagsOutputs;
    expect((await provider.diff(id, drifted, inputs)).changes).to.equal(true);
    await provider.update(id, drifted, inputs);
    expect(await tagsOf(ids.meetingArn)).to.deep.equal({ team: "a" });
  });

  it("GIVEN the meeting ended WHEN read THEN the tags are gone with it, and delete succeeds", async () => {
    const ids = await meeting({ team: "a" });
    const { id, outs } = await provider.create(await checked({ ...ids, tags: { team: "a" } }));
    ctx.local.endMeeting(ids.meetingId);
    expect((await provider.read(id, outs)).id).to.equal("");
    await provider.delete(id, outs);
  });

  it("GIVEN no state WHEN read by id alone (import, get) THEN it fails saying to declare the tags on the Meeting", async () => {
    const error = await provider.read("some-id").then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.include("cannot be read by id alone").and.include("Meeting");
  });

  it("GIVEN a meeting with tags WHEN a failure is reported THEN it names the operation and the meeting", async () => {
    const ids = await meeting();
    ctx.local.setFaults({ failureRate: 1, operations: ["ListTagsForResource"] });
    try {
      const error = await provider.create(await checked({ ...ids, tags: { team: "a" } })).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).to.include("ListTagsForResource").and.include(ids.meetingArn);
    } finally {
      ctx.local.setFaults(undefined);
    }
  });
});

import {
  CreateMeetingCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { expect } from "chai";
import { UNKNOWN } from "../../provider/validation/rules";
import { clientFor } from "../emulator/helpers";
import { secret, struct, usePluginOnLocalEndpoint } from "./grpc";

// The chime plugin previews (Configure's supportsPreview): the engine's preview of a create or an update
// comes to the provider, which predicts the outputs from the core without any call. And its Meeting
// updates its own tags in place, the preview keeping every other output known (issue 14 item 5).
// Over real gRPC, the real core, against the local endpoint (which counts every request).

const urn = (type: string, name: string) => `urn:pulumi:dev::proj::chime:index:${type}::${name}`;
type Props = Record<string, unknown>;
const props = (s: { toJavaScript(): Props } | undefined): Props => s?.toJavaScript() ?? {};
const ALL = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };
const NONE = { audio: "None", video: "None", content: "None" };

describe("chime plugin: previews, and a Meeting's tags in place", () => {
  const plugin = usePluginOnLocalEndpoint();

  /** Check then create (or, with `preview`, the preview's create), as the engine does. */
  async function create(type: string, name: string, news: Props, preview = false) {
    const checked = await plugin.rpc.check(
      new provproto.CheckRequest().setUrn(urn(type, name)).setOlds(struct({})).setNews(struct(news)),
    );
    expect(checked.getFailuresList().map((f) => f.getReason())).to.deep.equal([]);
    const created = await plugin.rpc.create(
      new provproto.CreateRequest()
        .setUrn(urn(type, name))
        .setPreview(preview)
        .setProperties(checked.getInputs()),
    );
    return {
      id: created.getId(),
      inputs: props(checked.getInputs()),
      outputs: props(created.getProperties()),
    };
  }

  /** Check, diff, then update (or its preview) from `olds`, as the engine does for a planned update. */
  async function update(
    type: string,
    name: string,
    olds: { id: string; inputs: Props; outputs: Props },
    news: Props,
    preview: boolean,
  ) {
    const checked = await plugin.rpc.check(
      new provproto.CheckRequest().setUrn(urn(type, name)).setOlds(struct(olds.inputs)).setNews(struct(news)),
    );
    const diff = await plugin.rpc.diff(
      new provproto.DiffRequest()
        .setUrn(urn(type, name))
        .setId(olds.id)
        .setOlds(struct(olds.outputs))
        .setNews(checked.getInputs()),
    );
    const updated = await plugin.rpc.update(
      new provproto.UpdateRequest()
        .setUrn(urn(type, name))
        .setId(olds.id)
        .setPreview(preview)
        .setOlds(struct(olds.outputs))
        .setNews(checked.getInputs()),
    );
    return {
      changes: diff.getChanges() === provproto.DiffResponse.DiffChanges.DIFF_SOME,
      replaces: diff.getReplacesList(),
      outputs: props(updated.getProperties()),
    };
  }

  async function tagsOf(meetingArn: unknown) {
    const client = clientFor(plugin.local);
    const { Tags } = await client.send(new ListTagsForResourceCommand({ ResourceARN: meetingArn as string }));
    client.destroy();
    return Object.fromEntries((Tags ?? []).map((t) => [t.Key, t.Value]));
  }

  const room = { externalMeetingId: "room", mediaRegion: "us-east-1", tags: { team: "a", site: "x" } };

  it("GIVEN new resources of every type WHEN their creates are previewed THEN no call is made; what Chime assigns is unknown (secrets wrapped), what is declared is known", async () => {
    const meetingId = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
    plugin.local.resetCounters();
    const meeting = await create("Meeting", "room", room, true);
    const kiosk = await create(
      "Attendee",
      "kiosk",
      { meetingId, externalUserId: "kiosk-1", capabilities: NONE },
      true,
    );
    const bot = await create("Attendee", "bot", { meetingId: UNKNOWN, externalUserId: "bot-1" }, true);
    const bots = await create(
      "AttendeeBatch",
      "bots",
      { meetingId, attendees: [{ externalUserId: "b-1" }] },
      true,
    );
    const guests = await create("AttendeeBatch", "guests", { meetingId, attendees: UNKNOWN }, true);
    const tags = await create(
      "MeetingTags",
      "tags",
      {
        meetingId,
        meetingArn: `arn:aws:chime:us-east-1:123456789012:meeting/${meetingId}`,
        tags: { a: "b" },
      },
      true,
    );
    expect(plugin.local.totalRequests(), "requests to Chime").to.equal(0);
    expect(meeting.id).to.equal("");
    expect(meeting.outputs).to.deep.equal({
      externalMeetingId: "room",
      mediaRegion: "us-east-1",
      region: "us-east-1",
      meetingId: UNKNOWN,
      meetingArn: UNKNOWN,
      mediaPlacement: UNKNOWN,
      tags: { team: "a", site: "x" },
    });
    expect(kiosk.outputs).to.deep.equal({
      meetingId,
      externalUserId: "kiosk-1",
      capabilities: NONE,
      region: "us-east-1",
      attendeeId: secret(UNKNOWN),
      joinToken: secret(UNKNOWN),
    });
    // Undeclared capabilities are Chime's (its default, or an adopted attendee's).
    expect(bot.outputs).to.deep.include({
      meetingId: UNKNOWN,
      capabilities: UNKNOWN,
      joinToken: secret(UNKNOWN),
    });
    expect(bots.outputs).to.deep.include({ joinInfo: secret({ "b-1": UNKNOWN }) });
    expect(guests.outputs).to.deep.include({ attendees: UNKNOWN, joinInfo: secret(UNKNOWN) });
    expect(tags.outputs).to.deep.equal(tags.inputs);
  });

  it("GIVEN a tagged meeting WHEN only its tags change THEN it is updated in place: the preview keeps every other output and makes no call, up converges Chime's tags", async () => {
    const meeting = await create("Meeting", "tagged", room);
    expect(meeting.outputs.tags, "created with its tags in its outputs").to.deep.equal(room.tags);
    expect(await tagsOf(meeting.outputs.meetingArn)).to.deep.equal(room.tags);
    const news = { ...room, tags: { team: "b", "cost-center": "42" } };

    plugin.local.resetCounters();
    const previewed = await update("Meeting", "tagged", meeting, news, true);
    expect(plugin.local.totalRequests(), "requests to Chime in the preview").to.equal(0);
    expect(previewed).to.deep.equal({
      changes: true,
      replaces: [],
      outputs: { ...meeting.outputs, tags: news.tags },
    });

    const updated = await update("Meeting", "tagged", meeting, news, false);
    expect(updated).to.deep.equal(previewed, "up did what the preview said");
    expect(await tagsOf(meeting.outputs.meetingArn)).to.deep.equal(news.tags);
    expect(plugin.local.meetings().find((m) => m.meetingId === meeting.outputs.meetingId)).to.not.equal(
      undefined,
    );

    // Tags not known yet (from another resource's output): still an update, the rest stays known.
    const unknownTags = await update(
      "Meeting",
      "tagged",
      { ...meeting, outputs: updated.outputs },
      { ...room, tags: UNKNOWN },
      true,
    );
    expect(unknownTags).to.deep.include({ changes: true, replaces: [] });
    expect(unknownTags.outputs).to.deep.include({ meetingId: meeting.outputs.meetingId, tags: UNKNOWN });
  });

  it("GIVEN a tagged meeting of the legacy namespace WHEN only its tags change THEN they are updated in place by MeetingId, secret in and out", async () => {
    const legacyRoom = { namespace: "legacy", externalMeetingId: "legacy-room", mediaRegion: "us-east-1" };
    const meeting = await create("Meeting", "legacy-room", { ...legacyRoom, tags: { site: "a" } });
    expect(meeting.outputs.tags).to.deep.equal(secret({ site: "a" }));
    const news = { ...legacyRoom, tags: { site: "b", floor: "2" } };
    plugin.local.resetCounters();
    const previewed = await update("Meeting", "legacy-room", meeting, news, true);
    expect(plugin.local.totalRequests(), "requests to Chime in the preview").to.equal(0);
    expect(previewed).to.deep.equal({
      changes: true,
      replaces: [],
      outputs: { ...meeting.outputs, tags: secret(news.tags) },
    });
    const updated = await update("Meeting", "legacy-room", meeting, news, false);
    expect(updated).to.deep.equal(previewed);
    const [live] = plugin.local.legacy.meetings();
    expect(live.meetingId).to.equal(meeting.outputs.meetingId);
    expect(live.tags).to.deep.equal(news.tags);
  });

  const replacing: [string, Props][] = [
    ["externalMeetingId", { externalMeetingId: "other-room" }],
    ["mediaRegion", { mediaRegion: "eu-west-1" }],
    ["region", { region: "us-west-2" }],
    ["meetingHostId", { meetingHostId: "host-1" }],
  ];
  for (const [input, change] of replacing) {
    it(`GIVEN a tagged meeting WHEN ${input} changes (with its tags or not) THEN it is replaced`, async () => {
      const meeting = await create("Meeting", `m-${input}`, room);
      for (const tags of [room.tags, { other: "tags" }]) {
        const checked = await plugin.rpc.check(
          new provproto.CheckRequest()
            .setUrn(urn("Meeting", `m-${input}`))
            .setOlds(struct(meeting.inputs))
            .setNews(struct({ ...room, ...change, tags })),
        );
        const diff = await plugin.rpc.diff(
          new provproto.DiffRequest()
            .setUrn(urn("Meeting", `m-${input}`))
            .setId(meeting.id)
            .setOlds(struct(meeting.outputs))
            .setNews(checked.getInputs()),
        );
        expect(diff.getReplacesList()).to.deep.equal([input]);
      }
    });
  }

  it("GIVEN a tagged meeting WHEN its tags change out of band THEN a refresh reads the tags it has; an import (of one made out of band) declares them", async () => {
    const meeting = await create("Meeting", "drifting", room);
    const client = clientFor(plugin.local);
    await client.send(
      new TagResourceCommand({
        ResourceARN: meeting.outputs.meetingArn as string,
        Tags: [{ Key: "added", Value: "by-hand" }],
      }),
    );
    client.destroy();
    const refreshed = await plugin.rpc.read(
      new provproto.ReadRequest()
        .setUrn(urn("Meeting", "drifting"))
        .setId(meeting.id)
        .setProperties(struct(meeting.outputs))
        .setInputs(struct(meeting.inputs)),
    );
    const carried = { ...room.tags, added: "by-hand" };
    expect(props(refreshed.getProperties())).to.deep.equal({ ...meeting.outputs, tags: carried });
    expect(props(refreshed.getInputs())).to.deep.include({ tags: carried });
    // Made out of band: "drifting" is managed here, and an import of it would be refused (issue 20).
    const other = clientFor(plugin.local);
    const outOfBand = await other.send(
      new CreateMeetingCommand({
        ExternalMeetingId: "room",
        MediaRegion: "us-east-1",
        Tags: Object.entries(carried).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    other.destroy();
    const imported = await plugin.rpc.read(
      new provproto.ReadRequest()
        .setUrn(urn("Meeting", "imported"))
        .setId(outOfBand.Meeting?.MeetingId as string),
    );
    expect(props(imported.getInputs())).to.deep.equal({
      externalMeetingId: "room",
      mediaRegion: "us-east-1",
      region: "us-east-1",
      tags: carried,
    });
  });

  it("GIVEN existing attendees, a batch and meeting tags WHEN their updates are previewed THEN no call is made; existing attendees keep their AttendeeId and JoinToken, new ones are unknown", async () => {
    const meeting = await create("Meeting", "for-updates", {
      externalMeetingId: "for-updates",
      mediaRegion: "us-east-1",
    });
    const meetingId = meeting.outputs.meetingId;
    const kiosk = await create("Attendee", "kiosk", {
      meetingId,
      externalUserId: "kiosk-1",
      capabilities: ALL,
    });
    const bots = await create("AttendeeBatch", "bots", {
      meetingId,
      attendees: [{ externalUserId: "b-1" }, { externalUserId: "b-2" }],
    });
    const meetingArn = meeting.outputs.meetingArn;
    const tags = await create("MeetingTags", "tags", { meetingId, meetingArn, tags: { a: "1" } });

    plugin.local.resetCounters();
    const kioskPreview = await update(
      "Attendee",
      "kiosk",
      kiosk,
      { meetingId, externalUserId: "kiosk-1", capabilities: NONE },
      true,
    );
    const botsPreview = await update(
      "AttendeeBatch",
      "bots",
      bots,
      { meetingId, attendees: [{ externalUserId: "b-2", capabilities: NONE }, { externalUserId: "b-3" }] },
      true,
    );
    const tagsPreview = await update(
      "MeetingTags",
      "tags",
      tags,
      { meetingId, meetingArn, tags: { a: "2" } },
      true,
    );
    expect(plugin.local.totalRequests(), "requests to Chime in the previews").to.equal(0);

    expect(kioskPreview.outputs).to.deep.equal({ ...kiosk.outputs, capabilities: NONE });
    const joinInfo = (bots.outputs.joinInfo as { value: Record<string, Props> }).value;
    expect(botsPreview.outputs).to.deep.include({
      joinInfo: secret({ "b-2": { ...joinInfo["b-2"], capabilities: NONE }, "b-3": UNKNOWN }),
    });
    expect(tagsPreview.outputs).to.deep.include({ tags: { a: "2" } });

    // And up does what was predicted, where it was known.
    const kioskUp = await update(
      "Attendee",
      "kiosk",
      kiosk,
      { meetingId, externalUserId: "kiosk-1", capabilities: NONE },
      false,
    );
    expect(kioskUp.outputs).to.deep.equal(kioskPreview.outputs);
    const botsUp = await update(
      "AttendeeBatch",
      "bots",
      bots,
      { meetingId, attendees: [{ externalUserId: "b-2", capabilities: NONE }, { externalUserId: "b-3" }] },
      false,
    );
    const after = (botsUp.outputs.joinInfo as { value: Record<string, Props> }).value;
    expect(after["b-2"]).to.deep.equal({ ...joinInfo["b-2"], capabilities: NONE });
    expect(Object.keys(after)).to.have.members(["b-2", "b-3"]);
  });
});

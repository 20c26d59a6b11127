/**
 * Issue 20.1: an import (or a `get` by id) never takes over an attendee or a meeting that another
 * resource of the provider instance manages, and the delete of a duplicate already in the state never
 * deletes what another resource holds. Over real gRPC, the real core, against the local endpoint, in
 * the order the engine sends the calls (`provider/shared/claims.ts` says which calls claim).
 *
 * What the plugin cannot see: `pulumi import` sends only the import (the engine issues `same` steps for
 * the state's other resources, without a call), so an import there succeeds; the next `up` checks and
 * diffs every resource the program declares before it deletes the duplicate, and that delete leaves
 * the attendee (or meeting) to the resource that manages it. `test/e2e/plugin-import.test.ts` runs the
 * whole sequence on the engine.
 */
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { expect } from "chai";
import { BATCH_NOT_IMPORTED } from "../../provider/validation/import-id";
import { rejection, struct, usePluginOnLocalEndpoint } from "./grpc";

const urn = (type: string, name: string) => `urn:pulumi:dev::proj::chime:index:${type}::${name}`;
type Props = Record<string, unknown>;
const props = (s: { toJavaScript(): Props } | undefined): Props => s?.toJavaScript() ?? {};
/** The secret wrapper's value, or the value. */
const plain = (v: unknown) =>
  v && typeof v === "object" && "value" in v ? (v as { value: unknown }).value : v;

describe("Issue 20.1: import and get never take over a managed attendee or meeting; a duplicate's delete leaves it", () => {
  const warnings: { urn: string; message: string }[] = [];
  const plugin = usePluginOnLocalEndpoint(async (urn, message) => {
    warnings.push({ urn, message });
  });

  /** A new plugin process: the engine starts one per deployment, configured afresh (claims empty). */
  const newProcess = () =>
    plugin.rpc.configure(
      new provproto.ConfigureRequest()
        .setName("default_0_1_0")
        .setArgs(struct({ endpoint: plugin.local.url, legacyEndpoint: plugin.local.legacy.endpointUrl })),
    );

  const check = (type: string, name: string, news: Props, olds: Props = {}) =>
    plugin.rpc.check(
      new provproto.CheckRequest().setUrn(urn(type, name)).setOlds(struct(olds)).setNews(struct(news)),
    );

  async function create(type: string, name: string, news: Props) {
    const checked = await check(type, name, news);
    expect(checked.getFailuresList().map((f) => f.getReason())).to.deep.equal([]);
    const created = await plugin.rpc.create(
      new provproto.CreateRequest().setUrn(urn(type, name)).setProperties(checked.getInputs()),
    );
    return {
      id: created.getId(),
      inputs: props(checked.getInputs()),
      outputs: props(created.getProperties()),
    };
  }

  /** `pulumi import` (or a `get`): a read with the import id and no state. */
  async function importAs(type: string, name: string, id: string) {
    const read = await plugin.rpc.read(new provproto.ReadRequest().setUrn(urn(type, name)).setId(id));
    return { id: read.getId(), inputs: props(read.getInputs()), outputs: props(read.getProperties()) };
  }

  const diff = (type: string, name: string, olds: { id: string; outputs: Props }, news: Props) =>
    plugin.rpc.diff(
      new provproto.DiffRequest()
        .setUrn(urn(type, name))
        .setId(olds.id)
        .setOlds(struct(olds.outputs))
        .setNews(struct(news)),
    );

  const remove = (type: string, name: string, state: { id: string; outputs: Props }) =>
    plugin.rpc.delete(
      new provproto.DeleteRequest()
        .setUrn(urn(type, name))
        .setId(state.id)
        .setProperties(struct(state.outputs)),
    );

  const attendeesOf = (meetingId: string) =>
    plugin.local
      .attendees(meetingId)
      .map((a) => ({ externalUserId: a.externalUserId, joinToken: a.joinToken }));

  beforeEach(async () => {
    warnings.length = 0;
    await newProcess();
  });

  it("GIVEN Attendee lobby-kiosk declared in this deployment WHEN another resource imports or gets it by id THEN that fails naming lobby-kiosk, before any call", async () => {
    const room = await create("Meeting", "room", { externalMeetingId: "room", mediaRegion: "us-east-1" });
    const meetingId = room.outputs.meetingId as string;
    await create("Attendee", "lobby-kiosk", { meetingId, externalUserId: "kiosk-1" });
    plugin.local.resetCounters();
    const error = await rejection(importAs("Attendee", "dup", `${meetingId}/kiosk-1`));
    expect(error.details).to.equal(
      'Attendee "dup" cannot be imported or read by id: the attendee externalUserId (7 characters) of meeting ' +
        `"${meetingId}" is managed by Attendee "lobby-kiosk" in this stack (same provider). Two resources of one ` +
        "Chime resource would each delete it, and the other's outputs (its JoinToken) with it. Use Attendee " +
        '"lobby-kiosk" and its outputs instead; to move it to Attendee "dup", remove Attendee "lobby-kiosk" ' +
        "from the program (or `pulumi state delete` it) first.",
    );
    expect(plugin.local.totalRequests(), "refused before any call").to.equal(0);
    // The resource itself (the `import` option on lobby-kiosk) and an attendee nobody declares import.
    expect((await importAs("Attendee", "lobby-kiosk", `${meetingId}/kiosk-1`)).inputs).to.include({
      externalUserId: "kiosk-1",
    });
  });

  it("GIVEN Meeting room created in this deployment WHEN another Meeting imports or gets it by id THEN that fails naming room, before any call", async () => {
    const room = await create("Meeting", "room", { externalMeetingId: "room", mediaRegion: "us-east-1" });
    plugin.local.resetCounters();
    const error = await rejection(importAs("Meeting", "dup-room", room.outputs.meetingId as string));
    expect(error.details).to.include(
      `Meeting "dup-room" cannot be imported or read by id: the meeting "${room.outputs.meetingId}" is managed by Meeting "room" in this stack`,
    );
    expect(plugin.local.totalRequests()).to.equal(0);
  });

  it("GIVEN Meeting room in the state WHEN the next deployment diffs it THEN an import of its meeting by another Meeting fails naming room", async () => {
    const room = await create("Meeting", "room", { externalMeetingId: "room", mediaRegion: "us-east-1" });
    await newProcess();
    await diff("Meeting", "room", room, room.inputs);
    const error = await rejection(importAs("Meeting", "dup-room", room.outputs.meetingId as string));
    expect(error.details).to.include('is managed by Meeting "room" in this stack');
  });

  it("GIVEN Attendee dup imported by `pulumi import` (which sees nothing else) WHEN the next up checks lobby-kiosk and deletes dup THEN the attendee and lobby-kiosk's JoinToken live on, with a warning", async () => {
    const room = await create("Meeting", "room", { externalMeetingId: "room", mediaRegion: "us-east-1" });
    const meetingId = room.outputs.meetingId as string;
    const kiosk = await create("Attendee", "lobby-kiosk", { meetingId, externalUserId: "kiosk-1" });
    const before = attendeesOf(meetingId);
    expect(before).to.deep.equal([{ externalUserId: "kiosk-1", joinToken: plain(kiosk.outputs.joinToken) }]);

    // `pulumi import chime:index:Attendee dup <meetingId>/kiosk-1`: a process that saw nothing else.
    await newProcess();
    const dup = await importAs("Attendee", "dup", `${meetingId}/kiosk-1`);

    // The next `pulumi up` (the program declares lobby-kiosk, not dup): check and diff what the program
    // declares, then delete what it no longer does.
    await newProcess();
    await check("Attendee", "lobby-kiosk", kiosk.inputs, kiosk.inputs);
    await diff("Attendee", "lobby-kiosk", kiosk, kiosk.inputs);
    plugin.local.resetCounters();
    await remove("Attendee", "dup", dup);
    expect(plugin.local.totalRequests(), "no DeleteAttendee").to.equal(0);
    expect(attendeesOf(meetingId)).to.deep.equal(before);
    expect(warnings).to.deep.equal([
      {
        urn: urn("Attendee", "dup"),
        message:
          `Attendee "dup" did not delete the attendee externalUserId (7 characters) of meeting "${meetingId}": ` +
          'Attendee "lobby-kiosk" of this stack manages it (it was imported twice, or moved to Attendee ' +
          '"lobby-kiosk"), so it stays for Attendee "lobby-kiosk".',
      },
    ]);
  });

  it("GIVEN Meeting dup-room imported by `pulumi import` WHEN the next up diffs room and deletes dup-room THEN the meeting and its attendees live on", async () => {
    const room = await create("Meeting", "room", { externalMeetingId: "room", mediaRegion: "us-east-1" });
    const meetingId = room.outputs.meetingId as string;
    await create("Attendee", "kiosk", { meetingId, externalUserId: "kiosk-1" });
    await newProcess();
    const dup = await importAs("Meeting", "dup-room", meetingId);
    await newProcess();
    await check("Meeting", "room", room.inputs, room.inputs);
    await diff("Meeting", "room", room, room.inputs);
    await remove("Meeting", "dup-room", dup);
    expect(plugin.local.meetings().map((m) => m.meetingId)).to.include(meetingId);
    expect(attendeesOf(meetingId).map((a) => a.externalUserId)).to.deep.equal(["kiosk-1"]);
    expect(warnings.map((w) => w.message)).to.deep.equal([
      `Meeting "dup-room" did not delete the meeting "${meetingId}": Meeting "room" of this stack manages it ` +
        '(it was imported twice, or moved to Meeting "room"), so it stays for Meeting "room".',
    ]);
  });

  it("GIVEN an attendee moved from an AttendeeBatch to an Attendee WHEN the batch's delete comes THEN it deletes the members no one else declares, and leaves the moved one", async () => {
    const room = await create("Meeting", "room", { externalMeetingId: "room", mediaRegion: "us-east-1" });
    const meetingId = room.outputs.meetingId as string;
    const batch = await create("AttendeeBatch", "bots", {
      meetingId,
      attendees: [{ externalUserId: "bot-1" }, { externalUserId: "bot-2" }],
    });
    await newProcess();
    await check("Attendee", "bot-1", { meetingId, externalUserId: "bot-1" });
    await remove("AttendeeBatch", "bots", batch);
    expect(attendeesOf(meetingId).map((a) => a.externalUserId)).to.deep.equal(["bot-1"]);
  });

  it("GIVEN a replacement of an Attendee (its new version checked first) WHEN the old one is deleted THEN it is deleted: a resource never blocks itself", async () => {
    const room = await create("Meeting", "room", { externalMeetingId: "room", mediaRegion: "us-east-1" });
    const meetingId = room.outputs.meetingId as string;
    const kiosk = await create("Attendee", "kiosk", { meetingId, externalUserId: "kiosk-1" });
    await newProcess();
    await check("Attendee", "kiosk", kiosk.inputs, kiosk.inputs);
    await remove("Attendee", "kiosk", kiosk);
    expect(attendeesOf(meetingId)).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it("GIVEN an AttendeeBatch WHEN imported or read by id THEN it cannot be: the message says what to declare instead", async () => {
    const error = await rejection(importAs("AttendeeBatch", "bots", "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c"));
    expect(error.details).to.equal(BATCH_NOT_IMPORTED);
    expect(BATCH_NOT_IMPORTED).to.include(
      "Declare the AttendeeBatch with its members' externalUserIds instead",
    );
  });
});

/**
 * The AttendeeBatch provider against the local endpoint, in both namespaces: one lifecycle over each
 * namespace's I/O (issue 17, item 4). The behaviour common to both runs as one suite per namespace,
 * where an attendee's managed "settings" are its capabilities (Chime SDK Meetings) or its tags (the
 * legacy namespace, through `@aws-sdk/client-chime@3.699.0` on `/legacy`); what only the legacy
 * namespace has (10 tags per BatchCreateAttendee item, the tags of adopted attendees, ListAttendeeTags
 * on refresh) follows.
 */
import {
  BatchCreateAttendeeCommand,
  DeleteAttendeeCommand as LegacyDeleteAttendeeCommand,
} from "@aws-sdk/client-chime";
import { DeleteAttendeeCommand, UpdateAttendeeCapabilitiesCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import type { ChimeLocal } from "../../emulator";
import type {
  AnyBatchInputs,
  AnyBatchOutputs,
  AnyBatchState,
  LegacyBatchOutputs,
} from "../../provider/attendee-batch/batch-state";
import { AttendeeBatchProvider } from "../../provider/dynamic/providers";
import { clientFor, newAttendee, newMeeting } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const NONE = { audio: "None", video: "None", content: "None" } as const;

type Ctx = ReturnType<typeof useProviderEndpoint>;
type Member = Record<string, unknown> & { externalUserId: string };

/** What differs between the namespaces, for the suite they share. */
interface Flavour {
  readonly name: string;
  /** The inputs that choose the namespace. */
  readonly namespaceInputs: Record<string, unknown>;
  newMeeting(ctx: Ctx): Promise<string>;
  /** An attendee made out of band, with settings other than `declared` below. */
  existing(
    ctx: Ctx,
    meetingId: string,
    externalUserId: string,
  ): Promise<{ AttendeeId: string; JoinToken: string }>;
  /** A member that declares settings, and those settings as recorded in joinInfo. */
  declared(externalUserId: string): Member;
  readonly declaredSettings: unknown;
  /** The settings of a joinInfo entry, and of the endpoint's attendee. */
  settingsOf(info: unknown): unknown;
  onEndpoint(
    local: ChimeLocal,
    meetingId: string,
  ): { externalUserId: string; attendeeId: string; joinToken: string; settings: unknown }[];
  /** Changes an attendee's settings out of band. */
  drift(ctx: Ctx, meetingId: string, attendeeId: string): Promise<void>;
  /** The operation whose failure leaves settings unset, as chime-local's fault scopes name it. */
  readonly settleOperation: string;
  counters(local: ChimeLocal): Record<string, number>;
  endMeeting(local: ChimeLocal, meetingId: string): void;
  deleteOutOfBand(ctx: Ctx, meetingId: string, attendeeId: string): Promise<void>;
}

const meetings: Flavour = {
  name: "Chime SDK Meetings",
  namespaceInputs: {},
  newMeeting: async (ctx) => (await newMeeting(ctx.client)).MeetingId,
  existing: (ctx, meetingId, externalUserId) => newAttendee(ctx.client, meetingId, externalUserId),
  declared: (externalUserId) => ({ externalUserId, capabilities: NONE }),
  declaredSettings: NONE,
  settingsOf: (info) => (info as { capabilities: unknown }).capabilities,
  onEndpoint: (local, meetingId) =>
    local.attendees(meetingId).map((a) => ({
      ...a,
      settings: {
        audio: a.capabilities.Audio,
        video: a.capabilities.Video,
        content: a.capabilities.Content,
      },
    })),
  drift: async (ctx, meetingId, attendeeId) => {
    await ctx.client.send(
      new UpdateAttendeeCapabilitiesCommand({
        MeetingId: meetingId,
        AttendeeId: attendeeId,
        Capabilities: { Audio: "Receive", Video: "None", Content: "None" },
      }),
    );
  },
  settleOperation: "UpdateAttendeeCapabilities",
  counters: (local) => local.counters(),
  endMeeting: (local, meetingId) => local.endMeeting(meetingId),
  deleteOutOfBand: async (ctx, meetingId, attendeeId) => {
    await ctx.client.send(new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId }));
  },
};

const legacy: Flavour = {
  name: "the legacy namespace",
  namespaceInputs: { namespace: "legacy" },
  newMeeting: async (ctx) => {
    const client = clientFor(ctx.local, { dialect: "legacy" });
    try {
      return (await newMeeting(client)).MeetingId;
    } finally {
      client.destroy();
    }
  },
  existing: async (ctx, meetingId, externalUserId) => {
    const client = clientFor(ctx.local, { dialect: "legacy" });
    try {
      return await newAttendee(client, meetingId, externalUserId, [{ Key: "stale", Value: "x" }]);
    } finally {
      client.destroy();
    }
  },
  declared: (externalUserId) => ({ externalUserId, tags: { role: "bot" } }),
  declaredSettings: { role: "bot" },
  settingsOf: (info) => (info as { tags: unknown }).tags,
  onEndpoint: (local, meetingId) =>
    local.legacy.attendees(meetingId).map((a) => ({ ...a, settings: a.tags })),
  drift: async (ctx, meetingId, attendeeId) => {
    ctx.local.legacy.setAttendeeTags(meetingId, attendeeId, { role: "spy", extra: "1" });
  },
  settleOperation: "legacy:TagAttendee",
  counters: (local) => local.legacy.counters(),
  endMeeting: (local, meetingId) => local.legacy.endMeeting(meetingId),
  deleteOutOfBand: async (ctx, meetingId, attendeeId) => {
    const client = clientFor(ctx.local, { dialect: "legacy" });
    try {
      await client.send(new LegacyDeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId }));
    } finally {
      client.destroy();
    }
  },
};

for (const flavour of [meetings, legacy]) {
  describe(`AttendeeBatch provider in ${flavour.name}, against the local endpoint`, () => {
    const ctx = useProviderEndpoint();
    const provider = new AttendeeBatchProvider();
    const checked = async (news: Record<string, unknown>): Promise<AnyBatchInputs> => {
      const { inputs, failures } = await provider.check(
        {} as AnyBatchInputs,
        { ...flavour.namespaceInputs, ...news } as unknown as AnyBatchInputs,
      );
      expect(failures).to.deep.equal([]);
      return inputs as AnyBatchInputs;
    };
    const endpoint = (meetingId: string) =>
      Object.fromEntries(flavour.onEndpoint(ctx.local, meetingId).map((a) => [a.externalUserId, a]));

    describe("lifecycle: adopt and create → read → add and remove → settings drift → member gone → delete", () => {
      let meetingId: string;
      let id: string;
      let outs: AnyBatchOutputs;
      let existing: { AttendeeId: string; JoinToken: string };

      it("GIVEN an attendee that exists with other settings WHEN a batch declares it and a new one THEN one BatchCreateAttendee adopts it (same AttendeeId and JoinToken) and its settings are brought to the declared ones", async () => {
        meetingId = await flavour.newMeeting(ctx);
        existing = await flavour.existing(ctx, meetingId, "bot-1");
        ctx.local.resetCounters();
        const created = await provider.create(
          await checked({ meetingId, attendees: [flavour.declared("bot-1"), { externalUserId: "bot-2" }] }),
        );
        id = created.id;
        outs = created.outs;
        expect(flavour.counters(ctx.local).BatchCreateAttendee).to.equal(1);
        const joinInfo = outs.joinInfo as Record<string, { attendeeId: string; joinToken: string }>;
        expect(joinInfo["bot-1"]).to.include({
          attendeeId: existing.AttendeeId,
          joinToken: existing.JoinToken,
        });
        expect(flavour.settingsOf(joinInfo["bot-1"])).to.deep.equal(flavour.declaredSettings);
        expect(endpoint(meetingId)["bot-1"]?.settings).to.deep.equal(flavour.declaredSettings);
        expect(Object.keys(endpoint(meetingId)).sort()).to.deep.equal(["bot-1", "bot-2"]);
      });

      it("WHEN read THEN props are unchanged, and no inputs come back: the engine keeps the recorded ones (issue 21)", async () => {
        const read = await provider.read(id, outs);
        expect(read.props).to.deep.equal(outs);
        expect(read).not.to.have.property("inputs");
      });

      it("WHEN one is removed and one added THEN exactly those change (one BatchCreateAttendee, one DeleteAttendee); the kept one keeps its token", async () => {
        const news = await checked({
          meetingId,
          attendees: [flavour.declared("bot-1"), { externalUserId: "bot-3" }],
        });
        expect(await provider.diff(id, outs, news)).to.deep.equal({
          changes: true,
          replaces: [],
          deleteBeforeReplace: false,
        });
        ctx.local.resetCounters();
        const { outs: updated } = await provider.update(id, outs, news);
        const counters = flavour.counters(ctx.local);
        expect([counters.BatchCreateAttendee, counters.DeleteAttendee]).to.deep.equal([1, 1]);
        expect(Object.keys(updated.joinInfo).sort()).to.deep.equal(["bot-1", "bot-3"]);
        expect(Object.keys(endpoint(meetingId)).sort()).to.deep.equal(["bot-1", "bot-3"]);
        expect(endpoint(meetingId)["bot-1"]?.joinToken).to.equal(existing.JoinToken);
        outs = updated;
      });

      it("GIVEN a member's settings changed out of band WHEN read THEN the drift shows, and update restores them in place", async () => {
        await flavour.drift(ctx, meetingId, existing.AttendeeId);
        const read = await provider.read(id, outs);
        const drifted = read.props as AnyBatchState;
        expect(flavour.settingsOf((drifted.joinInfo as Record<string, unknown>)["bot-1"])).to.not.deep.equal(
          flavour.declaredSettings,
        );
        // The inputs the engine holds: a read returns none, so they stay as recorded.
        const { joinInfo: _, ...recorded } = outs;
        const news = recorded as AnyBatchInputs;
        expect((await provider.diff(id, drifted, news)).changes).to.equal(true);
        ctx.local.resetCounters();
        const { outs: healed } = await provider.update(id, drifted, news);
        expect(endpoint(meetingId)["bot-1"]?.settings).to.deep.equal(flavour.declaredSettings);
        expect(endpoint(meetingId)["bot-1"]?.attendeeId).to.equal(existing.AttendeeId);
        const counters = flavour.counters(ctx.local);
        expect([counters.BatchCreateAttendee, counters.DeleteAttendee]).to.deep.equal([0, 0]);
        expect((await provider.diff(id, healed, news)).changes).to.equal(false);
        outs = healed;
      });

      it("GIVEN one deleted out of band WHEN read THEN it is missing, and update creates it again", async () => {
        const bot3 = endpoint(meetingId)["bot-3"];
        await flavour.deleteOutOfBand(ctx, meetingId, bot3?.attendeeId ?? "");
        const read = await provider.read(id, outs);
        expect(Object.keys(read.props?.joinInfo ?? {})).to.deep.equal(["bot-1"]);
        const drifted = read.props as AnyBatchState;
        const { joinInfo: _, ...recorded } = outs;
        expect((await provider.diff(id, drifted, recorded as AnyBatchInputs)).changes).to.equal(true);
        const { outs: healed } = await provider.update(id, drifted, recorded as AnyBatchInputs);
        expect(Object.keys(healed.joinInfo).sort()).to.deep.equal(["bot-1", "bot-3"]);
        expect(endpoint(meetingId)["bot-3"]?.attendeeId).to.not.equal(bot3?.attendeeId);
        outs = healed;
      });

      it("WHEN deleted THEN the meeting has none of them; deleting again succeeds, and a read finds it gone", async () => {
        await provider.delete(id, outs);
        expect(flavour.onEndpoint(ctx.local, meetingId)).to.deep.equal([]);
        await provider.delete(id, outs);
        expect((await provider.read(id, outs)).id).to.equal("");
      });
    });

    it("GIVEN setting an adopted attendee's settings fails WHEN created THEN the batch is recorded without secrets, and update completes it", async () => {
      const meetingId = await flavour.newMeeting(ctx);
      const existing = await flavour.existing(ctx, meetingId, "bot-1");
      const inputs = await checked({
        meetingId,
        attendees: [flavour.declared("bot-1"), { externalUserId: "bot-2" }],
      });
      ctx.local.setFaults({ failureRate: 1, operations: [flavour.settleOperation] as never });
      let failure: (Error & { id?: string; properties?: AnyBatchState; reasons?: string[] }) | undefined;
      try {
        await provider.create(inputs);
      } catch (error) {
        failure = error as typeof failure;
      } finally {
        ctx.local.setFaults(undefined);
      }
      expect(failure?.reasons?.[0]).to.include("some attendees of the batch could not be created or set up");
      expect(failure?.properties).to.deep.equal(inputs);
      for (const a of flavour.onEndpoint(ctx.local, meetingId)) {
        expect(JSON.stringify(failure?.properties)).to.not.include(a.joinToken);
      }
      const recorded = failure?.properties as AnyBatchState;
      expect((await provider.diff(failure?.id ?? "", recorded, inputs)).changes).to.equal(true);
      const { outs } = await provider.update(failure?.id ?? "", recorded, inputs);
      expect((outs.joinInfo as Record<string, { joinToken: string }>)["bot-1"]?.joinToken).to.equal(
        existing.JoinToken,
      );
      expect(endpoint(meetingId)["bot-1"]?.settings).to.deep.equal(flavour.declaredSettings);
      expect(Object.keys(endpoint(meetingId)).sort()).to.deep.equal(["bot-1", "bot-2"]);
    });

    it("GIVEN a meeting that has ended WHEN a batch is created THEN it fails saying so, and records nothing", async () => {
      const meetingId = await flavour.newMeeting(ctx);
      flavour.endMeeting(ctx.local, meetingId);
      let failure: (Error & { id?: string }) | undefined;
      try {
        await provider.create(await checked({ meetingId, attendees: [{ externalUserId: "late" }] }));
      } catch (error) {
        failure = error as typeof failure;
      }
      expect(failure?.message).to.include("NotFoundException").and.include(meetingId);
      expect(failure?.id).to.equal(undefined);
    });

    it("GIVEN 250 members WHEN created THEN 3 BatchCreateAttendee requests (100, 100, 50) make them all", async () => {
      const meetingId = await flavour.newMeeting(ctx);
      const attendees = Array.from({ length: 250 }, (_, n) => ({ externalUserId: `bot-${n}` }));
      ctx.local.resetCounters();
      const { outs } = await provider.create(await checked({ meetingId, attendees }));
      expect(flavour.counters(ctx.local).BatchCreateAttendee).to.equal(3);
      expect(Object.keys(outs.joinInfo)).to.have.lengthOf(250);
      expect(flavour.onEndpoint(ctx.local, meetingId)).to.have.lengthOf(250);
    });
  });
}

describe("AttendeeBatch provider, what only the legacy namespace has", () => {
  const ctx = useProviderEndpoint();
  const provider = new AttendeeBatchProvider();
  const checked = async (news: Record<string, unknown>): Promise<AnyBatchInputs> => {
    const { inputs, failures } = await provider.check(
      {} as AnyBatchInputs,
      { namespace: "legacy", ...news } as unknown as AnyBatchInputs,
    );
    expect(failures).to.deep.equal([]);
    return inputs as AnyBatchInputs;
  };
  const tagsOf = (n: number, prefix = "k") =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, `v${i}`]));
  const tagsOnEndpoint = (meetingId: string) =>
    Object.fromEntries(ctx.local.legacy.attendees(meetingId).map((a) => [a.externalUserId, a.tags]));

  it("GIVEN members with 50, 12, 10 and no tags WHEN created THEN each item carries at most 10 (the model's AttendeeTagList) and TagAttendee sets the rest, 10 a call", async () => {
    const meetingId = await legacy.newMeeting(ctx);
    ctx.local.resetCounters();
    const attendees = [
      { externalUserId: "fifty", tags: tagsOf(50) },
      { externalUserId: "twelve", tags: tagsOf(12) },
      { externalUserId: "ten", tags: tagsOf(10) },
      { externalUserId: "none" },
    ];
    const { outs } = await provider.create(await checked({ meetingId, attendees }));
    expect(tagsOnEndpoint(meetingId)).to.deep.equal({
      fifty: tagsOf(50),
      twelve: tagsOf(12),
      ten: tagsOf(10),
      none: {},
    });
    const counters = ctx.local.legacy.counters();
    // One listing before creating (to tell adopted attendees from new ones), one BatchCreateAttendee,
    // then 40 tags in 4 calls and 2 in 1: no tag is listed, a fresh attendee has what it was sent.
    expect([
      counters.ListAttendees,
      counters.BatchCreateAttendee,
      counters.TagAttendee,
      counters.ListAttendeeTags,
    ]).to.deep.equal([1, 1, 5, 0]);
    expect((outs as LegacyBatchOutputs).joinInfo.twelve?.tags).to.deep.equal(tagsOf(12));
  });

  it("GIVEN an attendee with undeclared tags WHEN a batch adopts it THEN its tags are read and only the difference is tagged and untagged", async () => {
    const meetingId = await legacy.newMeeting(ctx);
    const client = clientFor(ctx.local, { dialect: "legacy" });
    try {
      await newAttendee(client, meetingId, "kiosk", [
        { Key: "site", Value: "hq" },
        { Key: "stale", Value: "x" },
      ]);
    } finally {
      client.destroy();
    }
    ctx.local.resetCounters();
    await provider.create(
      await checked({
        meetingId,
        attendees: [{ externalUserId: "kiosk", tags: { site: "hq", floor: "2" } }],
      }),
    );
    expect(tagsOnEndpoint(meetingId)).to.deep.equal({ kiosk: { site: "hq", floor: "2" } });
    const counters = ctx.local.legacy.counters();
    expect([counters.ListAttendeeTags, counters.UntagAttendee, counters.TagAttendee]).to.deep.equal([
      1, 1, 1,
    ]);
  });

  it("WHEN read THEN each member's tags are read (ListAttendeeTags, one request each) beside one shared listing", async () => {
    const meetingId = await legacy.newMeeting(ctx);
    const { id, outs } = await provider.create(
      await checked({
        meetingId,
        attendees: [{ externalUserId: "bot-a", tags: { x: "1" } }, { externalUserId: "bot-b" }],
      }),
    );
    ctx.local.resetCounters();
    const read = await provider.read(id, outs);
    expect(read.props).to.deep.equal(outs);
    const counters = ctx.local.legacy.counters();
    expect([counters.ListAttendees, counters.ListAttendeeTags]).to.deep.equal([1, 2]);
  });

  it("GIVEN a member whose BatchCreateAttendee item the endpoint refuses WHEN created THEN the failure names it by position and length, never quoting a tag, and the others are recorded", async () => {
    const meetingId = await legacy.newMeeting(ctx);
    // chime-local refuses an item in a full meeting per attendee: fill it to one seat short.
    const client = clientFor(ctx.local, { dialect: "legacy" });
    try {
      for (const [from, count] of [
        [0, 100],
        [100, 100],
        [200, 49],
      ] as const) {
        await client.send(
          new BatchCreateAttendeeCommand({
            MeetingId: meetingId,
            Attendees: Array.from({ length: count }, (_, i) => ({ ExternalUserId: `filler-${from + i}` })),
          }),
        );
      }
    } finally {
      client.destroy();
    }
    let failure: (Error & { reasons?: string[]; properties?: unknown }) | undefined;
    try {
      await provider.create(
        await checked({
          meetingId,
          attendees: [
            { externalUserId: "seated", tags: { "s3cret-key": "s3cret-value" } },
            { externalUserId: "standing", tags: { "s3cret-key": "s3cret-value" } },
          ],
        }),
      );
    } catch (error) {
      failure = error as typeof failure;
    }
    const reason = failure?.reasons?.[0] ?? "";
    expect(reason).to.include("attendees[1].externalUserId (8 characters): ResourceLimitExceeded");
    expect(reason).to.not.include("s3cret").and.not.include("standing");
    expect(tagsOnEndpoint(meetingId).seated).to.deep.equal({ "s3cret-key": "s3cret-value" });
  });
});

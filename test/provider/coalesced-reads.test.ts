import {
  BatchCreateAttendeeCommand,
  type ChimeSDKMeetingsClient,
  DeleteAttendeeCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import type { AttendeeState } from "../../provider/attendee/attendee-state";
import type { BatchState } from "../../provider/attendee-batch/batch-state";
import { ChimeApi } from "../../provider/aws/chime-api";
import { SNAPSHOT_WINDOW_MS } from "../../provider/aws/coalescing-cache";
import { ChimeConfig } from "../../provider/aws/config";
import { processInstance } from "../../provider/dynamic/process";
import { AttendeeBatchProvider, AttendeeProvider } from "../../provider/dynamic/providers";
import { newMeeting } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const attendeeProvider = new AttendeeProvider();
const batchProvider = new AttendeeBatchProvider();
/** The listings the providers' reads share: the process instance's (the one `useProviderEndpoint` configures). */
const meetingSnapshots = () => processInstance().config.clients.meetingSnapshots;

/** A meeting with `count` attendees (made with BatchCreateAttendee, outside the provider), as Attendee states. */
async function meetingWith(
  client: ChimeSDKMeetingsClient,
  count: number,
  prefix = "reader",
): Promise<{ meetingId: string; states: AttendeeState[] }> {
  const meetingId = (await newMeeting(client)).MeetingId;
  const states: AttendeeState[] = [];
  for (let from = 0; from < count; from += 100) {
    const names = Array.from({ length: Math.min(100, count - from) }, (_, n) => `${prefix}-${from + n}`);
    const out = await client.send(
      new BatchCreateAttendeeCommand({
        MeetingId: meetingId,
        Attendees: names.map((ExternalUserId) => ({ ExternalUserId })),
      }),
    );
    for (const a of out.Attendees ?? []) {
      states.push({
        meetingId,
        externalUserId: a.ExternalUserId as string,
        region: "us-east-1",
        attendeeId: a.AttendeeId,
        joinToken: a.JoinToken,
        capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" },
      });
    }
  }
  expect(states).to.have.length(count);
  return { meetingId, states };
}

/** Reads every state at once, as the engine does in a refresh; the attendeeIds found (undefined: gone). */
async function readAll(states: AttendeeState[]): Promise<(string | undefined)[]> {
  const results = await Promise.all(states.map((s, n) => attendeeProvider.read(`id-${n}`, s)));
  return results.map((r) => (r.id ? (r.props as AttendeeState).attendeeId : undefined));
}

describe("Coalesced reads against the local endpoint", () => {
  const ctx = useProviderEndpoint({ rateLimit: 10 }, { "chime:maxRequestsPerSecond": "10" });
  let restoreClock: () => number;

  beforeEach(() => {
    meetingSnapshots().clear();
    restoreClock = meetingSnapshots().now;
  });
  afterEach(() => {
    meetingSnapshots().now = restoreClock;
  });

  const sizes: [number, number][] = [
    [1, 1],
    [100, 1],
    [101, 2],
    [250, 3],
  ];
  for (const [n, pages] of sizes) {
    it(`GIVEN ${n} Attendees of one meeting WHEN all are read at once THEN ${pages} ListAttendees call(s) (100 a page), no GetAttendee, each finds its attendee`, async () => {
      const { states } = await meetingWith(ctx.client, n);
      ctx.local.resetCounters();
      expect(await readAll(states)).to.deep.equal(states.map((s) => s.attendeeId));
      expect(ctx.local.counters()).to.include({ ListAttendees: pages, GetAttendee: 0 });
      expect(ctx.local.totalRequests()).to.equal(pages);
    });
  }

  it("GIVEN 150 Attendees in one meeting and a 100-AttendeeBatch in another WHEN the whole stack is read at once THEN 2 + 1 ListAttendees calls, and the outputs carry the secrets", async () => {
    const a = await meetingWith(ctx.client, 150, "kiosk");
    const b = await meetingWith(ctx.client, 100, "bot");
    const batch: BatchState = {
      meetingId: b.meetingId,
      region: "us-east-1",
      attendees: b.states.map((s) => ({ externalUserId: s.externalUserId })),
      joinInfo: Object.fromEntries(
        b.states.map((s) => [
          s.externalUserId,
          {
            attendeeId: s.attendeeId as string,
            joinToken: s.joinToken as string,
            capabilities: s.capabilities,
          },
        ]),
      ),
    };
    ctx.local.resetCounters();
    const [attendees, batchRead] = await Promise.all([
      Promise.all(a.states.map((s, n) => attendeeProvider.read(`id-${n}`, s))),
      batchProvider.read("batch", batch),
    ]);
    expect(ctx.local.totalRequests()).to.equal(3);
    expect(ctx.local.counters()).to.include({ ListAttendees: 3, GetAttendee: 0 });
    const server = new Map(ctx.local.attendees(a.meetingId).map((x) => [x.attendeeId, x.joinToken]));
    for (const r of attendees) {
      const props = r.props as AttendeeState;
      expect(props.joinToken).to.equal(server.get(props.attendeeId as string));
    }
    expect((batchRead.props as BatchState).joinInfo).to.deep.equal(batch.joinInfo);
  });

  it("GIVEN a meeting that has ended WHEN 150 of its Attendees and its AttendeeBatch are read at once THEN all are gone, after one request", async () => {
    const { meetingId, states } = await meetingWith(ctx.client, 150);
    ctx.local.endMeeting(meetingId);
    ctx.local.resetCounters();
    const batch: BatchState = {
      meetingId,
      region: "us-east-1",
      attendees: [{ externalUserId: "reader-0" }],
    };
    const [found, batchRead] = await Promise.all([readAll(states), batchProvider.read("batch", batch)]);
    expect(found.every((id) => id === undefined)).to.equal(true);
    expect(batchRead.id).to.equal("");
    expect(ctx.local.counters()).to.include({ ListAttendees: 1, GetAttendee: 0 });
  });

  it("GIVEN two provider instances on one endpoint WHEN each reads a meeting's attendees at once THEN each lists it for itself (listings are per instance, as clients are)", async () => {
    const { meetingId } = await meetingWith(ctx.client, 3);
    const instances = [0, 1].map(() => new ChimeConfig({ endpoint: ctx.local.url, region: "us-east-1" }));
    ctx.local.resetCounters();
    try {
      const apis = instances.map((config) => new ChimeApi(config.settingsFor("us-east-1"), config.clients));
      const listings = await Promise.all([...apis, ...apis].map((api) => api.meetingAttendees(meetingId)));
      expect(listings.map((l) => l?.length)).to.deep.equal([3, 3, 3, 3]);
      expect(ctx.local.counters()).to.include({ ListAttendees: 2 });
    } finally {
      for (const config of instances) config.clients.reset();
    }
  });

  it("GIVEN a pass that read the meeting WHEN the next pass comes after the window THEN it lists again and sees what changed meanwhile; within the window it does not", async () => {
    let now = 1_000_000;
    meetingSnapshots().now = () => now;
    const { meetingId, states } = await meetingWith(ctx.client, 150);
    ctx.local.resetCounters();
    await readAll(states);
    expect(ctx.local.counters().ListAttendees).to.equal(2);
    // Deleted out of band (by hand, by another tool).
    await ctx.client.send(
      new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: states[0].attendeeId }),
    );

    now += SNAPSHOT_WINDOW_MS; // still the same pass: served from the listing, staleness bounded by the window
    expect((await readAll(states))[0]).to.equal(states[0].attendeeId);
    expect(ctx.local.counters().ListAttendees).to.equal(2);

    now += 1; // the next pass
    const fresh = await readAll(states);
    expect(ctx.local.counters().ListAttendees).to.equal(4);
    expect(fresh[0]).to.equal(undefined);
    expect(fresh.slice(1)).to.deep.equal(states.slice(1).map((s) => s.attendeeId));
  });

  it("GIVEN a listing WHEN the provider deletes an attendee of that meeting THEN the next read lists again and finds it gone", async () => {
    const { states } = await meetingWith(ctx.client, 3);
    await readAll(states);
    await attendeeProvider.delete("id-1", states[1]);
    ctx.local.resetCounters();
    expect(await readAll(states)).to.deep.equal([states[0].attendeeId, undefined, states[2].attendeeId]);
    expect(ctx.local.counters().ListAttendees).to.equal(1);
  });
});

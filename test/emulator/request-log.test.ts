/** The request log (`recordRequests`, `requests()`) and `busiestWindow`, which the rate tests rely on. */
import { GetMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { busiestWindow, type RequestRecord, startChimeLocal } from "../../emulator";
import { clientFor, newMeeting, raw, UNKNOWN_ID, useEndpoint } from "./helpers";

describe("emulator: request log", () => {
  describe("busiestWindow (requests of one operation within any window t <= at < t + width)", () => {
    const at = (times: number[], operation: RequestRecord["operation"]) =>
      times.map((t) => ({ at: t, operation, status: 200 }));
    const creates = (times: number[]) => at(times, "CreateAttendee");
    const rows: Array<[string, RequestRecord[], number, Record<string, number>]> = [
      ["no requests", [], 1000, {}],
      [
        "paced at 5/s: 5 per second",
        creates([0, 200, 400, 600, 800, 1000, 1200]),
        1000,
        { CreateAttendee: 5 },
      ],
      ["one extra between slots", creates([0, 200, 300, 400, 600, 800, 1000]), 1000, { CreateAttendee: 6 }],
      ["a window excludes its end", creates([0, 1000]), 1000, { CreateAttendee: 1 }],
      ["unsorted input", creates([800, 0, 400, 200, 600]), 1000, { CreateAttendee: 5 }],
      ["narrower window", creates([0, 200, 400, 600, 800]), 900, { CreateAttendee: 5 }],
      ["narrower window, slots 220 ms apart", creates([0, 220, 440, 660, 880]), 800, { CreateAttendee: 4 }],
      [
        "per operation; unknown routes ignored",
        [...creates([0, 10, 20]), ...at([0, 10], "GetAttendee"), ...at([0, 1, 2, 3], undefined)],
        1000,
        { CreateAttendee: 3, GetAttendee: 2 },
      ],
    ];
    for (const [name, records, width, expected] of rows) {
      it(name, () => {
        expect(busiestWindow(records, width)).to.deep.equal(expected);
      });
    }
  });

  describe("on an endpoint started with recordRequests", () => {
    const env = useEndpoint({ recordRequests: true, rateLimit: 2 });
    beforeEach(() => env.local.resetCounters());

    it("logs each request in order of arrival with its operation and answered status (429 and resets included)", async () => {
      const meeting = await newMeeting(env.client);
      await env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }));
      await env.client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID })).catch(() => {}); // 404
      await env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })).catch(() => {}); // 429
      await raw(env.local.url, "GET", "/unknown"); // no route
      env.local.setFaults({ resetRate: 1, count: 1, operations: ["DeleteMeeting"] });
      await raw(env.local.url, "DELETE", `/meetings/${meeting.MeetingId}`).catch(() => {}); // reset
      env.local.setFaults(undefined);

      const log = env.local.requests();
      expect(log.map((r) => [r.operation, r.status])).to.deep.equal([
        ["CreateMeeting", 200],
        ["GetMeeting", 200],
        ["GetMeeting", 404],
        ["GetMeeting", 429],
        [undefined, 404],
        ["DeleteMeeting", 0],
      ]);
      const times = log.map((r) => r.at);
      expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    });

    it("resetCounters empties it, and requests() returns a copy", async () => {
      await newMeeting(env.client);
      const copy = env.local.requests();
      copy[0].status = 999;
      expect(env.local.requests()[0].status).to.equal(200);
      env.local.resetCounters();
      expect(env.local.requests()).to.deep.equal([]);
    });
  });

  it("requests() says how to enable it on an endpoint started without recordRequests", async () => {
    const local = await startChimeLocal();
    try {
      expect(() => local.requests()).to.throw(/recordRequests: true/);
    } finally {
      await local.close();
    }
  });

  it("faultRandom makes the injected faults the same sequence on every run", async () => {
    const sequence = async (): Promise<Array<number | undefined>> => {
      let seed = 7;
      const local = await startChimeLocal({
        recordRequests: true,
        faultRandom: () => {
          seed = (seed * 16807) % 2147483647;
          return seed / 2147483647;
        },
      });
      const client = clientFor(local);
      try {
        local.setFaults({ failureRate: 0.3, unavailableRate: 0.3, retryAfterSeconds: 0 });
        for (let i = 0; i < 12; i++) await newMeeting(client).catch(() => {});
        return local.requests().map((r) => r.status);
      } finally {
        client.destroy();
        await local.close();
      }
    };
    const first = await sequence();
    expect(first).to.include.members([500, 503, 200]);
    expect(await sequence()).to.deep.equal(first);
  });
});

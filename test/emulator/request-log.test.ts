/** `busiestWindow` over the request log, which the rate tests rely on, and seeded fault draws. */
import { expect } from "chai";
import { busiestWindow, type RequestLogEntry, startChimeLocal } from "../../emulator";
import { clientFor, newMeeting } from "./helpers";

describe("emulator: the request log's busiest window, and seeded faults", () => {
  describe("busiestWindow (requests of one operation within any window t <= at < t + width)", () => {
    const at = (times: number[], operation: RequestLogEntry["operation"]) =>
      times.map((t) => ({ receivedAt: t, operation, status: 200 }));
    const creates = (times: number[]) => at(times, "CreateAttendee");
    const rows: Array<[string, RequestLogEntry[], number, Record<string, number>]> = [
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

  it("faultRandom makes the injected faults the same sequence on every run", async () => {
    const sequence = async (): Promise<Array<number | undefined>> => {
      let seed = 7;
      const local = await startChimeLocal({
        faultRandom: () => {
          seed = (seed * 16807) % 2147483647;
          return seed / 2147483647;
        },
      });
      const client = clientFor(local);
      try {
        local.setFaults({ failureRate: 0.3, unavailableRate: 0.3, retryAfterSeconds: 0 });
        for (let i = 0; i < 12; i++) await newMeeting(client).catch(() => {});
        return local.requestLog().map((r) => r.status);
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

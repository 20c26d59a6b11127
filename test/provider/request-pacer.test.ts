import { expect } from "chai";
import { RateLimiter } from "../../emulator/rate-limiter";
import { type PacerTurn, RequestPacer, SPACING_MARGIN } from "../../provider/aws/request-pacer";
import { FakeClock } from "../support/fake-clock";

const SPACING = 100 * (1 + SPACING_MARGIN); // at 10 per second

/** Starts `count` acquisitions of `key` at once; returns the times their turns came, filled as they do. */
function acquireMany(pacer: RequestPacer, clock: FakeClock, key: string, count: number, rate = 10) {
  const starts: number[] = [];
  const turns: PacerTurn[] = [];
  for (let n = 0; n < count; n++) {
    void pacer.acquire(key, rate).then((turn) => {
      starts.push(clock.now());
      turns.push(turn);
    });
  }
  return { starts, turns };
}

/** The most entries of `times` (ms) within any window [t, t + 1000). */
function busiestSecond(times: readonly number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
}

describe("Request pacing at the per-operation quota (injected clock)", () => {
  it("lets the first attempt go at once and spaces the next ones 1/rate apart (plus the margin)", async () => {
    const clock = new FakeClock(1_000);
    const pacer = new RequestPacer(clock);
    const { starts } = acquireMany(pacer, clock, "us-east-1|CreateAttendee", 4);
    await clock.advance(1_000);
    expect(starts).to.deep.equal([1_000, 1_000 + SPACING, 1_000 + 2 * SPACING, 1_000 + 3 * SPACING]);
    const later = acquireMany(pacer, clock, "us-east-1|CreateAttendee", 1);
    await clock.advance(0);
    expect(later.starts).to.deep.equal([2_000]);
  });

  it("keeps operations (and regions) apart: each has its own quota", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock);
    const a = acquireMany(pacer, clock, "us-east-1|CreateAttendee", 1);
    const b = acquireMany(pacer, clock, "us-east-1|DeleteAttendee", 1);
    const c = acquireMany(pacer, clock, "us-west-2|CreateAttendee", 1);
    await clock.advance(0);
    expect([a.starts, b.starts, c.starts]).to.deep.equal([[0], [0], [0]]);
  });

  it("never lets more than `rate` attempts start within any one second", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock);
    const { starts } = acquireMany(pacer, clock, "k", 35);
    await clock.advance(5_000);
    expect(starts).to.have.length(35);
    expect(busiestSecond(starts)).to.equal(10);
  });

  it("GIVEN a throttled answer THEN the rate drops to 70 %, once per round of attempts, and climbs back to the quota in 6 s", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock);
    const { turns } = acquireMany(pacer, clock, "k", 3);
    await clock.advance(1_000);
    expect(pacer.rate("k")).to.equal(10);
    // Three attempts of the same round come back throttled: one drop, not three.
    for (const turn of turns) turn.settle("throttled");
    expect(pacer.rate("k")).to.be.closeTo(7, 1e-9);
    expect(pacer.throttledCount("k")).to.equal(3);
    await clock.advance(1_500);
    expect(pacer.rate("k")).to.be.closeTo(7.75, 1e-9);
    // An attempt sent after the drop and throttled again drops it again, from where it climbed to.
    const next = acquireMany(pacer, clock, "k", 1);
    await clock.advance(0);
    next.turns[0].settle("throttled");
    expect(pacer.rate("k")).to.be.closeTo(7.75 * 0.7, 1e-9);
    await clock.advance(10_000);
    expect(pacer.rate("k")).to.equal(10);
  });

  it("ignores answers that are not throttling, and settles a turn once", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock);
    const { turns } = acquireMany(pacer, clock, "k", 2);
    await clock.advance(1_000);
    turns[0].settle("failed");
    turns[1].settle("ok");
    turns[1].settle("throttled");
    expect(pacer.rate("k")).to.equal(10);
    expect(pacer.throttledCount("k")).to.equal(0);
  });

  it("applies a lower rate to attempts already waiting", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock, { decrease: 0.5 });
    const first = acquireMany(pacer, clock, "k", 1);
    await clock.advance(0);
    const { starts } = acquireMany(pacer, clock, "k", 3);
    first.turns[0].settle("throttled"); // 10/s → 5/s, climbing 0.5/s per second
    await clock.advance(2_000);
    // Without the drop it would have gone at 102 ms.
    expect(starts[0]).to.be.at.least(195);
    expect(starts[1] - starts[0]).to.be.at.least(1000 / 6);
  });

  it("GIVEN three stacks of 60 attendees deployed at once against one 10/s quota THEN all are done within 1.1 × 18 s, none fails, few attempts are throttled", async () => {
    // The endpoint: the local endpoint's token bucket (as AWS: 10/s, bursts up to 10), on the fake clock.
    const clock = new FakeClock();
    const endpoint = new RateLimiter(10, clock.now);
    let seed = 11;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const stack = async () => {
      const pacer = new RequestPacer(clock); // one provider process per stack
      let next = 0;
      let throttled = 0;
      let failed = 0;
      // 16 creates in flight per stack, as the engine runs them; 5 attempts each, as the provider's client.
      const worker = async () => {
        while (next < 60) {
          next++;
          for (let attempt = 1; ; attempt++) {
            const turn = await pacer.acquire("CreateAttendee", 10);
            await clock.sleep(5); // on the way to the endpoint
            const ok = endpoint.tryAcquire("CreateAttendee");
            await clock.sleep(5); // and back
            turn.settle(ok ? "ok" : "throttled");
            if (ok) break;
            throttled++;
            if (attempt === 5) {
              failed++;
              break;
            }
            // The SDK's back-off for throttling: random, up to 1 s × 2^retry.
            await clock.sleep(random() * 1000 * 2 ** (attempt - 1));
          }
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      return { end: clock.now(), throttled, failed };
    };
    const all = Promise.all([stack(), stack(), stack()]);
    await clock.runUntil(120_000);
    const stacks = await all;
    expect(Math.max(...stacks.map((s) => s.end)), "ms until the last stack is done").to.be.at.most(19_800);
    expect(stacks.map((s) => s.failed)).to.deep.equal([0, 0, 0]);
    for (const s of stacks) expect(s.throttled, "throttled attempts of a stack").to.be.at.most(15);
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-aws.test.ts): kept with this behaviour's tests.
describe("Request pacing: edges (injected clock)", () => {
  it("knows no rate, and no throttled answers, for a key it has not paced", () => {
    const pacer = new RequestPacer(new FakeClock());
    expect(pacer.rate("k")).to.equal(undefined);
    expect(pacer.throttledCount("k")).to.equal(0);
  });

  it("GIVEN a key paced at 10/s WHEN it is asked for at 5/s THEN it is paced at 5/s, and at 20/s after that", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock);
    (await pacer.acquire("k", 10)).settle("ok");
    expect(pacer.rate("k")).to.equal(10);
    const second = pacer.acquire("k", 5);
    await clock.advance(1_000);
    (await second).settle("ok");
    expect(pacer.rate("k")).to.equal(5);
    const third = pacer.acquire("k", 20);
    await clock.advance(1_000);
    (await third).settle("ok");
    expect(pacer.rate("k")).to.equal(20);
  });

  it("GIVEN a drop WHEN the quota is lowered below the dropped rate THEN the rate is the new quota, climbing from it", async () => {
    const clock = new FakeClock();
    // (A recovery of 0 would make the first rate NaN: 0 × the infinite time since no drop.)
    const pacer = new RequestPacer(clock, { recoveryPerSecond: 1e-9 });
    (await pacer.acquire("k", 10)).settle("throttled"); // 7/s, and it hardly climbs
    expect(pacer.rate("k")).to.be.closeTo(7, 1e-6);
    const next = pacer.acquire("k", 4);
    await clock.advance(1_000);
    await next;
    expect(pacer.rate("k")).to.be.closeTo(4, 1e-6);
  });

  it("GIVEN throttled answers one after the other THEN the rate stops at minRate", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock, { minRate: 2, recoveryPerSecond: 1e-9 });
    for (let n = 0; n < 10; n++) {
      const turn = pacer.acquire("k", 10);
      await clock.advance(1_000);
      (await turn).settle("throttled");
    }
    expect(pacer.rate("k")).to.be.closeTo(2, 1e-6);
  });

  it("GIVEN no minRate THEN a drop stops at 0.5/s", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock, { decrease: 0.01 });
    (await pacer.acquire("k", 10)).settle("throttled");
    // Read at the instant of the drop: it climbs back from there.
    expect(pacer.rate("k")).to.equal(0.5);
  });

  it("GIVEN no options THEN a drop keeps 70 % and the rate climbs back 5 % of the quota per second", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock);
    (await pacer.acquire("k", 10)).settle("throttled");
    expect(pacer.rate("k")).to.be.closeTo(7, 1e-9);
    await clock.advance(1_000);
    expect(pacer.rate("k")).to.be.closeTo(7.5, 1e-9);
  });

  it("GIVEN an attempt sent at the very instant of a drop WHEN it is throttled THEN the rate drops again (it was paced at the lowered rate)", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock, { recoveryPerSecond: 1e-9 });
    const first = await pacer.acquire("k", 10);
    await clock.advance(1_000);
    first.settle("throttled"); // the drop, at 1 000 ms
    const second = pacer.acquire("k", 10);
    await clock.advance(0);
    const turn = await second;
    expect(turn.sentAt).to.equal(1_000);
    turn.settle("throttled");
    expect(pacer.rate("k")).to.be.closeTo(10 * 0.7 * 0.7, 1e-6);
  });

  it("climbs back linearly: recoveryPerSecond × the quota per second", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock, { decrease: 0.5, recoveryPerSecond: 0.1 });
    (await pacer.acquire("k", 10)).settle("throttled");
    expect(pacer.rate("k")).to.equal(5);
    await clock.advance(2_000);
    expect(pacer.rate("k")).to.be.closeTo(7, 1e-9);
    await clock.advance(10_000);
    expect(pacer.rate("k")).to.equal(10);
  });

  it("GIVEN a turn reported twice THEN only the first report counts", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock);
    const turn = await pacer.acquire("k", 10);
    turn.settle("throttled");
    turn.settle("throttled");
    expect(pacer.throttledCount("k")).to.equal(1);
  });

  it("GIVEN the real clock THEN two attempts at 1 000/s go about 1 ms apart", async () => {
    const pacer = new RequestPacer();
    const a = await pacer.acquire("k", 1_000);
    const b = await pacer.acquire("k", 1_000);
    expect(b.sentAt - a.sentAt).to.be.at.least(1);
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-round4.test.ts): kept with this behaviour's tests.
describe("Request pacing: more edges (injected clock)", () => {
  it("GIVEN a drop at 10/s WHEN the quota is raised to 20/s THEN the rate climbs from the drop, not from 20", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock, { recoveryPerSecond: 1e-9 });
    (await pacer.acquire("k", 10)).settle("throttled");
    const next = pacer.acquire("k", 20);
    await clock.advance(1_000);
    await next;
    expect(pacer.rate("k")).to.be.closeTo(7, 1e-3);
  });

  it("GIVEN a quiet spell after the last attempt THEN the next one goes at once", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock);
    await pacer.acquire("k", 10);
    await clock.advance(150);
    const next = pacer.acquire("k", 10);
    await clock.advance(0);
    expect((await next).sentAt).to.equal(150);
  });
});

import { expect } from "chai";
import { CoalescingCache, SNAPSHOT_WINDOW_MS } from "../../provider/aws/coalescing-cache";

/** A fetch the test resolves or rejects by hand, counting its calls. */
function manualFetch<V>() {
  const calls: { resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];
  const fetch = () =>
    new Promise<V>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { fetch, calls };
}

describe("Coalesced reads: one fetch shared by the reads that arrive close together (injected clock)", () => {
  it("GIVEN a fetch running WHEN more reads arrive THEN they share it", async () => {
    let now = 0;
    const cache = new CoalescingCache<string>(() => now);
    const { fetch, calls } = manualFetch<string>();
    const reads = [cache.get("m", fetch), cache.get("m", fetch), cache.get("m", fetch)];
    now = 900; // a slow listing
    reads.push(cache.get("m", fetch));
    expect(calls).to.have.length(1);
    calls[0].resolve("listing-1");
    expect(await Promise.all(reads)).to.deep.equal(["listing-1", "listing-1", "listing-1", "listing-1"]);
  });

  const windowCases: [string, number, number][] = [
    ["just after it settled", 1, 1],
    ["at the end of the window", SNAPSHOT_WINDOW_MS, 1],
    ["just after the window", SNAPSHOT_WINDOW_MS + 1, 2],
    ["a minute later (the next engine pass)", 60_000, 2],
  ];
  for (const [when, after, fetches] of windowCases) {
    it(`GIVEN a settled fetch WHEN a read arrives ${when} THEN ${fetches === 1 ? "it is served from it" : "it fetches again"}`, async () => {
      let now = 5_000;
      const cache = new CoalescingCache<number>(() => now);
      let n = 0;
      const fetch = async () => ++n;
      expect(await cache.get("m", fetch)).to.equal(1);
      now += after;
      expect(await cache.get("m", fetch)).to.equal(fetches);
      expect(cache.fetches.get("m")).to.equal(fetches);
    });
  }

  it("keeps keys (meetings) apart", async () => {
    const cache = new CoalescingCache<string>(() => 0);
    expect(await cache.get("a", async () => "A")).to.equal("A");
    expect(await cache.get("b", async () => "B")).to.equal("B");
    expect([cache.fetches.get("a"), cache.fetches.get("b")]).to.deep.equal([1, 1]);
  });

  it("GIVEN a fetch that fails THEN every waiting read gets the failure, and the next read fetches again", async () => {
    const cache = new CoalescingCache<string>(() => 0);
    const { fetch, calls } = manualFetch<string>();
    const reads = [cache.get("m", fetch), cache.get("m", fetch)].map((p) => p.catch((e: Error) => e.message));
    calls[0].reject(new Error("endpoint unreachable"));
    expect(await Promise.all(reads)).to.deep.equal(["endpoint unreachable", "endpoint unreachable"]);
    const again = cache.get("m", fetch);
    expect(calls).to.have.length(2);
    calls[1].resolve("listing");
    expect(await again).to.equal("listing");
  });

  it("GIVEN a write (invalidate) THEN the next read fetches again, while reads of the running fetch keep it", async () => {
    const cache = new CoalescingCache<string>(() => 0);
    const { fetch, calls } = manualFetch<string>();
    const before = cache.get("m", fetch);
    cache.invalidate("m");
    const after = cache.get("m", fetch);
    expect(calls).to.have.length(2);
    calls[0].resolve("before the write");
    calls[1].resolve("after the write");
    expect([await before, await after]).to.deep.equal(["before the write", "after the write"]);
    expect(await cache.get("m", fetch)).to.equal("after the write");
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-aws.test.ts): kept with this behaviour's tests.
describe("Coalesced reads: edges of the cache", () => {
  it(`GIVEN the default window (${SNAPSHOT_WINDOW_MS} ms) THEN a read 2 s after the fetch is served, one 2.001 s after fetches`, async () => {
    let now = 0;
    const cache = new CoalescingCache<number>(() => now);
    let n = 0;
    const fetch = async () => ++n;
    await cache.get("m", fetch);
    now = 2_000;
    expect(await cache.get("m", fetch)).to.equal(1);
    now = 2_001;
    expect(await cache.get("m", fetch)).to.equal(2);
  });

  it("GIVEN a custom window THEN it is used", async () => {
    let now = 0;
    const cache = new CoalescingCache<number>(() => now, 10);
    let n = 0;
    const fetch = async () => ++n;
    await cache.get("m", fetch);
    now = 11;
    expect(await cache.get("m", fetch)).to.equal(2);
  });

  it("GIVEN the real clock THEN reads close together share a fetch", async () => {
    const cache = new CoalescingCache<number>();
    let n = 0;
    const fetch = async () => ++n;
    expect([await cache.get("m", fetch), await cache.get("m", fetch)]).to.deep.equal([1, 1]);
  });

  it("counts the fetches started per key", async () => {
    let now = 0;
    const cache = new CoalescingCache<string>(() => now, 0);
    await cache.get("a", async () => "x");
    now = 1;
    await cache.get("a", async () => "y");
    await cache.get("b", async () => "z");
    expect(Object.fromEntries(cache.fetches)).to.deep.equal({ a: 2, b: 1 });
  });

  it("GIVEN a fetch that fails after a write started a newer one THEN the newer value stays cached", async () => {
    const cache = new CoalescingCache<string>(() => 0);
    let rejectOld: (e: Error) => void = () => {};
    const old = cache
      .get("m", () => new Promise<string>((_, reject) => (rejectOld = reject)))
      .catch(() => "failed");
    cache.invalidate("m");
    expect(await cache.get("m", async () => "new")).to.equal("new");
    rejectOld(new Error("late failure"));
    expect(await old).to.equal("failed");
    expect(await cache.get("m", async () => "a third fetch")).to.equal("new");
    expect(cache.fetches.get("m")).to.equal(2);
  });

  it("clear() forgets values and counts", async () => {
    const cache = new CoalescingCache<string>(() => 0);
    await cache.get("m", async () => "before");
    cache.clear();
    expect(cache.fetches.size).to.equal(0);
    expect(await cache.get("m", async () => "after")).to.equal("after");
  });
});

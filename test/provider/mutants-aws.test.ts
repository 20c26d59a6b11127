/**
 * The AWS layer's pure parts, case by case: retry decisions, the pacing middleware and its key, the
 * coalescing cache and the pacer's edges. Each row guards a behaviour a surviving mutant of
 * `npm run mutate` showed untested (README "Mutation testing").
 */
import type { StandardRetryStrategy } from "@smithy/core/retry";
import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  HandlerExecutionContext,
  MetadataBearer,
  RetryErrorInfo,
  SdkError,
} from "@smithy/types";
import { expect } from "chai";
import { CoalescingCache, SNAPSHOT_WINDOW_MS } from "../../provider/aws/coalescing-cache";
import { isThrottled, pacingKey, pacingPlugin } from "../../provider/aws/pacing";
import { type AttemptOutcome, type PacerTurn, RequestPacer } from "../../provider/aws/request-pacer";
import { ChimeRetryStrategy, NEVER_RETRY } from "../../provider/aws/retry-strategy";
import { FakeClock } from "../support/fake-clock";

function aws(name: string, status?: number, extra: Record<string, unknown> = {}): SdkError {
  return Object.assign(new Error(name), {
    name,
    cause: undefined,
    $metadata: status === undefined ? {} : { httpStatusCode: status },
    ...extra,
  });
}

function timeout(code?: string): Error {
  return Object.assign(new Error("timed out"), { name: "TimeoutError", ...(code ? { code } : {}) });
}

/** The outcome of one retry decision: "retry" or the refusal's message. */
async function decide(
  strategy: ChimeRetryStrategy,
  retryCount: number,
  info: RetryErrorInfo,
): Promise<string> {
  let token = await strategy.acquireInitialRetryToken("scope");
  // The strategy reads only the retry count of the token it is handed.
  token = { ...token, getRetryCount: () => retryCount } as typeof token;
  return strategy.refreshRetryTokenForRetry(token, info).then(
    () => "retry",
    (error: Error) => error.message,
  );
}

describe("Retries: what ChimeRetryStrategy refuses, case by case", () => {
  const rows: {
    what: string;
    maxAttempts: number;
    timeoutAttempts?: number;
    retryCount: number;
    info: RetryErrorInfo;
    says: string;
  }[] = [
    {
      what: "a full meeting (LimitExceededException) on its first attempt",
      maxAttempts: 5,
      retryCount: 0,
      info: { error: aws("LimitExceededException", 400), errorType: "THROTTLING" },
      says: "LimitExceededException is not retried",
    },
    {
      what: "the legacy full meeting (ResourceLimitExceededException)",
      maxAttempts: 5,
      retryCount: 0,
      info: { error: aws("ResourceLimitExceededException", 400), errorType: "THROTTLING" },
      says: "ResourceLimitExceededException is not retried",
    },
    {
      what: "a request timeout (ETIMEDOUT) on attempt 1 of 2 allowed timeouts",
      maxAttempts: 5,
      timeoutAttempts: 2,
      retryCount: 0,
      info: { error: timeout("ETIMEDOUT") as SdkError, errorType: "TRANSIENT" },
      says: "retry",
    },
    {
      what: "a request timeout (ETIMEDOUT) on attempt 2 of 2 allowed timeouts",
      maxAttempts: 5,
      timeoutAttempts: 2,
      retryCount: 1,
      info: { error: timeout("ETIMEDOUT") as SdkError, errorType: "TRANSIENT" },
      says: "TimeoutError is not retried after 2 attempts",
    },
    {
      what: "a connection timeout (TimeoutError without a code) on attempt 2 of 2 allowed timeouts",
      maxAttempts: 5,
      timeoutAttempts: 2,
      retryCount: 1,
      info: { error: timeout() as SdkError, errorType: "TRANSIENT" },
      says: "TimeoutError is not retried after 2 attempts",
    },
    {
      what: "a reset (TimeoutError with ECONNRESET) on attempt 2: not a timeout, the standard rules apply",
      maxAttempts: 5,
      timeoutAttempts: 2,
      retryCount: 1,
      info: { error: timeout("ECONNRESET") as SdkError, errorType: "TRANSIENT" },
      says: "retry",
    },
    {
      what: "a timeout without timeoutAttempts: as many as maxAttempts (attempt 2 of 3)",
      maxAttempts: 3,
      retryCount: 1,
      info: { error: timeout("ETIMEDOUT") as SdkError, errorType: "TRANSIENT" },
      says: "retry",
    },
    {
      what: "a timeout without timeoutAttempts: as many as maxAttempts (attempt 3 of 3)",
      maxAttempts: 3,
      retryCount: 2,
      info: { error: timeout("ETIMEDOUT") as SdkError, errorType: "TRANSIENT" },
      says: "TimeoutError is not retried after 3 attempts",
    },
    {
      what: "a 503 on attempt 1 of 5 (the standard strategy)",
      maxAttempts: 5,
      retryCount: 0,
      info: { error: aws("ServiceUnavailableException", 503), errorType: "TRANSIENT" },
      says: "retry",
    },
    {
      what: "a 503 on attempt 5 of 5 (the standard strategy)",
      maxAttempts: 5,
      retryCount: 4,
      info: { error: aws("ServiceUnavailableException", 503), errorType: "TRANSIENT" },
      says: "No retry token available",
    },
    {
      what: "an error without a name",
      maxAttempts: 5,
      retryCount: 0,
      info: { error: Object.assign(new Error(""), { name: "" }) as SdkError, errorType: "TRANSIENT" },
      says: "retry",
    },
  ];
  for (const { what, maxAttempts, timeoutAttempts, retryCount, info, says } of rows) {
    it(`${what} → ${says}`, async () => {
      const strategy = new ChimeRetryStrategy(maxAttempts, timeoutAttempts);
      expect(await decide(strategy, retryCount, info)).to.equal(says);
    });
  }

  it("the names never retried are the full meeting's, in both namespaces", () => {
    expect([...NEVER_RETRY].sort()).to.deep.equal([
      "LimitExceededException",
      "ResourceLimitExceededException",
    ]);
  });

  it("GIVEN the legacy client, which passes no scope WHEN it asks for a first token THEN it gets one", async () => {
    const token = await new ChimeRetryStrategy(3).acquireInitialRetryToken(undefined as unknown as string);
    expect(token.getRetryCount()).to.equal(0);
  });

  it("GIVEN a retry spent capacity WHEN its attempt succeeds THEN the capacity comes back (the SDK's bookkeeping)", async () => {
    const strategy = new ChimeRetryStrategy(3);
    // White box: the standard strategy's retry capacity is what recordSuccess is for.
    const standard = (strategy as unknown as { standard: StandardRetryStrategy }).standard;
    const full = standard.getCapacity();
    const first = await strategy.acquireInitialRetryToken("scope");
    const retry = await strategy.refreshRetryTokenForRetry(first, {
      error: aws("ServiceUnavailableException", 503),
      errorType: "TRANSIENT",
    });
    expect(standard.getCapacity()).to.be.below(full);
    strategy.recordSuccess(retry);
    expect(standard.getCapacity()).to.equal(full);
  });
});

describe("Pacing: what counts as throttling (beyond the provider's table)", () => {
  const rows: [string, unknown, boolean][] = [
    ["null", null, false],
    ["undefined", undefined, false],
    ["a number", 429, false],
    ["an error without a name, answered 429", { $metadata: { httpStatusCode: 429 } }, true],
    ["a ThrottlingException without an HTTP answer", aws("ThrottlingException"), true],
    [
      "an error the SDK marks $retryable throttling",
      aws("Whatever", 400, { $retryable: { throttling: true } }),
      true,
    ],
    ["LimitExceededException answered 429", aws("LimitExceededException", 429), false],
    ["a 400 BadRequestException", aws("BadRequestException", 400), false],
  ];
  for (const [what, error, expected] of rows) {
    it(`${what} → ${expected ? "slows down" : "does not slow down"}`, () => {
      expect(isThrottled(error)).to.equal(expected);
    });
  }
});

describe("Pacing: the key of an operation's quota", () => {
  const rows: [string, Parameters<typeof pacingKey>[0], HandlerExecutionContext, string][] = [
    [
      "client, region, endpoint and operation without the Command suffix",
      { region: "us-east-1", endpoint: "http://127.0.0.1:8000", maxRequestsPerSecond: 10 },
      { clientName: "ChimeSDKMeetingsClient", commandName: "CreateAttendeeCommand" },
      "ChimeSDKMeetingsClient|us-east-1|http://127.0.0.1:8000|CreateAttendee",
    ],
    [
      "AWS's endpoint (none given)",
      { region: "eu-central-1", maxRequestsPerSecond: 10 },
      { clientName: "ChimeSDKMeetingsClient", commandName: "GetMeetingCommand" },
      "ChimeSDKMeetingsClient|eu-central-1||GetMeeting",
    ],
    [
      "no client or command name",
      { region: "us-east-1", maxRequestsPerSecond: 10 },
      {},
      "|us-east-1||unknown",
    ],
    [
      "a Command inside the name stays (only the suffix goes)",
      { region: "us-east-1", maxRequestsPerSecond: 10 },
      { clientName: "C", commandName: "CommandListCommand" },
      "C|us-east-1||CommandList",
    ],
  ];
  for (const [what, target, context, key] of rows) {
    it(`${what} → ${key}`, () => {
      expect(pacingKey(target, context)).to.equal(key);
    });
  }
});

describe("Pacing: the SDK middleware", () => {
  /** The middleware as the plugin adds it, and the options it is added with. */
  function install(pacer: RequestPacer, maxRequestsPerSecond = 7) {
    const added: { middleware: unknown; options: unknown }[] = [];
    const stack = {
      addRelativeTo: (middleware: unknown, options: unknown) => added.push({ middleware, options }),
    };
    pacingPlugin({ region: "us-east-1", maxRequestsPerSecond }, pacer).applyToStack(stack as never);
    expect(added).to.have.length(1);
    const { middleware, options } = added[0];
    type Next = FinalizeHandler<object, MetadataBearer>;
    const run = (next: Next) =>
      (middleware as (n: Next, c: HandlerExecutionContext) => Next)(next, {
        clientName: "Client",
        commandName: "GetMeetingCommand",
      })({ request: {}, input: {} } as FinalizeHandlerArguments<object>);
    return { options, run };
  }

  /** A pacer that records what it was asked and how each turn settled. */
  class RecordingPacer extends RequestPacer {
    readonly asked: [string, number][] = [];
    readonly outcomes: AttemptOutcome[] = [];
    override async acquire(key: string, maxRate: number): Promise<PacerTurn> {
      this.asked.push([key, maxRate]);
      return { sentAt: 0, settle: (outcome) => this.outcomes.push(outcome) };
    }
  }

  it("sits right after the SDK's retry middleware, under its own name, so that every attempt is paced", () => {
    const { options } = install(new RecordingPacer());
    expect(options).to.deep.equal({
      name: "chimePacingMiddleware",
      relation: "after",
      toMiddleware: "retryMiddleware",
      override: true,
    });
  });

  const outcomes: [string, () => Promise<{ output: MetadataBearer; response: unknown }>, AttemptOutcome][] = [
    ["an answer", async () => ({ output: { $metadata: {} }, response: {} }), "ok"],
    [
      "a throttled answer",
      async () => {
        throw aws("ThrottlingException", 429);
      },
      "throttled",
    ],
    [
      "another failure",
      async () => {
        throw aws("ServiceFailureException", 500);
      },
      "failed",
    ],
    [
      "a full meeting (not throttling)",
      async () => {
        throw aws("LimitExceededException", 400);
      },
      "failed",
    ],
  ];
  for (const [what, next, outcome] of outcomes) {
    it(`waits for its turn on the operation's key at the quota, and settles it "${outcome}" after ${what}`, async () => {
      const pacer = new RecordingPacer();
      const { run } = install(pacer);
      const result = await run(next).then(
        (r) => r,
        (error: Error) => error,
      );
      expect(pacer.asked).to.deep.equal([["Client|us-east-1||GetMeeting", 7]]);
      expect(pacer.outcomes).to.deep.equal([outcome]);
      if (outcome === "ok") expect(result).to.deep.equal({ output: { $metadata: {} }, response: {} });
      else expect(result).to.be.instanceOf(Error);
    });
  }
});

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

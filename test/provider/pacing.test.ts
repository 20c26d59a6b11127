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
import type { AttendeeInputs } from "../../provider/attendee/attendee-state";
import { sdkClientConfig } from "../../provider/aws/client";
import { isThrottled, pacingKey, pacingPlugin } from "../../provider/aws/pacing";
import { type AttemptOutcome, type PacerTurn, RequestPacer } from "../../provider/aws/request-pacer";
import { ChimeRetryStrategy, NEVER_RETRY } from "../../provider/aws/retry-strategy";
import { processInstance } from "../../provider/dynamic/process";
import { AttendeeProvider } from "../../provider/dynamic/providers";
import { newMeeting } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const provider = new AttendeeProvider();

async function checked(news: Record<string, unknown>): Promise<AttendeeInputs> {
  const { inputs, failures } = await provider.check({} as AttendeeInputs, news as unknown as AttendeeInputs);
  expect(failures).to.deep.equal([]);
  return inputs as AttendeeInputs;
}

/** The most of `times` (ms) within any one second [t, t + 1000). */
function busiestSecond(times: readonly number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
}

/**
 * Records when the provider's pacer lets each attempt go (its own clock readings). The pacer's promise
 * is about those instants; the endpoint sees them shifted by signing, sockets and a busy event loop,
 * which on a loaded 2-core machine can bunch two paced attempts closer than 1 / rate apart.
 */
function recordReleases(): { times: number[]; restore(): void } {
  const { pacer } = processInstance().config.clients;
  const acquire = pacer.acquire.bind(pacer);
  const times: number[] = [];
  pacer.acquire = async (key, maxRate) => {
    const turn = await acquire(key, maxRate);
    if (key.endsWith("|CreateAttendee")) times.push(turn.sentAt);
    return turn;
  };
  return { times, restore: () => delete (pacer as { acquire?: unknown }).acquire };
}

function aws(name: string, status: number): SdkError {
  return Object.assign(new Error(name), { name, cause: undefined, $metadata: { httpStatusCode: status } });
}

describe("Pacing: what counts as throttling", () => {
  const cases: [string, unknown, boolean][] = [
    ["429 ThrottlingException", aws("ThrottlingException", 429), true],
    ["legacy 429 ThrottledClientException", aws("ThrottledClientException", 429), true],
    ["a bare 429", aws("Whatever", 429), true],
    [
      "LimitExceededException (a full meeting, on the SDK's throttling list)",
      aws("LimitExceededException", 400),
      false,
    ],
    ["legacy ResourceLimitExceededException", aws("ResourceLimitExceededException", 400), false],
    ["500 ServiceFailureException", aws("ServiceFailureException", 500), false],
    ["503 ServiceUnavailableException", aws("ServiceUnavailableException", 503), false],
    ["a connection reset", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), false],
    ["not an object", "boom", false],
  ];
  for (const [what, error, expected] of cases) {
    it(`${what} → ${expected ? "slows down" : "does not slow down"}`, () => {
      expect(isThrottled(error)).to.equal(expected);
    });
  }
});

describe("Retries: a full meeting is never retried", () => {
  for (const name of ["LimitExceededException", "ResourceLimitExceededException"]) {
    it(`${name} gets no retry token`, async () => {
      const strategy = new ChimeRetryStrategy(5);
      const token = await strategy.acquireInitialRetryToken("");
      let refused: unknown;
      await strategy
        .refreshRetryTokenForRetry(token, { error: aws(name, 400), errorType: "THROTTLING" })
        .catch((error) => {
          refused = error;
        });
      expect(String(refused)).to.include(`${name} is not retried`);
    });
  }

  it("sdkClientConfig builds a fresh retry strategy and request handler per client", () => {
    const settings = { region: "us-east-1", maxRequestsPerSecond: 10 };
    const a = sdkClientConfig(settings);
    const b = sdkClientConfig(settings);
    expect(a.retryStrategy).to.be.instanceOf(ChimeRetryStrategy);
    expect(a.retryStrategy).not.to.equal(b.retryStrategy);
    expect(a).not.to.have.property("endpoint");
    expect(sdkClientConfig({ ...settings, endpoint: "http://127.0.0.1:1" })).to.include({
      endpoint: "http://127.0.0.1:1",
    });
  });
});

describe("Pacing every attempt against the local endpoint", () => {
  describe("at the quota, with failures that the SDK retries", () => {
    // The endpoint throttles at 5 requests per second per operation; the provider is told the same.
    const ctx = useProviderEndpoint({ rateLimit: 5 }, { "chime:maxRequestsPerSecond": "5" });

    it("GIVEN 500s, 503s and resets on the first 6 attempts WHEN 12 attendees are created at once THEN every retry waits its turn: never more than 5 requests in a second, none answered 429, all created", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      const inputs = await Promise.all(
        Array.from({ length: 12 }, (_, n) => checked({ meetingId, externalUserId: `paced-${n}` })),
      );
      ctx.local.resetCounters();
      ctx.local.setFaults({
        failureRate: 0.34,
        unavailableRate: 0.33,
        resetRate: 0.33,
        retryAfterSeconds: 0,
        count: 6,
        operations: ["CreateAttendee"],
      });
      const releases = recordReleases();
      try {
        await Promise.all(inputs.map((i) => provider.create(i)));
      } finally {
        ctx.local.setFaults(undefined);
        releases.restore();
      }
      const log = ctx.local.requestLog().filter((e) => e.operation === "CreateAttendee");
      expect(log, "12 first attempts and 6 retries").to.have.length(18);
      expect(log.filter((e) => e.status === 429)).to.have.length(0);
      expect(log.filter((e) => e.status === 200)).to.have.length(12);
      // Every attempt, first tries and retries alike, went through the pacer: at most 5 in any second.
      expect(releases.times, "one paced release per attempt").to.have.length(18);
      expect(busiestSecond(releases.times)).to.be.at.most(5);
      // At the endpoint, the same attempts fit its 5-per-second bucket: none was throttled (above).
      const atEndpoint = busiestSecond(log.map((e) => e.receivedAt));
      console.log(
        `      paced: busiest second ${busiestSecond(releases.times)} released, ${atEndpoint} received`,
      );
      expect(ctx.local.attendees(meetingId)).to.have.length(12);
    });
  });

  describe("sharing the quota with someone else", () => {
    // The provider believes it has 10 requests per second, but only 4 are left for it.
    const ctx = useProviderEndpoint({ rateLimit: 4 }, { "chime:maxRequestsPerSecond": "10" });

    it("GIVEN throttled answers WHEN 12 attendees are created at once THEN the pacer slows down and every attendee is created", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      const inputs = await Promise.all(
        Array.from({ length: 12 }, (_, n) => checked({ meetingId, externalUserId: `shared-${n}` })),
      );
      ctx.local.resetCounters();
      await Promise.all(inputs.map((i) => provider.create(i)));
      const key = pacingKey(
        { region: "us-east-1", endpoint: ctx.local.url, maxRequestsPerSecond: 10 },
        { clientName: "ChimeSDKMeetingsClient", commandName: "CreateAttendeeCommand" },
      );
      const log = ctx.local.requestLog().filter((e) => e.operation === "CreateAttendee");
      expect(log.filter((e) => e.status === 429).length).to.be.at.least(1);
      const { pacer } = processInstance().config.clients;
      expect(pacer.throttledCount(key)).to.equal(log.filter((e) => e.status === 429).length);
      expect(pacer.rate(key)).to.be.below(10);
      expect(ctx.local.attendees(meetingId)).to.have.length(12);
    });
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-aws.test.ts): kept with this behaviour's tests.
{
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

    const outcomes: [string, () => Promise<{ output: MetadataBearer; response: unknown }>, AttemptOutcome][] =
      [
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
}

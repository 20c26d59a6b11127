import type { SdkError } from "@smithy/types";
import { expect } from "chai";
import type { AttendeeInputs } from "../../provider/attendee/attendee-state";
import { sdkClientConfig } from "../../provider/aws/client";
import { isThrottled, pacingKey } from "../../provider/aws/pacing";
import { RequestPacer } from "../../provider/aws/request-pacer";
import { ChimeRetryStrategy } from "../../provider/aws/retry-strategy";
import { processInstance } from "../../provider/dynamic/process";
import { AttendeeProvider } from "../../provider/dynamic/providers";
import { newMeeting } from "../emulator/helpers";
import { DrivenClock } from "../support/fake-clock";
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
 * Puts the provider's clients on a pacer that reads `clock` (the clients are made at their first call,
 * after this), drives the clock while no attempt is out, and records when the pacer lets each
 * CreateAttendee attempt go. The endpoint's rate limit reads the same clock: a request arrives at the
 * instant it left, and what both ends see is the same on an idle and on a loaded machine.
 */
function pacedOn(clock: DrivenClock): { pacer: RequestPacer; times: number[]; restore(): void } {
  const clients = processInstance().config.clients as unknown as { pacer: RequestPacer; reset(): void };
  const original = clients.pacer;
  const pacer = new RequestPacer(clock);
  const acquire = pacer.acquire.bind(pacer);
  const times: number[] = [];
  let out = 0;
  pacer.acquire = async (key, maxRate) => {
    const turn = await acquire(key, maxRate);
    out++;
    if (key.endsWith("|CreateAttendee")) times.push(turn.sentAt);
    return {
      sentAt: turn.sentAt,
      settle: (outcome) => {
        out--;
        turn.settle(outcome);
      },
    };
  };
  clients.pacer = pacer;
  clients.reset();
  const stop = clock.drive(() => out > 0);
  return {
    pacer,
    times,
    restore: () => {
      stop();
      clients.pacer = original;
      clients.reset();
    },
  };
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
    expect(a).not.to.have.property("profile");
    expect(sdkClientConfig({ ...settings, profile: "deploy" })).to.include({ profile: "deploy" });
  });
});

describe("Pacing every attempt against the local endpoint (the pacer and the endpoint's rate limit on one injected clock)", () => {
  describe("at the quota, with failures that the SDK retries", () => {
    // The endpoint throttles at 5 requests per second per operation; the provider is told the same.
    const clock = new DrivenClock();
    const ctx = useProviderEndpoint(
      { rateLimit: 5, rateLimitClock: clock.now },
      { "chime:maxRequestsPerSecond": "5" },
    );

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
      const releases = pacedOn(clock);
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
      // At the endpoint, on the same clock, they arrived as they left: none was throttled (above).
      expect(log.map((e) => e.receivedAt)).to.deep.equal(releases.times);
      expect(ctx.local.attendees(meetingId)).to.have.length(12);
    });
  });

  describe("sharing the quota with someone else", () => {
    // The provider believes it has 10 requests per second, but only 4 are left for it.
    const clock = new DrivenClock();
    const ctx = useProviderEndpoint(
      { rateLimit: 4, rateLimitClock: clock.now },
      { "chime:maxRequestsPerSecond": "10" },
    );

    it("GIVEN throttled answers WHEN 12 attendees are created at once THEN the pacer slows down and every attendee is created", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      const inputs = await Promise.all(
        Array.from({ length: 12 }, (_, n) => checked({ meetingId, externalUserId: `shared-${n}` })),
      );
      ctx.local.resetCounters();
      const paced = pacedOn(clock);
      try {
        await Promise.all(inputs.map((i) => provider.create(i)));
      } finally {
        paced.restore();
      }
      const key = pacingKey(
        { region: "us-east-1", endpoint: ctx.local.url, maxRequestsPerSecond: 10 },
        { clientName: "ChimeSDKMeetingsClient", commandName: "CreateAttendeeCommand" },
      );
      const log = ctx.local.requestLog().filter((e) => e.operation === "CreateAttendee");
      expect(log.filter((e) => e.status === 429).length).to.be.at.least(1);
      expect(paced.pacer.throttledCount(key)).to.equal(log.filter((e) => e.status === 429).length);
      // No more than a few seconds passed on the clock since the last drop: the rate is still climbing back.
      expect(paced.pacer.rate(key)).to.be.below(10);
      expect(ctx.local.attendees(meetingId)).to.have.length(12);
    });
  });
});

import type { SdkError } from "@smithy/types";
import { expect } from "chai";
import type { AttendeeInputs } from "../../provider/attendee/attendee-state";
import { sdkClientConfig } from "../../provider/aws/client";
import { isThrottled, pacingKey } from "../../provider/aws/pacing";
import { ChimeRetryStrategy } from "../../provider/aws/retry-strategy";
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

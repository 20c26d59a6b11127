import { GetMeetingCommand, ListAttendeesCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { RateLimiter } from "../../emulator/rate-limiter";
import { clientFor, expectServiceError, newMeeting, useEndpoint } from "./helpers";

describe("emulator: rate limiting", () => {
  describe("RateLimiter (token bucket holding one second)", () => {
    // Each step: the fake time in ms, then how many requests of the operation pass at that instant.
    const rows: Array<{ tps: number; steps: Array<[number, number, number]>; says: string }> = [
      { tps: 10, steps: [[0, 15, 10]], says: "a burst passes up to one second's worth" },
      {
        tps: 10,
        steps: [
          [0, 10, 10],
          [100, 5, 1],
          [1000, 20, 9],
        ],
        says: "tokens refill at the rate, capped at one second",
      },
      {
        tps: 10,
        steps: [
          [0, 10, 10],
          [5000, 20, 10],
        ],
        says: "a long pause refills no more than one second's worth",
      },
      {
        tps: 0.5,
        steps: [
          [0, 3, 1],
          [1000, 1, 0],
          [2000, 1, 1],
        ],
        says: "below 1 TPS the bucket still holds one request",
      },
    ];
    for (const { tps, steps, says } of rows) {
      it(`${tps} TPS: ${says}`, () => {
        let now = 0;
        const limiter = new RateLimiter(tps, () => now);
        for (const [at, attempts, passing] of steps) {
          now = at;
          let passed = 0;
          for (let i = 0; i < attempts; i++) if (limiter.tryAcquire("GetMeeting")) passed++;
          expect(passed, `at ${at} ms`).to.equal(passing);
        }
      });
    }

    it("keeps one bucket per operation", () => {
      const limiter = new RateLimiter(1, () => 0);
      expect(limiter.tryAcquire("GetMeeting")).to.equal(true);
      expect(limiter.tryAcquire("GetMeeting")).to.equal(false);
      expect(limiter.tryAcquire("CreateAttendee")).to.equal(true);
    });

    it("refuses a rate that is not positive", () => {
      expect(() => new RateLimiter(0)).to.throw(RangeError);
    });
  });

  describe("with rateLimit: 5 (on a fake monotonic clock)", () => {
    let now = 0;
    const env = useEndpoint({ rateLimit: 5, rateLimitClock: () => now });

    it("answers 429 ThrottlingException beyond the bucket, per operation, and recovers at the rate", async () => {
      const client = clientFor(env.local, { maxAttempts: 1 });
      const meeting = await newMeeting(client);
      const get = () => client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }));
      // GIVEN a full bucket of 5 GetMeeting tokens, all taken at one instant
      for (let i = 0; i < 5; i++) await get();
      // WHEN a sixth comes at the same instant THEN it is throttled
      await expectServiceError(get(), {
        name: "ThrottlingException",
        code: "Throttling",
        status: 429,
        message: ["GetMeeting", "5 TPS"],
      });
      // AND another operation has its own bucket
      await client.send(new ListAttendeesCommand({ MeetingId: meeting.MeetingId }));
      // AND a token comes back after 1/5 s, not before
      now = 199;
      await expectServiceError(get(), { name: "ThrottlingException", status: 429 });
      now = 200;
      await get();
      expect(env.local.counters().GetMeeting).to.equal(8);
    });
  });

  describe("without rateLimit", () => {
    const env = useEndpoint();

    it("never throttles: 200 requests at once each pass on their first attempt", async () => {
      const meeting = await newMeeting(env.client);
      env.local.resetCounters();
      const answers = await Promise.all(
        Array.from({ length: 200 }, () =>
          env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })),
        ),
      );
      expect(answers.every((a) => a.Meeting?.MeetingId === meeting.MeetingId)).to.equal(true);
      expect(env.local.counters().GetMeeting).to.equal(200);
    });
  });
});

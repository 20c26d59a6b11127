import { ChimeSDKMeetingsClient, GetMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { FaultInjector, type FaultOptions } from "../../emulator/faults";
import {
  CREDENTIALS,
  clientFor,
  expectServiceError,
  newMeeting,
  raw,
  UNKNOWN_ID,
  useEndpoint,
} from "./helpers";

describe("emulator: fault injection", () => {
  describe("FaultInjector (one draw splits requests into shares)", () => {
    // Binary-exact rates, so that the boundaries between shares are exact too.
    const options: FaultOptions = {
      resetRate: 0.125,
      unavailableRate: 0.25,
      failureRate: 0.25,
      latencyMs: 5,
    };
    const rows: Array<[number, string]> = [
      [0.0, "reset"],
      [0.124, "reset"],
      [0.125, "unavailable"],
      [0.374, "unavailable"],
      [0.375, "failure"],
      [0.624, "failure"],
      [0.625, "none"],
      [0.999, "none"],
    ];
    for (const [draw, action] of rows) {
      it(`draw ${draw} → ${action}`, () => {
        const injector = new FaultInjector(() => draw);
        injector.set(options);
        expect(injector.decide("GetMeeting")).to.deep.equal({ latencyMs: 5, action });
      });
    }

    it("leaves operations outside `operations` alone, unknown routes included", () => {
      const injector = new FaultInjector(() => 0);
      injector.set({ failureRate: 1, latencyMs: 9, operations: ["CreateAttendee"] });
      expect(injector.decide("CreateAttendee").action).to.equal("failure");
      expect(injector.decide("GetMeeting")).to.deep.equal({ latencyMs: 0, action: "none" });
      expect(injector.decide(undefined).action).to.equal("none");
    });

    it("stops failing after `count` failures, keeping the added latency", () => {
      const injector = new FaultInjector(() => 0);
      injector.set({ unavailableRate: 1, latencyMs: 3, count: 2 });
      const actions = [1, 2, 3, 4].map(() => injector.decide("CreateAttendee"));
      expect(actions.map((a) => a.action)).to.deep.equal(["unavailable", "unavailable", "none", "none"]);
      expect(actions.every((a) => a.latencyMs === 3)).to.equal(true);
    });

    it("lets the first `skip` requests in scope pass, then fails `count`", () => {
      const injector = new FaultInjector(() => 0);
      injector.set({ failureRate: 1, skip: 1, count: 2, operations: ["BatchCreateAttendee"] });
      const actions = [
        "GetMeeting",
        "BatchCreateAttendee",
        "BatchCreateAttendee",
        "BatchCreateAttendee",
        "BatchCreateAttendee",
      ].map((op) => injector.decide(op as "GetMeeting").action);
      expect(actions).to.deep.equal(["none", "none", "failure", "failure", "none"]);
    });

    const invalid: FaultOptions[] = [
      { skip: -1 },
      { skip: 0.5 },
      { count: -1 },
      { count: 1.5 },
      { failureRate: 1.5 },
      { resetRate: -0.1 },
      { failureRate: 0.6, unavailableRate: 0.6 },
      { latencyMs: -1 },
      { retryAfterSeconds: 1.5 },
    ];
    for (const bad of invalid) {
      it(`refuses ${JSON.stringify(bad)}`, () => {
        expect(() => new FaultInjector().set(bad)).to.throw(RangeError);
      });
    }
  });

  describe("through the endpoint", () => {
    const env = useEndpoint();
    afterEach(() => env.local.setFaults(undefined));

    it("answers 500 ServiceFailureException and changes nothing", async () => {
      env.local.setFaults({ failureRate: 1 });
      const before = env.local.meetings().length;
      await expectServiceError(newMeeting(env.client), {
        name: "ServiceFailureException",
        code: "ServiceFailure",
        status: 500,
      });
      expect(env.local.meetings().length).to.equal(before);
    });

    it("answers 503 ServiceUnavailableException with Retry-After", async () => {
      env.local.setFaults({ unavailableRate: 1, retryAfterSeconds: 7 });
      const error = await expectServiceError(
        env.client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID })),
        {
          name: "ServiceUnavailableException",
          code: "ServiceUnavailable",
          status: 503,
        },
      );
      expect((error as unknown as { RetryAfterSeconds: string }).RetryAfterSeconds).to.equal("7");
      const response = await raw(env.local.url, "GET", `/meetings/${UNKNOWN_ID}`);
      expect(response.status).to.equal(503);
      expect(response.headers["retry-after"]).to.equal("7");
      expect(response.headers["x-amzn-errortype"]).to.equal("ServiceUnavailableException");
    });

    it("lets the SDK's standard retries count every attempt", async () => {
      env.local.setFaults({ failureRate: 1, operations: ["GetMeeting"] });
      env.local.resetCounters();
      const client = clientFor(env.local, { maxAttempts: 3 });
      try {
        await expectServiceError(client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID })), {
          name: "ServiceFailureException",
          status: 500,
        });
      } finally {
        client.destroy();
      }
      expect(env.local.counters().GetMeeting).to.equal(3);
    });

    it("destroys connections without a response", async () => {
      env.local.setFaults({ resetRate: 1 });
      let caught: unknown;
      try {
        await raw(env.local.url, "GET", `/meetings/${UNKNOWN_ID}`);
      } catch (error) {
        caught = error;
      }
      expect((caught as NodeJS.ErrnoException).code).to.equal("ECONNRESET");
      const client = new ChimeSDKMeetingsClient({
        region: "us-east-1",
        endpoint: env.local.url,
        credentials: CREDENTIALS,
        maxAttempts: 1,
      });
      try {
        let sdkError: unknown;
        await client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID })).catch((e) => {
          sdkError = e;
        });
        expect(sdkError).to.be.instanceOf(Error);
        expect((sdkError as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).to.equal(
          undefined,
        );
      } finally {
        client.destroy();
      }
    });

    it("with resetAfterExecution, makes the change and then drops the response", async () => {
      env.local.setFaults({ resetRate: 1, resetAfterExecution: true, operations: ["CreateMeeting"] });
      const before = env.local.meetings().length;
      let caught: unknown;
      await newMeeting(env.client, { ExternalMeetingId: "lost-response" }).catch((e) => {
        caught = e;
      });
      expect(caught).to.be.instanceOf(Error);
      expect(env.local.meetings().length).to.equal(before + 1);
    });

    it("adds latency to every request", async () => {
      env.local.setFaults({ latencyMs: 150 });
      const started = performance.now();
      await expectServiceError(env.client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID })), {
        name: "NotFoundException",
        status: 404,
      });
      expect(performance.now() - started).to.be.at.least(145);
    });

    it("restricts faults to the listed operations", async () => {
      env.local.setFaults({ failureRate: 1, operations: ["GetMeeting"] });
      const meeting = await newMeeting(env.client);
      await expectServiceError(env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })), {
        name: "ServiceFailureException",
        status: 500,
      });
    });

    it("refuses invalid fault options", () => {
      expect(() => env.local.setFaults({ failureRate: 2 })).to.throw(RangeError);
    });
  });
});

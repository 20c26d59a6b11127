/**
 * Issue 9: every failure ends fast with one message that says what failed, for which resource, why and
 * what to do, and leaks no sensitive value. Regression tests for items 1 (hung endpoint), 4 (wrong
 * advice) and 6 (duplicate declarations), against real sockets and the local endpoint.
 */
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { expect } from "chai";
import type { AttendeeInputs } from "../../provider/attendee/attendee-state";
import type { BatchInputs } from "../../provider/attendee-batch/batch-state";
import { httpTimeouts, worstCaseTimeoutMs } from "../../provider/aws/client";
import {
  processInstance,
  configureProcess as recordConfig,
  resetProcess as resetConfig,
} from "../../provider/dynamic/process";
import { AttendeeBatchProvider, AttendeeProvider } from "../../provider/dynamic/providers";

const resetClients = () => processInstance().config.clients.reset();

import { NAME_KEY } from "../../provider/dynamic/declaration";
import { MeetingProvider } from "../../provider/dynamic/providers";
import type { MeetingInputs } from "../../provider/meeting/meeting-state";
import { AttendeeClaims } from "../../provider/shared/claims";
import { UNKNOWN } from "../../provider/validation/rules";
import { newMeeting } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const attendees = new AttendeeProvider();
const batches = new AttendeeBatchProvider();
const meetings = new MeetingProvider();
const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";

async function failureOf(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

/** A TCP server on 127.0.0.1 that accepts connections and never answers: a black-holed endpoint. */
async function blackHole(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => sockets.length,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function useStack(config: Record<string, string>): void {
  const saved = { ...process.env };
  before(() => {
    process.env.AWS_ACCESS_KEY_ID = "test";
    process.env.AWS_SECRET_ACCESS_KEY = "test";
    recordConfig({ get: (key) => ({ "aws:region": "us-east-1", ...config })[key] });
    resetClients();
  });
  after(() => {
    resetConfig();
    resetClients();
    process.env = saved;
  });
}

describe("Issue 9.1: a black-holed endpoint fails the call with one message", () => {
  const saved = { ...httpTimeouts };
  let hole: Awaited<ReturnType<typeof blackHole>>;
  const config: Record<string, string> = {};
  before(async () => {
    hole = await blackHole();
    config["chime:endpoint"] = hole.url;
    // Injected short timeouts: the same code path as the 12 s default, without waiting for it.
    Object.assign(httpTimeouts, { connectionMs: 2_000, requestMs: 300 });
  });
  after(async () => {
    Object.assign(httpTimeouts, saved);
    await hole?.close();
  });
  useStack(config);

  it("the default timeouts keep the worst case of a call to a black hole within 35 s, retries included", () => {
    expect(saved.timeoutAttempts).to.equal(2);
    expect(worstCaseTimeoutMs(saved)).to.be.at.most(35_000);
  });

  it("the worst case is every attempt's request timeout plus the longest back-off between two attempts", () => {
    // [attempts, requestMs] → attempts × requestMs + (attempts - 1) × 1 s of back-off at most.
    const cases: [number, number, number][] = [
      [1, 8_000, 8_000],
      [2, 8_000, 17_000],
      [3, 500, 3_500],
    ];
    for (const [timeoutAttempts, requestMs, worst] of cases) {
      expect(
        worstCaseTimeoutMs({ connectionMs: 5_000, requestMs, timeoutAttempts }),
        `${timeoutAttempts} × ${requestMs}`,
      ).to.equal(worst);
    }
  });

  it("GIVEN an endpoint that accepts connections and never answers WHEN an attendee is created THEN it fails after 2 attempts, saying the endpoint could not be reached, where, why and what to do", async () => {
    const error = await failureOf(
      attendees.create({ meetingId: MEETING, externalUserId: "kiosk-1", region: "us-east-1" }),
    );
    // Without throwOnRequestTimeout the request would only log a warning and this would hang (mocha's
    // 20 s timeout fails the test).
    expect(error.message).to.include("Chime CreateAttendee failed");
    expect(error.message).to.include(
      `the Chime SDK Meetings endpoint ${hole.url} (stack config chime:endpoint)`,
    );
    expect(error.message).to.include(
      "could not be reached: it accepted the connection but sent no answer within 0.3 s",
    );
    expect(error.message).to.include("(TimeoutError, 2 attempts)");
    expect(error.message).to.include("Check stack config chime:endpoint");
    expect(error.message).not.to.include("kiosk-1");
    expect(hole.connections()).to.equal(2);
  });

  it("GIVEN the same endpoint WHEN a refresh reads THEN the advice says refresh uses the config recorded by the last up", async () => {
    const error = await failureOf(
      attendees.read("id", { meetingId: MEETING, externalUserId: "kiosk-1", region: "us-east-1" } as never),
    );
    expect(error.message).to.include("Chime ListAttendees failed");
    expect(error.message).to.include("recorded by the last `pulumi up`");
    expect(error.message).to.include("`pulumi refresh --run-program`");
  });
});

describe("Issue 9.4: errors without an AWS answer never say 'See the AWS message above'", () => {
  let refusedUrl: string;
  let plainHttp: HttpServer;
  const config: Record<string, string> = {};
  before(async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    refusedUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((resolve) => closed.close(resolve));
    plainHttp = createHttpServer((_req, res) => res.end("{}"));
    await new Promise<void>((resolve) => plainHttp.listen(0, "127.0.0.1", resolve));
  });
  after(() => plainHttp?.close());
  useStack(config);

  // [case, endpoint, words the message must contain]
  const cases: [string, () => string, string[]][] = [
    ["a port nothing listens on", () => refusedUrl, ["connection was refused", "ECONNREFUSED"]],
    [
      "https:// to a plain-HTTP server (a TLS failure)",
      () => `https://127.0.0.1:${(plainHttp.address() as { port: number }).port}`,
      ["TLS connection to the endpoint failed", "https:// or http://"],
    ],
  ];
  for (const [name, endpoint, words] of cases) {
    it(`GIVEN ${name} WHEN an attendee is created THEN the message says why and what to do`, async () => {
      config["chime:endpoint"] = endpoint();
      recordConfig({ get: (key) => ({ "aws:region": "us-east-1", ...config })[key] });
      resetClients();
      const error = await failureOf(
        attendees.create({ meetingId: MEETING, externalUserId: "kiosk-1", region: "us-east-1" }),
      );
      expect(error.message).to.include("could not be reached");
      for (const word of words) expect(error.message).to.include(word);
      expect(error.message).not.to.include("message above");
    });
  }
});

describe("Issue 9.4: advice that is true", () => {
  const ctx = useProviderEndpoint();

  it("GIVEN a meeting created in us-east-1 WHEN an attendee in us-west-2 gets NotFound THEN the message names both regions, not only an ended meeting", async () => {
    const news = { externalMeetingId: "region-room", mediaRegion: "us-east-1", region: "us-east-1" };
    const { inputs } = await meetings.check({} as MeetingInputs, news as MeetingInputs);
    const { outs } = await meetings.create(inputs as MeetingInputs);
    // The local endpoint has one region: ending the meeting gives the NotFound another region would.
    ctx.local.endMeeting(outs.meetingId);
    const error = await failureOf(
      attendees.create({ meetingId: outs.meetingId, externalUserId: "kiosk-1", region: "us-west-2" }),
    );
    expect(error.message).to.include("NotFoundException");
    expect(error.message).to.include("lives in region us-east-1, but this call went to region us-west-2");
  });

  it("GIVEN a meeting whose region is not known WHEN NotFound THEN the advice also says the meeting may live in another region", async () => {
    const error = await failureOf(
      attendees.create({
        meetingId: "00000000-0000-4000-8000-000000000000",
        externalUserId: "kiosk-1",
        region: "us-east-1",
      }),
    );
    expect(error.message).to.include("meeting has ended or never existed");
    expect(error.message).to.include("another control-plane region than us-east-1");
  });

  it("GIVEN an attendee declared with the `id` option (read by id, inputs without region) WHEN read THEN the region comes from config, not 'Region is missing'", async () => {
    const meetingId = (await newMeeting(ctx.client)).MeetingId as string;
    const created = await attendees.create({ meetingId, externalUserId: "by-id", region: "us-east-1" });
    // What the engine hands `read` for a resource with the `id` option: the program's arguments.
    const read = await attendees.read("some-id", { meetingId, externalUserId: "by-id" } as never);
    expect(read.props).to.include({ region: "us-east-1", attendeeId: created.outs.attendeeId });
  });
});

describe("Issue 9.4: chime:maxRequestsPerSecond is checked at preview", () => {
  // [config value, accepted]
  const cases: [string | undefined, boolean][] = [
    [undefined, true],
    ["10", true],
    ["0.5", true],
    ["0", false],
    ["-3", false],
    ["ten", false],
  ];
  for (const [value, accepted] of cases) {
    it(`${value === undefined ? "unset" : JSON.stringify(value)} is ${accepted ? "accepted" : "a check failure naming the setting"}`, async () => {
      recordConfig({ get: (key) => (key === "chime:maxRequestsPerSecond" ? value : undefined) });
      try {
        const { failures } = await attendees.check(
          {} as AttendeeInputs,
          {
            meetingId: MEETING,
            externalUserId: "kiosk-1",
            region: "us-east-1",
          } as AttendeeInputs,
        );
        if (accepted) {
          expect(failures).to.deep.equal([]);
        } else {
          expect(failures).to.have.length(1);
          expect(failures?.[0].reason).to.include("chime:maxRequestsPerSecond must be a positive number");
          expect(failures?.[0].reason).to.include(JSON.stringify(value));
        }
      } finally {
        resetConfig();
      }
    });
  }
});

describe("Issue 9.6: two declarations of one attendee in a deployment", () => {
  it("AttendeeClaims: the same owner may claim again; another owner of the same meeting and externalUserId is reported", () => {
    const claims = new AttendeeClaims();
    const key = { meetingId: MEETING, externalUserId: "kiosk-1" };
    // [owner, keys, the other owners reported]
    const steps: [string, (typeof key)[], string[]][] = [
      ['Attendee "a"', [key], []],
      ['Attendee "a"', [key], []],
      ['AttendeeBatch "bots"', [{ ...key, externalUserId: "bot-1" }, key], ['Attendee "a"']],
      ['Attendee "b"', [{ ...key, meetingId: "4f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c" }], []],
      ['Attendee "c"', [{ ...key, externalUserId: "bot-1" }], ['AttendeeBatch "bots"']],
      // "a" now declares another attendee: its old one is free for others.
      ['Attendee "a"', [{ ...key, externalUserId: "kiosk-2" }], []],
      ['Attendee "d"', [key], []],
      // One owner naming an attendee twice is not a duplicate of itself (a batch's own check says so).
      [
        'AttendeeBatch "twice"',
        [
          { ...key, externalUserId: "twin" },
          { ...key, externalUserId: "twin" },
        ],
        [],
      ],
      ['Attendee "e"', [{ ...key, externalUserId: "twin" }], ['AttendeeBatch "twice"']],
    ];
    for (const [owner, keys, others] of steps) {
      expect(
        claims.claim(owner, keys).map((d) => d.other),
        owner,
      ).to.deep.equal(others);
    }
  });

  it("GIVEN an Attendee and an AttendeeBatch with one meetingId and externalUserId WHEN checked THEN the second fails naming the first, by length", async () => {
    const meetingId = "5f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
    const kiosk = await attendees.check(
      {} as AttendeeInputs,
      {
        meetingId,
        externalUserId: "shared-user",
        region: "us-east-1",
        [NAME_KEY]: "kiosk",
      } as AttendeeInputs,
    );
    expect(kiosk.failures).to.deep.equal([]);
    const batch = await batches.check(
      {} as BatchInputs,
      {
        meetingId,
        attendees: [{ externalUserId: "bot-1" }, { externalUserId: "shared-user" }],
        region: "us-east-1",
        [NAME_KEY]: "bots",
      } as BatchInputs,
    );
    expect(batch.failures).to.have.length(1);
    const reason = batch.failures?.[0].reason ?? "";
    expect(reason).to.include("attendees[1].externalUserId (11 characters)");
    expect(reason).to.include('is also declared by Attendee "kiosk"');
    expect(reason).not.to.include("shared-user");
    // The hidden input is not stored.
    expect(batch.inputs).not.to.have.property(NAME_KEY);
  });

  it("GIVEN the meetingId is unknown (preview) WHEN checked THEN nothing is claimed; once known (up) the duplicate fails", async () => {
    const meetingId = "6f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
    const first = { meetingId, externalUserId: "dup", region: "us-east-1", [NAME_KEY]: "one" };
    const second = { ...first, [NAME_KEY]: "two" };
    for (const news of [
      { ...first, meetingId: UNKNOWN },
      { ...second, meetingId: UNKNOWN },
    ]) {
      expect((await attendees.check({} as AttendeeInputs, news as AttendeeInputs)).failures).to.deep.equal(
        [],
      );
    }
    expect((await attendees.check({} as AttendeeInputs, first as AttendeeInputs)).failures).to.deep.equal([]);
    const failures = (await attendees.check({} as AttendeeInputs, second as AttendeeInputs)).failures ?? [];
    expect(failures.map((f) => f.reason).join()).to.include('also declared by Attendee "one"');
  });
});

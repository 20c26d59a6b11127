#!/usr/bin/env node
/**
 * Benchmark of chime-local (the local Chime SDK Meetings endpoint), against the compiled
 * dist/emulator (run `npm run build` first; CHIME_LOCAL_DIST=<dir> points elsewhere).
 *
 *   node bench/emulator.js            # full run, about a minute and a half
 *   BENCH_SECONDS=2 BENCH_RUNS=1 node bench/emulator.js
 *
 * The endpoint runs in a child process and autocannon in this one, so that load generation and
 * the server each get a core of a 2-core machine, and neither measures the other's event loop.
 * It prints a table: GetAttendee/s, CreateAttendee/s (memory only and with a state file),
 * RSS with 250 meetings × 250 attendees, and the longest event-loop stall during state writes.
 * Throughput figures are the median of BENCH_RUNS runs (default 3, each on a fresh endpoint), with
 * the range, and the load average is printed: on a shared machine a single run can be halved by
 * someone else's build.
 */

const { fork } = require("node:child_process");
const { mkdtempSync, rmSync, statSync } = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const { monitorEventLoopDelay } = require("node:perf_hooks");

const DIST = process.env.CHIME_LOCAL_DIST ?? path.join(__dirname, "..", "dist", "emulator");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const AUTHORIZATION =
  "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/chime/aws4_request, SignedHeaders=host, Signature=00";
const HEADERS = { authorization: AUTHORIZATION, "content-type": "application/json" };

// ---------------------------------------------------------------- child: the endpoint under test

async function serve() {
  const { startChimeLocal } = require(path.join(DIST, "index.js"));
  const local = await startChimeLocal({ stateFile: process.env.BENCH_STATE || undefined });
  let histogram;
  const handlers = {
    rss: () => ({ rss: process.memoryUsage().rss }),
    arm: () => {
      histogram = monitorEventLoopDelay({ resolution: 1 });
      histogram.enable();
      return {};
    },
    disarm: () => {
      histogram.disable();
      return { maxDelayMs: histogram.max / 1e6, meanDelayMs: histogram.mean / 1e6 };
    },
    flush: async () => {
      const started = performance.now();
      await local.flush();
      return { flushMs: performance.now() - started };
    },
    close: async () => {
      await local.close();
      return {};
    },
  };
  process.on("message", async ({ id, cmd }) => {
    process.send({ id, result: await handlers[cmd]() });
    if (cmd === "close") process.exit(0);
  });
  process.send({ url: local.url });
}

// ---------------------------------------------------------------- parent: load and measurements

async function startServer(stateFile) {
  // BENCH_SERVER_FLAGS passes V8/Node flags to the endpoint only, e.g. "--trace-gc" to explain a stall.
  const execArgv = (process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
  const child = fork(__filename, ["--serve"], {
    env: { ...process.env, BENCH_STATE: stateFile ?? "" },
    execArgv,
  });
  const url = await new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m.url));
    child.once("exit", (code) => reject(new Error(`endpoint exited with ${code}`)));
  });
  let next = 0;
  const call = (cmd) =>
    new Promise((resolve) => {
      const id = ++next;
      const onMessage = (m) => {
        if (m.id !== id) return;
        child.off("message", onMessage);
        resolve(m.result);
      };
      child.on("message", onMessage);
      child.send({ id, cmd });
    });
  return { url, call };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

function request(url, method, pathName, body) {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const headers = { ...HEADERS };
    if (text !== undefined) headers["content-length"] = Buffer.byteLength(text);
    const req = http.request(`${url}${pathName}`, { method, headers, agent }, (res) => {
      let data = "";
      res.on("data", (d) => {
        data += d;
      });
      res.on("end", () => {
        if (res.statusCode >= 300) reject(new Error(`${method} ${pathName}: ${res.statusCode} ${data}`));
        else resolve(data === "" ? {} : JSON.parse(data));
      });
    });
    req.on("error", reject);
    req.end(text);
  });
}

let meetingSeq = 0;
async function createMeetings(url, count) {
  const ids = [];
  for (let i = 0; i < count; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, count - i) }, () =>
        request(url, "POST", "/meetings", {
          ClientRequestToken: `bench-${process.pid}-${++meetingSeq}`,
          MediaRegion: "us-east-1",
          ExternalMeetingId: `bench-${meetingSeq}`,
        }),
      ),
    );
    ids.push(...batch.map((out) => out.Meeting.MeetingId));
  }
  return ids;
}

function cannon(options) {
  const autocannon = require("autocannon");
  return autocannon({ connections: CONNECTIONS, duration: SECONDS, headers: HEADERS, ...options });
}

function summary(result) {
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p99: result.latency.p99,
    max: result.latency.max,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

/** Runs a throughput benchmark RUNS times; the median run is the figure, with the range of all. */
async function repeated(bench) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await bench());
  runs.sort((a, b) => a.rps - b.rps);
  const median = runs[Math.floor((runs.length - 1) / 2)];
  return {
    ...median,
    low: runs[0].rps,
    high: runs[runs.length - 1].rps,
    bad: runs.reduce((n, r) => n + r.bad, 0),
  };
}

async function benchGetAttendee() {
  const server = await startServer();
  const [meetingId] = await createMeetings(server.url, 1);
  const { Attendee } = await request(server.url, "POST", `/meetings/${meetingId}/attendees`, {
    ExternalUserId: "bench-user",
  });
  const result = summary(
    await cannon({ url: `${server.url}/meetings/${meetingId}/attendees/${Attendee.AttendeeId}` }),
  );
  await server.call("close");
  return result;
}

async function benchCreateAttendee(stateFile) {
  const server = await startServer(stateFile);
  // Enough meetings that the run never reaches the 250-attendee limit.
  const meetings = await createMeetings(server.url, 500);
  let n = 0;
  const result = summary(
    await cannon({
      url: server.url,
      amount: meetings.length * 250,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => {
            const i = n++;
            req.path = `/meetings/${meetings[Math.floor(i / 250) % meetings.length]}/attendees`;
            req.body = JSON.stringify({ ExternalUserId: `user-${i}` });
            return req;
          },
        },
      ],
    }),
  );
  if (stateFile !== undefined) result.flushMs = (await server.call("flush")).flushMs;
  await server.call("close");
  return result;
}

async function benchFullState(stateFile) {
  const server = await startServer(stateFile);
  const started = performance.now();
  const meetings = await createMeetings(server.url, 250);
  let firstAttendee;
  await Promise.all(
    meetings.map(async (meetingId, m) => {
      for (let b = 0; b < 3; b++) {
        const size = b < 2 ? 100 : 50;
        const out = await request(
          server.url,
          "POST",
          `/meetings/${meetingId}/attendees?operation=batch-create`,
          {
            Attendees: Array.from({ length: size }, (_, i) => ({ ExternalUserId: `m${m}-u${b * 100 + i}` })),
          },
        );
        if (out.Errors.length > 0) throw new Error(out.Errors[0].ErrorMessage);
        firstAttendee ??= { meetingId, attendeeId: out.Attendees[0].AttendeeId };
      }
    }),
  );
  await server.call("flush");
  const fillSeconds = (performance.now() - started) / 1000;
  const rssFilled = (await server.call("rss")).rss;

  // A write alone: one change, then the whole file is written.
  await server.call("arm");
  const change = () =>
    request(
      server.url,
      "PUT",
      `/meetings/${firstAttendee.meetingId}/attendees/${firstAttendee.attendeeId}/capabilities`,
      { Capabilities: { Audio: "SendReceive", Video: "SendReceive", Content: "SendReceive" } },
    );
  await change();
  const { flushMs } = await server.call("flush");
  const quiet = await server.call("disarm");

  const getAttendeeUrl = `${server.url}/meetings/${firstAttendee.meetingId}/attendees/${firstAttendee.attendeeId}`;
  const loadSeconds = Math.max(3, Math.round(SECONDS / 2));
  // Control: the same traffic without writes, so that stalls of the loaded process itself (GC of a
  // large heap while two cores are busy) are not charged to the state file.
  await server.call("arm");
  const control = summary(await cannon({ url: getAttendeeUrl, duration: loadSeconds }));
  const controlDelay = await server.call("disarm");

  // Writes back to back while GetAttendee traffic runs: how long does a request wait at worst?
  await server.call("arm");
  let writes = 0;
  let loading = true;
  const writer = (async () => {
    while (loading) {
      await change();
      await server.call("flush");
      writes++;
    }
  })();
  const load = summary(await cannon({ url: getAttendeeUrl, duration: loadSeconds }));
  loading = false;
  await writer;
  const busy = await server.call("disarm");
  const rssAfterWrites = (await server.call("rss")).rss;
  await server.call("close");
  return {
    fillSeconds,
    rssFilled,
    rssAfterWrites,
    fileBytes: statSync(stateFile).size,
    flushMs,
    quietMaxDelayMs: quiet.maxDelayMs,
    busyMaxDelayMs: busy.maxDelayMs,
    writes,
    load,
    control,
    controlMaxDelayMs: controlDelay.maxDelayMs,
  };
}

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
const mb = (bytes) => `${fmt(bytes / 1024 / 1024, 1)} MB`;
const throughput = (r) =>
  `${fmt(r.rps)} req/s (${fmt(r.low)}–${fmt(r.high)}; p99 ${r.p99} ms; ${r.bad} errors)`;

async function main() {
  try {
    require.resolve(path.join(DIST, "index.js"));
  } catch {
    console.error(
      `chime-local is not built at ${DIST}: run \`npm run build\` first (or set CHIME_LOCAL_DIST)`,
    );
    process.exit(1);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "chime-local-bench-"));
  try {
    const loadBefore = os.loadavg()[0];
    console.error(`GetAttendee, ${RUNS} × ${SECONDS} s ...`);
    const get = await repeated(benchGetAttendee);
    console.error(`CreateAttendee (memory only), ${RUNS} × ${SECONDS} s ...`);
    const create = await repeated(() => benchCreateAttendee(undefined));
    console.error(`CreateAttendee (with a state file), ${RUNS} × ${SECONDS} s ...`);
    let stateRun = 0;
    const createState = await repeated(() =>
      benchCreateAttendee(path.join(dir, `create-${++stateRun}.json`)),
    );
    console.error("250 meetings × 250 attendees with a state file ...");
    const full = await benchFullState(path.join(dir, "full.json"));

    const cpus = os.cpus();
    const lines = [
      `chime-local benchmark, ${new Date().toISOString().slice(0, 10)}`,
      `machine: nproc ${os.availableParallelism()}, ${cpus[0]?.model ?? "unknown CPU"} (${cpus.length} logical CPUs), ` +
        `${fmt(os.totalmem() / 1024 ** 3, 1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
      `load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, median of ${RUNS} runs (range), ` +
        `endpoint in a child process; 1-min load average ${fmt(loadBefore, 1)} before, ${fmt(os.loadavg()[0], 1)} after`,
      "",
      "| figure | measured | target |",
      "|---|---|---|",
      `| GetAttendee | ${throughput(get)} | ≥ 5,000 req/s |`,
      `| CreateAttendee, memory only | ${throughput(create)} | ≥ 2,000 req/s |`,
      `| CreateAttendee, --state (writes coalesced) | ${throughput(createState)} | ≥ 2,000 req/s |`,
      `| 250 × 250 filled (BatchCreateAttendee) | ${fmt(full.fillSeconds, 1)} s, state file ${mb(full.fileBytes)} | |`,
      `| RSS with 250 × 250 | ${mb(full.rssFilled)} (${mb(full.rssAfterWrites)} after ${full.writes + 1} full writes) | ≤ 300 MB |`,
      `| one full state write at 250 × 250 | ${fmt(full.flushMs)} ms wall, max event-loop delay ${fmt(full.quietMaxDelayMs, 1)} ms | a few ms |`,
      `| GetAttendee at 250 × 250, no writes (control) | ${fmt(full.control.rps)} req/s, p99 ${full.control.p99} ms, max ${full.control.max} ms; max event-loop delay ${fmt(full.controlMaxDelayMs, 1)} ms | |`,
      `| GetAttendee during back-to-back writes | ${fmt(full.load.rps)} req/s, p99 ${full.load.p99} ms, max ${full.load.max} ms; max event-loop delay ${fmt(full.busyMaxDelayMs, 1)} ms | a few ms |`,
    ];
    console.log(lines.join("\n"));
  } finally {
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--serve") {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

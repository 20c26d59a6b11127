#!/usr/bin/env node
// Benchmark: creating N (≤ 100) attendees at the AWS rate quota: the Attendee provider (paced at the
// quota) and the AttendeeBatch provider (one BatchCreateAttendee) against the
// plain AWS SDK client with its standard retries (what a hand-written script or a `command` resource
// does). All three run side by side, in one process, against one local endpoint that throttles at the
// quota like AWS (10 requests per second per operation by default). Run from the compiled package:
//   npm run build && node bench/provider.js [attendees=100] [tps=10]

const { cpus } = require("node:os");
const {
  ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
} = require("@aws-sdk/client-chime-sdk-meetings");
const { startChimeLocal } = require("../dist/emulator");
const { AttendeeProvider, AttendeeBatchProvider } = require("../dist/provider/dynamic/providers");
const { configureProcess: recordConfig } = require("../dist/provider/dynamic/process");

const count = Number(process.argv[2] ?? 100);
const tps = Number(process.argv[3] ?? 10);

async function newMeeting(client, name) {
  const out = await client.send(
    new CreateMeetingCommand({
      MediaRegion: "us-east-1",
      ExternalMeetingId: name,
      MeetingFeatures: { Attendee: { MaxCount: 250 } },
    }),
  );
  return out.Meeting.MeetingId;
}

async function timed(label, local, create) {
  local.resetCounters();
  const start = process.hrtime.bigint();
  const results = await Promise.allSettled(Array.from({ length: count }, (_, n) => create(n)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const failed = results.filter((r) => r.status === "rejected").length;
  const requests = local.counters().CreateAttendee;
  return {
    label,
    seconds,
    created: count - failed,
    failed,
    requests,
    throttled: requests - (count - failed),
  };
}

(async () => {
  process.env.AWS_ACCESS_KEY_ID = "bench";
  process.env.AWS_SECRET_ACCESS_KEY = "bench";
  const local = await startChimeLocal({ rateLimit: tps });
  const client = new ChimeSDKMeetingsClient({ region: "us-east-1", endpoint: local.url });
  recordConfig({
    get: (key) => ({ "chime:endpoint": local.url, "chime:maxRequestsPerSecond": String(tps) })[key],
  });

  const providerMeeting = await newMeeting(client, "bench-provider");
  const provider = new AttendeeProvider();
  const paced = await timed("provider (paced at the quota)", local, (n) =>
    provider.create({
      meetingId: providerMeeting,
      externalUserId: `bot-${n}`,
      region: "us-east-1",
      capabilities: { audio: "Receive", video: "Receive", content: "Receive" },
    }),
  );

  const batchMeeting = await newMeeting(client, "bench-batch");
  local.resetCounters();
  const batchStart = process.hrtime.bigint();
  const { outs } = await new AttendeeBatchProvider().create({
    meetingId: batchMeeting,
    region: "us-east-1",
    attendees: Array.from({ length: count }, (_, n) => ({ externalUserId: `bot-${n}` })),
  });
  const batch = {
    label: "AttendeeBatch provider (BatchCreateAttendee)",
    seconds: Number(process.hrtime.bigint() - batchStart) / 1e9,
    created: Object.keys(outs.joinInfo).length,
    failed: count - Object.keys(outs.joinInfo).length,
    requests: local.counters().BatchCreateAttendee,
    throttled: 0,
  };

  const sdkMeeting = await newMeeting(client, "bench-sdk");
  const naive = await timed("AWS SDK, standard retries", local, (n) =>
    client.send(new CreateAttendeeCommand({ MeetingId: sdkMeeting, ExternalUserId: `bot-${n}` })),
  );

  client.destroy();
  await local.close();
  const ideal = (count - 1) / tps;
  console.log(
    `# ${count} CreateAttendee at ${tps} TPS — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${cpus()[0].model}, node ${process.version}`,
  );
  console.log("| client | wall s | vs ideal | created | failed | requests | throttled (429) |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of [paced, batch, naive]) {
    console.log(
      `| ${r.label} | ${r.seconds.toFixed(2)} | ${(r.seconds / ideal).toFixed(2)}× | ${r.created} | ${r.failed} | ${r.requests} | ${r.throttled} |`,
    );
  }
  console.log(`ideal for one request per attendee: ${ideal.toFixed(2)} s ((N-1)/TPS)`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

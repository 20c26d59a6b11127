import { GetMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { OPERATION_NAMES } from "../../emulator";
import { newAttendee, newMeeting, raw, UNKNOWN_ID, useEndpoint } from "./helpers";

describe("emulator: request counters", () => {
  const env = useEndpoint({ rateLimit: 1000 });
  beforeEach(() => env.local.resetCounters());

  it("starts with every operation present at 0", () => {
    expect(Object.keys(env.local.counters())).to.have.members([...OPERATION_NAMES]);
    expect(Object.values(env.local.counters()).every((n) => n === 0)).to.equal(true);
    expect(env.local.totalRequests()).to.equal(0);
  });

  it("counts each request under its operation, rejected ones included; unknown routes only in the total", async () => {
    const meeting = await newMeeting(env.client);
    await newAttendee(env.client, meeting.MeetingId, "counted");
    await env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }));
    await env.client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID })).catch(() => {}); // 404
    await env.client.send(new GetMeetingCommand({ MeetingId: "bad" })).catch(() => {}); // 400
    await raw(env.local.url, "GET", `/meetings/${UNKNOWN_ID}`, { authorization: null }); // 403
    await raw(env.local.url, "GET", "/unknown"); // 404 unknown operation

    const counters = env.local.counters();
    expect(counters).to.include({ CreateMeeting: 1, CreateAttendee: 1, GetMeeting: 4 });
    expect(Object.values(counters).reduce((a, b) => a + b, 0)).to.equal(6);
    expect(env.local.totalRequests()).to.equal(7);
  });

  it("returns a copy, and resetCounters zeroes counters and total", async () => {
    await newMeeting(env.client);
    const snapshot = env.local.counters();
    snapshot.CreateMeeting = 99;
    expect(env.local.counters().CreateMeeting).to.equal(1);
    env.local.resetCounters();
    expect(env.local.counters().CreateMeeting).to.equal(0);
    expect(env.local.totalRequests()).to.equal(0);
  });

  it("logs each request with its arrival time, operation and answered status, in order; reset empties it", async () => {
    const before = performance.now();
    const meeting = await newMeeting(env.client);
    await env.client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID })).catch(() => {}); // 404
    await raw(env.local.url, "GET", "/unknown"); // 404 unknown operation
    env.local.setFaults({ resetRate: 1, count: 1 });
    await env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId })).catch(() => {}); // reset
    env.local.setFaults(undefined);

    const log = env.local.requestLog();
    expect(log.map((e) => [e.operation, e.status])).to.deep.equal([
      ["CreateMeeting", 200],
      ["GetMeeting", 404],
      [undefined, 404],
      ["GetMeeting", undefined],
    ]);
    const times = log.map((e) => e.receivedAt);
    expect(times[0]).to.be.at.least(before);
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    expect(times[3]).to.be.at.most(performance.now());
    env.local.resetCounters();
    expect(env.local.requestLog()).to.deep.equal([]);
  });
});

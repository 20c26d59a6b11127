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
});

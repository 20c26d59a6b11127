import { expect } from "chai";
import {
  type AnyAttendeeInputs,
  type AnyAttendeeState,
  predictedAttendeeOutputs,
} from "../../provider/attendee/attendee-state";
import { predictedBatchOutputs } from "../../provider/attendee-batch/batch-diff";
import type { BatchInputs, BatchState } from "../../provider/attendee-batch/batch-state";
import { predictedMeetingOutputs } from "../../provider/meeting/meeting-state";
import type { AttendeeCapabilities } from "../../provider/shared/capabilities";
import { UNKNOWN } from "../../provider/validation/rules";

// The outputs the core predicts for a preview's create or update (ResourceLogic.preview, served by the
// plugin): unknown exactly where the operation will produce a value, known where it keeps one.

const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const ALL = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" } as const;
const NONE = { audio: "None", video: "None", content: "None" } as const;
const SECRETS = { attendeeId: "att-1", joinToken: "tok-1" };
const UNKNOWN_SECRETS = { attendeeId: UNKNOWN, joinToken: UNKNOWN };

describe("Predicted outputs: Meeting", () => {
  it("a new meeting: Chime's ids and URLs unknown, the declared inputs known, tags not among the Meeting's outputs", () => {
    const inputs = {
      externalMeetingId: "room",
      mediaRegion: "us-east-1",
      region: "us-east-1",
      tags: { a: "b" },
    };
    expect(predictedMeetingOutputs(inputs)).to.deep.equal({
      externalMeetingId: "room",
      mediaRegion: "us-east-1",
      region: "us-east-1",
      meetingId: UNKNOWN,
      meetingArn: UNKNOWN,
      mediaPlacement: UNKNOWN,
    });
  });

  it("a new legacy meeting has no meetingArn to predict", () => {
    const inputs = {
      namespace: "legacy" as const,
      externalMeetingId: "room",
      mediaRegion: "us-east-1",
      region: "us-east-1",
    };
    expect(predictedMeetingOutputs(inputs)).to.not.have.property("meetingArn");
  });
});

describe("Predicted outputs: Attendee", () => {
  const news = { meetingId: MEETING, externalUserId: "kiosk-1", region: "us-east-1" };
  const complete = { ...news, capabilities: ALL, ...SECRETS };
  const cases: [string, AnyAttendeeState | undefined, AnyAttendeeInputs, Record<string, unknown>][] = [
    [
      "create, capabilities declared",
      undefined,
      { ...news, capabilities: NONE },
      { ...news, capabilities: NONE, ...UNKNOWN_SECRETS },
    ],
    ["create, capabilities Chime's", undefined, news, { ...news, capabilities: UNKNOWN, ...UNKNOWN_SECRETS }],
    [
      "update of capabilities: same attendee, same secrets",
      complete,
      { ...news, capabilities: NONE },
      { ...complete, capabilities: NONE },
    ],
    ["update, capabilities no longer declared: left as they are", complete, news, complete],
    [
      "update completing a half-created attendee: its secrets found again (unknown)",
      { ...news, capabilities: ALL },
      { ...news, capabilities: NONE },
      { ...news, capabilities: NONE, ...UNKNOWN_SECRETS },
    ],
    [
      "legacy create: declared tags (none when not declared)",
      undefined,
      { ...news, namespace: "legacy" },
      { ...news, namespace: "legacy", tags: {}, ...UNKNOWN_SECRETS },
    ],
    [
      "legacy update of tags: same secrets",
      { ...news, namespace: "legacy", tags: { a: "1" }, ...SECRETS },
      { ...news, namespace: "legacy", tags: { a: "2" } },
      { ...news, namespace: "legacy", tags: { a: "2" }, ...SECRETS },
    ],
  ];
  for (const [name, olds, inputs, predicted] of cases) {
    it(name, () => {
      expect(predictedAttendeeOutputs(olds, inputs)).to.deep.equal(predicted);
    });
  }
});

describe("Predicted outputs: AttendeeBatch", () => {
  const info = (id: string, capabilities: AttendeeCapabilities = ALL) => ({
    attendeeId: `att-${id}`,
    joinToken: `tok-${id}`,
    capabilities,
  });
  const base = { meetingId: MEETING, region: "us-east-1" };
  const cases: [string, BatchState | undefined, BatchInputs, unknown][] = [
    [
      "create: every member's join info unknown",
      undefined,
      { ...base, attendees: [{ externalUserId: "b-1" }] },
      { "b-1": UNKNOWN },
    ],
    ["create of a list not known yet", undefined, { ...base, attendees: UNKNOWN as unknown as [] }, UNKNOWN],
    [
      "update: kept members known (declared capabilities set), dropped ones gone, new ones unknown",
      {
        ...base,
        attendees: [{ externalUserId: "b-1" }, { externalUserId: "b-2" }],
        joinInfo: { "b-1": info("1"), "b-2": info("2") },
      },
      { ...base, attendees: [{ externalUserId: "b-2", capabilities: NONE }, { externalUserId: "b-3" }] },
      { "b-2": info("2", NONE), "b-3": UNKNOWN },
    ],
    [
      "update of a half-created batch (no join info recorded): all unknown",
      { ...base, attendees: [{ externalUserId: "b-1" }] },
      { ...base, attendees: [{ externalUserId: "b-1" }] },
      { "b-1": UNKNOWN },
    ],
    [
      "update to a list with an unknown member",
      { ...base, attendees: [{ externalUserId: "b-1" }], joinInfo: { "b-1": info("1") } },
      { ...base, attendees: [{ externalUserId: UNKNOWN }] },
      UNKNOWN,
    ],
  ];
  for (const [name, olds, news, joinInfo] of cases) {
    it(name, () => {
      expect(predictedBatchOutputs(olds, news)).to.deep.equal({ ...news, joinInfo });
    });
  }
});

describe("Predicted outputs: AttendeeBatch in the legacy namespace", () => {
  const legacy = (attendees: unknown) =>
    ({ namespace: "legacy", meetingId: MEETING, region: "us-east-1", attendees }) as never;
  const olds = {
    ...(legacy([{ externalUserId: "a", tags: { site: "hq" } }, { externalUserId: "b" }]) as object),
    joinInfo: {
      a: { ...SECRETS, tags: { site: "hq" } },
      b: { attendeeId: "att-2", joinToken: "tok-2", tags: { stale: "x" } },
    },
  } as never;
  it("members that stay keep their join information with the declared tags (none declared: none kept); new members unknown", () => {
    const news = legacy([
      { externalUserId: "a", tags: { site: "hq2" } },
      { externalUserId: "b" },
      { externalUserId: "c", tags: { site: "new" } },
    ]);
    expect(predictedBatchOutputs(olds, news)).to.deep.equal({
      ...(news as object),
      joinInfo: {
        a: { ...SECRETS, tags: { site: "hq2" } },
        b: { attendeeId: "att-2", joinToken: "tok-2", tags: {} },
        c: UNKNOWN,
      },
    });
  });
});

import { DeleteAttendeeCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { checkBatch, MAX_BATCH } from "../../provider/attendee-batch/batch-check";
import { BATCH_REQUEST_SIZE, diffBatch, inChunks, planBatch } from "../../provider/attendee-batch/batch-diff";
import { describeBatchErrors, describeChunkFailure } from "../../provider/attendee-batch/batch-lifecycle";
import type { BatchInputs, BatchOutputs, JoinInfo } from "../../provider/attendee-batch/batch-state";
import { joinInfoFrom } from "../../provider/attendee-batch/batch-state";
import { AttendeeBatchProvider } from "../../provider/dynamic/providers";
import { UNKNOWN } from "../../provider/validation/rules";
import { newAttendee, newMeeting } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";
import * as fixtures from "../support/resource-fixtures";
import { table } from "../support/rule-table";

const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const NONE = { audio: "None", video: "None", content: "None" } as const;
const ALL = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" } as const;
const valid = {
  meetingId: MEETING,
  attendees: [{ externalUserId: "bot-1" }, { externalUserId: "bot-2" }],
  region: "us-east-1",
};

describe("AttendeeBatch check", () => {
  const rejected: [string, Record<string, unknown>, string, string][] = [
    ["no attendees", { ...valid, attendees: [] }, "attendees", "1 to 250"],
    [
      "251 attendees",
      { ...valid, attendees: Array.from({ length: 251 }, (_, n) => ({ externalUserId: `b-${n}` })) },
      "attendees",
      "1 to 250",
    ],
    ["attendees not a list", { ...valid, attendees: "bot-1" }, "attendees", "1 to 250"],
    [
      "an attendee that is not an object",
      { ...valid, attendees: ["bot-1"] },
      "attendees[0]",
      "must be an object",
    ],
    [
      "a repeated externalUserId",
      { ...valid, attendees: [{ externalUserId: "bot-1" }, { externalUserId: "bot-1" }] },
      "attendees[1].externalUserId",
      "must be unique",
    ],
    [
      "an invalid externalUserId",
      { ...valid, attendees: [{ externalUserId: "b" }] },
      "attendees[0].externalUserId",
      "2 to 64",
    ],
    [
      "content without video",
      {
        ...valid,
        attendees: [
          { externalUserId: "bot-1", capabilities: { audio: "None", video: "None", content: "Receive" } },
        ],
      },
      "attendees[0].capabilities.content",
      "needs attendees[0].capabilities.video",
    ],
    ["meetingId not a GUID", { ...valid, meetingId: "m" }, "meetingId", "GUID"],
    ["an attendee that is null", { ...valid, attendees: [null] }, "attendees[0]", "must be an object"],
    [
      "a bad externalUserId beside an unknown item",
      { ...valid, attendees: [UNKNOWN, { externalUserId: "b" }] },
      "attendees[1].externalUserId",
      "2 to 64",
    ],
    [
      "a bad capability beside an unknown one",
      {
        ...valid,
        attendees: [
          { externalUserId: "bot-1", capabilities: { audio: "Loud", video: UNKNOWN, content: "None" } },
        ],
      },
      "attendees[0].capabilities.audio",
      '"Loud"',
    ],
  ];
  for (const [name, news, property, words] of rejected) {
    it(`rejects ${name}, naming ${property}`, () => {
      const { failures } = checkBatch(undefined, news, undefined);
      expect(failures.map((f) => f.property)).to.deep.equal([property]);
      expect(failures[0].reason).to.include(words);
    });
  }

  // Regression (issue 9, item 5): a 101-attendee batch printed all 101 items (the limit is 250 since) before the message.
  it("describes a list of 251 attendees by its length, quoting none of them", async () => {
    const news = {
      ...valid,
      attendees: Array.from({ length: 251 }, (_, n) => ({ externalUserId: `b-${n}` })),
    };
    const result = await new AttendeeBatchProvider().check({} as BatchInputs, news as BatchInputs);
    expect(result.failures).to.deep.equal([
      { property: "", reason: "attendees must be a list of 1 to 250 attendees; got 251 attendees" },
    ]);
  });

  const whole = Array.from({ length: 250 }, (_, n) => ({ externalUserId: `bot-${n}` }));
  // [case, inputs]: accepted, and stored as given (unknowns included: the diff plans them).
  const accepted: [string, Record<string, unknown>][] = [
    ["2 attendees", valid],
    ["250 attendees (a whole meeting)", { ...valid, attendees: whole }],
    ["declared capabilities", { ...valid, attendees: [{ externalUserId: "bot-1", capabilities: NONE }] }],
    ["an unknown meetingId", { ...valid, meetingId: UNKNOWN }],
    ["an unknown region", { ...valid, region: UNKNOWN }],
    ["an unknown list", { ...valid, attendees: UNKNOWN }],
    ["an unknown item", { ...valid, attendees: [{ externalUserId: "bot-1" }, UNKNOWN] }],
    [
      "an unknown externalUserId",
      { ...valid, attendees: [{ externalUserId: UNKNOWN }, { externalUserId: UNKNOWN }] },
    ],
    ["unknown capabilities", { ...valid, attendees: [{ externalUserId: "bot-1", capabilities: UNKNOWN }] }],
    [
      "one unknown capability",
      {
        ...valid,
        attendees: [
          { externalUserId: "bot-1", capabilities: { audio: "None", video: UNKNOWN, content: "Receive" } },
        ],
      },
    ],
    ["every input unknown", { meetingId: UNKNOWN, attendees: UNKNOWN, region: UNKNOWN }],
  ];
  for (const [name, news] of accepted) {
    it(`accepts ${name}, storing it as given`, () => {
      const { inputs, failures } = checkBatch(undefined, news, undefined);
      expect(failures).to.deep.equal([]);
      expect(inputs).to.deep.equal(news);
    });
  }

  it("keeps undeclared capabilities undeclared (Chime's default applies)", () => {
    expect(
      checkBatch(
        undefined,
        { ...valid, attendees: [{ externalUserId: "bot-1", capabilities: undefined }] },
        undefined,
      ).inputs.attendees,
    ).to.deep.equal([{ externalUserId: "bot-1" }]);
  });
});

describe("AttendeeBatch plan and diff", () => {
  const info = (capabilities = ALL): JoinInfo => ({ attendeeId: "id", joinToken: "token", capabilities });
  const current = { "bot-1": info(), "bot-2": info() };

  // [case, declared, remove, create, setCapabilities]
  const plans: [string, BatchInputs["attendees"], string[], string[], string[]][] = [
    ["same list", [{ externalUserId: "bot-1" }, { externalUserId: "bot-2" }], [], [], []],
    [
      "one added",
      [{ externalUserId: "bot-1" }, { externalUserId: "bot-2" }, { externalUserId: "bot-3" }],
      [],
      ["bot-3"],
      [],
    ],
    ["one removed", [{ externalUserId: "bot-1" }], ["bot-2"], [], []],
    [
      "capabilities declared and different",
      [{ externalUserId: "bot-1", capabilities: NONE }, { externalUserId: "bot-2" }],
      [],
      [],
      ["bot-1"],
    ],
    [
      "capabilities declared and equal",
      [{ externalUserId: "bot-1", capabilities: ALL }, { externalUserId: "bot-2" }],
      [],
      [],
      [],
    ],
  ];
  for (const [name, declared, remove, create, set] of plans) {
    it(`plans: ${name}`, () => {
      const plan = planBatch(current, declared);
      expect(plan.remove).to.deep.equal(remove);
      expect(plan.create.map((m) => m.externalUserId)).to.deep.equal(create);
      expect(plan.setCapabilities.map((c) => c.externalUserId)).to.deep.equal(set);
    });
  }

  // [attendees to create, the chunks' positions]
  const chunkings: [number, [number, number][]][] = [
    [0, []],
    [1, [[1, 1]]],
    [100, [[1, 100]]],
    [
      101,
      [
        [1, 100],
        [101, 101],
      ],
    ],
    [
      250,
      [
        [1, 100],
        [101, 200],
        [201, 250],
      ],
    ],
  ];
  for (const [count, positions] of chunkings) {
    it(`creates ${count} attendees in ${positions.length} BatchCreateAttendee request(s) of at most 100`, () => {
      const members = Array.from({ length: count }, (_, n) => ({ externalUserId: `bot-${n}` }));
      const chunks = inChunks(members);
      expect(chunks.map((c) => [c.first, c.last])).to.deep.equal(positions);
      expect(chunks.flatMap((c) => c.items)).to.deep.equal(members);
    });
  }

  // [case, new inputs, changes, replaces]: the engine sees exactly changes, replaces and
  // deleteBeforeReplace (the dynamic-provider server drops anything else a diff returns).
  const diffs: [string, Record<string, unknown>, boolean, string[]][] = [
    ["nothing changed", valid, false, []],
    [
      "another meeting: replace",
      { ...valid, meetingId: "4f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c" },
      true,
      ["meetingId"],
    ],
    ["another region: replace", { ...valid, region: "us-west-2" }, true, ["region"]],
    ["one removed: update", { ...valid, attendees: [{ externalUserId: "bot-1" }] }, true, []],
    [
      "one added: update",
      { ...valid, attendees: [...valid.attendees, { externalUserId: "bot-3" }] },
      true,
      [],
    ],
    [
      "capabilities declared and different: update",
      { ...valid, attendees: [{ externalUserId: "bot-1", capabilities: NONE }, { externalUserId: "bot-2" }] },
      true,
      [],
    ],
    // Unknowns during preview: maybe changes, planned as what they would be if they did change.
    [
      "meetingId unknown (meeting to be replaced): replace",
      { ...valid, meetingId: UNKNOWN },
      true,
      ["meetingId"],
    ],
    ["region unknown: replace", { ...valid, region: UNKNOWN }, true, ["region"]],
    ["the whole list unknown: update", { ...valid, attendees: UNKNOWN }, true, []],
    ["one item unknown: update", { ...valid, attendees: [{ externalUserId: "bot-1" }, UNKNOWN] }, true, []],
    [
      "an externalUserId unknown: update",
      { ...valid, attendees: [{ externalUserId: "bot-1" }, { externalUserId: UNKNOWN }] },
      true,
      [],
    ],
    [
      "capabilities unknown: update",
      {
        ...valid,
        attendees: [{ externalUserId: "bot-1", capabilities: UNKNOWN }, { externalUserId: "bot-2" }],
      },
      true,
      [],
    ],
    [
      "one capability unknown: update",
      {
        ...valid,
        attendees: [
          { externalUserId: "bot-1", capabilities: { ...ALL, video: UNKNOWN } },
          { externalUserId: "bot-2" },
        ],
      },
      true,
      [],
    ],
    [
      "meetingId and list unknown: replace",
      { ...valid, meetingId: UNKNOWN, attendees: UNKNOWN },
      true,
      ["meetingId"],
    ],
  ];
  for (const [name, news, changes, replaces] of diffs) {
    it(`diff: ${name}`, () => {
      const olds = { ...valid, joinInfo: current };
      expect(diffBatch(olds, news as unknown as BatchInputs)).to.deep.equal({
        changes,
        replaces,
        deleteBeforeReplace: replaces.length > 0,
      });
    });
  }
});

describe("AttendeeBatch failure messages", () => {
  const M = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
  const AFTER =
    "Any others exist and are recorded; fix the inputs (or make room in the meeting) and run `pulumi up` again: it adopts what exists.";

  it("per-attendee errors of BatchCreateAttendee: each named by its place in the declared list (or not, when Chime names another) and its length, Chime's code and masked message, the RequestId", () => {
    const message = describeBatchErrors(
      M,
      3,
      [
        { ExternalUserId: "bot-1", ErrorCode: "Conflict", ErrorMessage: "bot-1 exists" },
        { ExternalUserId: "ghost", ErrorCode: "BadRequest" },
      ],
      [{ externalUserId: "bot-1" }, { externalUserId: "bot-2" }],
      "req-1",
    );
    expect(message).to.equal(
      `Chime BatchCreateAttendee could not create 2 of 3 attendees in meeting "${M}" (RequestId req-1): ` +
        "attendees[0].externalUserId (5 characters): Conflict: [externalUserId] exists; " +
        `externalUserId (5 characters): BadRequest: . ${AFTER}`,
    );
  });

  it("a secret meetingId is described by its length, and no RequestId is named when there is none", () => {
    const message = describeBatchErrors(M, 1, [{ ErrorCode: "X", ErrorMessage: "m" }], undefined, undefined, [
      "meetingId",
    ]);
    expect(message).to.equal(
      `Chime BatchCreateAttendee could not create 1 of 1 attendees in meetingId (36 characters): externalUserId (0 characters): X: m. ${AFTER}`,
    );
  });

  const chunks: [string, unknown, string][] = [
    ["an Error, its closing period and spaces dropped", new Error("Chime failed.  "), "Chime failed"],
    ["a thrown string, a period inside kept", "boom. x", "boom. x"],
  ];
  for (const [what, error, reason] of chunks) {
    it(`a chunk whose request failed, with ${what}: which attendees were not created, and why`, () => {
      expect(describeChunkFailure({ first: 101, last: 200 }, 250, error)).to.equal(
        `Attendees 101 to 250 of the 250 to create were not created (the request for 101–200 failed): ${reason}`,
      );
    });
  }
});

describe("AttendeeBatch provider against the local endpoint", () => {
  const ctx = useProviderEndpoint();
  const provider = new AttendeeBatchProvider();
  const checked = (news: Record<string, unknown>) => {
    const { inputs, failures } = checkBatch(undefined, news, "us-east-1");
    expect(failures).to.deep.equal([]);
    return inputs as BatchInputs;
  };

  it("GIVEN 100 attendees WHEN created THEN one BatchCreateAttendee request makes them all, with secrets in joinInfo", async () => {
    const meetingId = (await newMeeting(ctx.client)).MeetingId;
    ctx.local.resetCounters();
    const attendees = Array.from({ length: 100 }, (_, n) => ({ externalUserId: `bot-${n}` }));
    const { outs } = await provider.create(checked({ meetingId, attendees }));
    expect(ctx.local.counters().BatchCreateAttendee).to.equal(1);
    expect(ctx.local.totalRequests()).to.equal(1);
    const onServer = ctx.local.attendees(meetingId);
    expect(onServer).to.have.length(100);
    const bot7 = onServer.find((a) => a.externalUserId === "bot-7");
    expect(outs.joinInfo["bot-7"]).to.include({ attendeeId: bot7?.attendeeId, joinToken: bot7?.joinToken });
  });

  describe("lifecycle: create → read → update (add, remove, capabilities) → drift → delete", () => {
    let meetingId: string;
    let id: string;
    let outs: BatchOutputs;

    it("GIVEN an existing attendee WHEN a batch declares it with others THEN it is adopted and its capabilities set", async () => {
      meetingId = (await newMeeting(ctx.client)).MeetingId;
      const existing = await newAttendee(ctx.client, meetingId, "bot-1");
      const created = await provider.create(
        checked({
          meetingId,
          attendees: [{ externalUserId: "bot-1", capabilities: NONE }, { externalUserId: "bot-2" }],
        }),
      );
      id = created.id;
      outs = created.outs as BatchOutputs;
      expect(outs.joinInfo["bot-1"]).to.deep.equal({
        attendeeId: existing.AttendeeId,
        joinToken: existing.JoinToken,
        capabilities: NONE,
      });
      expect(ctx.local.attendees(meetingId)).to.have.length(2);
    });

    it("WHEN read THEN props are unchanged, and no inputs come back: the engine keeps the recorded ones (issue 21)", async () => {
      const read = await provider.read(id, outs);
      expect(read.props).to.deep.equal(outs);
      expect(read).not.to.have.property("inputs");
    });

    it("WHEN one is removed and one added THEN exactly those change; the kept one keeps its token", async () => {
      const news = checked({
        meetingId,
        attendees: [{ externalUserId: "bot-1", capabilities: NONE }, { externalUserId: "bot-3" }],
      });
      expect((await provider.diff(id, outs, news)).replaces).to.deep.equal([]);
      const { outs: updated } = await provider.update(id, outs, news);
      expect(Object.keys(updated.joinInfo).sort()).to.deep.equal(["bot-1", "bot-3"]);
      expect(updated.joinInfo["bot-1"].joinToken).to.equal(outs.joinInfo["bot-1"].joinToken);
      expect(
        ctx.local
          .attendees(meetingId)
          .map((a) => a.externalUserId)
          .sort(),
      ).to.deep.equal(["bot-1", "bot-3"]);
      outs = updated as BatchOutputs;
    });

    it("GIVEN one deleted out of band WHEN read THEN it is missing, and update recreates it", async () => {
      await ctx.client.send(
        new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: outs.joinInfo["bot-3"].attendeeId }),
      );
      const read = await provider.read(id, outs);
      expect(Object.keys(read.props?.joinInfo ?? {})).to.deep.equal(["bot-1"]);
      const drifted = read.props as BatchOutputs;
      expect((await provider.diff(id, drifted, outs)).changes).to.equal(true);
      const { outs: healed } = await provider.update(id, drifted, outs);
      expect(Object.keys(healed.joinInfo).sort()).to.deep.equal(["bot-1", "bot-3"]);
      outs = healed as BatchOutputs;
    });

    it("WHEN deleted THEN the meeting has none of them; deleting again succeeds", async () => {
      await provider.delete(id, outs);
      expect(ctx.local.attendees(meetingId)).to.deep.equal([]);
      await provider.delete(id, outs);
      expect((await provider.read(id, outs)).id).to.equal("");
    });
  });

  it("GIVEN a meeting with room for 2 WHEN a batch of 3 is created THEN it fails naming the one left out, records the batch without secrets, and a smaller batch completes it", async () => {
    const meetingId = (await newMeeting(ctx.client, { MeetingFeatures: { Attendee: { MaxCount: 2 } } }))
      .MeetingId;
    const inputs = checked({
      meetingId,
      attendees: [{ externalUserId: "a-1" }, { externalUserId: "a-2" }, { externalUserId: "a-3" }],
    });
    let failure: (Error & { id?: string; properties?: BatchInputs }) | undefined;
    try {
      await provider.create(inputs);
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure?.message).to.include("could not create 1 of 3");
    // Named by its place in the list and its length: ExternalUserId is sensitive in the AWS model.
    expect(failure?.message).to.include(
      "attendees[2].externalUserId (3 characters): ResourceLimitExceeded: ",
    );
    expect(failure?.message).to.match(/RequestId [0-9a-f-]{36}/);
    // Ids (the meeting's, the RequestId) are UUIDs, which can hold "a-3" by chance (a group ending in
    // "a" before one starting with "3": seen once in a run): the externalUserId is looked for outside them.
    expect(failure?.message.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, "<uuid>")).not.to.include(
      "a-3",
    );
    expect(failure?.id).to.be.a("string");
    // The engine prints an init failure's reasons, not its message (regression: issue 9, item 2): the
    // reason carries the per-attendee detail.
    const reasons = (failure as { reasons?: string[] }).reasons ?? [];
    expect(reasons).to.have.length(1);
    expect(reasons[0]).to.include("attendees[2].externalUserId (3 characters): ResourceLimitExceeded: ");
    const onServer = ctx.local.attendees(meetingId);
    expect(onServer).to.have.length(2);
    for (const a of onServer) expect(JSON.stringify(failure?.properties)).not.to.include(a.joinToken);
    const smaller = checked({ meetingId, attendees: [{ externalUserId: "a-1" }, { externalUserId: "a-2" }] });
    const recorded = failure?.properties as BatchInputs;
    expect((await provider.diff(failure?.id as string, recorded, smaller)).changes).to.equal(true);
    const { outs } = await provider.update(failure?.id as string, recorded, smaller);
    expect(Object.keys(outs.joinInfo).sort()).to.deep.equal(["a-1", "a-2"]);
  });

  describe("a whole meeting: 250 attendees, 100 a request", () => {
    const bots = (n: number) => Array.from({ length: n }, (_, i) => ({ externalUserId: `bot-${i}` }));

    /** Runs `call`, expecting it to fail as an init failure that records the batch (an id and the inputs). */
    async function recordedFailure(call: Promise<unknown>) {
      try {
        await call;
      } catch (error) {
        const failure = error as Error & { id?: string; properties?: BatchInputs };
        expect(failure.id, "the batch is recorded").to.be.a("string");
        expect(failure.properties).not.to.have.property("joinInfo");
        return failure as Error & { id: string; properties: BatchInputs };
      }
      throw new Error("expected the call to fail");
    }

    /** Every externalUserId of the meeting once, and the attendeeIds by externalUserId. */
    function onServer(meetingId: string): Map<string, string> {
      const attendees = ctx.local.attendees(meetingId);
      const byName = new Map(attendees.map((a) => [a.externalUserId, a.attendeeId]));
      expect(byName.size, "no duplicates").to.equal(attendees.length);
      return byName;
    }

    it("GIVEN 250 attendees WHEN created THEN 3 BatchCreateAttendee requests (100, 100, 50) make them all, and a read lists them in 3 pages", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      ctx.local.resetCounters();
      const { id, outs } = await provider.create(checked({ meetingId, attendees: bots(250) }));
      expect(ctx.local.counters().BatchCreateAttendee).to.equal(3);
      expect(ctx.local.totalRequests()).to.equal(3);
      const server = onServer(meetingId);
      expect(server.size).to.equal(250);
      expect(Object.keys(outs.joinInfo)).to.have.length(250);
      for (const [name, info] of Object.entries(outs.joinInfo))
        expect(info.attendeeId).to.equal(server.get(name));
      ctx.local.resetCounters();
      expect((await provider.read(id, outs)).props).to.deep.equal(outs);
      expect(ctx.local.counters()).to.include({ ListAttendees: 3, GetAttendee: 0 });
    });

    it("GIVEN an attendee in the second chunk that the meeting refuses WHEN 250 are created THEN the failure names it, the 249 others exist and are recorded, and a rerun with it fixed converges without duplicates", async () => {
      // Video off in the meeting: an attendee declaring video is refused (a per-item error, HTTP 200).
      const meetingId = (
        await newMeeting(ctx.client, { MeetingFeatures: { Video: { MaxResolution: "None" } } })
      ).MeetingId;
      const declared = bots(250).map((m, i) =>
        i === 150
          ? { ...m, capabilities: { audio: "SendReceive", video: "SendReceive", content: "None" } }
          : m,
      );
      const failure = await recordedFailure(provider.create(checked({ meetingId, attendees: declared })));
      expect(failure.message)
        .to.include("could not create 1 of 250")
        .and.include("attendees[150].externalUserId");
      const first = onServer(meetingId);
      expect(first.size).to.equal(249);
      expect(first.has("bot-150")).to.equal(false);
      const fixed = checked({ meetingId, attendees: bots(250) });
      const { outs } = await provider.update(failure.id, failure.properties, fixed);
      const second = onServer(meetingId);
      expect(second.size).to.equal(250);
      for (const [name, attendeeId] of first) expect(second.get(name)).to.equal(attendeeId);
      expect(Object.keys(outs.joinInfo)).to.have.length(250);
    });

    it("GIVEN the second chunk's request failing beyond the retries (its answers lost) WHEN 250 are created THEN it stops there naming the attendees not created, records the batch, and a rerun adopts the rest without duplicates", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      ctx.local.resetCounters();
      // The first BatchCreateAttendee passes; the next 5 (all attempts of the second) run but lose their answer.
      ctx.local.setFaults({
        resetRate: 1,
        resetAfterExecution: true,
        skip: 1,
        count: 5,
        operations: ["BatchCreateAttendee"],
      });
      let failure: Error & { id: string; properties: BatchInputs };
      try {
        failure = await recordedFailure(provider.create(checked({ meetingId, attendees: bots(250) })));
      } finally {
        ctx.local.setFaults(undefined);
      }
      expect(failure.message)
        .to.include("Attendees 101 to 250 of the 250 to create were not created")
        .and.include("101–200")
        .and.include("pulumi up");
      expect(
        ctx.local.counters().BatchCreateAttendee,
        "1 + 5 attempts; the third chunk is not sent",
      ).to.equal(6);
      const first = onServer(meetingId);
      expect(first.size).to.equal(200);
      const { outs } = await provider.update(
        failure.id,
        failure.properties,
        checked({ meetingId, attendees: bots(250) }),
      );
      const second = onServer(meetingId);
      expect(second.size).to.equal(250);
      for (const [name, attendeeId] of first) expect(second.get(name)).to.equal(attendeeId);
      for (const [name, info] of Object.entries(outs.joinInfo))
        expect(info.attendeeId).to.equal(second.get(name));
    });
  });

  it("GIVEN a meeting that has ended WHEN a batch is created THEN it fails with advice and records nothing", async () => {
    const meetingId = (await newMeeting(ctx.client)).MeetingId;
    ctx.local.endMeeting(meetingId);
    let failure: (Error & { id?: string }) | undefined;
    try {
      await provider.create(checked({ meetingId, attendees: [{ externalUserId: "late" }] }));
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure?.message).to.include("BatchCreateAttendee").and.include("meeting has ended");
    expect(failure?.id).to.equal(undefined);
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-resources.test.ts): kept with this behaviour's tests.
{
  const { MEETING, OTHER_MEETING, ALL, NONE, member, join, batchState } = fixtures;

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("AttendeeBatch check", [
  ["the limits", () => [MAX_BATCH, BATCH_REQUEST_SIZE], [250, 100]],
  ["a batch, normalised", () => checkBatch(undefined, { meetingId: MEETING, attendees: [{ externalUserId: "u1", capabilities: undefined }, member("u2", NONE)] }, "us-east-1"), { inputs: { meetingId: MEETING, attendees: [member("u1"), member("u2", NONE)], region: "us-east-1" }, failures: [] }],
  ["250 attendees", () => checkBatch(undefined, { meetingId: MEETING, attendees: Array.from({ length: 250 }, (_, i) => member(`u${i}`)) }, "us-east-1").failures, []],
  ["251 attendees: described by their number", () => checkBatch(undefined, { meetingId: MEETING, attendees: Array.from({ length: 251 }, (_, i) => member(`u${i}`)) }, "us-east-1").failures, [{ property: "attendees", reason: "attendees must be a list of 1 to 250 attendees; got 251 attendees" }]],
  ["none", () => checkBatch(undefined, { meetingId: MEETING, attendees: [] }, "us-east-1").failures, [{ property: "attendees", reason: "attendees must be a list of 1 to 250 attendees; got 0 attendees" }]],
  ["not a list", () => checkBatch(undefined, { meetingId: MEETING, attendees: "u1" }, "us-east-1").failures, [{ property: "attendees", reason: 'attendees must be a list of 1 to 250 attendees; got "u1"' }]],
  ["an unknown list", () => checkBatch(undefined, { meetingId: MEETING, attendees: UNKNOWN }, "us-east-1"), { inputs: { meetingId: MEETING, attendees: UNKNOWN, region: "us-east-1" }, failures: [] }],
  ["an item that is not an object", () => checkBatch(undefined, { meetingId: MEETING, attendees: ["u1", null] }, "us-east-1"), { inputs: { meetingId: MEETING, attendees: ["u1", null], region: "us-east-1" }, failures: [{ property: "attendees[0]", reason: 'attendees[0] must be an object with externalUserId and capabilities; got "u1"' }, { property: "attendees[1]", reason: "attendees[1] must be an object with externalUserId and capabilities; got null" }] }],
  ["an unknown item and an unknown id pass", () => checkBatch(undefined, { meetingId: MEETING, attendees: [UNKNOWN, { externalUserId: UNKNOWN }, { externalUserId: UNKNOWN }] }, "us-east-1").failures, []],
  ["a repeated id: named with the first", () => checkBatch(undefined, { meetingId: MEETING, attendees: [member("u1"), member("u2"), member("u1"), member("u1")] }, "us-east-1").failures, [{ property: "attendees[2].externalUserId", reason: "attendees[2].externalUserId must be unique in the batch; it repeats attendees[0].externalUserId" }, { property: "attendees[3].externalUserId", reason: "attendees[3].externalUserId must be unique in the batch; it repeats attendees[0].externalUserId" }]],
  ["a repeated invalid id: only its own failure", () => checkBatch(undefined, { meetingId: MEETING, attendees: [member("a"), member("a")] }, "us-east-1").failures.map((f) => f.reason), ["attendees[0].externalUserId must be 2 to 64 characters long; got a value (1 characters)", "attendees[1].externalUserId must be 2 to 64 characters long; got a value (1 characters)"]],
  ["bad capabilities of an item", () => checkBatch(undefined, { meetingId: MEETING, attendees: [{ externalUserId: "u1", capabilities: "all" }] }, "us-east-1").failures.map((f) => f.property), ["attendees[0].capabilities"]],
  ["an unknown meetingId passes", () => checkBatch(undefined, { meetingId: UNKNOWN, attendees: [member("u1")] }, "us-east-1").failures, []],
  ["a malformed meetingId", () => checkBatch(undefined, { meetingId: "m", attendees: [member("u1")] }, "us-east-1").failures, [{ property: "meetingId", reason: 'meetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "m"' }]],
  ["an invalid externalUserId, named by its path", () => checkBatch(undefined, { meetingId: MEETING, attendees: [member("u1"), member("aws:u")] }, "us-east-1").failures, [{ property: "attendees[1].externalUserId", reason: 'attendees[1].externalUserId must not start with the reserved prefix "aws:"; got a value (5 characters) that does' }]],
  ["the old region is carried over", () => checkBatch({ region: "eu-west-2" }, { meetingId: MEETING, attendees: [member("u1")] }, "us-east-1").inputs.region, "eu-west-2"],
  ["no region anywhere", () => checkBatch(undefined, { meetingId: MEETING, attendees: [member("u1")] }, undefined).failures.map((f) => f.property), ["region"]],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("AttendeeBatch diff and plan", [
  ["chunks of 100", () => inChunks(Array.from({ length: 201 }, (_, i) => i)).map((c) => [c.first, c.last, c.items.length]), [[1, 100, 100], [101, 200, 100], [201, 201, 1]]],
  ["chunks of a given size", () => inChunks(["a", "b", "c"], 2), [{ items: ["a", "b"], first: 1, last: 2 }, { items: ["c"], first: 3, last: 3 }]],
  ["no chunks of nothing", () => inChunks([]), []],
  ["plan: remove, create, set capabilities", () => planBatch({ u1: join(), u2: join() }, [member("u1", NONE), member("u3")]), { remove: ["u2"], create: [member("u3")], setCapabilities: [{ externalUserId: "u1", capabilities: NONE }] }],
  ["plan: undeclared capabilities are left alone", () => planBatch({ u1: join(NONE) }, [member("u1")]), { remove: [], create: [], setCapabilities: [] }],
  ["plan: same capabilities", () => planBatch({ u1: join(NONE) }, [member("u1", NONE)]), { remove: [], create: [], setCapabilities: [] }],
  ["plan: from no join info", () => planBatch(undefined, [member("u1")]), { remove: [], create: [member("u1")], setCapabilities: [] }],
  ["nothing changed", () => diffBatch(batchState(), batchState()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["another meeting: replaced, deleting first", () => diffBatch(batchState(), { ...batchState(), meetingId: OTHER_MEETING }), { changes: true, replaces: ["meetingId"], deleteBeforeReplace: true }],
  ["another region", () => diffBatch(batchState(), { ...batchState(), region: "eu-west-2" }), { changes: true, replaces: ["region"], deleteBeforeReplace: true }],
  ["an unknown meetingId", () => diffBatch(batchState(), { ...batchState(), meetingId: UNKNOWN }), { changes: true, replaces: ["meetingId"], deleteBeforeReplace: true }],
  ["no join info (a create that failed part-way): an update", () => diffBatch(batchState({ joinInfo: undefined }), batchState()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["no join info: an update whatever is declared (regression row: the half-made state is completed)", () => diffBatch(batchState({ attendees: [], joinInfo: undefined }), batchState({ attendees: [] })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["capabilities no longer declared: an update that records the inputs (nothing to call)", () => diffBatch(batchState({ attendees: [member("u1", NONE)], joinInfo: { u1: join(NONE) } }), batchState({ attendees: [member("u1")] })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["the same attendees in another order: an update that records the inputs", () => diffBatch(batchState({ attendees: [member("u1"), member("u2")], joinInfo: { u1: join(), u2: join() } }), batchState({ attendees: [member("u2"), member("u1")] })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["an unknown item: an update", () => diffBatch(batchState(), { ...batchState(), attendees: [UNKNOWN as never] }), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["an added attendee: an update", () => diffBatch(batchState(), { ...batchState(), attendees: [member("u1"), member("u2")] }), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["an attendee deleted out of band (inputs the same): an update", () => diffBatch(batchState({ joinInfo: {} }), batchState()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["an attendee left over (inputs the same): an update", () => diffBatch(batchState({ joinInfo: { u1: join(), u9: join() } }), batchState()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["capabilities changed out of band (inputs the same): an update", () => diffBatch(batchState({ attendees: [member("u1", NONE)], joinInfo: { u1: join(ALL) } }), batchState({ attendees: [member("u1", NONE)] })), { changes: true, replaces: [], deleteBeforeReplace: false }],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("AttendeeBatch state: join info", [
  ["from created attendees", () => joinInfoFrom([{ ExternalUserId: "u1", AttendeeId: "a1", JoinToken: "t1", Capabilities: { Audio: "None", Video: "None", Content: "None" } }]), { u1: { attendeeId: "a1", joinToken: "t1", capabilities: NONE } }],
  ["a listing without tokens takes the previous ones", () => joinInfoFrom([{ ExternalUserId: "u1", AttendeeId: "a1" }], { u1: { attendeeId: "a0", joinToken: "t0", capabilities: NONE } }), { u1: { attendeeId: "a1", joinToken: "t0", capabilities: ALL } }],
  ["an attendee without a token anywhere is left out", () => joinInfoFrom([{ ExternalUserId: "u1", AttendeeId: "a1" }], {}), {}],
  ["an attendee without an id is left out", () => joinInfoFrom([{ ExternalUserId: "u1", JoinToken: "t" }]), {}],
  ["an attendee without an externalUserId is left out", () => joinInfoFrom([{ AttendeeId: "a1", JoinToken: "t" }]), {}],
  ["a previous entry of another attendee is not used", () => joinInfoFrom([{ ExternalUserId: "u1", AttendeeId: "a1" }], { u2: join() }), {}],
]);
}

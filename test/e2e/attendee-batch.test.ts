/** AttendeeBatch on the real Pulumi engine: up, no-op, update of the list, drift, destroy, state audit. */
import { join } from "node:path";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { auditOutput, auditState } from "./support/audit";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { previewPlan, upWithOps } from "./support/plan";

describe("End to end on the Pulumi engine: an AttendeeBatch", function () {
  this.timeout(240_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  let printed = "";
  const secrets = () => {
    const [meeting] = local.meetings();
    return local.attendees(meeting.meetingId).flatMap((a) => [a.joinToken, a.attendeeId]);
  };
  const bots = (n: number, from = 1) =>
    JSON.stringify(Array.from({ length: n }, (_, i) => `bot-${from + i}`));

  before(async () => {
    requireEngine();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "attendee-batch"), local, backend.url, { bots: bots(30) });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
  });

  it("GIVEN 30 bots WHEN up THEN one BatchCreateAttendee makes them, and joinInfo is a secret equal to the endpoint's", async () => {
    const up = await program.stack.up();
    printed += up.stdout + up.stderr;
    expect(up.summary.resourceChanges?.create).to.equal(3);
    expect(local.counters().BatchCreateAttendee).to.equal(1);
    expect(local.counters().CreateAttendee).to.equal(0);
    const [meeting] = local.meetings();
    const bot9 = local.attendees(meeting.meetingId).find((a) => a.externalUserId === "bot-9");
    expect(up.outputs.joinInfo.secret).to.equal(true);
    expect(up.outputs.joinInfo.value["bot-9"]).to.include({
      attendeeId: bot9?.attendeeId,
      joinToken: bot9?.joinToken,
    });
    auditState(backend.dir, secrets(), local.url);
  });

  it("WHEN previewed and refreshed THEN nothing changes", async () => {
    expect((await program.stack.preview()).changeSummary).to.deep.equal({ same: 3 });
    const refresh = await program.stack.refresh();
    printed += refresh.stdout + refresh.stderr;
    expect(refresh.summary.resourceChanges).to.deep.equal({ same: 3 });
    expect((await program.stack.preview()).changeSummary).to.deep.equal({ same: 3 });
  });

  it("WHEN the list drops 5 bots and adds 5 others THEN the batch is updated in place and the endpoint follows", async () => {
    await program.stack.setConfig("bots", { value: bots(30, 6) });
    const plan = await previewPlan(program);
    expect(plan).to.deep.equal({ meeting: "same", bots: "update" });
    const up = await upWithOps(program);
    expect(up.ops).to.deep.equal(plan);
    printed += up.stdout + up.stderr;
    expect(up.summary.resourceChanges).to.deep.equal({ same: 2, update: 1 });
    const [meeting] = local.meetings();
    const names = local.attendees(meeting.meetingId).map((a) => a.externalUserId);
    expect(names).to.have.length(30);
    expect(names).not.to.include("bot-1");
    expect(names).to.include("bot-35");
    auditState(backend.dir, secrets(), local.url);
  });

  it("WHEN destroyed THEN the endpoint is empty, and nothing secret was printed", async () => {
    const all = secrets();
    const destroy = await program.stack.destroy();
    printed += destroy.stdout + destroy.stderr;
    expect(local.meetings()).to.deep.equal([]);
    auditOutput(printed, all);
  });
});

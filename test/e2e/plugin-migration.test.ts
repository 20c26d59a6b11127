/**
 * Moving a stack from the dynamic classes to the provider plugin without new tokens (issue 14 item 8),
 * on the real engine against the local endpoint. The path:
 *   1. `pulumi state delete` the dynamic resources (attendees first): nothing is called, Chime keeps them;
 *   2. declare the plugin's resources with the same inputs, the meeting with the `import` resource
 *      option (its MeetingId), the attendees as they were;
 *   3. `pulumi up`: the meeting is imported, each attendee is created, and CreateAttendee, idempotent on
 *      externalUserId, returns the attendee the meeting already has: same AttendeeId, same JoinToken.
 * The steps of the `describe` run in order on one stack.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { providePluginToEngine } from "../support/plugin-under-test";
import { auditOutput, auditState } from "./support/audit";
import { pulumiOk } from "./support/cli";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { previewPlan, upWithOps } from "./support/plan";

describe("End to end on the Pulumi engine: from the dynamic classes to the plugin, keeping every token", function () {
  this.timeout(300_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  let printed = "";
  let unprovide = () => {};
  let before_: { roomId: string; attendeeId: string; joinToken: string };
  const secrets = () =>
    local.meetings().flatMap((m) => local.attendees(m.meetingId).flatMap((a) => [a.attendeeId, a.joinToken]));
  /** The resources of the stack's checkpoint: URN and type. */
  const stateResources = (): { urn: string; type: string }[] => {
    const dir = join(backend.dir, ".pulumi", "stacks");
    const file = readdirSync(dir, { recursive: true, encoding: "utf8" }).find((f) =>
      f.endsWith(`${program.stack.name}.json`),
    );
    return JSON.parse(readFileSync(join(dir, file as string), "utf8")).checkpoint.latest.resources;
  };
  const typeOf = (name: string) => stateResources().find((r) => r.urn.endsWith(`::${name}`))?.type;

  before(async () => {
    requireEngine();
    // The plugin CHIME_PLUGIN selects (test/support/plugin-under-test.ts), where the engine finds it.
    unprovide = providePluginToEngine();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "plugin-migration"), local, backend.url, {
      phase: "dynamic",
    });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
    unprovide();
  });

  it("1. GIVEN a meeting and an attendee of the dynamic classes", async () => {
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal({ room: "create", kiosk: "create" });
    expect(typeOf("kiosk")).to.equal("pulumi-nodejs:dynamic/chime:Attendee");
    before_ = {
      roomId: up.outputs.roomId.value,
      attendeeId: up.outputs.kioskAttendeeId.value,
      joinToken: up.outputs.kioskJoinToken.value,
    };
  });

  it("2. WHEN they leave the state and the plugin's resources are declared THEN preview and up import the meeting and adopt the attendee", async () => {
    for (const name of ["kiosk", "room"]) {
      const urn = stateResources().find((r) => r.urn.endsWith(`::${name}`))?.urn as string;
      const run = await pulumiOk(program, ["state", "delete", urn, "--yes"]);
      printed += run.stdout + run.stderr;
    }
    await program.stack.setAllConfig({ phase: { value: "plugin" }, roomId: { value: before_.roomId } });
    const plan = await previewPlan(program, [], (text) => {
      printed += text;
    });
    expect(plan).to.deep.equal({ room: "import", kiosk: "create" });
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(plan);
    expect(typeOf("room")).to.equal("chime:index:Meeting");
    expect(typeOf("kiosk")).to.equal("chime:index:Attendee");
    expect({
      roomId: up.outputs.roomId.value,
      attendeeId: up.outputs.kioskAttendeeId.value,
      joinToken: up.outputs.kioskJoinToken.value,
    }).to.deep.equal(before_);
    expect(up.outputs.kioskJoinToken.secret).to.equal(true);
    expect(local.meetings()).to.have.length(1);
    expect(local.attendees(before_.roomId).map((a) => a.attendeeId)).to.deep.equal([before_.attendeeId]);
  });

  it("3. THEN refresh and preview find nothing to change, and no token is in plaintext", async () => {
    const refresh = await pulumiOk(program, ["refresh", "--yes", "--expect-no-changes"]);
    printed += refresh.stdout + refresh.stderr;
    expect(await previewPlan(program)).to.deep.equal({ room: "same", kiosk: "same" });
    auditState(backend.dir, secrets(), local.url, { dynamic: false });
    auditOutput(printed, secrets());
  });

  it("4. WHEN destroyed THEN the meeting and its attendee are deleted", async () => {
    await pulumiOk(program, ["destroy", "--yes"]);
    expect(local.meetings()).to.deep.equal([]);
  });
});

/**
 * Scenario 9 of issue 4, provider upgrade: a stack state made by a real `pulumi up` with an earlier
 * version of the package (test/e2e/fixtures/upgrade-v*; see support/make-upgrade-fixture.ts), imported,
 * refreshed, previewed and destroyed with the current build, shows no diff: the state's serialized shim
 * loads the installed package, and the installed code reads the old state.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { FIXTURE_STACK_CONFIG } from "./support/make-upgrade-fixture";

const FIXTURES = join(__dirname, "fixtures");

for (const fixture of readdirSync(FIXTURES).filter((name) => name.startsWith("upgrade-v"))) {
  describe(`Provider upgrade from the state of ${fixture}`, function () {
    this.timeout(180_000);
    const dir = join(FIXTURES, fixture);
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
    let local: ChimeLocal;
    let backend: ReturnType<typeof makeBackend>;
    let program: ProgramStack;
    let scratch: string;

    before(async () => {
      requireEngine();
      // The endpoint's world as it was when the fixture was made, a minute later.
      scratch = mkdtempSync(join(tmpdir(), "chime-upgrade-"));
      copyFileSync(join(dir, "chime-local-state.json"), join(scratch, "state.json"));
      local = await startChimeLocal({
        stateFile: join(scratch, "state.json"),
        now: () => meta.endpointClock + 60_000,
      });
      backend = makeBackend();
      program = await programStack(
        join(PROGRAMS, "meeting-with-attendees"),
        local,
        backend.url,
        FIXTURE_STACK_CONFIG,
        {
          stackName: meta.stackName,
          configFile: join(dir, "Pulumi.fixture.yaml"),
        },
      );
      await program.stack.workspace.importStack(
        program.stack.name,
        JSON.parse(readFileSync(join(dir, "stack.json"), "utf8")),
      );
    });

    after(async () => {
      await program?.remove();
      backend?.remove();
      await local?.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it("GIVEN the old state WHEN refreshed with the current build THEN it reads every resource and nothing changes", async () => {
      // --run-program: refresh otherwise configures the default provider from the stack config recorded
      // in state at the last up, whose chime:endpoint is the fixture maker's long-gone endpoint.
      const refresh = await program.stack.refresh({ runProgram: true });
      expect(refresh.summary.resourceChanges).to.deep.equal({ same: 4 });
      expect(local.counters().GetMeeting).to.equal(1);
      expect(local.counters().GetAttendee).to.equal(2);
    });

    it("THEN a preview shows no diff", async () => {
      expect((await program.stack.preview()).changeSummary).to.deep.equal({ same: 4 });
    });

    it("THEN the secrets in the old state still decrypt to what the endpoint holds", async () => {
      const outputs = await program.stack.outputs();
      const [meeting] = local.meetings();
      const kiosk = local.attendees(meeting.meetingId).find((a) => a.externalUserId === "kiosk-a");
      expect(outputs.kioskJoinToken).to.deep.equal({ value: kiosk?.joinToken, secret: true });
    });

    it("WHEN updated with the current build THEN no resource changes", async () => {
      // This also records the current stack config in the default provider's state, which destroy uses.
      const up = await program.stack.up();
      expect(up.summary.resourceChanges).to.deep.equal({ same: 4 });
    });

    it("WHEN destroyed with the current build THEN the endpoint is left empty", async () => {
      await program.stack.destroy();
      expect(local.meetings()).to.deep.equal([]);
    });
  });
}

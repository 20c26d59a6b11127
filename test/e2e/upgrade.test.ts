/**
 * Scenario 9 of issue 4, provider upgrade: a stack state made by a real `pulumi up` with an earlier
 * version of the package (test/e2e/fixtures/upgrade-v*; see support/make-upgrade-fixture.ts), imported,
 * refreshed, previewed and destroyed with the current build, shows no diff: the state's serialized shim
 * loads the installed package, and the installed code reads the old state.
 *
 * The one change v0.1.0 stacks see (issue 8): a Meeting with tags gets a MeetingTags child, so the
 * first preview and up after the upgrade create that child, adopting the tags the meeting already
 * has, and leave every old resource as it is. The ClientRequestToken v0.1.0 stored leaves the state
 * without a diff.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListTagsForResourceCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor } from "../emulator/helpers";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { FIXTURE_STACK_CONFIG } from "./support/make-upgrade-fixture";
import { previewPlan, upWithOps } from "./support/plan";

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

    const meetingTags = async () => {
      const [meeting] = local.meetings();
      const client = clientFor(local);
      const listed = await client.send(
        new ListTagsForResourceCommand({
          ResourceARN: `arn:aws:chime:us-east-1:123456789012:meeting/${meeting.meetingId}`,
        }),
      );
      client.destroy();
      return Object.fromEntries((listed.Tags ?? []).map((t) => [t.Key, t.Value]));
    };
    const exported = async () => JSON.stringify(await program.stack.exportStack());

    it("GIVEN the old state WHEN previewed with the current build THEN it plans one create, the meeting's MeetingTags child, and no change to the old resources", async () => {
      expect(await previewPlan(program)).to.deep.equal({
        meeting: "same",
        "meeting-tags": "create",
        kiosk: "same",
        bot: "same",
      });
      expect((await program.stack.preview()).changeSummary).to.deep.equal({ same: 4, create: 1 });
    });

    it("WHEN refreshed with the current build THEN it reads every resource and nothing changes", async () => {
      // --run-program: refresh otherwise configures the default provider from the stack config recorded
      // in state at the last up, whose chime:endpoint is the fixture maker's long-gone endpoint.
      expect(await exported()).to.include("clientRequestToken");
      const refresh = await program.stack.refresh({ runProgram: true });
      // 4 resources in state, plus the MeetingTags child the program now declares: the engine counts it
      // as same, but a refresh creates nothing (the state has no MeetingTags; the next preview creates it).
      expect(refresh.summary.resourceChanges).to.deep.equal({ same: 5 });
      expect(await exported()).not.to.include("chime:MeetingTags");
      expect(local.counters().GetMeeting).to.equal(1);
      expect(local.counters().GetAttendee).to.equal(2);
      // The refreshed meeting's state no longer holds the ClientRequestToken v0.1.0 stored.
      expect(await exported()).not.to.include("clientRequestToken");
    });

    it("THEN the secrets in the old state still decrypt to what the endpoint holds", async () => {
      const outputs = await program.stack.outputs();
      const [meeting] = local.meetings();
      const kiosk = local.attendees(meeting.meetingId).find((a) => a.externalUserId === "kiosk-a");
      expect(outputs.kioskJoinToken).to.deep.equal({ value: kiosk?.joinToken, secret: true });
    });

    it("WHEN updated with the current build THEN it creates the MeetingTags child, adopting the meeting's tags with no change on the endpoint, and changes nothing else", async () => {
      // This also records the current stack config in the default provider's state, which destroy uses.
      const [before] = local.meetings();
      expect(await meetingTags()).to.deep.equal({ team: "support" });
      local.resetCounters();
      const up = await upWithOps(program);
      expect(up.ops).to.deep.equal({ meeting: "same", "meeting-tags": "create", kiosk: "same", bot: "same" });
      expect(up.summary.resourceChanges).to.deep.equal({ same: 4, create: 1 });
      const { CreateMeeting, DeleteMeeting, TagResource, UntagResource } = local.counters();
      expect({ CreateMeeting, DeleteMeeting, TagResource, UntagResource }).to.deep.equal({
        CreateMeeting: 0,
        DeleteMeeting: 0,
        TagResource: 0,
        UntagResource: 0,
      });
      expect(local.meetings().map((m) => m.meetingId)).to.deep.equal([before.meetingId]);
      expect(await meetingTags()).to.deep.equal({ team: "support" });
    });

    it("THEN preview, refresh and preview again show no change", async () => {
      await program.stack.preview({ expectNoChanges: true });
      const refresh = await program.stack.refresh();
      expect(refresh.summary.resourceChanges).to.deep.equal({ same: 5 });
      expect((await program.stack.preview()).changeSummary).to.deep.equal({ same: 5 });
    });

    it("WHEN destroyed with the current build THEN the endpoint is left empty", async () => {
      await program.stack.destroy();
      expect(local.meetings()).to.deep.equal([]);
    });
  });
}

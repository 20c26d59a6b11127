/**
 * Preview tells the truth (issue 8): one stack, edited step by step through its config; at each step
 * the per-resource plan of `pulumi preview --json` is what the edit means, `pulumi up` then performs
 * exactly that plan, and `pulumi preview --expect-no-changes` passes right after.
 *
 * Resources of the program (test/e2e/programs/plan-steps): the Meeting "meeting" and its tags
 * ("meeting-tags"), the Attendees "kiosk" (declared capabilities) and "bot" (Chime's default
 * capabilities), the AttendeeBatch "bots", the Meeting "lobby", and the AttendeeBatch "guests" whose
 * list is computed from the lobby's meetingId.
 */

import { join } from "node:path";
import { ListTagsForResourceCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor } from "../emulator/helpers";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { type Ops, previewPlan, refreshWithDrift, upWithOps } from "./support/plan";

const ALL = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };
const NONE = { audio: "None", video: "None", content: "None" };
const RESOURCES = ["meeting", "meeting-tags", "kiosk", "bot", "bots", "lobby", "guests"] as const;
type Resource = (typeof RESOURCES)[number];

/** Every resource `same`, but those named. */
function planned(ops: Partial<Record<Resource, string>> = {}): Ops {
  return Object.fromEntries(RESOURCES.map((name) => [name, ops[name] ?? "same"]));
}
/** Every resource with the same op. */
const all = (op: string): Ops => planned(Object.fromEntries(RESOURCES.map((name) => [name, op])));

describe("End to end on the Pulumi engine: every preview's plan is what up then does", function () {
  // Each step runs the engine three times (preview, up, preview); this machine is small and shared.
  this.timeout(600_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  const config: Record<string, unknown> = {
    region: "us-east-1",
    tags: { team: "a" },
    attendees: [
      { name: "kiosk", externalUserId: "kiosk-1", capabilities: ALL },
      { name: "bot", externalUserId: "bot-1" },
    ],
    bots: [{ externalUserId: "b-1" }, { externalUserId: "b-2" }],
    lobbyRoom: "lobby-1",
  };
  const setConfig = async (changes: Record<string, unknown>) => {
    Object.assign(config, changes);
    for (const [key, value] of Object.entries(changes)) {
      await program.stack.setConfig(key, {
        value: typeof value === "string" ? value : JSON.stringify(value),
      });
    }
  };
  const mainMeeting = () => local.meetings().find((m) => m.externalMeetingId !== config.lobbyRoom);
  const tagsOfMain = async () => {
    const client = clientFor(local);
    const arn = `arn:aws:chime:us-east-1:123456789012:meeting/${mainMeeting()?.meetingId}`;
    const { Tags } = await client.send(new ListTagsForResourceCommand({ ResourceARN: arn }));
    client.destroy();
    return Object.fromEntries((Tags ?? []).map((t) => [t.Key, t.Value]));
  };
  const inMain = () =>
    local
      .attendees(mainMeeting()?.meetingId ?? "")
      .map((a) => a.externalUserId)
      .sort();

  /**
   * GIVEN the edit already made WHEN previewed THEN the plan is `expected`; WHEN up THEN the operations
   * performed are the plan; THEN a preview expecting no changes passes.
   */
  async function step(expected: Ops, options: { refresh?: boolean } = {}) {
    const plan = await previewPlan(program, options.refresh ? ["--refresh"] : []);
    // up runs whatever the plan was, so that one wrong step does not leave its edit to the next ones.
    const { ops: performed } = await upWithOps(program, options);
    expect({ plan, performed }, "the preview's plan and what up then performed").to.deep.equal({
      plan: expected,
      performed: expected,
    });
    // After an up that changed nothing, this preview would repeat the one above.
    if (Object.values(expected).some((op) => op !== "same")) {
      await program.stack.preview({ expectNoChanges: true });
    }
  }

  before(async () => {
    requireEngine();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "plan-steps"), local, backend.url);
    await setConfig(config);
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
  });

  it("0. GIVEN nothing exists THEN preview plans every create, up creates them all and makes no API call in the preview", async () => {
    const plan = await previewPlan(program);
    expect(plan).to.deep.equal(all("create"));
    expect(local.totalRequests()).to.equal(0);
    const { ops: performed } = await upWithOps(program);
    expect(performed).to.deep.equal(plan);
    // That a preview now plans no change is step 1's first check (every resource planned `same`).
    expect(local.meetings()).to.have.length(2);
    expect(inMain()).to.have.length(5); // kiosk, bot, two bots, one guest
  });

  it("1. GIVEN no change THEN every resource is planned and left `same`", async () => {
    await step(planned());
  });

  it("2. GIVEN only the meeting's tags change THEN only its tags are updated: the meeting and its attendees stay", async () => {
    const before = mainMeeting()?.meetingId;
    await setConfig({ tags: { team: "b", "cost-center": "42" } });
    await step(planned({ "meeting-tags": "update" }));
    expect(mainMeeting()?.meetingId).to.equal(before);
    expect(await tagsOfMain()).to.deep.equal({ team: "b", "cost-center": "42" });
  });

  it("3. GIVEN an Attendee's capabilities change THEN it alone is updated in place", async () => {
    await setConfig({
      attendees: [
        {
          name: "kiosk",
          externalUserId: "kiosk-1",
          capabilities: { audio: "SendReceive", video: "Receive", content: "None" },
        },
        { name: "bot", externalUserId: "bot-1" },
      ],
    });
    await step(planned({ kiosk: "update" }));
  });

  it("4. GIVEN an Attendee's externalUserId changes THEN it alone is replaced", async () => {
    await setConfig({
      attendees: [
        {
          name: "kiosk",
          externalUserId: "kiosk-1",
          capabilities: { audio: "SendReceive", video: "Receive", content: "None" },
        },
        { name: "bot", externalUserId: "bot-2" },
      ],
    });
    await step(planned({ bot: "replace" }));
    expect(inMain()).to.include("bot-2").and.not.include("bot-1");
  });

  it("5a. GIVEN a member is added to the AttendeeBatch THEN the batch alone is updated", async () => {
    await setConfig({
      bots: [{ externalUserId: "b-1" }, { externalUserId: "b-2" }, { externalUserId: "b-3" }],
    });
    await step(planned({ bots: "update" }));
    expect(inMain()).to.include("b-3");
  });

  it("5b. GIVEN a member is removed from the AttendeeBatch THEN the batch alone is updated", async () => {
    await setConfig({ bots: [{ externalUserId: "b-2" }, { externalUserId: "b-3" }] });
    await step(planned({ bots: "update" }));
    expect(inMain()).not.to.include("b-1");
  });

  it("5c. GIVEN a member of the AttendeeBatch gets other capabilities THEN the batch alone is updated", async () => {
    await setConfig({ bots: [{ externalUserId: "b-2", capabilities: NONE }, { externalUserId: "b-3" }] });
    await step(planned({ bots: "update" }));
    const b2 = local.attendees(mainMeeting()?.meetingId ?? "").find((a) => a.externalUserId === "b-2");
    expect(b2?.capabilities).to.deep.equal({ Audio: "None", Video: "None", Content: "None" });
  });

  it("6. GIVEN a batch whose list is computed from a meeting being replaced (unknown at preview) THEN the meeting is replaced and the batch updated", async () => {
    await setConfig({ lobbyRoom: "lobby-2" });
    await step(planned({ lobby: "replace", guests: "update" }));
    expect(inMain().filter((id) => id.startsWith("guest-of-"))).to.have.length(1);
  });

  it("7. GIVEN the meeting's externalMeetingId changes THEN the meeting and everything in it are replaced, its tags moved to the new meeting in place", async () => {
    const before = mainMeeting()?.meetingId;
    await setConfig({ room: "plan-room-2" });
    await step(
      planned({
        meeting: "replace",
        "meeting-tags": "update",
        kiosk: "replace",
        bot: "replace",
        bots: "replace",
        guests: "replace",
      }),
    );
    expect(mainMeeting()?.meetingId).not.to.equal(before);
    expect(local.meetings()).to.have.length(2);
    expect(await tagsOfMain()).to.deep.equal({ team: "b", "cost-center": "42" });
  });

  it("8. GIVEN the region changes THEN every resource is replaced (the meeting's tags moved in place)", async () => {
    await setConfig({ region: "us-west-2" });
    await step({ ...all("replace"), "meeting-tags": "update" });
    expect(local.meetings()).to.have.length(2);
  });

  it("9. GIVEN the meeting ended out of band WHEN previewed and up with --refresh THEN the meeting and everything in it are created again", async () => {
    const ended = mainMeeting()?.meetingId as string;
    local.endMeeting(ended);
    await step(
      planned({
        meeting: "create",
        "meeting-tags": "create",
        kiosk: "create",
        bot: "create",
        bots: "create",
        guests: "create",
      }),
      { refresh: true },
    );
    expect(mainMeeting()?.meetingId).not.to.equal(ended);
    expect(inMain()).to.have.length(5);
    expect(await tagsOfMain()).to.deep.equal({ team: "b", "cost-center": "42" });
  });

  it("10. THEN refresh finds no difference anywhere, and up --refresh plans and does nothing (default capabilities included)", async () => {
    const refresh = await refreshWithDrift(program);
    expect(refresh.drift).to.deep.equal({});
    expect(refresh.summary.resourceChanges).to.deep.equal({ same: RESOURCES.length + 1 });
    await step(planned(), { refresh: true });
  });
});

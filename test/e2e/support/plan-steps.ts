/**
 * Preview tells the truth (issue 8): one stack, edited step by step through its config; at each step
 * the per-resource plan of `pulumi preview --json` is what the edit means, `pulumi up` then performs
 * exactly that plan, and `pulumi preview --expect-no-changes` passes right after. The same edits run on
 * a stack of the dynamic classes (`../plan-equals-apply.test.ts`) and on one of the provider plugin's
 * resources (`../plan-equals-apply-plugin.test.ts`, issue 14 item 5).
 *
 * Resources of the program (test/e2e/programs/plan-steps): the Meeting "meeting" and its tags
 * ("meeting-tags"), the Attendees "kiosk" (declared capabilities) and "bot" (Chime's default
 * capabilities), the AttendeeBatch "bots", the Meeting "lobby", and the AttendeeBatch "guests" whose
 * list is computed from the lobby's meetingId. The plans below are written for the dynamic classes;
 * a variant maps them to its own resources (`PLUGIN`: the meeting holds its tags itself).
 */

import { join } from "node:path";
import { ListTagsForResourceCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../../emulator";
import { clientFor } from "../../emulator/helpers";
import { providePluginToEngine } from "../../support/plugin-under-test";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./engine";
import { type Ops, previewPlan, refreshWithDrift, upWithOps } from "./plan";

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

/** The resources a stack is made of, and what each edit plans for them. */
export interface PlanVariant {
  /** What the suite's title says the stack is made of. */
  readonly name: string;
  /** Stack config of the program that selects these resources. */
  readonly config: Record<string, string>;
  /** Whether the engine needs the provider plugin on PATH. */
  readonly plugin: boolean;
  /** The plan of this stack for a plan written for the dynamic classes' resources. */
  ops(dynamic: Ops): Ops;
}

/** The dynamic classes: a Meeting's tags live in its MeetingTags child, "meeting-tags". */
export const DYNAMIC: PlanVariant = { name: "the dynamic classes", config: {}, plugin: false, ops: (o) => o };

/**
 * The provider plugin's resources: its Meeting previews and updates its own tags in place, so there is
 * no "meeting-tags"; where the child would be updated and the meeting left alone, the meeting is
 * updated (in place: its meetingId stays, its attendees `same`), and where the meeting is replaced or
 * created its tags come with it.
 */
export const PLUGIN: PlanVariant = {
  name: "the provider plugin's resources",
  config: { resources: "plugin" },
  plugin: true,
  ops: ({ "meeting-tags": tags, ...rest }) =>
    rest.meeting === "same" && tags === "update" ? { ...rest, meeting: "update" } : rest,
};

export function planEqualsApply(variant: PlanVariant): void {
  describe(`End to end on the Pulumi engine: every preview's plan is what up then does (${variant.name})`, function () {
    steps.call(this, variant);
  });
}

function steps(this: Mocha.Suite, variant: PlanVariant): void {
  // Each step runs the engine three times (preview, up, preview); this machine is small and shared.
  this.timeout(600_000);
  let unprovide = () => {};
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
  async function step(dynamicPlan: Ops, options: { refresh?: boolean } = {}) {
    const expected = variant.ops(dynamicPlan);
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
    // The plugin CHIME_PLUGIN selects (test/support/plugin-under-test.ts), where the engine finds it
    // (PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: no download).
    if (variant.plugin) unprovide = providePluginToEngine();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "plan-steps"), local, backend.url, variant.config);
    await setConfig(config);
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
    unprovide();
  });

  it("0. GIVEN nothing exists THEN preview plans every create, up creates them all and makes no API call in the preview", async () => {
    const plan = await previewPlan(program);
    expect(plan).to.deep.equal(variant.ops(all("create")));
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

  it("2. GIVEN only the meeting's tags change THEN only its tags are updated (its MeetingTags child, or the plugin's meeting in place): the meeting and its attendees stay", async () => {
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
    expect(refresh.summary.resourceChanges).to.deep.equal({
      same: Object.keys(variant.ops(planned())).length + 1,
    });
    await step(planned(), { refresh: true });
  });
}

/**
 * A refresh leaves the inputs the engine holds as they were (issue 21), for every resource kind of both
 * namespaces and both front-ends, so that the next no-op `up` rewrites no resource's state.
 *
 * Regression: a refresh recorded inputs derived from the state read back (an attendee's capabilities
 * the program left to Chime, a meeting without its declared tags, a legacy attendee's `tags: {}`), so
 * the next `check` returned other inputs, and the engine wrote every resource's state again in the next
 * no-op `up`: 2.9× the trivial dynamic mechanism right after a refresh (250 attendees). The plugin was
 * fixed first (`declaredShape`, provider/plugin/server.ts), the dynamic classes in issue 21
 * (`refreshedInputs`, provider/dynamic/read.ts).
 *
 * Drift of what the program declares is still found and corrected: the refreshed outputs carry it.
 *
 * Program: test/e2e/programs/every-kind.
 */
import { join } from "node:path";
import {
  ListTagsForResourceCommand,
  TagResourceCommand,
  UpdateAttendeeCapabilitiesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor, type LiveLegacyMeeting, type LiveMeeting, newMeeting } from "../emulator/helpers";
import { PACKAGE_ROOT } from "../support/program-dir";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { nameOf, type Ops, upWithOps } from "./support/plan";

const ALL = { Audio: "SendReceive", Video: "SendReceive", Content: "SendReceive" };

/** The resources of each front-end's stack: the dynamic Meeting keeps its tags in a MeetingTags child. */
const SHARED = ["meeting", "room", "outside-tags", "kiosk", "bot", "bots"];
const LEGACY = SHARED.map((name) => `legacy-${name}`);
const VARIANTS: readonly {
  name: string;
  config: Record<string, string>;
  plugin: boolean;
  resources: readonly string[];
}[] = [
  {
    name: "the dynamic classes",
    config: {},
    plugin: false,
    resources: [...SHARED, "meeting-tags", ...LEGACY, "legacy-meeting-tags"],
  },
  {
    name: "the provider plugin's resources",
    config: { resources: "plugin" },
    plugin: true,
    resources: [...SHARED, ...LEGACY],
  },
];

interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly inputs?: Record<string, unknown>;
}

/** The inputs the engine holds, per resource of the program (not the stack, not providers), by name. */
async function inputsByResource(program: ProgramStack): Promise<Record<string, unknown>> {
  const exported = await program.stack.exportStack();
  const resources = (exported.deployment as { resources?: StateResource[] }).resources ?? [];
  return Object.fromEntries(
    resources
      .filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
      .map((r) => [nameOf(r.urn), r.inputs ?? {}]),
  );
}

/** The names of the resources whose inputs differ between two snapshots, for a message that names them. */
function changedInputs(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).sort();
}

for (const variant of VARIANTS) {
  describe(`End to end: a refresh keeps the inputs the engine holds, every kind of both namespaces (${variant.name})`, function () {
    this.timeout(600_000);
    const savedPath = process.env.PATH;
    let local: ChimeLocal;
    let backend: ReturnType<typeof makeBackend>;
    let program: ProgramStack;
    let declared: Record<string, unknown>;
    let outside: LiveMeeting;
    let legacyOutside: LiveLegacyMeeting;
    const outsideTags = async () => {
      const client = clientFor(local);
      try {
        const { Tags } = await client.send(
          new ListTagsForResourceCommand({ ResourceARN: outside.MeetingArn }),
        );
        return Object.fromEntries((Tags ?? []).map((t) => [t.Key, t.Value]));
      } finally {
        client.destroy();
      }
    };
    /** Every resource `same`, but those named. */
    const ops = (changed: Ops = {}): Ops =>
      Object.fromEntries(variant.resources.map((name) => [name, changed[name] ?? "same"]));

    before(async () => {
      requireEngine();
      // The engine finds the plugin on PATH (PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: no download).
      if (variant.plugin) process.env.PATH = `${join(PACKAGE_ROOT, "bin")}:${savedPath}`;
      local = await startChimeLocal();
      backend = makeBackend();
      // The meetings of the MeetingTags resources, made out of band (a Meeting manages its own tags).
      const client = clientFor(local);
      const legacyClient = clientFor(local, { dialect: "legacy" });
      try {
        outside = await newMeeting(client);
        legacyOutside = await newMeeting(legacyClient);
      } finally {
        client.destroy();
        legacyClient.destroy();
      }
      program = await programStack(join(PROGRAMS, "every-kind"), local, backend.url, {
        ...variant.config,
        "chime:legacyEndpoint": local.legacy.endpointUrl,
        outsideMeetingId: outside.MeetingId,
        outsideMeetingArn: outside.MeetingArn,
        legacyOutsideMeetingId: legacyOutside.MeetingId,
      });
      const up = await upWithOps(program);
      expect(up.ops).to.deep.equal(ops(Object.fromEntries(variant.resources.map((n) => [n, "create"]))));
      declared = await inputsByResource(program);
    });

    after(async () => {
      process.env.PATH = savedPath;
      await program?.stack.destroy().catch(() => undefined);
      await program?.remove();
      backend?.remove();
      await local?.close();
    });

    it("1. WHEN refreshed THEN the inputs the engine holds for every resource are the ones up recorded", async () => {
      expect(Object.keys(declared).sort()).to.deep.equal([...variant.resources].sort());
      const refresh = await program.stack.refresh();
      expect(refresh.summary.result).to.equal("succeeded");
      const refreshed = await inputsByResource(program);
      const changed = changedInputs(declared, refreshed);
      expect(changed, `resources whose inputs the refresh changed: ${changed.join(", ")}`).to.be.empty;
      expect(refreshed).to.deep.equal(declared);
    });

    it("2. THEN the next up finds every resource the same and leaves every resource's inputs as they were", async () => {
      const up = await upWithOps(program);
      expect(up.ops, JSON.stringify(up.ops)).to.deep.equal(ops());
      expect(up.summary.resourceChanges).to.deep.equal({ same: variant.resources.length + 1 });
      expect(changedInputs(declared, await inputsByResource(program))).to.deep.equal([]);
    });

    it("3. GIVEN declared capabilities and tags changed out of band WHEN up --refresh THEN they are restored in place, and the inputs are still the declared ones", async () => {
      const meeting = local.meetings().find((m) => m.externalMeetingId === "every-kind-room");
      const kiosk = local.attendees(meeting?.meetingId ?? "").find((a) => a.externalUserId === "kiosk-1");
      const legacyMeeting = local.legacy
        .meetings()
        .find((m) => m.externalMeetingId === "every-kind-legacy-room");
      const legacyKiosk = local.legacy
        .attendees(legacyMeeting?.meetingId ?? "")
        .find((a) => a.externalUserId === "kiosk-1");
      expect(kiosk?.capabilities).to.deep.equal(ALL);
      expect(legacyKiosk?.tags).to.deep.equal({ site: "lobby" });
      const client = clientFor(local);
      try {
        await client.send(
          new UpdateAttendeeCapabilitiesCommand({
            MeetingId: meeting?.meetingId,
            AttendeeId: kiosk?.attendeeId,
            Capabilities: { Audio: "Receive", Video: "None", Content: "None" },
          }),
        );
        await client.send(
          new TagResourceCommand({
            ResourceARN: outside.MeetingArn,
            Tags: [{ Key: "intruder", Value: "x" }],
          }),
        );
      } finally {
        client.destroy();
      }
      local.legacy.setMeetingTags(legacyOutside.MeetingId, { site: "b", intruder: "x" });
      local.legacy.setAttendeeTags(legacyMeeting?.meetingId ?? "", legacyKiosk?.attendeeId ?? "", {
        site: "roof",
      });

      const up = await upWithOps(program, { refresh: true });
      expect(up.ops, JSON.stringify(up.ops)).to.deep.equal(
        ops({
          kiosk: "update",
          "outside-tags": "update",
          "legacy-kiosk": "update",
          "legacy-outside-tags": "update",
        }),
      );
      const after = local.attendees(meeting?.meetingId ?? "").find((a) => a.externalUserId === "kiosk-1");
      expect(after?.capabilities).to.deep.equal(ALL);
      const legacyAfter = local.legacy
        .attendees(legacyMeeting?.meetingId ?? "")
        .find((a) => a.externalUserId === "kiosk-1");
      expect(legacyAfter?.tags).to.deep.equal({ site: "lobby" });
      expect(await outsideTags()).to.deep.equal({ site: "b" });
      const legacyOutsideAfter = local.legacy.meetings().find((m) => m.meetingId === legacyOutside.MeetingId);
      expect(legacyOutsideAfter?.tags).to.deep.equal({ site: "b" });
      expect(changedInputs(declared, await inputsByResource(program))).to.deep.equal([]);
      // Converged: a refresh and an up find nothing more to do.
      await program.stack.refresh();
      expect((await upWithOps(program)).ops).to.deep.equal(ops());
    });
  });
}

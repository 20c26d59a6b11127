/**
 * The provider plugin (`pulumi-resource-chime`, issue 14) on the real engine, against the local
 * endpoint: a Node.js program declaring the plugin's resources by type token, its provider config
 * (a bad value fails the preview; an explicit provider instance has its own endpoint), and
 * `pulumi import` of an attendee and a meeting made out of band, after which refresh and an `up` of a
 * program that declares the same inputs change nothing. No AttendeeId or JoinToken in plaintext in
 * state or CLI output, resource ids included. The steps of the `describe` run in order on one stack.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CreateAttendeeCommand,
  CreateMeetingCommand,
  ListAttendeesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor } from "../emulator/helpers";
import { providePluginToEngine } from "../support/plugin-under-test";
import { auditOutput, auditState } from "./support/audit";
import { commandLine, processTree, pulumiOk, runPulumi } from "./support/cli";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { previewPlan, upWithOps } from "./support/plan";

/** Every JoinToken and AttendeeId an endpoint holds: what must never be seen in plaintext. */
function endpointSecrets(local: ChimeLocal): string[] {
  return local
    .meetings()
    .flatMap((m) => local.attendees(m.meetingId).flatMap((a) => [a.joinToken, a.attendeeId]));
}

interface StateResource {
  readonly urn: string;
  readonly stackTrace?: unknown;
  readonly sourcePosition?: string;
  readonly type: string;
  readonly id?: string;
  readonly protect?: boolean;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

describe("End to end on the Pulumi engine: the provider plugin, its config, and pulumi import", function () {
  this.timeout(300_000);
  let local: ChimeLocal;
  let other: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  let printed = "";
  let unprovide = () => {};
  const seenSecrets = new Set<string>();
  const remember = () => {
    for (const s of [...endpointSecrets(local), ...endpointSecrets(other)]) seenSecrets.add(s);
  };
  const attendees = (extra: object[] = []) =>
    JSON.stringify([{ name: "kiosk", externalUserId: "kiosk-1" }, ...extra]);
  const cli = async (args: string[]) => {
    const run = await pulumiOk(program, args);
    printed += run.stdout + run.stderr;
    return run;
  };
  /** The stack's latest checkpoint file, as the backend wrote it (secrets encrypted). */
  const checkpointText = (): string => {
    const dir = join(backend.dir, ".pulumi", "stacks");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(`${program.stack.name}.json`) && !f.includes(".bak"),
    );
    return readFileSync(join(dir, files[0]), "utf8");
  };
  /** The resources of the stack's latest checkpoint. */
  const stateResources = (): StateResource[] => JSON.parse(checkpointText()).checkpoint.latest.resources;
  /**
   * Bytes the checkpoint file spends on the resource `name`, as `npm run bench` counts state (the file
   * as the backend wrote it): its entry's text, from its `{` to its `}`. All of the entry counts, the
   * engine's record of the program's call site (`stackTrace`) included.
   */
  const stateBytesOf = (name: string): number => {
    const text = checkpointText();
    const urn = stateResources().find((r) => r.urn.endsWith(`::${name}`))?.urn as string;
    expect(urn, `a resource named ${name} in the checkpoint`).to.be.a("string");
    const key = new RegExp(`"urn":\\s*${JSON.stringify(urn).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).exec(
      text,
    );
    expect(key, `the entry of ${urn} in the checkpoint file`).to.not.equal(null);
    const start = text.lastIndexOf("{", key?.index);
    // To the brace that closes the entry: braces inside strings (a stack trace's) do not count.
    let depth = 0;
    let inString = false;
    let end = start;
    for (; end < text.length; end++) {
      const c = text[end];
      if (inString) {
        if (c === "\\") end++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    const entry = text.slice(start, end + 1);
    expect(JSON.parse(entry).urn, "the entry's text is the resource's").to.equal(urn);
    return Buffer.byteLength(entry);
  };
  const resourceNamed = (name: string) => stateResources().find((r) => r.urn.endsWith(`::${name}`));

  before(async () => {
    requireEngine();
    // The plugin CHIME_PLUGIN selects (test/support/plugin-under-test.ts), where the engine finds it.
    unprovide = providePluginToEngine();
    local = await startChimeLocal();
    other = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "plugin-kiosks"), local, backend.url, {
      attendees: attendees(),
      otherEndpoint: other.url,
    });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
    await other?.close();
    unprovide();
  });

  it("1. GIVEN a bad provider config WHEN previewed THEN the preview fails with the usual message, before any call", async () => {
    await program.stack.setConfig("chime:maxRequestsPerSecond", { value: "zero" });
    const run = await runPulumi(program, ["preview"]);
    await program.stack.removeConfig("chime:maxRequestsPerSecond");
    expect(run.code, run.stdout + run.stderr).to.not.equal(0);
    expect(run.stdout + run.stderr).to.include(
      'stack config chime:maxRequestsPerSecond must be a positive number of requests per second (default 10); got "zero"',
    );
    expect(local.totalRequests() + other.totalRequests()).to.equal(0);
  });

  it("1b. Issue 20.4: GIVEN a bad endpoint on the explicit provider WHEN previewed THEN the message names that provider's endpoint argument, not stack config", async () => {
    await program.stack.setConfig("otherEndpoint", { value: "127.0.0.1:47001" });
    const run = await runPulumi(program, ["preview"]);
    await program.stack.setConfig("otherEndpoint", { value: other.url });
    const output = run.stdout + run.stderr;
    expect(run.code, output).to.not.equal(0);
    expect(output).to.include(
      `provider "other"'s endpoint argument must be an http:// or https:// URL such as http://127.0.0.1:4566; got "127.0.0.1:47001"`,
    );
    expect(output).to.not.include("stack config chime:endpoint must be");
    expect(local.totalRequests() + other.totalRequests()).to.equal(0);
  });

  it("2. GIVEN nothing exists WHEN previewed and brought up THEN the plan is what up does, the explicit provider's meeting lands on its own endpoint", async () => {
    const plan = await previewPlan(program, [], (text) => {
      printed += text;
    });
    expect(plan).to.deep.equal({ room: "create", kiosk: "create", elsewhere: "create" });
    expect(local.totalRequests() + other.totalRequests(), "a preview makes no API call").to.equal(0);
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(plan);
    remember();
    expect(local.meetings().map((m) => m.externalMeetingId)).to.deep.equal(["e2e-plugin-room"]);
    expect(other.meetings().map((m) => m.externalMeetingId)).to.deep.equal(["e2e-plugin-elsewhere"]);
    const [room] = local.meetings();
    const [kiosk] = local.attendees(room.meetingId);
    expect(up.outputs.kioskJoinToken).to.deep.equal({ value: kiosk.joinToken, secret: true });
    expect(up.outputs.kioskAttendeeId).to.deep.equal({ value: kiosk.attendeeId, secret: true });
    expect(resourceNamed("kiosk")?.id, "the id is opaque").to.not.include(kiosk.attendeeId);
  });

  it("3. WHEN refreshed and previewed again THEN nothing changes, each provider instance served by a plugin process of its own", async () => {
    await cli(["refresh", "--yes", "--expect-no-changes"]);
    const plan = await previewPlan(program, [], (text) => {
      printed += text;
    });
    expect(plan).to.deep.equal({ room: "same", kiosk: "same", elsewhere: "same" });
    // The engine starts one plugin process per provider resource (the default one and `other`): so
    // config, pacing and duplicate-declaration claims are per instance by construction.
    const plugins = new Set<number>();
    let sampler: NodeJS.Timeout | undefined;
    const run = await runPulumi(program, ["preview", "--expect-no-changes"], {
      onSpawn: (child) => {
        sampler = setInterval(() => {
          for (const pid of processTree(child.pid ?? 0)) {
            if (commandLine(pid).includes("pulumi-resource-chime")) plugins.add(pid);
          }
        }, 50);
      },
    });
    clearInterval(sampler);
    printed += run.stdout + run.stderr;
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(plugins.size, "plugin processes seen").to.equal(2);
  });

  it("4. GIVEN an attendee and a meeting made out of band WHEN imported by id THEN they are in the state, under opaque ids", async () => {
    const client = clientFor(local);
    const [room] = local.meetings();
    await client.send(new CreateAttendeeCommand({ MeetingId: room.meetingId, ExternalUserId: "walk-in" }));
    const lobby = await client.send(
      new CreateMeetingCommand({ ExternalMeetingId: "e2e-plugin-lobby", MediaRegion: "us-east-1" }),
    );
    client.destroy();
    remember();
    const lobbyId = lobby.Meeting?.MeetingId as string;
    await cli(["import", "chime:index:Attendee", "walkin", `${room.meetingId}/walk-in`, ...IMPORT_FLAGS]);
    await cli(["import", "chime:index:Meeting", "lobby", lobbyId, ...IMPORT_FLAGS]);
    const walkIn = local.attendees(room.meetingId).find((a) => a.externalUserId === "walk-in");
    const walkin = resourceNamed("walkin");
    expect(walkin?.type).to.equal("chime:index:Attendee");
    expect(walkin?.protect ?? false, "--protect=false").to.equal(false);
    expect(walkin?.id).to.be.a("string").and.not.include(walkIn?.attendeeId);
    expect(walkin?.inputs).to.include({ meetingId: room.meetingId, externalUserId: "walk-in" });
    expect(resourceNamed("lobby")?.outputs).to.include({ meetingId: lobbyId });
  });

  it("5. WHEN refreshed, and the program declares the imported ones with the same inputs THEN preview and up change nothing", async () => {
    await cli(["refresh", "--yes", "--expect-no-changes"]);
    await program.stack.setAllConfig({
      attendees: { value: attendees([{ name: "walkin", externalUserId: "walk-in" }]) },
      meetings: {
        value: JSON.stringify([
          { name: "lobby", externalMeetingId: "e2e-plugin-lobby", mediaRegion: "us-east-1" },
        ]),
      },
    });
    const plan = await previewPlan(program, [], (text) => {
      printed += text;
    });
    const same = { room: "same", kiosk: "same", elsewhere: "same", walkin: "same", lobby: "same" };
    expect(plan).to.deep.equal(same);
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(same);
    const [room] = local.meetings().filter((m) => m.externalMeetingId === "e2e-plugin-room");
    const walkIn = local.attendees(room.meetingId).find((a) => a.externalUserId === "walk-in");
    expect(up.outputs.walkinJoinToken).to.deep.equal({ value: walkIn?.joinToken, secret: true });
  });

  // Issue 20.1: data loss through import. The plugin refuses an import or a `get` of what a resource it
  // has checked (attendees) or diffed (meetings) in the same deployment manages. `pulumi import` sends
  // it nothing about the state's other resources, so there the import succeeds, and the next `up`,
  // which checks and diffs every resource the program declares before deleting the duplicate, leaves
  // the attendee (or meeting) to the resource that manages it.
  const roomId = () =>
    local.meetings().find((m) => m.externalMeetingId === "e2e-plugin-room")?.meetingId as string;
  const kioskToken = () => local.attendees(roomId()).find((a) => a.externalUserId === "kiosk-1")?.joinToken;

  it("5a. Issue 20.1: GIVEN kiosk managed by the stack WHEN a program imports it (import option) or gets it by id, or gets room by id THEN preview and up fail naming kiosk (room), and nothing is recorded", async () => {
    const meetingId = roomId();
    const id = `${meetingId}/kiosk-1`;
    const takeovers = [
      { kind: "Attendee", name: "dup", id, how: "import", inputs: { meetingId, externalUserId: "kiosk-1" } },
      { kind: "Attendee", name: "dup", id, how: "get" },
      { kind: "Meeting", name: "dup-room", id: meetingId, how: "get" },
    ];
    for (const takeover of takeovers) {
      await program.stack.setConfig("takeovers", { value: JSON.stringify([takeover]) });
      const owner = takeover.kind === "Meeting" ? 'Meeting "room"' : 'Attendee "kiosk"';
      for (const args of [["preview"], ["up", "--yes", "--skip-preview"]]) {
        const run = await runPulumi(program, args);
        printed += run.stdout + run.stderr;
        expect(run.code, `${takeover.how} ${takeover.name}: ${args[0]}`).to.not.equal(0);
        expect(run.stdout + run.stderr).to.include(
          `${takeover.kind} "${takeover.name}" cannot be imported or read by id`,
        );
        expect(run.stdout + run.stderr).to.include(`is managed by ${owner} in this stack`);
      }
      expect(resourceNamed(takeover.name), "nothing recorded").to.equal(undefined);
    }
    await program.stack.removeConfig("takeovers");
  });

  it("5b. Issue 20.1: GIVEN kiosk WHEN `pulumi import` of its attendee as dup, then the next up THEN dup leaves the state, the attendee lives on (ListAttendees) with kiosk's JoinToken, and a warning names kiosk", async () => {
    const token = kioskToken();
    await cli(["import", "chime:index:Attendee", "dup", `${roomId()}/kiosk-1`, ...IMPORT_FLAGS]);
    expect(
      resourceNamed("dup")?.type,
      "pulumi import cannot be refused: the plugin sees only the import",
    ).to.equal("chime:index:Attendee");
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal({
      room: "same",
      kiosk: "same",
      elsewhere: "same",
      walkin: "same",
      lobby: "same",
      dup: "delete",
    });
    expect(resourceNamed("dup")).to.equal(undefined);
    const client = clientFor(local);
    const listed = await client.send(new ListAttendeesCommand({ MeetingId: roomId() }));
    client.destroy();
    expect(listed.Attendees?.map((a) => a.ExternalUserId).sort()).to.deep.equal(["kiosk-1", "walk-in"]);
    expect(kioskToken(), "kiosk's JoinToken still the attendee's").to.equal(token);
    expect(up.outputs.kioskJoinToken).to.deep.equal({ value: token, secret: true });
    expect(up.stdout).to.include('Attendee "dup" did not delete the attendee externalUserId (7 characters)');
    expect(up.stdout).to.include('Attendee "kiosk" of this stack manages it');
  });

  it("5c. Issue 20.1: GIVEN room WHEN `pulumi import` of its meeting as dup-room, then the next up THEN dup-room leaves the state, the meeting and its attendees live on", async () => {
    const token = kioskToken();
    await cli(["import", "chime:index:Meeting", "dup-room", roomId(), ...IMPORT_FLAGS]);
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops["dup-room"]).to.equal("delete");
    expect(Object.values(up.ops).filter((op) => op !== "same")).to.deep.equal(["delete"]);
    expect(roomId(), "the meeting lives").to.be.a("string");
    expect(kioskToken()).to.equal(token);
    expect(up.stdout).to.include('Meeting "dup-room" did not delete the meeting');
  });

  it("5d. Issue 20.7: GIVEN a meeting made with meetingFeatures, tenantIds, a meetingHostId and tags WHEN imported and declared with every input the import recorded (read as docs/plugin.md says) THEN preview plans no change; declared with fewer, a replace", async () => {
    const client = clientFor(local);
    const made = await client.send(
      new CreateMeetingCommand({
        ExternalMeetingId: "e2e-featured",
        MediaRegion: "us-east-1",
        MeetingHostId: "host-7",
        TenantIds: ["tenant-a", "tenant-b"],
        MeetingFeatures: { Audio: { EchoReduction: "AVAILABLE" }, Attendee: { MaxCount: 50 } },
        Tags: [{ Key: "team", Value: "kiosks" }],
      }),
    );
    client.destroy();
    remember();
    await cli([
      "import",
      "chime:index:Meeting",
      "featured",
      made.Meeting?.MeetingId as string,
      ...IMPORT_FLAGS,
    ]);
    // Where docs/plugin.md says to read them: the resource's inputs in `pulumi stack export`.
    const exported = JSON.parse((await cli(["stack", "export"])).stdout) as {
      deployment: { resources: StateResource[] };
    };
    const inputs = exported.deployment.resources.find((r) => r.urn.endsWith("::featured"))?.inputs ?? {};
    expect(inputs).to.deep.equal({
      externalMeetingId: "e2e-featured",
      mediaRegion: "us-east-1",
      meetingHostId: "host-7",
      tenantIds: ["tenant-a", "tenant-b"],
      meetingFeatures: { audio: { echoReduction: "AVAILABLE" }, attendee: { maxCount: 50 } },
      tags: { team: "kiosks" },
      region: "us-east-1",
    });
    const lobby = { name: "lobby", externalMeetingId: "e2e-plugin-lobby", mediaRegion: "us-east-1" };
    const same = { room: "same", kiosk: "same", elsewhere: "same", walkin: "same", lobby: "same" };
    const { externalMeetingId, mediaRegion, tags } = inputs;
    await program.stack.setConfig("meetings", {
      value: JSON.stringify([lobby, { name: "featured", externalMeetingId, mediaRegion, tags }]),
    });
    expect(await previewPlan(program), "the inputs the import guide used to list").to.deep.equal({
      ...same,
      featured: "replace",
    });
    await program.stack.setConfig("meetings", {
      value: JSON.stringify([lobby, { name: "featured", ...inputs }]),
    });
    expect(await previewPlan(program)).to.deep.equal({ ...same, featured: "same" });
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal({ ...same, featured: "same" });
  });

  it("6. THEN no AttendeeId, JoinToken, credential or secret config is in plaintext in the state or the CLI output", () => {
    remember();
    // Issue 14's target: state per plugin Attendee within 1.5 KB (1536 bytes), counted as `npm run bench`
    // counts it: bytes of the checkpoint file. It is missed (1913 bytes here on 2026-12-06, the bench's
    // row says so too: docs/performance.md). The bound below holds today's size, with room for a deeper
    // checkout's paths in the stack trace, so that the state cannot grow unnoticed; lower it as the
    // state shrinks, and to 1536 once the target is met.
    const bytes = stateBytesOf("kiosk");
    console.log(
      `      state of one plugin Attendee: ${bytes} bytes of the checkpoint file (target 1536: missed)`,
    );
    expect(bytes, "bytes of the checkpoint file spent on one plugin Attendee").to.be.at.most(2048);
    auditState(backend.dir, [...seenSecrets], local.url, { dynamic: false });
    auditOutput(printed, [...seenSecrets]);
  });

  it("7. WHEN destroyed THEN the imported attendee and meeting are deleted too", async () => {
    await cli(["destroy", "--yes"]);
    expect(local.meetings()).to.deep.equal([]);
    expect(other.meetings()).to.deep.equal([]);
  });
});

const IMPORT_FLAGS = ["--generate-code=false", "--protect=false", "--yes"];

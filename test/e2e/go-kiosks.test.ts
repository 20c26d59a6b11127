/**
 * Go programs on the Pulumi engine (issue 22): our Go language host (`pulumi-language-go`,
 * tools/pulumi/language-go, built by scripts/ensure-pulumi.sh beside the engine) building and running
 * Go programs with the machine's `go`.
 *
 * - examples/go-kiosks, as its users run it, on the plugin through the generated Go SDK (sdk/go, which
 *   its go.mod `replace`s in): preview, up, the outputs read back and matched with the endpoint,
 *   no-change preview and refresh, an edit (a kiosk removed, one added), `pulumi import` of an attendee
 *   made out of band, a bad input, destroy; no AttendeeId or JoinToken in plaintext anywhere.
 * - An explicit `Provider` from Go (test/e2e/programs/go-provider): its resources on its own endpoint.
 * - The host itself, with a program that uses only the Pulumi Go SDK (test/e2e/programs/go-host):
 *   what the program learns from it (config, secrets, project, stack, organization, root directory,
 *   parallelism, dry run, working directory), its output and logs, and how its failures reach the user
 *   (an error, a panic, another exit code, a compile error), and the runtime options `binary` and
 *   `buildTarget`.
 *
 * The `it`s of each `describe` run in order on one stack. The engine finds `pulumi-resource-chime` on
 * PATH (the repo's bin/), as after `npm install -g pulumi-chime-sdk`.
 */
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { CreateAttendeeCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor } from "../emulator/helpers";
import { PACKAGE_ROOT } from "../support/program-dir";
import { auditOutput, auditState } from "./support/audit";
import { type CliRun, pulumiOk, runPulumi } from "./support/cli";
import { makeBackend, PROGRAMS, type ProgramStack, requireEngine } from "./support/engine";
import { goProgramStack, requireGoHost } from "./support/go";
import { previewPlan, refreshWithDrift, upWithOps } from "./support/plan";

/** Every line of `output` that holds `text`. */
const linesWith = (output: string, text: string) => output.split("\n").filter((line) => line.includes(text));

/** The error messages the CLI printed: lines that start with `error: `. */
const errorLines = (output: string) => output.split("\n").filter((line) => /^\s*error: /.test(line));

/**
 * The CLI's Diagnostics section: every message once (the progress lines above it repeat the first
 * line of each, as they come).
 */
function diagnostics(output: string): string {
  const start = output.indexOf("Diagnostics:");
  expect(start, output).to.be.at.least(0);
  const end = output.indexOf("\nResources:", start);
  return output.slice(start, end < 0 ? undefined : end);
}

/** The CLI's output of a run that must fail: what it printed, with the exit code checked. */
function failed(run: CliRun): string {
  const output = run.stdout + run.stderr;
  expect(run.code, output).to.be.a("number").and.not.equal(0);
  return output;
}

const EXAMPLE = join(PACKAGE_ROOT, "examples", "go-kiosks");
const PLUGIN_BIN = join(PACKAGE_ROOT, "bin");
const CAPABILITIES = { Audio: "SendReceive", Video: "SendReceive", Content: "Receive" } as const;

/** Every JoinToken and AttendeeId the endpoints hold: what must never be seen in plaintext. */
function endpointSecrets(...endpoints: ChimeLocal[]): string[] {
  return endpoints.flatMap((local) =>
    local.meetings().flatMap((m) => local.attendees(m.meetingId).flatMap((a) => [a.joinToken, a.attendeeId])),
  );
}

describe("examples/go-kiosks: a Go program on the plugin's generated Go SDK, on the Pulumi engine", function () {
  // The first preview builds the program: minutes on a cold Go build cache.
  this.timeout(600_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  /** Everything the CLI printed, for the audit. */
  let printed = "";
  /** Every secret the endpoint ever held (deleted kiosks' too), for the audit. */
  const seen = new Set<string>();
  const remember = () => {
    for (const secret of endpointSecrets(local)) seen.add(secret);
  };
  const savedPath = process.env.PATH;
  const cli = async (args: string[]) => {
    const run = await pulumiOk(program, args);
    printed += run.stdout + run.stderr;
    return run;
  };
  /** Stack config `kiosks` (a list), set as a user sets one: `pulumi config set --path 'kiosks[0]' lobby`. */
  const setKiosks = async (kiosks: string[]) => {
    await program.stack.removeConfig("kiosks").catch(() => undefined);
    await program.stack.setAllConfig(
      Object.fromEntries(kiosks.map((name, n) => [`kiosks[${n}]`, { value: name }])),
      true,
    );
  };
  /** The meeting, and its attendees by externalUserId. */
  const onEndpoint = () => {
    const [meeting, ...others] = local.meetings();
    expect(others, "meetings on the endpoint").to.deep.equal([]);
    return { meeting, kiosks: new Map(local.attendees(meeting.meetingId).map((a) => [a.externalUserId, a])) };
  };
  /** kioskJoinInfo as the endpoint says it must be, for the kiosks named. */
  const expectedJoinInfo = (names: string[]) => {
    const { kiosks } = onEndpoint();
    return Object.fromEntries(
      names.map((name) => {
        const kiosk = kiosks.get(`kiosk-${name}`);
        return [name, { attendeeId: kiosk?.attendeeId, joinToken: kiosk?.joinToken }];
      }),
    );
  };

  before(async () => {
    requireEngine();
    requireGoHost();
    process.env.PATH = `${PLUGIN_BIN}${delimiter}${savedPath}`;
    local = await startChimeLocal();
    backend = makeBackend();
    program = await goProgramStack(EXAMPLE, local, backend.url);
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
    process.env.PATH = savedPath;
  });

  it("GIVEN a new stack WHEN previewed THEN it plans the meeting and both kiosks, and creates nothing", async () => {
    const plan = await previewPlan(program, [], (output) => {
      printed += output;
    });
    expect(plan).to.deep.equal({ meeting: "create", "kiosk-lobby": "create", "kiosk-front-desk": "create" });
    expect(local.meetings()).to.deep.equal([]);
  });

  it("WHEN up THEN the endpoint has the meeting and both kiosks with their capabilities", async () => {
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal({
      meeting: "create",
      "kiosk-lobby": "create",
      "kiosk-front-desk": "create",
    });
    const { meeting, kiosks } = onEndpoint();
    expect(meeting.externalMeetingId).to.equal("go-kiosks-lobby");
    expect([...kiosks.keys()].sort()).to.deep.equal(["kiosk-front-desk", "kiosk-lobby"]);
    for (const kiosk of kiosks.values()) expect(kiosk.capabilities).to.deep.equal(CAPABILITIES);
    remember();
  });

  it("THEN the outputs read back with --show-secrets are what the endpoint holds, and [secret] without", async () => {
    const shown = await pulumiOk(program, ["stack", "output", "--json", "--show-secrets"]);
    expect(JSON.parse(shown.stdout)).to.deep.equal({
      meetingId: onEndpoint().meeting.meetingId,
      kioskJoinInfo: expectedJoinInfo(["lobby", "front-desk"]),
    });
    const masked = await cli(["stack", "output", "--json"]);
    expect(JSON.parse(masked.stdout)).to.deep.equal({
      meetingId: onEndpoint().meeting.meetingId,
      kioskJoinInfo: "[secret]",
    });
  });

  it("WHEN previewed and refreshed again THEN nothing changes", async () => {
    const plan = await previewPlan(program, ["--expect-no-changes"], (output) => {
      printed += output;
    });
    expect(plan).to.deep.equal({ meeting: "same", "kiosk-lobby": "same", "kiosk-front-desk": "same" });
    const refresh = await refreshWithDrift(program);
    printed += refresh.stdout + refresh.stderr;
    expect(refresh.drift).to.deep.equal({});
  });

  it("WHEN a kiosk is removed and another added THEN only those two change, on the endpoint too", async () => {
    await setKiosks(["lobby", "cafeteria"]);
    const lobby = onEndpoint().kiosks.get("kiosk-lobby");
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal({
      meeting: "same",
      "kiosk-lobby": "same",
      "kiosk-cafeteria": "create",
      "kiosk-front-desk": "delete",
    });
    const { kiosks } = onEndpoint();
    expect([...kiosks.keys()].sort()).to.deep.equal(["kiosk-cafeteria", "kiosk-lobby"]);
    expect(kiosks.get("kiosk-lobby")?.attendeeId, "the lobby kiosk kept").to.equal(lobby?.attendeeId);
    expect(up.outputs.kioskJoinInfo).to.deep.equal({
      value: expectedJoinInfo(["lobby", "cafeteria"]),
      secret: true,
    });
    remember();
  });

  it("GIVEN a kiosk made out of band WHEN imported by id and then declared THEN preview and up change nothing, and it is exported", async () => {
    const { meeting } = onEndpoint();
    const client = clientFor(local);
    await client.send(
      new CreateAttendeeCommand({
        MeetingId: meeting.meetingId,
        ExternalUserId: "kiosk-walk-in",
        Capabilities: CAPABILITIES,
      }),
    );
    client.destroy();
    remember();
    await cli([
      "import",
      "chime:index:Attendee",
      "kiosk-walk-in",
      `${meeting.meetingId}/kiosk-walk-in`,
      "--generate-code=false",
      "--protect=false",
      "--yes",
    ]);
    await setKiosks(["lobby", "cafeteria", "walk-in"]);
    const same = {
      meeting: "same",
      "kiosk-lobby": "same",
      "kiosk-cafeteria": "same",
      "kiosk-walk-in": "same",
    };
    const plan = await previewPlan(program, [], (output) => {
      printed += output;
    });
    expect(plan).to.deep.equal(same);
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(same);
    expect(up.outputs.kioskJoinInfo).to.deep.equal({
      value: expectedJoinInfo(["lobby", "cafeteria", "walk-in"]),
      secret: true,
    });
  });

  it("WHEN a kiosk's name makes a bad externalUserId THEN preview fails with one message naming the property, the rule and the value, before any request", async () => {
    await setKiosks(["lobby", "cafeteria", "walk-in", "bar*stool"]);
    const requests = local.totalRequests();
    try {
      const shown = diagnostics(failed(await runPulumi(program, ["preview"])));
      printed += shown;
      // The plugin's message, once, for the resource, with the rule and what is wrong with the value.
      const plugins =
        "    error: chime:index:Attendee resource 'kiosk-bar*stool' has a problem: externalUserId may contain " +
        "only letters, digits, spaces and -_&@+=,(){}[]/«».:|'\"#; got a value (15 characters) whose " +
        "character 10 is not one of them";
      const errors = errorLines(shown);
      expect(errors.filter((line) => line === plugins)).to.have.length(1);
      // The Go SDK's pulumi.Run may then report, as any Go program does under any Pulumi install, that its
      // other registrations were cut short when the engine stopped (github.com/pulumi/pulumi/sdk/v3
      // go/pulumi/run.go and context.go: ctx.Log.Error of "waiting for RPCs: ..."); nothing else.
      const others = errors.filter((line) => line !== plugins);
      expect(others, shown).to.have.length.at.most(1);
      if (others.length === 1) {
        expect(others[0]).to.equal("    error: an unhandled error occurred: program failed:");
        expect(shown).to.include(
          "waiting for RPCs: rpc error: code = Unavailable desc = resource monitor shut down",
        );
      }
      expect(local.totalRequests(), "requests to the endpoint").to.equal(requests);
    } finally {
      await setKiosks(["lobby", "cafeteria", "walk-in"]);
    }
  });

  it("THEN no AttendeeId or JoinToken is in plaintext in the state or in anything the CLI printed", () => {
    remember();
    expect(seen.size).to.equal(8);
    auditState(backend.dir, [...seen], local.url, { dynamic: false });
    auditOutput(printed, [...seen]);
  });

  it("WHEN destroyed THEN the meeting is gone from the endpoint, and its kiosks with it", async () => {
    const destroy = await program.stack.destroy();
    printed += destroy.stdout + destroy.stderr;
    expect(local.meetings()).to.deep.equal([]);
    auditOutput(printed, [...seen]);
  });
});

describe("An explicit chime Provider from a Go program, on the Pulumi engine", function () {
  this.timeout(600_000);
  let local: ChimeLocal;
  let other: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  let printed = "";
  const savedPath = process.env.PATH;

  before(async () => {
    requireEngine();
    requireGoHost();
    process.env.PATH = `${PLUGIN_BIN}${delimiter}${savedPath}`;
    local = await startChimeLocal();
    other = await startChimeLocal();
    backend = makeBackend();
    program = await goProgramStack(join(PROGRAMS, "go-provider"), local, backend.url, {
      otherEndpoint: other.url,
    });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
    await other?.close();
    process.env.PATH = savedPath;
  });

  it("WHEN up THEN the default provider's meeting is on the stack's endpoint, the explicit one's meeting and visitor on its own", async () => {
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal({ room: "create", elsewhere: "create", visitor: "create" });
    const [room, ...more] = local.meetings();
    expect(more).to.deep.equal([]);
    expect(room.externalMeetingId).to.equal("go-room");
    expect(local.attendees(room.meetingId)).to.deep.equal([]);
    const [elsewhere, ...beyond] = other.meetings();
    expect(beyond).to.deep.equal([]);
    expect(elsewhere.externalMeetingId).to.equal("go-elsewhere");
    const [visitor] = other.attendees(elsewhere.meetingId);
    expect(up.outputs).to.deep.equal({
      roomId: { value: room.meetingId, secret: false },
      elsewhereId: { value: elsewhere.meetingId, secret: false },
      visitorAttendeeId: { value: visitor.attendeeId, secret: true },
      visitorJoinToken: { value: visitor.joinToken, secret: true },
    });
  });

  it("WHEN up again THEN nothing changes; destroyed THEN both endpoints are empty, and no secret was shown or stored in plaintext", async () => {
    const again = await pulumiOk(program, ["up", "--yes", "--expect-no-changes"]);
    printed += again.stdout + again.stderr;
    const secrets = endpointSecrets(local, other);
    expect(secrets).to.have.length(2);
    auditState(backend.dir, secrets, local.url, { dynamic: false });
    const destroy = await program.stack.destroy();
    printed += destroy.stdout + destroy.stderr;
    expect(local.meetings()).to.deep.equal([]);
    expect(other.meetings()).to.deep.equal([]);
    auditOutput(printed, secrets);
  });
});

describe("The Go language host (pulumi-language-go) on the Pulumi engine", function () {
  this.timeout(600_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  const token = "go-host-secret-token-value";

  before(async () => {
    requireEngine();
    requireGoHost();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await goProgramStack(join(PROGRAMS, "go-host"), local, backend.url, { greeting: "hello" });
    await program.stack.setConfig("token", { value: token, secret: true });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
  });

  it("GIVEN a Go program WHEN previewed THEN it is built and run as a dry run, its stdout and logs shown", async () => {
    const run = await pulumiOk(program, ["preview"]);
    const output = run.stdout + run.stderr;
    expect(output).to.include("go-host: stdout dryRun=true");
    expect(output).to.include(`go-host: log cwd=${realpathSync(program.dir)}`);
    auditOutput(output, [token]);
  });

  it("WHEN up --parallel 3 THEN the program gets the run's project, stack, organization, root directory, parallelism and config; the secret stays secret", async () => {
    const run = await pulumiOk(program, ["up", "--yes", "--parallel", "3"]);
    const output = run.stdout + run.stderr;
    expect(output).to.include("go-host: stdout dryRun=false parallel=3");
    const shown = await pulumiOk(program, ["stack", "output", "--json", "--show-secrets"]);
    const outputs = JSON.parse(shown.stdout);
    expect(outputs).to.deep.include({
      project: "e2e-go-host",
      stack: program.stack.name,
      organization: "organization",
      rootDirectory: realpathSync(program.dir),
      greeting: "hello",
      token,
      // The engine's secret keys reach the SDK (PULUMI_CONFIG_SECRET_KEYS).
      tokenIsSecret: true,
      greetingIsSecret: false,
    });
    expect(outputs.thingUrn).to.match(/::e2e:index:Thing::thing$/);
    const masked = await pulumiOk(program, ["stack", "output", "--json"]);
    expect(JSON.parse(masked.stdout).token).to.equal("[secret]");
    auditOutput(output + masked.stdout, [token]);
  });

  /** `pulumi up` with stack config `fail` set to `how`: the CLI's Diagnostics, after checking it failed. */
  const upFailing = async (how: string): Promise<string> => {
    await program.stack.setConfig("fail", { value: how });
    try {
      return diagnostics(failed(await runPulumi(program, ["up", "--yes"])));
    } finally {
      await program.stack.removeConfig("fail");
    }
  };

  it("WHEN the program returns an error THEN the update fails with that error, once, and no exit-code noise", async () => {
    const shown = await upFailing("error");
    expect(errorLines(shown)).to.have.length(1);
    expect(linesWith(shown, "the kiosk list is empty (config fail=error)")).to.have.length(1);
    expect(shown).not.to.include("exit code");
  });

  it("WHEN the program panics THEN the update fails with the panic, and the exit code once", async () => {
    const shown = await upFailing("panic");
    expect(shown).to.include("panic: go-host: config fail=panic");
    expect(errorLines(shown)).to.deep.equal([
      "    error: an unhandled error occurred: program exited with non-zero exit code: 2",
    ]);
  });

  it("WHEN the program exits with another code THEN the update fails naming it, once", async () => {
    const shown = await upFailing("exit");
    expect(errorLines(shown)).to.deep.equal([
      "    error: an unhandled error occurred: program exited with non-zero exit code: 3",
    ]);
  });

  it("WHEN the program does not compile THEN preview fails with the compiler's report, once", async () => {
    const main = join(program.dir, "main.go");
    const source = readFileSync(main, "utf8");
    writeFileSync(main, source.replace('ctx.Export("greeting"', 'ctx.Exprot("greeting"'));
    try {
      const shown = diagnostics(failed(await runPulumi(program, ["preview"])));
      // One error, holding the report as `go build` prints it (# package, then file:line:column: message).
      expect(errorLines(shown)).to.deep.equal([
        `    error: go build failed for the program in ${realpathSync(program.dir)}:`,
      ]);
      expect(shown).to.include("# example.com/e2e-go-host\n");
      expect(linesWith(shown, "main.go:")).to.have.length(1);
      expect(shown).to.match(/\.\/main\.go:\d+:\d+: ctx\.Exprot undefined/);
    } finally {
      writeFileSync(main, source);
    }
  });

  it("GIVEN runtime option buildTarget WHEN up THEN the program is built there; GIVEN binary and no sources THEN that binary runs", async () => {
    const project = join(program.dir, "Pulumi.yaml");
    const main = join(program.dir, "main.go");
    const original = readFileSync(project, "utf8");
    const source = readFileSync(main, "utf8");
    const withOptions = (options: string) =>
      original.replace("runtime: go", `runtime:\n  name: go\n  options:\n${options}`);
    try {
      writeFileSync(project, withOptions("    buildTarget: out/kiosks-program\n"));
      await pulumiOk(program, ["up", "--yes", "--expect-no-changes"]);
      const built = join(program.dir, "out", "kiosks-program");
      expect(existsSync(built), "the build target").to.equal(true);

      // A prebuilt binary: with the sources gone, only it can run the program.
      writeFileSync(project, withOptions("    binary: out/kiosks-program\n"));
      rmSync(main);
      const run = await pulumiOk(program, ["up", "--yes", "--expect-no-changes"]);
      expect(run.stdout + run.stderr).to.include("go-host: stdout dryRun=false");
    } finally {
      writeFileSync(project, original);
      writeFileSync(main, source);
    }
  });
});

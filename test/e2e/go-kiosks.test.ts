/**
 * Go programs on the Pulumi engine (issue 22): our Go language host (`pulumi-language-go`,
 * tools/pulumi/language-go, built by scripts/ensure-pulumi.sh beside the engine) building and running
 * Go programs with the machine's `go`.
 *
 * - The host itself, with a program that uses only the Pulumi Go SDK (test/e2e/programs/go-host):
 *   what the program learns from it (config, secrets, project, stack, organization, root directory,
 *   parallelism, dry run, working directory), its output and logs, and how its failures reach the user
 *   (an error, a panic, another exit code, a compile error), and the runtime options `binary` and
 *   `buildTarget`.
 */
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { auditOutput } from "./support/audit";
import { type CliRun, pulumiOk, runPulumi } from "./support/cli";
import { makeBackend, PROGRAMS, type ProgramStack, requireEngine } from "./support/engine";
import { goProgramStack, requireGoHost } from "./support/go";

/** Every line of `output` that holds `text`. */
const linesWith = (output: string, text: string) => output.split("\n").filter((line) => line.includes(text));

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
    expect(linesWith(shown, "error: ")).to.have.length(1);
    expect(linesWith(shown, "the kiosk list is empty (config fail=error)")).to.have.length(1);
    expect(shown).not.to.include("exit code");
  });

  it("WHEN the program panics THEN the update fails with the panic, and the exit code once", async () => {
    const shown = await upFailing("panic");
    expect(shown).to.include("panic: go-host: config fail=panic");
    expect(linesWith(shown, "error: ")).to.deep.equal([
      "    error: an unhandled error occurred: program exited with non-zero exit code: 2",
    ]);
  });

  it("WHEN the program exits with another code THEN the update fails naming it, once", async () => {
    const shown = await upFailing("exit");
    expect(linesWith(shown, "error: ")).to.deep.equal([
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
      expect(linesWith(shown, "error: ")).to.deep.equal([
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

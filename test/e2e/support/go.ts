/**
 * Go programs on the engine: the Go language host (pulumi-language-go, tools/pulumi/language-go) and
 * the machine's `go` must be where the engine looks, and a program copied to a temporary directory
 * keeps its go.mod's local `replace` directives (the repository's sdk/go) pointing where they did.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
import type { ChimeLocal } from "../../../emulator";
import { type ProgramStack, programStack } from "./engine";

/**
 * Fails, with what to do, unless `go` and the Go language host are where the engine looks: these
 * suites never skip silently.
 */
export function requireGoHost(): void {
  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.status !== 0) {
    throw new Error(
      "Go programs are built with the machine's `go` (Go >= 1.26.6), which is not on PATH: install it " +
        `(https://go.dev/dl/). go version said: ${go.error?.message ?? go.stderr}`,
    );
  }
  const pulumiDir = spawnSync("sh", ["-c", 'dirname "$(readlink -f "$(command -v pulumi)")"'], {
    encoding: "utf8",
  }).stdout.trim();
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .some((dir) => existsSync(join(dir, "pulumi-language-go")));
  if (!onPath && !existsSync(join(pulumiDir, "pulumi-language-go"))) {
    throw new Error(
      "Go programs need pulumi-language-go beside pulumi or on PATH. Run the suites through `npm test`, " +
        "whose scripts/ensure-pulumi.sh builds it (tools/pulumi/language-go).",
    );
  }
}

/** The module paths a go.mod replaces with a relative directory, and that directory. */
function relativeReplaces(goMod: string): Array<{ module: string; dir: string }> {
  const replaces: Array<{ module: string; dir: string }> = [];
  const pattern = /^\s*(?:replace\s+)?(\S+)(?:\s+\S+)?\s+=>\s+(\.{1,2}\/\S*)\s*$/gm;
  for (const match of goMod.matchAll(pattern)) replaces.push({ module: match[1], dir: match[2] });
  return replaces;
}

/**
 * GOFLAGS for the Go programs the tests and the bench build: the environment's, plus `-trimpath`, the
 * flag the Pulumi CLI is built with (scripts/ensure-pulumi.sh). With it, and the CLI's module versions
 * (scripts/align-go-programs.sh), a program's first build reuses every package the CLI build compiled
 * into the Go build cache and compiles only its own: seconds instead of minutes on a fresh CI machine.
 * The host passes the environment's Go settings to `go build`, as a user's would be.
 */
export function goFlags(): string {
  const flags = (process.env.GOFLAGS ?? "").split(/\s+/).filter((flag) => flag !== "");
  return [...flags.filter((flag) => flag !== "-trimpath"), "-trimpath"].join(" ");
}

/**
 * A stack of the Go program in `source` (see programStack), its relative `replace` directives made
 * absolute against `source`, so that the copy builds against the same local modules, built with
 * goFlags().
 */
export async function goProgramStack(
  source: string,
  local: ChimeLocal,
  backendUrl: string,
  config: Record<string, string> = {},
): Promise<ProgramStack> {
  const program = await programStack(source, local, backendUrl, config);
  program.stack.workspace.envVars.GOFLAGS = goFlags();
  const goMod = readFileSync(join(source, "go.mod"), "utf8");
  for (const { module, dir } of relativeReplaces(goMod)) {
    const target = resolve(source, dir);
    if (!isAbsolute(target) || !existsSync(join(target, "go.mod"))) {
      throw new Error(`${source}/go.mod replaces ${module} with ${dir}, which holds no go.mod`);
    }
    execFileSync("go", ["mod", "edit", `-replace=${module}=${target}`], { cwd: program.dir });
  }
  return program;
}

/** The directory of this file's repository's Go SDK (sdk/go). */
export const GO_SDK = resolve(dirname(__filename), "..", "..", "..", "sdk", "go");

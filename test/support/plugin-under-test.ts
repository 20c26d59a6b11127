/**
 * Which `pulumi-resource-chime` the plugin suites hold to their specification: one variable,
 * `CHIME_PLUGIN`, selects it for the gRPC suites (test/plugin) and the engine suites (test/e2e) alike,
 * so that the Node script and the archive's single executable are tested by the same tests (issue 23).
 *
 *   CHIME_PLUGIN unset, or `script`   this checkout's plugin run by Node.js (bin/pulumi-resource-chime,
 *                                     dist/): the gRPC suites serve it in-process, the engine finds bin/
 *                                     on PATH, as after `npm install -g pulumi-chime-sdk`
 *   CHIME_PLUGIN=archive              the plugin archive `npm run package:plugin` built for this machine
 *                                     (dist/plugin/pulumi-resource-chime-v<version>-linux-amd64.tar.gz):
 *                                     the gRPC suites start its executable as a process, the engine suites
 *                                     install it with `pulumi plugin install --file` into a PULUMI_HOME of
 *                                     their own, as a user does, with no pulumi-resource-chime on PATH
 *   CHIME_PLUGIN=<path>               that executable (another platform's, e.g. a wrapper that runs the
 *                                     linux-arm64 one under qemu-user): a process for the gRPC suites, on
 *                                     PATH for the engine
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { PACKAGE_ROOT } from "./program-dir";

const VERSION: string = require("../../package.json").version;
export const EXECUTABLE = "pulumi-resource-chime";

/** The platform `npm run package:plugin` builds by default here (Pulumi's name of it). */
export const HOST_PLATFORM = `linux-${process.arch === "arm64" ? "arm64" : "amd64"}`;

/** The archive `npm run package:plugin` writes for `platform`, and the folder it leaves unpacked beside it. */
export function archiveOf(platform = HOST_PLATFORM): { archive: string; unpacked: string; version: string } {
  const out = join(PACKAGE_ROOT, "dist", "plugin");
  return {
    archive: join(out, `${EXECUTABLE}-v${VERSION}-${platform}.tar.gz`),
    unpacked: join(out, platform),
    version: VERSION,
  };
}

export type PluginUnderTest =
  | { readonly kind: "script"; readonly label: string }
  | {
      readonly kind: "archive";
      readonly label: string;
      readonly archive: string;
      readonly executable: string;
    }
  | { readonly kind: "executable"; readonly label: string; readonly executable: string };

/** The plugin `CHIME_PLUGIN` selects; fails, with what to do, when that plugin is not there. */
export function pluginUnderTest(env: NodeJS.ProcessEnv = process.env): PluginUnderTest {
  const selected = env.CHIME_PLUGIN ?? "script";
  if (selected === "script" || selected === "") return { kind: "script", label: "the Node script" };
  if (selected === "archive") {
    const { archive, unpacked } = archiveOf();
    const executable = join(unpacked, EXECUTABLE);
    if (!existsSync(archive) || !existsSync(executable)) {
      throw new Error(
        `CHIME_PLUGIN=archive: ${archive} (and its unpacked ${executable}) is missing: run \`npm run package:plugin\``,
      );
    }
    return { kind: "archive", label: `the archive's executable (${basename(archive)})`, archive, executable };
  }
  const executable = resolve(selected);
  if (basename(executable) !== EXECUTABLE || !existsSync(executable)) {
    throw new Error(
      `CHIME_PLUGIN=${selected}: expected script, archive, or the path of an executable named ${EXECUTABLE}`,
    );
  }
  return { kind: "executable", label: executable, executable };
}

/** A plugin process started as the engine starts it, and the port it printed on stdout. */
export interface PluginProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything it wrote on stderr so far. */
  stderr(): string;
  /** Ends it (SIGTERM, then waits for the exit). */
  stop(): Promise<void>;
}

/**
 * Starts `executable` with `env` and the engine's address `engine` (where its warnings go; by default
 * one nothing listens on) and waits for its port (the first line of stdout), at most `timeoutMs`.
 */
export function startPluginProcess(
  executable: string,
  env: NodeJS.ProcessEnv,
  engine = "127.0.0.1:1",
  timeoutMs = 60_000,
): Promise<PluginProcess> {
  const child = spawn(executable, [engine], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${executable} printed no port within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const line = /^(\d+)\n/.exec(stdout);
      if (line) {
        clearTimeout(timer);
        resolvePort({ port: Number(line[1]), child, stderr: () => stderr, stop });
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`${executable} exited (${code ?? signal}) before printing its port; stderr: ${stderr}`),
      );
    });
  });
}

/** Directories on `path` that hold a `pulumi-resource-chime`. */
export function pluginsOnPath(path = process.env.PATH ?? ""): string[] {
  return path.split(delimiter).filter((dir) => dir !== "" && existsSync(join(dir, EXECUTABLE)));
}

/**
 * Installs `archive` with `pulumi plugin install resource chime <version> --file` into a new, empty
 * PULUMI_HOME (never the user's ~/.pulumi), and returns that home.
 */
export function installArchive(archive: string, version = VERSION): { home: string; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), "chime-pulumi-home-"));
  const installed = spawnSync(
    "pulumi",
    ["plugin", "install", "resource", "chime", version, "--file", archive, "--non-interactive"],
    { encoding: "utf8", env: { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true" } },
  );
  if (installed.status !== 0) {
    rmSync(home, { recursive: true, force: true });
    throw new Error(`pulumi plugin install --file ${archive} failed: ${installed.stderr}${installed.stdout}`);
  }
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}

/**
 * Makes the selected plugin the one the engine uses, for the calling suite (call in `before`): bin/ or
 * the executable's folder first on PATH, or the archive installed into a PULUMI_HOME of the suite's own
 * and nothing of that name on PATH. Returns what undoes it (call in `after`).
 */
export function providePluginToEngine(plugin: PluginUnderTest = pluginUnderTest()): () => void {
  const saved = { PATH: process.env.PATH, PULUMI_HOME: process.env.PULUMI_HOME };
  const restore = () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  if (plugin.kind === "script") {
    process.env.PATH = `${join(PACKAGE_ROOT, "bin")}${delimiter}${saved.PATH}`;
    return restore;
  }
  if (plugin.kind === "executable") {
    process.env.PATH = `${dirname(plugin.executable)}${delimiter}${saved.PATH}`;
    return restore;
  }
  // The engine takes a plugin on PATH before an installed one: none may shadow the archive's.
  const shadows = pluginsOnPath(saved.PATH);
  if (shadows.length > 0) {
    throw new Error(
      `CHIME_PLUGIN=archive: ${EXECUTABLE} on PATH (${shadows.join(", ")}) would be used instead`,
    );
  }
  const home = installArchive(plugin.archive);
  process.env.PULUMI_HOME = home.home;
  return () => {
    restore();
    home.remove();
  };
}

/**
 * The Pulumi CLI run as a process of our own (not through the Automation API), for what only a process
 * gives: its pid, so that its process tree can be watched (the provider's memory) or killed mid-run.
 *
 * The engine starts the language host, the program and the provider each in a process group of its
 * own, so killing the CLI's group leaves them running; they are found through /proc (each process's
 * parent) and killed one by one.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type { ProgramStack } from "./engine";

/** Each live process's parent, read from /proc (Linux). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  return parentOf;
}

/** `root` and every process descended from it, parents before children. */
export function processTree(root: number): number[] {
  const parentOf = parents();
  const childrenOf = new Map<number, number[]>();
  for (const [pid, ppid] of parentOf) childrenOf.set(ppid, [...(childrenOf.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if (pid !== root || parentOf.has(root)) tree.push(pid);
    queue.push(...(childrenOf.get(pid) ?? []));
  }
  return tree;
}

/** A process's command line, "" once it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

/**
 * SIGKILLs `root` and all its descendants, each by pid (they live in different process groups);
 * returns them with their command lines as they were just before.
 */
export function killTree(root: number): Array<{ pid: number; command: string }> {
  const tree = processTree(root).map((pid) => ({ pid, command: commandLine(pid) }));
  for (const { pid } of tree) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  return tree;
}

/** The dynamic provider's node process: `pulumi-resource-pulumi-nodejs` runs `.../cmd/dynamic-provider`. */
function isDynamicProvider(pid: number): boolean {
  const command = commandLine(pid);
  return command.includes("node") && command.includes("dynamic-provider");
}

/**
 * The program's process: the Node.js host runs `node … @pulumi/pulumi/cmd/run … <entry point>`, the
 * Python host `python …/pulumi-language-python-…/runner.py … <entry point>`.
 */
function isProgram(pid: number): boolean {
  const command = commandLine(pid);
  return (
    (command.includes("node") && /[\\/]cmd[\\/]run\b/.test(command)) ||
    /pulumi-language-python-[^/ ]*[\\/]runner\.py /.test(command)
  );
}

/** A process's peak resident set size (VmHWM) in bytes, 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface CliRun {
  /** Exit code; null when killed. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time from spawn to exit. */
  readonly seconds: number;
  /** The highest peak RSS (VmHWM) seen of the dynamic provider process, sampled every 200 ms; 0 if none ran. */
  readonly providerPeakRssBytes: number;
  /** The same for the program's process, node or python (sampled with `sampleProvider`); 0 if none was seen. */
  readonly programPeakRssBytes: number;
}

export interface CliOptions {
  /** Called once the CLI runs, with its process. */
  onSpawn?(child: ChildProcess): void;
  /** Sample the provider's and the program's processes' peak RSS (default false). */
  sampleProvider?: boolean;
  /** Extra environment. */
  env?: Record<string, string>;
}

/** Runs `pulumi <args> --stack <stack>` in the program's directory with the stack's environment. */
export function runPulumi(program: ProgramStack, args: string[], options: CliOptions = {}): Promise<CliRun> {
  const started = process.hrtime.bigint();
  const child = spawn("pulumi", [...args, "--stack", program.stack.name, "--non-interactive"], {
    cwd: program.dir,
    env: { ...process.env, ...program.stack.workspace.envVars, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  let providerPeakRssBytes = 0;
  let programPeakRssBytes = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    for (const pid of processTree(child.pid)) {
      if (isDynamicProvider(pid)) providerPeakRssBytes = Math.max(providerPeakRssBytes, peakRss(pid));
      else if (isProgram(pid)) programPeakRssBytes = Math.max(programPeakRssBytes, peakRss(pid));
    }
  };
  const sampler = options.sampleProvider ? setInterval(sample, 200) : undefined;
  options.onSpawn?.(child);
  return new Promise((resolve, reject) => {
    child.on("error", (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(sampler);
      resolve({
        code,
        stdout,
        stderr,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        providerPeakRssBytes,
        programPeakRssBytes,
      });
    });
  });
}

/** Like `runPulumi`, but rejects with the CLI's output unless it exits 0. */
export async function pulumiOk(
  program: ProgramStack,
  args: string[],
  options: CliOptions = {},
): Promise<CliRun> {
  const run = await runPulumi(program, args, options);
  if (run.code !== 0) {
    throw new Error(`pulumi ${args.join(" ")} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  }
  return run;
}

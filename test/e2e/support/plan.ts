/**
 * Per-resource plans and operations on the real engine, keyed by resource name: what
 * `pulumi preview --json` plans for each resource, what `up` then did to each, and what a refresh
 * found changed. Ops are the engine's: `same`, `create`, `update`, `replace`, `delete` (`read`, ...).
 *
 * - A replacement shows as one `replace` (its create-replacement and delete-replaced steps fold into it).
 * - With `--refresh`, a resource's refresh step is overtaken by the step planned after it (a meeting
 *   that the refresh found gone is then `create`d).
 * - The stack resource and the providers are left out: the plans are about the program's resources.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { EngineEvent, RefreshResult, UpOptions, UpResult } from "@pulumi/pulumi/automation";
import type { ProgramStack } from "./engine";

const run = promisify(execFile);

/** Resource name → operation (`same`, `create`, `update`, `replace`, `delete`, ...). */
export type Ops = Record<string, string>;

interface Step {
  readonly op: string;
  readonly urn: string;
}

/** The name of a resource from its URN (`urn:pulumi:stack::project::type::name`). */
export const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** The stack resource and providers are not what a test is about. */
const isOwnResource = (urn: string) => {
  const parts = urn.split("::");
  const type = parts[parts.length - 2] ?? "";
  return !type.endsWith("pulumi:pulumi:Stack") && !type.startsWith("pulumi:providers:");
};

const REPLACEMENT = ["create-replacement", "delete-replaced", "replace"];

/** The operation per resource of a sequence of steps, in the order the engine emitted them. */
export function opsOf(steps: readonly Step[]): Ops {
  const ops: Ops = {};
  for (const { op, urn } of steps) {
    if (!isOwnResource(urn)) continue;
    const name = nameOf(urn);
    if (op === "refresh") ops[name] ??= "same";
    else ops[name] = REPLACEMENT.includes(op) ? "replace" : op;
  }
  return ops;
}

/**
 * `pulumi preview --json --show-sames` (plus `args`, e.g. `--refresh`): the operation the engine plans
 * for each resource. The CLI runs in the stack's directory with its environment, asynchronously (the
 * local endpoint answers from this process). `onOutput` receives what it printed, for audits.
 */
export async function previewPlan(
  program: ProgramStack,
  args: string[] = [],
  onOutput?: (printed: string) => void,
): Promise<Ops> {
  const command = [
    "preview",
    "--json",
    "--show-sames",
    "--non-interactive",
    "--stack",
    program.stack.name,
    ...args,
  ];
  const { stdout, stderr } = await run("pulumi", command, {
    cwd: program.dir,
    env: { ...process.env, ...program.stack.workspace.envVars },
    maxBuffer: 64 * 1024 * 1024,
  });
  onOutput?.(stdout + stderr);
  return opsOf((JSON.parse(stdout) as { steps?: Step[] }).steps ?? []);
}

/** `up` (its options, e.g. `refresh: true`), with the operation it performed on each resource. */
export async function upWithOps(
  program: ProgramStack,
  opts: UpOptions = {},
): Promise<UpResult & { ops: Ops }> {
  const steps: Step[] = [];
  const onEvent = (event: EngineEvent) => {
    if (event.resourcePreEvent) steps.push(event.resourcePreEvent.metadata);
    opts.onEvent?.(event);
  };
  const result = await program.stack.up({ ...opts, onEvent });
  return { ...result, ops: opsOf(steps) };
}

/** A refresh, with what it found changed out of band per resource (`update`, `delete`); empty when none. */
export async function refreshWithDrift(program: ProgramStack): Promise<RefreshResult & { drift: Ops }> {
  const drift: Ops = {};
  const onEvent = (event: EngineEvent) => {
    const m = event.resOutputsEvent?.metadata;
    if (m && isOwnResource(m.urn) && m.op !== "same" && m.op !== "refresh") drift[nameOf(m.urn)] = m.op;
  };
  const result = await program.stack.refresh({ onEvent });
  return { ...result, drift };
}

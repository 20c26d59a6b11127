/**
 * Per-resource plans and operations on the real engine: what `pulumi preview --json` plans for each
 * resource, and what `up` then did to each (its engine events), keyed by resource name.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { EngineEvent, UpOptions, UpResult } from "@pulumi/pulumi/automation";
import type { ProgramStack } from "./engine";

const run = promisify(execFile);

/** Resource name → operation (`same`, `create`, `update`, `replace`, `delete`, ...). */
export type Ops = Record<string, string>;

/** The name of a resource from its URN (`urn:pulumi:stack::project::type::name`). */
const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** The stack resource and providers are not what a test is about. */
const isOwnResource = (type: string | undefined) =>
  type !== undefined && type !== "pulumi:pulumi:Stack" && !type.startsWith("pulumi:providers:");

/**
 * `pulumi preview --json`: the operation the engine plans for each resource. A replacement shows as
 * one `replace` (its create-replacement and delete-replaced steps are folded into it).
 */
export async function previewPlan(program: ProgramStack, args: string[] = []): Promise<Ops> {
  const { stdout } = await run(
    "pulumi",
    ["preview", "--json", "--show-sames", "--non-interactive", "--stack", program.stack.name, ...args],
    {
      cwd: program.dir,
      env: { ...process.env, ...program.stack.workspace.envVars },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const plan = JSON.parse(stdout) as { steps?: { op: string; urn: string; type?: string }[] };
  const ops: Ops = {};
  for (const step of plan.steps ?? []) {
    const type = step.type ?? step.urn.split("::")[2];
    if (!isOwnResource(type)) continue;
    const op = ["create-replacement", "delete-replaced", "replace"].includes(step.op) ? "replace" : step.op;
    ops[nameOf(step.urn)] = op;
  }
  return ops;
}

/** `up`, with the operation it performed on each resource (from its engine events). */
export async function upWithOps(
  program: ProgramStack,
  opts: UpOptions = {},
): Promise<UpResult & { ops: Ops }> {
  const ops: Ops = {};
  const onEvent = (event: EngineEvent) => {
    const metadata = event.resOutputsEvent?.metadata;
    if (!metadata || !isOwnResource(metadata.type)) return;
    const op = ["create-replacement", "delete-replaced", "replace"].includes(metadata.op)
      ? "replace"
      : metadata.op;
    ops[nameOf(metadata.urn)] = op;
  };
  const result = await program.stack.up({ ...opts, onEvent });
  return { ...result, ops };
}

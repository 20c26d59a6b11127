import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import type { ChimeLocal } from "../../../emulator";
import { makeProgramDir } from "../../support/program-dir";

/** Credentials the engine's provider process gets; the state audit proves they never reach state. */
export const CANARY_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: "AKIAE2ECANARYACCESS",
  AWS_SECRET_ACCESS_KEY: "e2e-canary-secret-access-key",
};
export const PASSPHRASE = "e2e-passphrase";

/**
 * Fails, with what to do, when no Pulumi engine is on PATH: these suites never skip silently.
 * (`npm test` puts the one scripts/ensure-pulumi.sh finds or builds there.)
 */
export function requireEngine(): string {
  const result = spawnSync("pulumi", ["version"], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      "The end-to-end suites need the Pulumi CLI on PATH, with pulumi-language-nodejs and " +
        "pulumi-resource-pulumi-nodejs beside it. Run them through `npm test`, which finds or builds it " +
        `(scripts/ensure-pulumi.sh). pulumi version said: ${result.error?.message ?? result.stderr}`,
    );
  }
  return result.stdout.trim();
}

/** A `file://` backend in a temporary directory, for one suite. */
export function makeBackend(): { url: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "chime-e2e-backend-"));
  return { url: `file://${dir}`, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ProgramStack {
  readonly stack: Stack;
  readonly dir: string;
  remove(): Promise<void>;
}

let stacks = 0;

/**
 * A stack of the test program `test/e2e/programs/<program>` (or any program directory), laid out as a
 * user's project that installed pulumi-chime-sdk, pointed at the local endpoint through stack config
 * `chime:endpoint`, offline.
 */
export async function programStack(
  programSource: string,
  local: ChimeLocal,
  backendUrl: string,
  config: Record<string, string> = {},
): Promise<ProgramStack> {
  const program = makeProgramDir("chime-e2e-program-");
  cpSync(programSource, program.dir, { recursive: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: `stack${++stacks}`, workDir: program.dir },
    {
      envVars: {
        PULUMI_BACKEND_URL: backendUrl,
        PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
        AWS_REGION: "us-east-1",
        ...CANARY_CREDENTIALS,
      },
    },
  );
  await stack.setAllConfig({
    "chime:endpoint": { value: local.url },
    ...Object.fromEntries(Object.entries(config).map(([key, value]) => [key, { value }])),
  });
  return {
    stack,
    dir: program.dir,
    remove: async () => {
      await stack.workspace.removeStack(stack.name, { force: true }).catch(() => undefined);
      program.remove();
    },
  };
}

export const PROGRAMS = join(__dirname, "..", "programs");

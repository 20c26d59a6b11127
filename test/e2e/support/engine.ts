import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
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
 * A secret stack config value every test stack gets. The engine copies the whole stack config into the
 * state of the default provider that runs dynamic resources; the state audit proves it stays encrypted.
 */
export const SECRET_CONFIG_CANARY = "e2e-secret-config-canary-value";

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
  /** A stack name and its config file (with its encryption salt), for a stack imported from a fixture. */
  existing?: { stackName: string; configFile: string },
): Promise<ProgramStack> {
  const program = makeProgramDir("chime-e2e-program-");
  cpSync(programSource, program.dir, { recursive: true });
  const stackName = existing?.stackName ?? `stack${++stacks}`;
  if (existing) copyFileSync(existing.configFile, join(program.dir, `Pulumi.${stackName}.yaml`));
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName, workDir: program.dir },
    {
      envVars: {
        PULUMI_BACKEND_URL: backendUrl,
        PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
        // TypeScript programs (the examples) are type-checked by `npm test` (tsc, before any suite), so
        // ts-node does not check them again in every preview and up: seconds each on this machine.
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
        AWS_REGION: "us-east-1",
        ...CANARY_CREDENTIALS,
      },
    },
  );
  await stack.setAllConfig({
    "chime:endpoint": { value: local.url },
    "chime:canarySecret": { value: SECRET_CONFIG_CANARY, secret: true },
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

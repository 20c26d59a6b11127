/**
 * Python programs on the engine: our language host (tools/pulumi/language-python), `pulumi install`,
 * and the program's virtualenv.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import type { ProgramStack } from "./engine";

const run = promisify(execFile);

/** pip quietly: no version nag, no prompt. The download cache stays pip's own (~/.cache/pip). */
export const PIP_ENV = { PIP_DISABLE_PIP_VERSION_CHECK: "1", PIP_NO_INPUT: "1" };

/**
 * Fails, with what to do, unless the Python language host is where the engine looks and python3 runs:
 * these suites never skip silently.
 */
export function requirePythonHost(): void {
  const pulumiDir = spawnSync("sh", ["-c", 'dirname "$(readlink -f "$(command -v pulumi)")"'], {
    encoding: "utf8",
  }).stdout.trim();
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .some((dir) => existsSync(join(dir, "pulumi-language-python")));
  if (!onPath && !existsSync(join(pulumiDir, "pulumi-language-python"))) {
    throw new Error(
      "Python programs need pulumi-language-python beside pulumi or on PATH. Run the suites through `npm test`, " +
        "whose scripts/ensure-pulumi.sh builds it (tools/pulumi/language-python).",
    );
  }
  const python = spawnSync("python3", ["--version"], { encoding: "utf8" });
  if (python.status !== 0) {
    throw new Error(
      `Python programs need python3 on PATH (3.10 or later): ${python.error?.message ?? python.stderr}`,
    );
  }
}

/** Replaces `from` (which must be there) with `to` in a file of the program's copy. */
export function rewrite(program: ProgramStack, file: string, from: string, to: string): void {
  const path = join(program.dir, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${path} has no ${JSON.stringify(from)} to replace`);
  writeFileSync(path, text.replace(from, to));
}

/** `pulumi install` in the program's directory (it takes no --stack), with the stack's environment. */
export async function pulumiInstall(program: ProgramStack): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run("pulumi", ["install", "--non-interactive"], {
      cwd: program.dir,
      env: { ...process.env, ...program.stack.workspace.envVars, ...PIP_ENV },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`pulumi install failed:\n${stdout ?? ""}\n${stderr ?? String(error)}`);
  }
}

/** Runs the virtualenv's python with `args`, failing with its stderr. */
export async function venvPython(venv: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(join(venv, "bin", "python"), args, {
      cwd,
      env: { ...process.env, ...PIP_ENV },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${venv}/bin/python ${args.join(" ")} failed:\n${stderr ?? String(error)}`);
  }
}

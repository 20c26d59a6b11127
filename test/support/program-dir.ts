import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository root: the installed `pulumi-chime-sdk` package, once built. */
export const PACKAGE_ROOT = resolve(__dirname, "..", "..");

/**
 * A temporary directory laid out like a user's Pulumi program: `node_modules/pulumi-chime-sdk` (and
 * `@pulumi/pulumi`) link to this repository, so `require("pulumi-chime-sdk/...")` from there loads the
 * compiled package as it would in a user's project.
 */
export function makeProgramDir(prefix = "chime-program-"): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, "node_modules", "@pulumi"), { recursive: true });
  symlinkSync(PACKAGE_ROOT, join(dir, "node_modules", "pulumi-chime-sdk"), "dir");
  symlinkSync(
    join(PACKAGE_ROOT, "node_modules", "@pulumi", "pulumi"),
    join(dir, "node_modules", "@pulumi", "pulumi"),
    "dir",
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

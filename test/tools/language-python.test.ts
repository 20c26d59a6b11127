/**
 * Our Python language host's own rules (tools/pulumi/language-python/main_test.go: the plugin version
 * of a package's PEP 440 version, the plugin an installed package asks for), run with the machine's Go.
 * Its behaviour on the engine is test/e2e/python-kiosks.test.ts's.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../support/program-dir";

describe("pulumi-language-python (tools/pulumi/language-python): go test", function () {
  // Compiles the host's package and its test: seconds with the engine build's Go build cache.
  this.timeout(600_000);

  it("passes its Go tests (semverOfPEP440, requiredPackage)", () => {
    try {
      execFileSync("go", ["test", "-mod=readonly", "-count=1", "./language-python"], {
        cwd: join(PACKAGE_ROOT, "tools", "pulumi"),
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`go test ./language-python failed:\n${stdout ?? ""}${stderr ?? String(error)}`);
    }
  });
});

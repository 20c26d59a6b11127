/**
 * The Go programs' module versions (examples/go-*, test/e2e/programs/go-*, bench/programs/go-*) against
 * the Pulumi CLI's (tools/pulumi/go.mod): every module both require is at the CLI's version, so that a
 * program built with the CLI's flags reuses the packages the CLI build compiled (CI builds each Go
 * program in seconds instead of minutes; scripts/align-go-programs.sh, docs/plugin.md). A drift only
 * costs time, but it costs it on every fresh CI machine.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { PACKAGE_ROOT } from "../support/program-dir";

/** The `require`d module versions of a go.mod, by module path. */
function requirements(goMod: string): Map<string, string> {
  const versions = new Map<string, string>();
  const text = readFileSync(goMod, "utf8");
  for (const block of text.matchAll(/^require\s*\(([\s\S]*?)^\)/gm)) {
    for (const line of block[1].split("\n")) {
      const [path, version] = line.trim().split(/\s+/);
      if (path && version && !path.startsWith("//")) versions.set(path, version);
    }
  }
  for (const single of text.matchAll(/^require[ \t]+([^\s(]\S*)[ \t]+(\S+)/gm))
    versions.set(single[1], single[2]);
  return versions;
}

const GO_PROGRAMS = [
  ["examples", "go-"],
  ["test/e2e/programs", "go-"],
  ["bench/programs", "go-"],
].flatMap(([dir, prefix]) =>
  readdirSync(join(PACKAGE_ROOT, dir))
    .filter((name) => name.startsWith(prefix) && existsSync(join(PACKAGE_ROOT, dir, name, "go.mod")))
    .map((name) => `${dir}/${name}`),
);

describe("Go programs: module versions as the Pulumi CLI build's (tools/pulumi/go.mod)", () => {
  const cli = requirements(join(PACKAGE_ROOT, "tools", "pulumi", "go.mod"));

  it("finds the Go programs, and the CLI's requirements", () => {
    expect(GO_PROGRAMS).to.include.members([
      "examples/go-kiosks",
      "test/e2e/programs/go-host",
      "test/e2e/programs/go-provider",
      "bench/programs/go-attendees",
    ]);
    expect(cli.get("github.com/pulumi/pulumi/sdk/v3")).to.match(/^v3\./);
  });

  for (const program of GO_PROGRAMS) {
    it(`${program}/go.mod requires every module the CLI requires at the CLI's version (else: bash scripts/align-go-programs.sh)`, () => {
      const drift = [...requirements(join(PACKAGE_ROOT, program, "go.mod"))]
        .filter(([path, version]) => cli.has(path) && cli.get(path) !== version)
        .map(([path, version]) => `${path} ${version} (the CLI: ${cli.get(path)})`);
      expect(drift).to.deep.equal([]);
    });
  }
});

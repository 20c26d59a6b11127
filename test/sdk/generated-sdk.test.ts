/**
 * The plugin's Node.js SDK (sdk/nodejs, shipped as `pulumi-chime-sdk/plugin`) is generated from
 * schema.json by Pulumi's own code generator (tools/pulumi/gen-sdk) and committed (issue 14, item 7).
 * These tests hold the committed copy to the schema, and the compiled export to what users import.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect } from "chai";
import { PACKAGE_ROOT } from "../support/program-dir";

const COMMITTED = join(PACKAGE_ROOT, "sdk", "nodejs");
const COMPILED = join(PACKAGE_ROOT, "dist", "sdk", "nodejs");

/** Every file under `dir`, as paths relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** What differs between two SDK trees, one line per file; empty when they are byte-for-byte equal. */
function differences(expected: string, actual: string): string[] {
  const expectedFiles = filesUnder(expected);
  const actualFiles = filesUnder(actual);
  const lines: string[] = [];
  for (const file of expectedFiles) {
    if (!actualFiles.includes(file)) lines.push(`${file}: generated, but not committed`);
    else if (!readFileSync(join(expected, file)).equals(readFileSync(join(actual, file))))
      lines.push(`${file}: differs from what the schema generates`);
  }
  for (const file of actualFiles) {
    if (!expectedFiles.includes(file)) lines.push(`${file}: committed, but no longer generated`);
  }
  return lines;
}

describe("The generated Node.js SDK (sdk/nodejs, pulumi-chime-sdk/plugin)", function () {
  // The generator is a Go program: `go run` compiles it on first use, its Pulumi packages from the
  // engine build's Go build cache (seconds); without that cache, the first run compiles them (minutes).
  this.timeout(600_000);

  it("GIVEN the committed schema.json WHEN the SDK is regenerated THEN it equals the committed sdk/nodejs byte for byte", () => {
    const scratch = mkdtempSync(join(tmpdir(), "chime-sdk-gen-"));
    try {
      const out = join(scratch, "nodejs");
      try {
        execFileSync("bash", [join(PACKAGE_ROOT, "scripts", "gen-sdk.sh"), out], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
      } catch (error) {
        const { stderr } = error as { stderr?: string };
        throw new Error(`scripts/gen-sdk.sh failed:\n${stderr ?? String(error)}`);
      }
      const drift = differences(out, COMMITTED);
      expect(
        drift,
        `sdk/nodejs is not what schema.json generates; run \`npm run gen:sdk\` and commit the result:\n  ${drift.join("\n  ")}\n`,
      ).to.deep.equal([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  describe("as the package ships it (compiled, imported by name)", () => {
    before(() => {
      if (!existsSync(join(COMPILED, "index.js"))) {
        throw new Error(
          "dist/sdk/nodejs is missing: run `npm run build` (the test command does) before these tests",
        );
      }
    });

    /** The SDK's resource classes, each with the type token the generator gave it. */
    type ResourceClass = { readonly __pulumiType: string; isInstance(obj: unknown): boolean };

    it("exports Meeting, Attendee, AttendeeBatch, MeetingTags and Provider for the chime plugin's types", () => {
      const sdk: Record<string, ResourceClass> = require("pulumi-chime-sdk/plugin");
      const tokens = Object.fromEntries(
        ["Meeting", "Attendee", "AttendeeBatch", "MeetingTags", "Provider"].map((name) => [
          name,
          sdk[name]?.__pulumiType,
        ]),
      );
      expect(tokens).to.deep.equal({
        Meeting: "chime:index:Meeting",
        Attendee: "chime:index:Attendee",
        AttendeeBatch: "chime:index:AttendeeBatch",
        MeetingTags: "chime:index:MeetingTags",
        Provider: "chime", // the engine's provider type is pulumi:providers:chime
      });
    });

    it("asks the engine for the plugin at this package's version and names no download URL (the plugin is found on PATH)", () => {
      // resourceOptsDefaults() is @internal in the SDK: the options every generated resource merges
      // under its own, and the only place the generator puts a version or pluginDownloadURL.
      const utilities: { resourceOptsDefaults(): Record<string, unknown> } = require(
        join(COMPILED, "utilities.js"),
      );
      const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8"));
      expect(utilities.resourceOptsDefaults()).to.deep.equal({ version });
    });
  });
});

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect } from "chai";
import { PACKAGE_ROOT } from "../support/program-dir";

/**
 * The pinned legacy SDK (`@aws-sdk/client-chime`) costs a provider process time and memory (issue 15
 * measured it): a process with no legacy resource must not load it. Run in a fresh Node process, on the
 * compiled package, as the engine's provider process runs it.
 */
function legacyModulesLoaded(script: string): number {
  const out = execFileSync(process.execPath, ["-e", script], { cwd: PACKAGE_ROOT, encoding: "utf8" });
  return Number(out.trim());
}

const COUNT = `console.log(Object.keys(require.cache).filter((k) => /@aws-sdk[\\\\/]client-chime[\\\\/]/.test(k)).length)`;

describe("The legacy SDK is loaded only for legacy resources", () => {
  const dist = join(PACKAGE_ROOT, "dist", "provider");

  it("GIVEN a provider process with Chime SDK Meetings resources only WHEN it checks THEN the legacy SDK is not loaded", () => {
    const script = `
      require(${JSON.stringify(join(dist, "index.js"))});
      const runtime = require(${JSON.stringify(join(dist, "dynamic", "runtime.js"))});
      runtime.attendee.check({}, { meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c", externalUserId: "kiosk", region: "us-east-1" })
        .then(() => { ${COUNT}; });`;
    expect(legacyModulesLoaded(script)).to.equal(0);
  });

  it("GIVEN a legacy attendee WHEN its I/O is made THEN the legacy SDK is loaded (the check above can fail)", () => {
    const script = `
      const { attendeeIo } = require(${JSON.stringify(join(dist, "namespaces", "index.js"))});
      const { ChimeConfig } = require(${JSON.stringify(join(dist, "aws", "config.js"))});
      attendeeIo(new ChimeConfig())({ namespace: "legacy", region: "us-east-1" }, []);
      ${COUNT};`;
    expect(legacyModulesLoaded(script)).to.be.above(0);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { resourceOptsDefaults } from "../../sdk/nodejs/utilities";
import { PACKAGE_ROOT } from "../support/program-dir";

// What the engine is told to look for (issue 23): every way a program names the plugin asks for
// exactly the package's version, from the schema's download URL, a placeholder that can never reach
// anyone's host (docs/plugin.md, "Where a release's archives would be downloaded from").

const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as {
  version: string;
};
/** Pulumi's placeholder for the version in a download URL (the engine fills it in). */
const VERSION_PLACEHOLDER = ["$", "{VERSION}"].join("");
const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, "schema.json"), "utf8")) as {
  version: string;
  pluginDownloadURL?: string;
};

describe("The plugin's identity: the version and download URL programs ask the engine for", () => {
  it("schema.json is of the package's version", () => {
    expect(schema.version).to.equal(version);
  });

  it("schema.json names a pluginDownloadURL: https, with the version in its path, on a reserved host that never resolves (.invalid)", () => {
    const url = new URL((schema.pluginDownloadURL ?? "").replace(VERSION_PLACEHOLDER, version));
    expect(url.protocol).to.equal("https:");
    expect(url.hostname.endsWith(".invalid"), url.hostname).to.equal(true);
    expect(schema.pluginDownloadURL).to.include(`/v${VERSION_PLACEHOLDER}`);
  });

  it("the Node.js SDK's resources ask for exactly the package's version, from that URL", () => {
    expect(resourceOptsDefaults()).to.deep.equal({ version, pluginDownloadURL: schema.pluginDownloadURL });
  });

  it("examples/yaml-kiosks pins the same version and URL in the package file `pulumi package add chime` writes, and only that one", () => {
    const dir = join(PACKAGE_ROOT, "examples", "yaml-kiosks", "sdks", "chime");
    expect(readdirSync(dir)).to.deep.equal([`chime-${version}.yaml`]);
    const fields = Object.fromEntries(
      readFileSync(join(dir, `chime-${version}.yaml`), "utf8")
        .split("\n")
        .filter((line) => line.includes(": "))
        .map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]),
    );
    expect(fields).to.deep.equal({
      packageDeclarationVersion: "1",
      name: "chime",
      version,
      downloadUrl: schema.pluginDownloadURL,
    });
  });
});

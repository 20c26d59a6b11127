/**
 * The plugin's SDKs are generated from schema.json by Pulumi's own code generators
 * (tools/pulumi/gen-sdk) and committed: sdk/nodejs (shipped as `pulumi-chime-sdk/plugin`, issue 14,
 * item 7), sdk/python (the Python package `pulumi_chime`) and sdk/go (the Go module with package
 * `chime`, issue 22). These tests hold the committed copies to the schema, and each SDK to what its
 * users import.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { expect } from "chai";
import { PACKAGE_ROOT } from "../support/program-dir";

const SDK_ROOT = join(PACKAGE_ROOT, "sdk");
const COMPILED = join(PACKAGE_ROOT, "dist", "sdk", "nodejs");
const LANGUAGES = ["nodejs", "python", "go"] as const;
const { version: PACKAGE_VERSION } = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8"));
const SCHEMA = JSON.parse(readFileSync(join(PACKAGE_ROOT, "schema.json"), "utf8"));
/** Where a release's plugin archives would be downloaded from: the schema's placeholder (docs/plugin.md). */
const DOWNLOAD_URL: string = SCHEMA.pluginDownloadURL;

/** What a Python build leaves beside the sources (`pip install ./sdk/python` builds in place). */
const BUILD_LEFTOVER = /^(__pycache__|build|dist|.*\.egg-info)$/;

/** Every file under `dir`, as paths relative to it, sorted; a Python build's leftovers are not files of the SDK. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(sep).some((part) => BUILD_LEFTOVER.test(part)))
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

/** Runs a command, failing with its stderr. */
function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stderr ?? String(error)}`);
  }
}

describe("The generated SDKs (sdk/nodejs, sdk/python, sdk/go)", function () {
  // The generator is a Go program: `go run` compiles it on first use, its Pulumi packages from the
  // engine build's Go build cache (seconds); without that cache, the first run compiles them (minutes).
  this.timeout(600_000);

  let scratch = "";
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), "chime-sdk-gen-"));
    run("bash", [join(PACKAGE_ROOT, "scripts", "gen-sdk.sh"), scratch], PACKAGE_ROOT);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  for (const language of LANGUAGES) {
    it(`GIVEN the committed schema.json WHEN the SDKs are regenerated THEN sdk/${language} equals the committed copy byte for byte`, () => {
      const drift = differences(join(scratch, language), join(SDK_ROOT, language));
      expect(
        drift,
        `sdk/${language} is not what schema.json generates; run \`npm run gen:sdk\` and commit the result:\n  ${drift.join("\n  ")}\n`,
      ).to.deep.equal([]);
    });
  }

  it("the schema's version is the npm package's: the version every SDK asks the engine for", () => {
    expect(SCHEMA.version).to.equal(PACKAGE_VERSION);
  });
});

describe("The generated Node.js SDK (sdk/nodejs, pulumi-chime-sdk/plugin)", () => {
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

    it("asks the engine for the plugin at this package's version, from the schema's pluginDownloadURL (issue 23)", () => {
      // resourceOptsDefaults() is @internal in the SDK: the options every generated resource merges
      // under its own, and the only place the generator puts a version or pluginDownloadURL.
      const utilities: { resourceOptsDefaults(): Record<string, unknown> } = require(
        join(COMPILED, "utilities.js"),
      );
      expect(utilities.resourceOptsDefaults()).to.deep.equal({
        version: PACKAGE_VERSION,
        pluginDownloadURL: DOWNLOAD_URL,
      });
    });
  });
});

/** The resource classes each SDK must have, by the type token the engine sees. */
const RESOURCES: Record<string, string> = {
  Meeting: "chime:index:Meeting",
  Attendee: "chime:index:Attendee",
  AttendeeBatch: "chime:index:AttendeeBatch",
  MeetingTags: "chime:index:MeetingTags",
  Provider: "pulumi:providers:chime",
};

/**
 * A Python or Go SDK's pulumi-plugin.json. Language hosts report a program's plugins from it, and
 * `pulumi install` would try to download a reported plugin missing from the plugin cache (it ignores
 * PATH): `"resource": false` keeps chime (which ships on npm) unreported, so the engine finds
 * `pulumi-resource-chime` on PATH when the program declares a resource, as for the Node.js SDK.
 */
const PLUGIN_JSON = { resource: false, name: "chime", version: PACKAGE_VERSION, server: DOWNLOAD_URL };

describe("The generated Python SDK (sdk/python, the package pulumi_chime)", () => {
  const dir = join(SDK_ROOT, "python");

  it("is the package pulumi_chime at the npm package's version, depending on pulumi from PyPI, with a readme pip can find", () => {
    const pyproject = readFileSync(join(dir, "pyproject.toml"), "utf8");
    expect(pyproject).to.match(/^\s*name = "pulumi_chime"$/m);
    expect(pyproject).to.match(
      new RegExp(`^\\s*version = "${PACKAGE_VERSION.replaceAll(".", "\\.")}"$`, "m"),
    );
    expect(pyproject).to.match(/"pulumi>=3\.\d+\.\d+,<4\.0\.0"/);
    expect(pyproject).to.match(/^\s*readme = "README.md"$/m);
    expect(existsSync(join(dir, "README.md")), "sdk/python/README.md (pyproject.toml's readme)").to.equal(
      true,
    );
  });

  it("names no plugin to install, and the schema's pluginDownloadURL (the engine finds pulumi-resource-chime on PATH or installed)", () => {
    expect(JSON.parse(readFileSync(join(dir, "pulumi_chime", "pulumi-plugin.json"), "utf8"))).to.deep.equal(
      PLUGIN_JSON,
    );
    // _utilities.get_version() reads the installed distribution's version (pyproject's, above).
    const utilities = readFileSync(join(dir, "pulumi_chime", "_utilities.py"), "utf8");
    expect(utilities).to.include(`def get_plugin_download_url():\n\treturn "${DOWNLOAD_URL}"`);
    expect(utilities).to.include("importlib.metadata.version(root_package)");
  });

  it("has the classes Meeting, Attendee, AttendeeBatch, MeetingTags and Provider for the plugin's types, each resource with a static get()", () => {
    // Read with Python's own parser (no pulumi needed): class name -> [type token, has a static get].
    const script = [
      "import ast, json, pathlib, sys",
      "out = {}",
      "for f in sorted(pathlib.Path(sys.argv[1]).glob('*.py')):",
      "    for node in ast.parse(f.read_text()).body:",
      "        if isinstance(node, ast.ClassDef):",
      "            token = [d.args[0].value for d in node.decorator_list if isinstance(d, ast.Call) and getattr(d.func, 'attr', '') == 'type_token']",
      "            get = any(isinstance(m, ast.FunctionDef) and m.name == 'get' and any(getattr(d, 'id', '') == 'staticmethod' for d in m.decorator_list) for m in node.body)",
      "            if token: out[node.name] = [token[0], get]",
      "print(json.dumps(out))",
    ].join("\n");
    const classes: Record<string, [string, boolean]> = JSON.parse(
      run("python3", ["-c", script, join(dir, "pulumi_chime")], PACKAGE_ROOT),
    );
    for (const [name, token] of Object.entries(RESOURCES)) {
      expect(classes[name]?.[0], `pulumi_chime.${name}`).to.equal(token);
      if (name !== "Provider") expect(classes[name]?.[1], `pulumi_chime.${name}.get`).to.equal(true);
    }
  });
});

describe("The generated Go SDK (sdk/go, the module with package chime)", function () {
  // `go build` compiles the Pulumi Go SDK on first use (from the engine build's Go build cache: seconds).
  this.timeout(600_000);
  const dir = join(SDK_ROOT, "go");
  const importBasePath: string = SCHEMA.language.go.importBasePath;

  it("is a module whose package chime sits at schema.json's language.go.importBasePath and builds with the machine's Go", () => {
    const moduleLine = readFileSync(join(dir, "go.mod"), "utf8").match(/^module (\S+)$/m)?.[1];
    expect(`${moduleLine}/chime`).to.equal(importBasePath);
    // -mod=readonly: go.mod and go.sum are complete as committed.
    run("go", ["build", "-mod=readonly", "./..."], dir);
    const listed = run(
      "go",
      ["list", "-mod=readonly", "-f", "{{.ImportPath}} {{.Name}}", "./chime"],
      dir,
    ).trim();
    expect(listed).to.equal(`${importBasePath} chime`);
  });

  it("has New* and Get* for every resource, registering the plugin's types", () => {
    const sources = readdirSync(join(dir, "chime"))
      .filter((file) => file.endsWith(".go"))
      .map((file) => readFileSync(join(dir, "chime", file), "utf8"))
      .join("\n");
    for (const [name, token] of Object.entries(RESOURCES)) {
      expect(sources, `chime.New${name}`).to.include(`func New${name}(ctx *pulumi.Context,`);
      expect(sources, `chime.New${name} registers ${token}`).to.include(
        `ctx.RegisterResource("${token}", name, args, &resource, opts...)`,
      );
      if (name !== "Provider")
        expect(sources, `chime.Get${name}`).to.include(`func Get${name}(ctx *pulumi.Context,`);
    }
  });

  it("asks the engine for the chime plugin at the npm package's version from the schema's pluginDownloadURL, and names no plugin to install", () => {
    expect(JSON.parse(readFileSync(join(dir, "chime", "pulumi-plugin.json"), "utf8"))).to.deep.equal(
      PLUGIN_JSON,
    );
    const utilities = readFileSync(join(dir, "chime", "internal", "pulumiUtilities.go"), "utf8");
    // The resource and invoke option defaults: pulumi.Version at the schema's version, the schema's URL.
    expect(utilities.split(`version := semver.MustParse("${PACKAGE_VERSION}")`)).to.have.length(3);
    expect(utilities.split(`pulumi.PluginDownloadURL("${DOWNLOAD_URL}")`)).to.have.length(3);
  });
});

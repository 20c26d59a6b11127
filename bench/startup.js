#!/usr/bin/env node
// Benchmark `startup` (issue 23): how long the provider plugin takes from exec to its gRPC port on
// stdout (what the engine waits for before its first call, once per provider per preview or up), for
//   - the archive's single executable (dist/plugin/<platform>/pulumi-resource-chime, V8 code cache in it),
//   - `node bin/pulumi-resource-chime`, the Node script, as the engine starts it from PATH,
//   - the same with a warm NODE_COMPILE_CACHE (Node >= 22.1: what `npm test` sets; a user may not),
// side by side: BENCH_STARTUP_RUNS rounds (default 20), each starting every variant once in turn, so
// that load from elsewhere falls on all alike; medians and quartiles reported, with each process's
// CPU time (user + system: less bent by other load than wall time) and resident memory when it printed
// its port (medians). Also the archive's and the executable's sizes.
// Run through `npm run bench -- startup` (it compiles and builds the archive first), or alone after
// `npm run build && npm run package:plugin`: node bench/startup.js. Writes bench/results/startup.json
// (BENCH_STARTUP_REPORT).

const { execFileSync, spawn } = require("node:child_process");
const { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { cpus, loadavg, tmpdir } = require("node:os");
const { dirname, join } = require("node:path");

const root = join(__dirname, "..");
const { version } = require("../package.json");
const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 20);
const platform = `linux-${process.arch === "arm64" ? "arm64" : "amd64"}`;
const archive = join(root, "dist", "plugin", `pulumi-resource-chime-v${version}-${platform}.tar.gz`);
const executable = join(root, "dist", "plugin", platform, "pulumi-resource-chime");
const report = process.env.BENCH_STARTUP_REPORT ?? join(__dirname, "results", "startup.json");

function fail(message) {
  console.error(`bench/startup: ${message}`);
  process.exit(1);
}

/** Resident memory of a live process, in bytes (VmRSS), 0 once it is gone. */
function rss(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time a live process has used (user + system, every thread), in ms. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Starts `command` as the engine does (its address as the argument) and times exec → port on stdout. */
function startOnce(command, args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, [...args, "127.0.0.1:0"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let done = false;
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (!done && /^\d+\n/.test(stdout)) {
        done = true;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const bytes = rss(child.pid);
        const cpu = cpuMs(child.pid);
        child.kill();
        resolve({ ms, rss: bytes, cpu });
      }
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (!done) reject(new Error(`${command} exited (${code}) before printing its port: ${stderr}`));
    });
  });
}

const quantile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];

(async () => {
  if (!existsSync(executable) || !existsSync(archive)) {
    fail(`${archive} is missing: run \`npm run package:plugin\` (npm run bench -- startup does)`);
  }
  if (!existsSync(join(root, "dist", "provider", "plugin", "main.js"))) fail("run `npm run build` first");
  const compileCache = mkdtempSync(join(tmpdir(), "chime-bench-compile-cache-"));
  // No NODE_OPTIONS or compile cache from the caller: each variant says what it has.
  const base = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` };
  delete base.NODE_OPTIONS;
  delete base.NODE_COMPILE_CACHE;
  const script = join(root, "bin", "pulumi-resource-chime");
  const variants = [
    { name: "archive executable (code cache in the blob)", command: executable, args: [], env: base },
    { name: "node bin/pulumi-resource-chime", command: process.execPath, args: [script], env: base },
    {
      name: "node bin/pulumi-resource-chime, warm NODE_COMPILE_CACHE",
      command: process.execPath,
      args: [script],
      env: { ...base, NODE_COMPILE_CACHE: compileCache },
    },
  ];
  const load = [loadavg()[0]];
  // One start each first: fills the compile cache and the page cache, and is not counted.
  for (const v of variants) await startOnce(v.command, v.args, v.env);
  const samples = variants.map(() => []);
  for (let round = 0; round < runs; round++) {
    for (const [i, v] of variants.entries()) samples[i].push(await startOnce(v.command, v.args, v.env));
  }
  load.push(loadavg()[0]);
  rmSync(compileCache, { recursive: true, force: true });

  const rows = variants.map((v, i) => {
    const ms = samples[i].map((s) => s.ms).sort((a, b) => a - b);
    const mb = samples[i].map((s) => s.rss / 1e6).sort((a, b) => a - b);
    const cpu = samples[i].map((s) => s.cpu).sort((a, b) => a - b);
    return {
      name: v.name,
      medianMs: quantile(ms, 0.5),
      p25Ms: quantile(ms, 0.25),
      p75Ms: quantile(ms, 0.75),
      rssMb: quantile(mb, 0.5),
      cpuMs: quantile(cpu, 0.5),
    };
  });
  const sizes = { archiveMb: statSync(archive).size / 1e6, executableMb: statSync(executable).size / 1e6 };
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  console.log(
    `# plugin start-up, exec → port on stdout — ${when} UTC, ${runs} rounds, load ${load.map((l) => l.toFixed(1)).join(" → ")}, ${cpus().length} cores, ${cpus()[0].model}, node ${process.version}`,
  );
  console.log("| plugin | median ms | p25–p75 ms | vs the Node script | CPU ms to the port | RSS at port |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.medianMs.toFixed(0)} | ${r.p25Ms.toFixed(0)}–${r.p75Ms.toFixed(0)} | ${(r.medianMs / rows[1].medianMs).toFixed(2)}× | ${r.cpuMs.toFixed(0)} | ${r.rssMb.toFixed(0)} MB |`,
    );
  }
  console.log(
    `archive ${archive.slice(root.length + 1)}: ${sizes.archiveMb.toFixed(1)} MB; the executable unpacked: ${sizes.executableMb.toFixed(1)} MB`,
  );
  writeFileSync(
    report,
    `${JSON.stringify({ date: when, runs, load, cores: cpus().length, node: process.version, rows, sizes }, null, 2)}\n`,
  );
  // In the layout `npm run lint` checks (biome folds short arrays), so that a run leaves the tree clean
  // (a report outside the tree is not biome's: left as written).
  const biome = join(root, "node_modules", ".bin", "biome");
  execFileSync(biome, ["format", "--write", "--no-errors-on-unmatched", report], { stdio: "ignore" });
})().catch((error) => fail(error.stack ?? String(error)));

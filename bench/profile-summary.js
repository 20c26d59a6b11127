#!/usr/bin/env node
// Summarizes V8 CPU profiles (`node --cpu-prof`, e.g. from `BENCH_CPU_PROF=dir node … bench/engine.ts attendees`):
// for each .cpuprofile under the directories given, the process's busy time, its self time by where the
// code lives (our package, @pulumi/pulumi, gRPC, source maps, ts-node, …), the time spent under frames
// of interest (inclusive: a sample counts once if any frame of its stack matches), and the top functions
// by self time.
//   node bench/profile-summary.js <dir or .cpuprofile>… [--top 25]

const { readdirSync, readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

const args = process.argv.slice(2);
const topIndex = args.indexOf("--top");
const TOP = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 25;

/** Where a frame's code lives, by its URL (first match wins). */
const PLACES = [
  ["ours", /pulumi-chime-sdk\/|\/dist\/provider\/|\/dist\/emulator\//],
  ["aws-sdk/smithy", /@aws-sdk\/|@smithy\//],
  ["source-map-support", /source-map-support/],
  ["ts-node/typescript", /ts-node|\/typescript\//],
  ["grpc/protobuf", /@grpc\/|google-protobuf|\/proto\//],
  ["@pulumi/pulumi", /@pulumi\/pulumi\//],
  ["the program (index.js)", /chime-e2e-program-/],
  ["node internals", /^node:|^internal\//],
  ["other modules", /node_modules/],
];

/** Frames whose subtree is worth a number (inclusive time). */
const SUBTREES = [
  ["our code (any frame)", (f) => PLACES[0][1].test(f.url)],
  ["closure serialization (serializeFunction)", (f) => /^serialize(Function|Closure)/.test(f.functionName)],
  [
    "Error stack capture + source maps (prepareStackTrace)",
    (f) => /prepareStackTrace|captureStackTrace/.test(f.functionName) || /source-map-support/.test(f.url),
  ],
  ["debuggablePromise", (f) => f.functionName === "debuggablePromise"],
  [
    "module loading (require/compile)",
    (f) => /^(Module\._load|Module\._compile|require|wrapSafe|compileFunction)$/.test(f.functionName),
  ],
  ["gRPC / protobuf", (f) => /@grpc\/|google-protobuf/.test(f.url)],
  ["pulumi.Config", (f) => /\/config\.js$/.test(f.url) && /@pulumi\/pulumi/.test(f.url)],
  ["Output / apply", (f) => /@pulumi\/pulumi\/output\.js$/.test(f.url)],
  ["isSecret", (f) => /isSecret/.test(f.functionName)],
  ["dynamic provider server (cmd/dynamic-provider)", (f) => /cmd\/dynamic-provider/.test(f.url)],
  ["garbage collector", (f) => f.functionName === "(garbage collector)"],
];

function profiles(paths) {
  const found = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) found.push(...profiles(readdirSync(path).map((p) => join(path, p))));
    else if (path.endsWith(".cpuprofile")) found.push(path);
  }
  return found;
}

function placeOf(frame) {
  if (
    frame.functionName === "(idle)" ||
    frame.functionName === "(program)" ||
    frame.functionName === "(garbage collector)" ||
    frame.functionName === "(root)"
  )
    return frame.functionName;
  for (const [place, pattern] of PLACES) if (pattern.test(frame.url)) return place;
  return frame.url === "" ? "(native/builtin)" : "elsewhere";
}

function summarize(file) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const seconds = (ms) => Number((ms / 1000).toFixed(2));
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + ms);
    total += ms;
  }
  const places = new Map();
  const functions = new Map();
  const subtrees = new Map(SUBTREES.map(([name]) => [name, 0]));
  let idle = 0;
  for (const [id, ms] of self) {
    const frame = byId.get(id).callFrame;
    if (frame.functionName === "(idle)") idle += ms;
    const place = placeOf(frame);
    places.set(place, (places.get(place) ?? 0) + ms);
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/.*node_modules\//, "").replace(/.*\/dist\//, "dist/")}:${frame.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    // Inclusive: walk up the stack once, counting each subtree at most once per sample node.
    const hit = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const f = byId.get(node).callFrame;
      for (const [name, match] of SUBTREES) if (!hit.has(name) && match(f)) hit.add(name);
    }
    for (const name of hit) subtrees.set(name, subtrees.get(name) + ms);
  }
  const busy = total - idle;
  console.log(
    `\n### ${file}\nwall sampled ${seconds(total)} s, busy ${seconds(busy)} s (idle ${seconds(idle)} s)`,
  );
  console.log("self time by place:");
  for (const [place, ms] of [...places].sort((a, b) => b[1] - a[1])) {
    if (place !== "(idle)") console.log(`  ${place.padEnd(28)} ${seconds(ms)} s`);
  }
  console.log("inclusive time under:");
  for (const [name, ms] of subtrees) console.log(`  ${name.padEnd(56)} ${seconds(ms)} s`);
  console.log(`top ${TOP} functions by self time:`);
  for (const [key, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    if (!key.startsWith("(idle)")) console.log(`  ${seconds(ms).toFixed(2)} s  ${key}`);
  }
}

for (const file of profiles(args)) summarize(file);

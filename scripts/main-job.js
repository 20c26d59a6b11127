#!/usr/bin/env node
// The README's main command and its companions:
//   npm start                  pulumi up --refresh of the root program against the embedded local endpoint
//   npm run destroy            pulumi destroy of the same stack
//   npm run pulumi -- <args>   any pulumi command with the same environment (e.g. stack output --show-secrets)
// Add --aws (npm start -- --aws) to run against AWS with your credentials instead of the local endpoint.

const { spawn, execFileSync } = require("node:child_process");
const { existsSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const STACK = process.env.CHIME_MAIN_STACK || "dev";
// The tests run the main job with their own stack, endpoint state and backend.
const STATE_DIR = process.env.CHIME_MAIN_STATE_DIR || join(root, ".chime-local");
const BACKEND_DIR = join(root, ".pulumi-state");

function fail(message) {
  console.error(`main-job: ${message}`);
  process.exit(1);
}

function pulumi(args, env, capture = false) {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, {
      cwd: root,
      env,
      stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"],
    });
    let out = "";
    if (capture) child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`pulumi ${args[0]} exited with ${code}`)),
    );
  });
}

async function main() {
  const [mode = "up", ...rest] = process.argv.slice(2);
  const useAws = rest.includes("--aws");
  const passthrough = rest.filter((arg) => arg !== "--aws");
  if (!existsSync(join(root, "dist", "emulator", "index.js")))
    fail("dist/ is missing: run `npm run setup` first");
  execFileSync("bash", [join(root, "scripts", "link-self.sh")], { stdio: "inherit" });
  const pulumiBin = execFileSync("bash", [join(root, "scripts", "ensure-pulumi.sh")], { encoding: "utf8" })
    .trim()
    .split("\n")
    .pop();

  mkdirSync(BACKEND_DIR, { recursive: true });
  // STATE_DIR is made by startChimeLocal, mode 0700: its state file holds JoinTokens.
  const env = {
    ...process.env,
    PATH: `${pulumiBin}:${join(root, "node_modules", ".bin")}:${process.env.PATH}`,
    PULUMI_BACKEND_URL: process.env.PULUMI_BACKEND_URL || `file://${BACKEND_DIR}`,
    // The demo stack's secrets are encrypted with this passphrase; set your own to keep them yours.
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "chime-local-demo",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    AWS_REGION: process.env.AWS_REGION || "us-east-1",
  };

  let local;
  if (!useAws) {
    const { startChimeLocal } = require(join(root, "dist", "emulator"));
    local = await startChimeLocal({ stateFile: join(STATE_DIR, "state.json") });
    // The local endpoint accepts any signed request: no AWS account is involved.
    Object.assign(env, {
      AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: local.url,
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_SESSION_TOKEN: "",
      AWS_PROFILE: "",
    });
    console.log(`main-job: local Chime SDK Meetings endpoint at ${local.url} (state in .chime-local/)`);
  }
  try {
    await pulumi(["stack", "select", STACK, "--create"], env);
    if (mode === "up") {
      await pulumi(["up", "--yes", "--refresh", "--skip-preview", ...passthrough], env);
      const outputs = JSON.parse(await pulumi(["stack", "output", "--json"], env, true));
      console.log("");
      console.log(
        `Meeting ${outputs.meetingId} has ${outputs.botNames.length} bot attendees: ${outputs.botNames.join(", ")}.`,
      );
      console.log("Their AttendeeIds and JoinTokens are secrets, encrypted in the stack. To read them:");
      console.log("  npm run pulumi -- stack output botJoinInfo --show-secrets");
      console.log("Run `npm start` again: it converges with no changes. `npm run destroy` removes it all.");
    } else if (mode === "destroy") {
      await pulumi(["destroy", "--yes", ...passthrough], env);
    } else if (mode === "pulumi") {
      await pulumi(passthrough, env);
    } else {
      fail(`unknown mode ${JSON.stringify(mode)}: use up, destroy or pulumi`);
    }
  } finally {
    await local?.close();
  }
}

main().catch((error) => fail(error.message));

#!/usr/bin/env node
/**
 * `chime-local`: runs the local Chime SDK Meetings endpoint until SIGTERM or SIGINT. The first line
 * on stdout carries the URL (scripts wait for it); everything else goes to stderr.
 */
import { parseArgs } from "node:util";
import { type ChimeLocalOptions, startChimeLocal } from "./index";
import { StateFileError } from "./state-file";

const USAGE = `Usage: chime-local [options]

A local Amazon Chime SDK Meetings endpoint (API 2021-07-15) for the official AWS SDK clients,
with the legacy Amazon Chime meeting API (2018-05-01) under /legacy.

Options:
  --port <n>            TCP port, 0 for any free port (default 0)
  --host <addr>         address to bind (default 127.0.0.1)
  --state <file>        persist meetings, attendees and tags to this JSON file
  --rate-limit <tps>    per-operation token bucket of <tps> requests/s (default: unlimited)
  --region <region>     control-plane region used in MeetingArn (default us-east-1)
  --account-id <id>     12-digit account used in MeetingArn (default 123456789012)
  --max-meetings <n>    live meetings allowed at once (default: unlimited; AWS default 250)
  --verify-signatures   verify SigV4 signatures against AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
  --help                show this help

Point a client at it with endpoint = the printed URL, any region and any credentials, e.g.
  AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS=http://127.0.0.1:<port>
The legacy Amazon Chime meeting API (2018-05-01, @aws-sdk/client-chime) is served under /legacy:
  AWS_ENDPOINT_URL_CHIME=http://127.0.0.1:<port>/legacy   (region us-east-1)
`;

class UsageError extends Error {}

function number(name: string, raw: string | undefined, check: (n: number) => boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || !check(n))
    throw new UsageError(`invalid value for --${name}: ${raw}`);
  return n;
}

export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): ChimeLocalOptions | "help" {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  const options: ChimeLocalOptions = {
    port: number("port", values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535) ?? 0,
    host: values.host ?? "127.0.0.1",
  };
  if (values.state !== undefined) options.stateFile = values.state;
  const rate = number("rate-limit", values["rate-limit"], (n) => n > 0);
  if (rate !== undefined) options.rateLimit = rate;
  if (values.region !== undefined) {
    if (!/^[a-z0-9-]+$/.test(values.region))
      throw new UsageError(`invalid value for --region: ${values.region}`);
    options.region = values.region;
  }
  if (values["account-id"] !== undefined) {
    if (!/^\d{12}$/.test(values["account-id"])) {
      throw new UsageError(`invalid value for --account-id (12 digits): ${values["account-id"]}`);
    }
    options.accountId = values["account-id"];
  }
  const max = number("max-meetings", values["max-meetings"], (n) => Number.isInteger(n) && n >= 1);
  if (max !== undefined) options.maxMeetings = max;
  if (values["verify-signatures"]) {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new UsageError(
        "--verify-signatures needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment",
      );
    }
    options.credentials = { accessKeyId, secretAccessKey };
  }
  return options;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      state: { type: "string" },
      "rate-limit": { type: "string" },
      region: { type: "string" },
      "account-id": { type: "string" },
      "max-meetings": { type: "string" },
      "verify-signatures": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
}

async function main(): Promise<number | undefined> {
  let options: ChimeLocalOptions | "help";
  try {
    options = parseCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`chime-local: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  let local: Awaited<ReturnType<typeof startChimeLocal>>;
  try {
    local = await startChimeLocal(options);
  } catch (error) {
    const message =
      error instanceof StateFileError ? error.message : `cannot start: ${(error as Error).message}`;
    process.stderr.write(`chime-local: ${message}\n`);
    return 1;
  }
  process.stdout.write(`chime-local listening on ${local.url}\n`);
  if (options.stateFile !== undefined) process.stderr.write(`chime-local: state file ${options.stateFile}\n`);
  const stop = (signal: string): void => {
    process.stderr.write(`chime-local: ${signal}, stopping\n`);
    local.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`chime-local: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  return undefined;
}

if (require.main === module) {
  main().then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: Error) => {
      process.stderr.write(`chime-local: ${error.stack ?? error.message}\n`);
      process.exitCode = 1;
    },
  );
}

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { CANARY_CREDENTIALS, SECRET_CONFIG_CANARY } from "./engine";

/** The largest `__provider` allowed in state: it is stored twice per resource. */
export const MAX_PROVIDER_BYTES = 2048;

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Reads every file the `file://` backend holds (the stacks' checkpoints, their backups and history:
 * what `pulumi stack export` without --show-secrets gives, and more) and checks that none of `secrets`
 * (JoinTokens and AttendeeIds fetched from the endpoint), no credential and no secret config value appears
 * in them in plaintext,
 * and that every serialized provider is small and holds no endpoint (`dynamic: false`: a stack of the
 * provider plugin's resources, which has none).
 * (The Automation API's `exportStack` decrypts secrets, so it cannot serve here.)
 */
export function auditState(
  backendDir: string,
  secrets: string[],
  endpoint: string,
  options: { dynamic?: boolean } = {},
): void {
  const files = filesUnder(join(backendDir, ".pulumi"));
  const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
  expect(secrets.length, "the audit needs the secret values to look for").to.be.greaterThan(0);
  for (const secret of secrets) {
    expect(text.includes(secret), "a secret value appears in plaintext in the state").to.equal(false);
  }
  for (const credential of Object.values(CANARY_CREDENTIALS)) {
    expect(text.includes(credential), "a credential appears in the state").to.equal(false);
  }
  expect(text.includes(SECRET_CONFIG_CANARY), "a secret config value appears in the state").to.equal(false);
  const checkpoints = files.filter((f) => f.includes(join(".pulumi", "stacks")) && f.endsWith(".json"));
  expect(checkpoints.length, "the backend holds a checkpoint").to.be.greaterThan(0);
  const resources = checkpoints.flatMap(
    (f) =>
      (JSON.parse(readFileSync(f, "utf8")).checkpoint?.latest?.resources ?? []) as Array<{
        inputs?: Record<string, unknown>;
        outputs?: Record<string, unknown>;
      }>,
  );
  expect(resources.length, "the checkpoint holds resources").to.be.greaterThan(0);
  const providers = resources.flatMap((r) => [r.inputs?.__provider, r.outputs?.__provider]).filter(Boolean);
  if (options.dynamic === false) {
    expect(providers, "a plugin stack holds no serialized provider").to.deep.equal([]);
    return;
  }
  expect(providers.length, "the state holds serialized providers").to.be.greaterThan(0);
  for (const provider of providers) {
    expect(provider, "__provider is stored as plain serialized code").to.be.a("string");
    expect((provider as string).length).to.be.at.most(MAX_PROVIDER_BYTES);
    expect(provider as string).not.to.include(endpoint);
  }
}

/** Checks that no secret value appears in what the CLI printed. */
export function auditOutput(output: string, secrets: string[]): void {
  for (const secret of secrets) {
    expect(output.includes(secret), "a secret value appears in the CLI output").to.equal(false);
  }
}

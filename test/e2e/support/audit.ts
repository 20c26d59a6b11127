import type { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { CANARY_CREDENTIALS } from "./engine";

/** The largest `__provider` allowed in state: it is stored twice per resource. */
export const MAX_PROVIDER_BYTES = 2048;

/**
 * Exports the stack (`pulumi stack export`, secrets left encrypted) and checks that none of `secrets`
 * (JoinTokens and AttendeeIds fetched from the endpoint), no credential and no endpoint appears in it in
 * plaintext, and that every serialized provider is small. Returns the export for further checks.
 */
export async function auditState(stack: Stack, secrets: string[], endpoint: string): Promise<string> {
  const deployment = await stack.exportStack();
  const text = JSON.stringify(deployment);
  expect(secrets.length, "the audit needs the secret values to look for").to.be.greaterThan(0);
  for (const secret of secrets) {
    expect(text.includes(secret), `a secret value appears in plaintext in the stack export`).to.equal(false);
  }
  for (const credential of Object.values(CANARY_CREDENTIALS)) {
    expect(text.includes(credential), "a credential appears in the stack export").to.equal(false);
  }
  const resources = (deployment.deployment?.resources ?? []) as Array<{
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
  }>;
  const providers = resources
    .flatMap((r) => [r.inputs?.__provider, r.outputs?.__provider])
    .filter((p) => p !== undefined);
  for (const provider of providers) {
    expect(provider, "__provider is stored as plain serialized code").to.be.a("string");
    expect((provider as string).length).to.be.at.most(MAX_PROVIDER_BYTES);
    expect(provider as string).not.to.include(endpoint);
  }
  return text;
}

/** Checks that no secret value appears in what the CLI printed. */
export function auditOutput(output: string, secrets: string[]): void {
  for (const secret of secrets) {
    expect(output.includes(secret), "a secret value appears in the CLI output").to.equal(false);
  }
}

import { existsSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { makeProgramDir, PACKAGE_ROOT } from "../support/program-dir";

// The dynamic-provider host turns state's `__provider` text back into an object with this package.
const requireFromString: (code: string) => {
  handler(): pulumi.dynamic.ResourceProvider;
} = require("require-from-string");

/** The shim as the package ships it: compiled, from dist/. */
function providerShim(
  kind: "attendee" | "meeting" | "attendeeBatch" | "meetingTags",
): pulumi.dynamic.ResourceProvider {
  return require(join(PACKAGE_ROOT, "dist", "provider", "dynamic", "shim.js")).providerShim(kind);
}

/** Serializes a provider exactly as `pulumi.dynamic.Resource` does for `__provider`. */
async function serialize(provider: pulumi.dynamic.ResourceProvider) {
  return pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
}

describe("The serialized provider (__provider in state)", () => {
  before(() => {
    if (!existsSync(join(PACKAGE_ROOT, "dist", "provider", "dynamic", "runtime.js"))) {
      throw new Error("dist/ is missing: run `npm run build` (the test command does) before these tests");
    }
  });

  for (const kind of ["attendee", "meeting", "attendeeBatch", "meetingTags"] as const) {
    it(`stays under 2 KB for the ${kind} provider (it is stored twice per resource)`, async () => {
      const { text } = await serialize(providerShim(kind));
      expect(text.length).to.be.at.most(2048);
    });
  }

  it("captures no value but the provider kind: no client, config, endpoint or credential", async () => {
    process.env.AWS_SECRET_ACCESS_KEY = "canary-secret-value";
    process.env.AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS = "http://127.0.0.1:1/canary-endpoint";
    try {
      const { text, containsSecrets } = await serialize(providerShim("attendee"));
      expect(containsSecrets).to.equal(false);
      expect(text).not.to.include("canary");
      expect(text).not.to.include("ChimeSDKMeetingsClient");
      expect(text).not.to.include(PACKAGE_ROOT);
      // The one captured value, and the load by package name that makes it a shim.
      expect(text).to.include('kind: "attendee"');
      expect(text).to.include('require("pulumi-chime-sdk/provider-runtime")[kind]');
    } finally {
      delete process.env.AWS_SECRET_ACCESS_KEY;
      delete process.env.AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS;
    }
  });

  it("turns back into a working provider in a program directory, running the installed code", async () => {
    const { text } = await serialize(providerShim("attendee"));
    const program = makeProgramDir();
    const cwd = process.cwd();
    try {
      process.chdir(program.dir);
      const provider = requireFromString(text).handler();
      const result = await provider.check!(
        {},
        { meetingId: "not-a-guid", externalUserId: "kiosk-1", region: "us-east-1" },
      );
      expect(result.failures).to.have.length(1);
      expect(result.failures![0]!.reason).to.include("meetingId must be a meeting GUID");
    } finally {
      process.chdir(cwd);
      program.remove();
    }
  });
});

describe("The shim's methods (provider/dynamic/shim.ts, from source)", () => {
  const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;
  const KINDS = ["attendee", "meeting", "attendeeBatch", "meetingTags"] as const;
  // The package's runtime as the shim loads it, by name: replaced in Node's module cache by a runtime
  // whose methods record their calls, so that each test sees where the shim sends what.
  const runtimePath = require.resolve("pulumi-chime-sdk/provider-runtime");
  const calls: Array<{ kind: string; method: string; args: unknown[] }> = [];
  let saved: NodeJS.Module | undefined;
  before(() => {
    saved = require.cache[runtimePath];
    const fake = Object.fromEntries(
      KINDS.map((kind) => [
        kind,
        Object.fromEntries(
          METHODS.map((method) => [
            method,
            (...args: unknown[]) => {
              calls.push({ kind, method, args });
              return `${kind}.${method}`;
            },
          ]),
        ),
      ]),
    );
    require.cache[runtimePath] = {
      id: runtimePath,
      filename: runtimePath,
      loaded: true,
      exports: fake,
    } as NodeJS.Module;
  });
  after(() => {
    if (saved) require.cache[runtimePath] = saved;
    else delete require.cache[runtimePath];
  });
  beforeEach(() => {
    calls.length = 0;
  });

  for (const kind of KINDS) {
    it(`the ${kind} shim hands every method, with its arguments, to the runtime's ${kind} and returns its answer`, async () => {
      const { providerShim } = await import("../../provider/dynamic/shim");
      const shim = providerShim(kind) as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const method of METHODS) {
        expect(shim[method]("a", { b: 1 }), method).to.equal(`${kind}.${method}`);
      }
      expect(calls).to.deep.equal(METHODS.map((method) => ({ kind, method, args: ["a", { b: 1 }] })));
    });
  }
});

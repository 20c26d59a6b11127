import type * as pulumi from "@pulumi/pulumi";
import type { KindKey } from "../kinds";

import type runtime = require("./runtime");

type Impl = (typeof runtime)[KindKey];

/**
 * The provider object handed to `pulumi.dynamic.Resource`, which Pulumi serializes into every resource's
 * state (`__provider`) and runs from there on refresh and destroy.
 *
 * It is a thin shim on purpose: each method loads the installed package by name and calls the real
 * implementation, so that
 * - state holds about a kilobyte of code and no captured value: no client, config, endpoint or
 *   credential can leak into it (the closure serializer would copy them in plaintext);
 * - refresh and destroy of an existing stack run the installed version's code, not a copy frozen in
 *   state when the resource was created.
 * `require` resolves from the program's directory, where the engine starts the provider process.
 * Only `kind` is captured: a string constant.
 */
export function providerShim(kind: KindKey): pulumi.dynamic.ResourceProvider {
  let shim = shims.get(kind);
  if (!shim) {
    shim = makeShim(kind);
    shims.set(kind, shim);
  }
  return shim;
}

/**
 * One shim object per kind: every resource of a kind gets the same object, which Pulumi serializes
 * once per kind where its serialization is cached by object (issue 15), not once per resource.
 */
const shims = new Map<KindKey, pulumi.dynamic.ResourceProvider>();

function makeShim(kind: KindKey): pulumi.dynamic.ResourceProvider {
  // Terse on purpose: every character below is stored twice per resource.
  const p = (): Impl => require("pulumi-chime-sdk/provider-runtime")[kind];
  return {
    configure: (...a) => p().configure(...a),
    check: (...a) => p().check(...a),
    diff: (...a) => p().diff(...a),
    create: (...a) => p().create(...a),
    read: (...a) => p().read(...a),
    update: (...a) => p().update(...a),
    delete: (...a) => p().delete(...a),
  };
}

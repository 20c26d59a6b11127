import type { CheckFailure } from "./rules";

const TOP_LEVEL_PROPERTY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Check failures as the engine should get them. The engine prints a failure that names a property as
 * `property <p> value <inputs[p]> has a problem: <reason>`, looking `p` up among the top-level inputs
 * only: a nested path (`meetingFeatures.video.maxResolution`, `attendees[3].externalUserId`) is not
 * found there and prints as `value {<nil>}`. Every reason already starts with the full path, so a
 * nested failure goes to the engine without a property and prints as `has a problem: <reason>`.
 */
export function forEngine<T>(result: { inputs: T; failures: readonly CheckFailure[] }): {
  inputs: T;
  failures: CheckFailure[];
} {
  return {
    inputs: result.inputs,
    failures: result.failures.map((failure) =>
      TOP_LEVEL_PROPERTY.test(failure.property) ? failure : { property: "", reason: failure.reason },
    ),
  };
}

import type { CheckFailure } from "./rules";

/**
 * Check failures as the engine gets them: each reason alone, without its property. The engine prints
 * a failure that names a property as `property <p> value <inputs[p]> has a problem: <reason>`, and
 * that value is never what we want shown: for a nested path (`meetingFeatures.video.maxResolution`,
 * `attendees[3].externalUserId`), which it looks up among the top-level inputs only, `{<nil>}`; for
 * a list or an object, all of it in Go's notation (a 101-attendee batch printed every item before
 * the message); for a value AWS marks sensitive, the value itself. Every reason starts with the
 * property's full path and describes the value as the rules allow, so without the property the
 * engine prints `resource '<name>' has a problem: <reason>`.
 */
export function forEngine<T>(result: { inputs: T; failures: readonly CheckFailure[] }): {
  inputs: T;
  failures: CheckFailure[];
} {
  return {
    inputs: result.inputs,
    failures: result.failures.map((failure) => ({ property: "", reason: failure.reason })),
  };
}

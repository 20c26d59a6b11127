import type { AttendeeClaims, AttendeeKey } from "../shared/claims";
import type { Declaration } from "../shared/resource";
import { type CheckFailure, show } from "./rules";
import { describeSensitive, engineFailures, redactSecretInputs } from "./sensitive";

/**
 * The end of every resource's `check`: removes the values the program marked secret from the reasons,
 * and hands the failures as the engine prints them without echoing sensitive values. (Config failures
 * are the front-end's to add.)
 */
export function finishCheck<I>(
  result: { readonly inputs: I; readonly failures: readonly CheckFailure[] },
  declaration: Declaration,
  news: Readonly<Record<string, unknown>>,
): { inputs: I; failures: CheckFailure[] } {
  const failures = redactSecretInputs(result.failures, news, declaration.secretInputs, show);
  // A list or an object would be printed whole, in Go's notation (a 101-attendee batch printed every
  // item before the message): the reason describes it instead.
  const structured = (property: string) => property !== "" && typeof news[property] === "object";
  return {
    inputs: result.inputs,
    failures: engineFailures(failures, declaration.secretInputs).map((failure) =>
      structured(failure.property) ? { property: "", reason: failure.reason } : failure,
    ),
  };
}

/** One declared attendee of a resource, with the property that declares its externalUserId. */
export interface DeclaredAttendee extends AttendeeKey {
  /** e.g. `externalUserId` or `attendees[3].externalUserId`. */
  readonly property: string;
}

/**
 * Records the attendees a resource declares (`owner`, e.g. `Attendee "kiosk"`) in `claims` and returns a
 * failure for each that another resource of the deployment declares too. Called from `check` once the
 * meetingId is known: at preview when it is, else during `up`, where `check` runs again with the values,
 * before any create.
 */
export function duplicateFailures(
  claims: AttendeeClaims,
  owner: string,
  declared: readonly DeclaredAttendee[],
): CheckFailure[] {
  return claims.claim(owner, declared).map(({ key, other }) => ({
    property: key.property,
    reason:
      `${describeSensitive(key.property, key.externalUserId)} in meeting ${JSON.stringify(key.meetingId)} ` +
      `is also declared by ${other} in this deployment: both would get one and the same Chime attendee ` +
      "(Chime returns the existing attendee for an externalUserId it knows), and deleting either would " +
      "invalidate the JoinToken of the other. Declare each attendee in one resource only.",
  }));
}

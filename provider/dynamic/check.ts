import type * as pulumi from "@pulumi/pulumi";
import { configFailures } from "../aws/settings";
import type { CheckFailure } from "../validation/rules";
import { show } from "../validation/rules";
import { describeSensitive, engineFailures, redactSecretInputs } from "../validation/sensitive";
import type { Declaration } from "./declaration";
import { type AttendeeKey, attendeeClaims } from "./deployment";

/**
 * The end of every provider's `check`: adds the stack-config failures (which would otherwise surface
 * only at the first create), removes the values the program marked secret from the reasons, and hands
 * the engine failures it prints without echoing sensitive values.
 */
export function finishCheck<I>(
  result: { readonly inputs: I; readonly failures: readonly CheckFailure[] },
  declaration: Declaration,
  news: object,
): pulumi.dynamic.CheckResult<I> {
  const failures = redactSecretInputs(
    [...result.failures, ...configFailures()],
    news as Readonly<Record<string, unknown>>,
    declaration.secretInputs,
    show,
  );
  // A list or an object would be printed whole, in Go's notation (a 101-attendee batch printed every
  // item before the message): the reason describes it instead.
  const structured = (property: string) =>
    property !== "" && typeof (news as Readonly<Record<string, unknown>>)[property] === "object";
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
 * Records the attendees a resource declares (`owner`, e.g. `Attendee "kiosk"`) for this deployment and
 * returns a failure for each that another resource of the deployment declares too. Called from `check`
 * once the meetingId is known: at preview when it is, else during `up`, where `check` runs again with the
 * values, before any create.
 */
export function duplicateFailures(owner: string, declared: readonly DeclaredAttendee[]): CheckFailure[] {
  return attendeeClaims.claim(owner, declared).map(({ key, other }) => {
    const property = (key as DeclaredAttendee).property;
    return {
      property,
      reason:
        `${describeSensitive(property, key.externalUserId)} in meeting ${JSON.stringify(key.meetingId)} ` +
        `is also declared by ${other} in this deployment: both would get one and the same Chime attendee ` +
        "(Chime returns the existing attendee for an externalUserId it knows), and deleting either would " +
        "invalidate the JoinToken of the other. Declare each attendee in one resource only.",
    };
  });
}

import type * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../kinds";
import { capabilitiesToSet } from "../shared/capabilities";
import { sameValue } from "../shared/values";
import { containsUnknown, isUnknown } from "../validation/rules";
import type { AnyAttendeeInputs, AnyAttendeeState } from "./attendee-state";

/** Inputs whose change needs a new attendee: Chime cannot move an attendee or rename it. */
const REPLACE_ON = KINDS.attendee.replaceOn;

/**
 * Decides what a change of inputs does to an existing attendee.
 * - namespace, meetingId, externalUserId, region: replace.
 * - capabilities (Chime SDK Meetings): update in place (UpdateAttendeeCapabilities); when not declared,
 *   whatever the attendee has is left alone.
 * - tags (legacy namespace): update in place (TagAttendee / UntagAttendee); not declared means none.
 * Replacements delete first: a full meeting (250 attendees) has no room for the new attendee before the
 * old one goes. The resource class also defaults `deleteBeforeReplace` for replacements the engine forces
 * (`--replace`, `replaceOnChanges`): with the same meeting and externalUserId, CreateAttendee would
 * return the very attendee about to be deleted (it is idempotent on ExternalUserId).
 *
 * Unknown inputs (a preview whose meeting is still to be created or replaced) are "maybe changes": an
 * unknown meetingId, externalUserId or region plans a replacement, unknown capabilities (whole or one
 * member) an update. Only `changes`, `replaces` and `deleteBeforeReplace` reach the engine: the
 * dynamic-provider server drops anything else a diff returns (`stables` included).
 */
export function diffAttendee(olds: AnyAttendeeState, news: AnyAttendeeInputs): pulumi.dynamic.DiffResult {
  // An unknown is never equal to the old value, so it plans a replacement here.
  const replaces = REPLACE_ON.filter((key) => isUnknown(news[key]) || news[key] !== olds[key]);
  let changed: boolean;
  if (news.namespace === "legacy") {
    changed =
      olds.namespace === "legacy" &&
      (containsUnknown(news.tags) || !sameValue(olds.tags ?? {}, news.tags ?? {}));
  } else {
    changed =
      olds.namespace === undefined &&
      (containsUnknown(news.capabilities) ||
        capabilitiesToSet(olds.capabilities, news.capabilities) !== undefined);
  }
  // A state recorded by a create that failed half-way has no attendeeId: an update completes it.
  const incomplete = olds.attendeeId === undefined || olds.joinToken === undefined;
  const changes = replaces.length > 0 || changed || incomplete;
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 };
}

import type * as pulumi from "@pulumi/pulumi";
import type { AttendeeInputs, AttendeeState } from "./attendee-state";
import { capabilitiesToSet } from "./capabilities";

/** Inputs whose change needs a new attendee: Chime cannot move an attendee or rename it. */
const REPLACE_ON: readonly (keyof AttendeeInputs)[] = ["meetingId", "externalUserId", "region"];

/**
 * Decides what a change of inputs does to an existing attendee.
 * - meetingId, externalUserId, region: replace.
 * - capabilities: update in place (UpdateAttendeeCapabilities); when not declared, whatever the
 *   attendee has is left alone.
 * Replacements delete first: a full meeting (250 attendees) has no room for the new attendee before the
 * old one goes. The resource class also defaults `deleteBeforeReplace` for replacements the engine forces
 * (`--replace`, `replaceOnChanges`): with the same meeting and externalUserId, CreateAttendee would
 * return the very attendee about to be deleted (it is idempotent on ExternalUserId).
 */
export function diffAttendee(olds: AttendeeState, news: AttendeeInputs): pulumi.dynamic.DiffResult {
  const replaces = REPLACE_ON.filter((key) => news[key] !== olds[key]);
  const capabilitiesChanged = capabilitiesToSet(olds.capabilities, news.capabilities) !== undefined;
  // A state recorded by a create that failed half-way has no attendeeId: an update completes it.
  const incomplete = olds.attendeeId === undefined || olds.joinToken === undefined;
  const changes = replaces.length > 0 || capabilitiesChanged || incomplete;
  if (replaces.length > 0) {
    return { changes, replaces, deleteBeforeReplace: true, stables: [] };
  }
  return {
    changes,
    replaces: [],
    deleteBeforeReplace: false,
    stables: ["meetingId", "externalUserId", "region", "attendeeId", "joinToken"],
  };
}

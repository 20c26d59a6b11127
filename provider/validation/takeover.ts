/**
 * What the core says when a resource would take over a Chime attendee or meeting that another resource
 * of the deployment manages (`../shared/claims.ts`): an import or a `get` by id is refused, a delete
 * leaves the thing in place.
 */
import type { Owner } from "../shared/claims";
import { describeSensitive } from "./sensitive";

/** The Chime attendee or meeting, as a message names it (an externalUserId by length: it is sensitive). */
export function describeAttendee(meetingId: string, externalUserId: string): string {
  return `the attendee ${describeSensitive("externalUserId", externalUserId)} of meeting ${JSON.stringify(meetingId)}`;
}

export function describeMeeting(meetingId: string): string {
  return `the meeting ${JSON.stringify(meetingId)}`;
}

/**
 * The error of an import (or a `get` by id) of what `other` manages: the engine records nothing. `self`
 * is how messages name the resource being imported, e.g. `Attendee "dup"`.
 */
export class AlreadyManaged extends Error {
  override readonly name = "AlreadyManaged";
  constructor(self: Owner, thing: string, other: Owner) {
    super(
      `${self} cannot be imported or read by id: ${thing} is managed by ${other} in this stack ` +
        "(same provider). Two resources of one Chime resource would each delete it, and the other's " +
        `outputs (its JoinToken) with it. Use ${other} and its outputs instead; to move it to ${self}, ` +
        `remove ${other} from the program (or \`pulumi state delete\` it) first.`,
    );
    // Our frames say nothing to a user; hosts print `${error}: ${error.stack}`.
    this.stack = "";
  }
}

/** Why a delete left the Chime attendee or meeting in place: `other` manages it. */
export function leftInPlace(self: Owner, thing: string, other: Owner): string {
  return (
    `${self} did not delete ${thing}: ${other} of this stack manages it (it was imported twice, or ` +
    `moved to ${other}), so it stays for ${other}.`
  );
}

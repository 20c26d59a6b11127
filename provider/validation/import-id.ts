/**
 * The ids `pulumi import` (and a `get` by id) takes, and what they name. Never an AttendeeId: ids are
 * plaintext in state and CLI output, and an AttendeeId is secret. The resource then gets a new opaque
 * id of its own.
 *
 * - Attendee: `<meetingId>/<externalUserId>` (an externalUserId may itself hold `/`: the meetingId,
 *   a GUID, never does);
 * - Meeting: `<meetingId>`;
 * - either prefixed with `legacy/` for the legacy Amazon Chime namespace;
 * - AttendeeBatch and MeetingTags: none (`BATCH_NOT_IMPORTED`; a MeetingTags' tags are its Meeting's).
 */

import { LEGACY_REGION, type Namespace } from "../shared/namespace";
import { externalId, guid } from "./rules";

const LEGACY_PREFIX = "legacy/";

/** Where an imported resource lives: its namespace, and its region when the namespace fixes it. */
export interface ImportTarget {
  readonly namespace: Namespace;
  /** The namespace as inputs store it: `{ namespace: "legacy" }`, or nothing for Chime SDK Meetings. */
  readonly stored: { readonly namespace?: "legacy" };
  /** Fixed by the namespace (the legacy one's single region); else the provider's default region. */
  readonly region?: string;
}

function namespaced(id: string): ImportTarget & { rest: string } {
  return id.startsWith(LEGACY_PREFIX)
    ? {
        namespace: "legacy",
        stored: { namespace: "legacy" },
        region: LEGACY_REGION,
        rest: id.slice(LEGACY_PREFIX.length),
      }
    : { namespace: "meetings", stored: {}, rest: id };
}

/**
 * Which id `pulumi import`, the `import` option and a `get` take: the same import id for all three,
 * never the resource's own id (`resource.id`), which the provider makes up (opaque, since ids are
 * plaintext and an AttendeeId is secret).
 */
export function importIdRule(kind: string, form: string): string {
  return (
    `${kind} is imported by the id "${form}" ("legacy/${form}" in the legacy Amazon Chime namespace), ` +
    "the same for `pulumi import`, the `import` resource option and a `get` by id; not by the resource's " +
    "own id (`.id`), which the provider makes up"
  );
}

function fail(kind: string, form: string, reason: string): Error {
  return new Error(`${importIdRule(kind, form)}: ${reason}`);
}

/**
 * An import id whose attendee or meeting does not exist where the provider looked: what was looked
 * for (an externalUserId by length: it is sensitive), where, and what the id should have been.
 */
export function importNotFound(
  kind: "An Attendee" | "A Meeting",
  what: string,
  where: { readonly region: string; readonly regionSetting: string },
): Error {
  const form = kind === "An Attendee" ? "<meetingId>/<externalUserId>" : "<meetingId>";
  return new Error(
    `${what} was not found in region ${where.region}. ${importIdRule(kind, form)}. If the id is right, the ` +
      "meeting has ended (Chime ends a meeting 24 hours after creation or after 5 minutes without a " +
      `connected attendee), or it lives in another region: the import uses ${where.regionSetting}.`,
  );
}

/** An Attendee's import id, or an error naming the form, the part that is wrong and why. */
export function attendeeImportId(id: string): ImportTarget & { meetingId: string; externalUserId: string } {
  const { rest, ...target } = namespaced(id);
  const slash = rest.indexOf("/");
  const form = "<meetingId>/<externalUserId>";
  // The id may be an externalUserId alone, which the AWS model marks sensitive: its length only.
  if (slash < 0) throw fail("An Attendee", form, `got an id of ${rest.length} characters without "/"`);
  const meetingId = rest.slice(0, slash);
  const externalUserId = rest.slice(slash + 1);
  const reason = guid("meetingId", meetingId) ?? externalId("externalUserId", externalUserId);
  if (reason) throw fail("An Attendee", form, reason);
  return { ...target, meetingId, externalUserId };
}

/** A Meeting's import id, or an error naming the form and why it is wrong. */
export function meetingImportId(id: string): ImportTarget & { meetingId: string } {
  const { rest, ...target } = namespaced(id);
  const reason = guid("meetingId", rest);
  if (reason) throw fail("A Meeting", "<meetingId>", reason);
  return { ...target, meetingId: rest };
}

/**
 * Why an AttendeeBatch takes no import id. A batch is the list its program declares: a meeting's
 * listing holds attendees of other resources and other tools too, which an import by meetingId would
 * take over (and the batch's delete then delete), with no way for the plugin to see the stack's other
 * resources during `pulumi import`. A declaration adopts exactly the members it lists, through the
 * duplicate-declaration checks.
 */
export const BATCH_NOT_IMPORTED =
  "An AttendeeBatch cannot be imported or read by id (`get`): it is the list of attendees its program " +
  "declares. Declare the AttendeeBatch with its members' externalUserIds instead: its create adopts the " +
  "attendees the meeting already has for them, with their AttendeeIds and JoinTokens (Chime returns the " +
  'existing attendee for an externalUserId it knows). One attendee alone is imported as an Attendee, by "<meetingId>/<externalUserId>".';

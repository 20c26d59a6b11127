import { checkCapabilities } from "../validation/capabilities";
import { type CheckFailure, chooseRegion, externalId, guid, isUnknown, show } from "../validation/rules";
import type { BatchInputs, BatchMember } from "./batch-state";

/** A batch holds 1 to 250 attendees: a whole meeting (BatchCreateAttendee takes 100 a request). */
export const MAX_BATCH = 250;

export interface BatchCheckResult {
  readonly inputs: BatchInputs;
  readonly failures: CheckFailure[];
}

/**
 * Validates an AttendeeBatch's inputs before any AWS call: the meeting GUID, 1–250 attendees with
 * unique, valid externalUserIds and valid capabilities, and the region (resolved as for `Attendee`).
 * Inputs not known yet (during preview: the meetingId, the whole list, an item, a field) pass unchecked.
 */
export function checkBatch(
  olds: Partial<BatchInputs> | undefined,
  news: { readonly [K in keyof BatchInputs]?: unknown },
  defaultRegion: string | undefined,
): BatchCheckResult {
  const failures: CheckFailure[] = [];
  const add = (property: string, reason: string | undefined) => {
    if (reason) failures.push({ property, reason });
  };
  const chosenRegion = chooseRegion(news.region, olds?.region, defaultRegion);
  if (!isUnknown(news.meetingId)) add("meetingId", guid("meetingId", news.meetingId));
  const members = news.attendees;
  if (!isUnknown(members)) {
    if (!Array.isArray(members) || members.length < 1 || members.length > MAX_BATCH) {
      // A list is described by its length: quoting 101 attendees would bury the message.
      const got = Array.isArray(members) ? `${members.length} attendees` : show(members);
      add("attendees", `attendees must be a list of 1 to ${MAX_BATCH} attendees; got ${got}`);
    } else {
      const seen = new Map<string, number>();
      members.forEach((member: unknown, index) => {
        const name = `attendees[${index}]`;
        if (isUnknown(member)) return;
        if (typeof member !== "object" || member === null) {
          add(name, `${name} must be an object with externalUserId and capabilities; got ${show(member)}`);
          return;
        }
        const { externalUserId, capabilities } = member as Record<string, unknown>;
        if (!isUnknown(externalUserId)) {
          const reason = externalId(`${name}.externalUserId`, externalUserId);
          add(`${name}.externalUserId`, reason);
          const first = seen.get(externalUserId as string);
          if (!reason && first !== undefined) {
            add(
              `${name}.externalUserId`,
              `${name}.externalUserId must be unique in the batch; it repeats attendees[${first}].externalUserId`,
            );
          }
          if (first === undefined) seen.set(externalUserId as string, index);
        }
        failures.push(...checkCapabilities(`${name}.capabilities`, capabilities));
      });
    }
  }
  if (chosenRegion.failure) failures.push({ property: "region", reason: chosenRegion.failure });

  const inputs: BatchInputs = {
    meetingId: news.meetingId as string,
    // Unknowns (the list, an item, a field) are kept as they are: the diff plans them as updates.
    attendees: Array.isArray(members) ? members.map(normaliseMember) : (members as BatchMember[]),
    region: chosenRegion.value,
  };
  return { inputs, failures };
}

/** Leaves an undeclared `capabilities` out (Chime's default applies); anything but an object as it is. */
function normaliseMember(member: unknown): BatchMember {
  if (typeof member !== "object" || member === null) return member as BatchMember;
  const { externalUserId, capabilities } = member as BatchMember;
  return capabilities === undefined ? { externalUserId } : { externalUserId, capabilities };
}

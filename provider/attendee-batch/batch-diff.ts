import type * as pulumi from "@pulumi/pulumi";
import { type AttendeeCapabilities, capabilitiesToSet } from "../shared/capabilities";
import { containsUnknown, isUnknown } from "../validation/rules";
import type { BatchInputs, BatchMember, BatchState } from "./batch-state";

/** What an update does to the meeting's attendees. */
export interface BatchPlan {
  /** externalUserIds to delete: no longer declared. */
  readonly remove: string[];
  /** Declared but not there (new, deleted out of band, or never created). */
  readonly create: BatchMember[];
  /** There with other capabilities than declared. */
  readonly setCapabilities: { externalUserId: string; capabilities: AttendeeCapabilities }[];
}

/** BatchCreateAttendee takes at most this many attendees a request. */
export const BATCH_REQUEST_SIZE = 100;

/** `items` in consecutive chunks of at most `size`, each with the 1-based positions it covers. */
export function inChunks<T>(
  items: readonly T[],
  size: number = BATCH_REQUEST_SIZE,
): { items: T[]; first: number; last: number }[] {
  const chunks: { items: T[]; first: number; last: number }[] = [];
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    chunks.push({ items: chunk, first: start + 1, last: start + chunk.length });
  }
  return chunks;
}

/** The changes that bring the attendees in `current` to the declared `members`. */
export function planBatch(current: BatchState["joinInfo"], members: readonly BatchMember[]): BatchPlan {
  const have = current ?? {};
  const declared = new Set(members.map((m) => m.externalUserId));
  const setCapabilities: BatchPlan["setCapabilities"] = [];
  for (const m of members) {
    const existing = have[m.externalUserId];
    const wanted = existing && capabilitiesToSet(existing.capabilities, m.capabilities);
    if (wanted) setCapabilities.push({ externalUserId: m.externalUserId, capabilities: wanted });
  }
  return {
    remove: Object.keys(have).filter((id) => !declared.has(id)),
    create: members.filter((m) => !have[m.externalUserId]),
    setCapabilities,
  };
}

/**
 * Another meeting or region replaces the batch (deleting first, as for `Attendee`); a change of the
 * attendee list is an update: new ones created, dropped ones deleted, capabilities set in place.
 *
 * Unknown inputs (a preview whose meeting or list comes from resources still to be made) are "maybe
 * changes": an unknown meetingId or region plans a replacement; an unknown list, item or member field
 * an update, without planning members that are not known yet. Only `changes`, `replaces` and
 * `deleteBeforeReplace` reach the engine (the dynamic-provider server drops `stables`).
 */
export function diffBatch(olds: BatchState, news: BatchInputs): pulumi.dynamic.DiffResult {
  const replaces = (["meetingId", "region"] as const).filter(
    (key) => isUnknown(news[key]) || olds[key] !== news[key],
  );
  if (replaces.length > 0) return { changes: true, replaces, deleteBeforeReplace: true };
  const changes =
    olds.joinInfo === undefined ||
    containsUnknown(news.attendees) ||
    JSON.stringify(olds.attendees) !== JSON.stringify(news.attendees) ||
    hasWork(planBatch(olds.joinInfo, news.attendees));
  return { changes, replaces: [], deleteBeforeReplace: false };
}

function hasWork(plan: BatchPlan): boolean {
  return plan.remove.length + plan.create.length + plan.setCapabilities.length > 0;
}

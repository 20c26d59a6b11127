import type * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../kinds";
import { type AttendeeCapabilities, capabilitiesToSet } from "../shared/capabilities";
import { tagChanges } from "../shared/tags";
import { sameValue } from "../shared/values";
import { containsUnknown, isUnknown, UNKNOWN } from "../validation/rules";
import type {
  AnyBatchInputs,
  AnyBatchState,
  BatchMember,
  BatchState,
  JoinInfo,
  LegacyBatchMember,
  LegacyBatchState,
} from "./batch-state";

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

/**
 * The attendees to delete (recorded, no longer declared) and to create (declared, not recorded), in
 * either namespace: what a batch does to its members whatever their settings.
 */
export function membersToChange<M extends { readonly externalUserId: string }>(
  current: Readonly<Record<string, unknown>> | undefined,
  members: readonly M[],
): { remove: string[]; create: M[] } {
  const have = current ?? {};
  const declared = new Set(members.map((m) => m.externalUserId));
  return {
    remove: Object.keys(have).filter((id) => !declared.has(id)),
    create: members.filter((m) => !have[m.externalUserId]),
  };
}

/** The changes that bring the attendees in `current` to the declared `members`. */
export function planBatch(current: BatchState["joinInfo"], members: readonly BatchMember[]): BatchPlan {
  const have = current ?? {};
  const setCapabilities: BatchPlan["setCapabilities"] = [];
  for (const m of members) {
    const existing = have[m.externalUserId];
    const wanted = existing && capabilitiesToSet(existing.capabilities, m.capabilities);
    if (wanted) setCapabilities.push({ externalUserId: m.externalUserId, capabilities: wanted });
  }
  return { ...membersToChange(have, members), setCapabilities };
}

/** What an update does to the attendees of a legacy batch. */
export interface LegacyBatchPlan {
  /** externalUserIds to delete: no longer declared. */
  readonly remove: string[];
  /** Declared but not there (new, deleted out of band, or never created). */
  readonly create: LegacyBatchMember[];
  /** There with other tags than declared: the tags to set and the keys to remove, each in place. */
  readonly setTags: { externalUserId: string; set: [string, string][]; remove: string[] }[];
}

/**
 * The changes that bring the attendees of a legacy batch in `current` to the declared `members`:
 * undeclared tags count as none, so tags an attendee has beyond the declared ones are removed.
 */
export function planLegacyBatch(
  current: LegacyBatchState["joinInfo"],
  members: readonly LegacyBatchMember[],
): LegacyBatchPlan {
  const have = current ?? {};
  const setTags: LegacyBatchPlan["setTags"] = [];
  for (const m of members) {
    const existing = have[m.externalUserId];
    if (!existing) continue;
    const { set, remove } = tagChanges(existing.tags, m.tags ?? {});
    if (set.length + remove.length > 0) setTags.push({ externalUserId: m.externalUserId, set, remove });
  }
  return { ...membersToChange(have, members), setTags };
}

/** Tags one BatchCreateAttendee item may carry: the 3.699.0 model's AttendeeTagList holds 1 to 10. */
export const TAGS_AT_CREATE = 10;

/**
 * A new legacy member's tags split between its BatchCreateAttendee item (at most 10, or none: the
 * model refuses an empty list) and the TagAttendee calls that set the rest once it exists.
 */
export function tagsAtCreate(tags: Readonly<Record<string, string>> | undefined): {
  atCreate: [string, string][] | undefined;
  later: [string, string][];
} {
  const entries = Object.entries(tags ?? {});
  return {
    atCreate: entries.length > 0 ? entries.slice(0, TAGS_AT_CREATE) : undefined,
    later: entries.slice(TAGS_AT_CREATE),
  };
}

/** Inputs whose change needs another batch: Chime cannot move attendees between meetings or APIs. */
const REPLACE_ON = KINDS.attendeeBatch.replaceOn;

/**
 * Another namespace, meeting or region replaces the batch (deleting first, as for `Attendee`); a
 * change of the attendee list is an update: new ones created, dropped ones deleted, capabilities
 * (Chime SDK Meetings) or tags (legacy) set in place.
 *
 * Unknown inputs (a preview whose meeting or list comes from resources still to be made) are "maybe
 * changes": an unknown meetingId or region plans a replacement; an unknown list, item or member field
 * (a capability, a tag value) an update, without planning members that are not known yet. Only
 * `changes`, `replaces` and `deleteBeforeReplace` reach the engine (the dynamic-provider server drops
 * `stables`).
 */
export function diffBatch(olds: AnyBatchState, news: AnyBatchInputs): pulumi.dynamic.DiffResult {
  const replaces = REPLACE_ON.filter((key) => isUnknown(news[key]) || olds[key] !== news[key]);
  if (replaces.length > 0) return { changes: true, replaces, deleteBeforeReplace: true };
  const changes =
    olds.joinInfo === undefined ||
    containsUnknown(news.attendees) ||
    !sameValue(olds.attendees, news.attendees) ||
    hasWork(olds, news);
  return { changes, replaces: [], deleteBeforeReplace: false };
}

/** Whether the attendees as last read differ from the declared ones (drift a refresh found). */
function hasWork(olds: AnyBatchState, news: AnyBatchInputs): boolean {
  if (news.namespace === "legacy") {
    const plan = planLegacyBatch((olds as LegacyBatchState).joinInfo, news.attendees);
    return plan.remove.length + plan.create.length + plan.setTags.length > 0;
  }
  const plan = planBatch((olds as BatchState).joinInfo, news.attendees);
  return plan.remove.length + plan.create.length + plan.setCapabilities.length > 0;
}

/**
 * The outputs a create (`olds` absent) or an update of a batch with `news` will give, predicted for a
 * preview: the join information of each declared attendee that exists stays (with the declared
 * capabilities, which the update sets), that of each attendee to create is unknown, and so is all of it
 * while the list itself is not known.
 */
export function predictedBatchOutputs(olds: AnyBatchState | undefined, news: AnyBatchInputs): AnyBatchState {
  if (containsUnknown(news.attendees) || !Array.isArray(news.attendees)) {
    return { ...news, joinInfo: UNKNOWN as unknown as Record<string, JoinInfo> } as AnyBatchState;
  }
  const have: Readonly<Record<string, object>> = olds?.joinInfo ?? {};
  const members: readonly (BatchMember | LegacyBatchMember)[] = news.attendees;
  const joinInfo = Object.fromEntries(
    members.map((m): [string, unknown] => {
      const existing = have[m.externalUserId];
      if (!existing) return [m.externalUserId, UNKNOWN];
      // What the update sets: the declared capabilities (Chime SDK Meetings) or the declared tags (legacy).
      const declared =
        news.namespace === "legacy"
          ? { tags: (m as LegacyBatchMember).tags ?? {} }
          : (m as BatchMember).capabilities
            ? { capabilities: (m as BatchMember).capabilities }
            : {};
      return [m.externalUserId, { ...existing, ...declared }];
    }),
  );
  return { ...news, joinInfo } as AnyBatchState;
}

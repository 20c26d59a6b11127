import { LEGACY_REGION, NAMESPACES } from "../shared/namespace";
import { checkCapabilities } from "../validation/capabilities";
import {
  type CheckFailure,
  chooseRegion,
  externalId,
  guid,
  isUnknown,
  legacyExternalId,
  oneOf,
  show,
  tags as tagRules,
} from "../validation/rules";
import { redactSecretInputs } from "../validation/sensitive";
import type {
  AnyBatchInputs,
  BatchInputs,
  BatchMember,
  LegacyBatchInputs,
  LegacyBatchMember,
} from "./batch-state";

/** A batch holds 1 to 250 attendees: a whole meeting (BatchCreateAttendee takes 100 a request). */
export const MAX_BATCH = 250;

export interface BatchCheckResult {
  readonly inputs: AnyBatchInputs;
  readonly failures: CheckFailure[];
}

/** An AttendeeBatch's inputs as a program may write them, before `check`. */
export type RawBatchInputs = {
  readonly [K in keyof BatchInputs | keyof LegacyBatchInputs]?: unknown;
};

/**
 * Validates an AttendeeBatch's inputs before any AWS call: the namespace, the meeting GUID, 1–250
 * attendees with unique, valid externalUserIds, and per attendee `capabilities` (Chime SDK Meetings)
 * or `tags` (legacy namespace: at most 50, keys 1–128 characters not starting with `aws:`, values up
 * to 256; the legacy model marks keys and values sensitive, so messages give their length only), and
 * the region: resolved as for `Attendee`, `us-east-1` only in the legacy namespace.
 * `namespace` "meetings" (the default) is not stored, so that states written before namespaces
 * existed stay the same; "legacy" is.
 * Inputs not known yet (during preview: the meetingId, the whole list, an item, a field, a tag value)
 * pass unchecked.
 */
export function checkBatch(
  olds: Partial<AnyBatchInputs> | undefined,
  news: RawBatchInputs,
  defaultRegion: string | undefined,
  /** Where a default region comes from, for the message when there is none (`ConfigWords.regionSources`). */
  regionSources?: string,
): BatchCheckResult {
  const failures: CheckFailure[] = [];
  const add = (property: string, reason: string | undefined) => {
    if (reason) failures.push({ property, reason });
  };
  const legacy = news.namespace === "legacy";
  if (news.namespace !== undefined) add("namespace", oneOf("namespace", news.namespace, NAMESPACES));
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
          const fields = legacy ? "externalUserId and tags" : "externalUserId and capabilities";
          add(name, `${name} must be an object with ${fields}; got ${show(member)}`);
          return;
        }
        const { externalUserId } = member as Record<string, unknown>;
        if (!isUnknown(externalUserId)) {
          // The legacy model's ExternalUserId has a length and no pattern.
          const reason = (legacy ? legacyExternalId : externalId)(`${name}.externalUserId`, externalUserId);
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
        failures.push(...(legacy ? legacyMemberRules(name, member) : meetingsMemberRules(name, member)));
      });
    }
  }

  if (legacy) {
    const region = news.region ?? LEGACY_REGION;
    add("region", legacyRegion(region));
    const inputs: LegacyBatchInputs = {
      namespace: "legacy",
      meetingId: news.meetingId as string,
      attendees: Array.isArray(members)
        ? members.map(normaliseLegacyMember)
        : (members as LegacyBatchMember[]),
      region: region as string,
    };
    return { inputs, failures };
  }

  // A legacy batch's region (us-east-1) is not carried over into another namespace.
  const chosenRegion = chooseRegion(
    news.region,
    olds?.namespace === "legacy" ? undefined : olds?.region,
    defaultRegion,
    regionSources,
  );
  if (chosenRegion.failure) failures.push({ property: "region", reason: chosenRegion.failure });

  const inputs: BatchInputs = {
    meetingId: news.meetingId as string,
    // Unknowns (the list, an item, a field) are kept as they are: the diff plans them as updates.
    attendees: Array.isArray(members) ? members.map(normaliseMember) : (members as BatchMember[]),
    region: chosenRegion.value,
  };
  return { inputs, failures };
}

/** A Chime SDK Meetings member: capabilities as for `Attendee`; no tags. */
function meetingsMemberRules(name: string, member: object): CheckFailure[] {
  const { capabilities, tags } = member as Record<string, unknown>;
  const failures = checkCapabilities(`${name}.capabilities`, capabilities);
  if (tags !== undefined) {
    failures.push({
      property: `${name}.tags`,
      reason:
        `${name}.tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; ` +
        `got ${countTags(tags)}`,
    });
  }
  return failures;
}

/** A legacy member: tags (sensitive: described by length), no capabilities. */
function legacyMemberRules(name: string, member: object): CheckFailure[] {
  const { capabilities, tags } = member as Record<string, unknown>;
  const failures: CheckFailure[] = [];
  if (capabilities !== undefined) {
    failures.push({
      property: `${name}.capabilities`,
      reason:
        `${name}.capabilities needs namespace "meetings": attendees of the legacy Amazon Chime ` +
        `namespace have no capabilities; got ${show(capabilities)}`,
    });
  }
  failures.push(...legacyMemberTags(`${name}.tags`, tags));
  return failures;
}

/**
 * A legacy member's tags: the legacy `Attendee`'s rules (at most 50; key 1–128 characters, not
 * `aws:`; value a string of at most 256). The legacy model marks a tag's Key and Value sensitive, so
 * every key and value is described by its length, whether or not the program marked it secret, and the
 * failure names the member's `tags`, never a key.
 */
export function legacyMemberTags(property: string, value: unknown): CheckFailure[] {
  if (value === undefined || isUnknown(value)) return [];
  // The same rules as a legacy Attendee's `tags`, redacted as if the program had marked them secret.
  const failures = redactSecretInputs(tagRules(property, value, "legacy"), { tags: value }, ["tags"], show);
  return failures.map(({ reason }) => ({ property, reason }));
}

/** The legacy namespace's one region: us-east-1, where its global endpoint is. */
function legacyRegion(region: unknown): string | undefined {
  if (isUnknown(region) || region === LEGACY_REGION) return undefined;
  return (
    `region must be "${LEGACY_REGION}" with namespace "legacy": the legacy Amazon Chime namespace has ` +
    `one global endpoint, in ${LEGACY_REGION}; got ${show(region)}`
  );
}

function countTags(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return show(value);
  const n = Object.keys(value).length;
  return `${n} tag${n === 1 ? "" : "s"}`;
}

/** Leaves an undeclared `capabilities` out (Chime's default applies); anything but an object as it is. */
function normaliseMember(member: unknown): BatchMember {
  if (typeof member !== "object" || member === null) return member as BatchMember;
  const { externalUserId, capabilities } = member as BatchMember;
  return capabilities === undefined ? { externalUserId } : { externalUserId, capabilities };
}

/** Leaves undeclared `tags` out (none); anything but an object as it is. */
function normaliseLegacyMember(member: unknown): LegacyBatchMember {
  if (typeof member !== "object" || member === null) return member as LegacyBatchMember;
  const { externalUserId, tags } = member as LegacyBatchMember;
  return tags === undefined ? { externalUserId } : { externalUserId, tags };
}

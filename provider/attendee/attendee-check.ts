import type { AttendeeCapabilities } from "../shared/capabilities";
import { LEGACY_REGION, NAMESPACES } from "../shared/namespace";
import { checkCapabilities } from "../validation/capabilities";
import {
  type CheckFailure,
  tags as checkTags,
  chooseRegion,
  externalId,
  guid,
  isUnknown,
  legacyExternalId,
  oneOf,
  show,
} from "../validation/rules";
import type { AnyAttendeeInputs, AttendeeInputs, LegacyAttendeeInputs } from "./attendee-state";

/** What `check` returns: the normalised inputs to store, or failures naming property, rule and value. */
export interface AttendeeCheckResult {
  readonly inputs: AnyAttendeeInputs;
  readonly failures: CheckFailure[];
}

/** An attendee's inputs as a program may write them, before `check`. */
export type RawAttendeeInputs = {
  readonly [K in keyof AttendeeInputs | keyof LegacyAttendeeInputs]?: unknown;
};

function countTags(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return show(value);
  const n = Object.keys(value).length;
  return `${n} tag${n === 1 ? "" : "s"}`;
}

/**
 * Validates an Attendee's inputs before any AWS call and normalises them:
 * - `namespace` "meetings" (the default) is not stored, so that states written before namespaces
 *   existed stay the same; "legacy" is;
 * - `capabilities` absent stays absent: Chime's default applies, which depends on the meeting's features;
 *   only in Chime SDK Meetings; `tags` only in the legacy namespace;
 * - `region` absent is carried over from the old inputs, else taken from `defaultRegion` (config or
 *   environment), so that a later change of stack config never moves or replaces existing attendees;
 *   in the legacy namespace it is us-east-1, the only region it has.
 * Inputs not known yet (preview of a stack whose meeting is still to be created) pass unchecked.
 */
export function checkAttendee(
  olds: Partial<AnyAttendeeInputs> | undefined,
  news: RawAttendeeInputs,
  defaultRegion: string | undefined,
  /** Where a default region comes from, for the message when there is none (`ConfigWords.regionSources`). */
  regionSources?: string,
): AttendeeCheckResult {
  const failures: CheckFailure[] = [];
  const add = (property: string, reason: string | undefined) => {
    if (reason) failures.push({ property, reason });
  };
  const { meetingId, externalUserId, capabilities, tags, namespace } = news;

  if (namespace !== undefined) add("namespace", oneOf("namespace", namespace, NAMESPACES));
  if (!isUnknown(meetingId)) add("meetingId", guid("meetingId", meetingId));
  // The legacy model has no pattern and no reserved prefix for external ids, only their length.
  const externalIdRule = namespace === "legacy" ? legacyExternalId : externalId;
  if (!isUnknown(externalUserId)) add("externalUserId", externalIdRule("externalUserId", externalUserId));

  if (namespace === "legacy") {
    if (capabilities !== undefined) {
      add(
        "capabilities",
        `capabilities needs namespace "meetings": attendees of the legacy Amazon Chime namespace have no ` +
          `capabilities; got ${show(capabilities)}`,
      );
    }
    if (!isUnknown(tags)) failures.push(...checkTags("tags", tags, "legacy"));
    const region = news.region ?? LEGACY_REGION;
    if (!isUnknown(region) && region !== LEGACY_REGION) {
      add(
        "region",
        `region must be "${LEGACY_REGION}" with namespace "legacy": the legacy Amazon Chime namespace has ` +
          `one global endpoint, in ${LEGACY_REGION}; got ${show(region)}`,
      );
    }
    const inputs: LegacyAttendeeInputs = {
      namespace: "legacy",
      meetingId: meetingId as string,
      externalUserId: externalUserId as string,
      region: region as string,
      ...(tags === undefined ? {} : { tags: tags as Record<string, string> }),
    };
    return { inputs, failures };
  }

  if (tags !== undefined) {
    add(
      "tags",
      `tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; got ${countTags(tags)}`,
    );
  }
  failures.push(...checkCapabilities("capabilities", capabilities));
  // A legacy attendee's region (us-east-1) is not carried over into another namespace.
  const chosenRegion = chooseRegion(
    news.region,
    olds?.namespace === "legacy" ? undefined : olds?.region,
    defaultRegion,
    regionSources,
  );
  if (chosenRegion.failure) failures.push({ property: "region", reason: chosenRegion.failure });

  const inputs: AttendeeInputs = {
    meetingId: meetingId as string,
    externalUserId: externalUserId as string,
    region: chosenRegion.value,
    ...(capabilities === undefined ? {} : { capabilities: capabilities as AttendeeCapabilities }),
  };
  return { inputs, failures };
}

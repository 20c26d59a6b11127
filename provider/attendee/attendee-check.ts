import { type CheckFailure, chooseRegion, externalId, guid, isUnknown } from "../validation/rules";
import type { AttendeeInputs } from "./attendee-state";
import { type AttendeeCapabilities, checkCapabilities } from "./capabilities";

/** What `check` returns: the normalised inputs to store, or failures naming property, rule and value. */
export interface AttendeeCheckResult {
  readonly inputs: AttendeeInputs;
  readonly failures: CheckFailure[];
}

/**
 * Validates an Attendee's inputs before any AWS call and normalises them:
 * - `capabilities` absent stays absent: Chime's default applies, which depends on the meeting's features;
 * - `region` absent is carried over from the old inputs, else taken from `defaultRegion` (config or
 *   environment), so that a later change of stack config never moves or replaces existing attendees.
 * Inputs not known yet (preview of a stack whose meeting is still to be created) pass unchecked.
 */
export function checkAttendee(
  olds: Partial<AttendeeInputs> | undefined,
  news: { readonly [K in keyof AttendeeInputs]?: unknown },
  defaultRegion: string | undefined,
): AttendeeCheckResult {
  const failures: CheckFailure[] = [];
  const add = (property: string, reason: string | undefined) => {
    if (reason) failures.push({ property, reason });
  };
  const { meetingId, externalUserId, capabilities } = news;
  const chosenRegion = chooseRegion(news.region, olds?.region, defaultRegion);

  if (!isUnknown(meetingId)) add("meetingId", guid("meetingId", meetingId));
  if (!isUnknown(externalUserId)) add("externalUserId", externalId("externalUserId", externalUserId));
  failures.push(...checkCapabilities("capabilities", capabilities));

  if (chosenRegion.failure) failures.push({ property: "region", reason: chosenRegion.failure });

  const inputs: AttendeeInputs = {
    meetingId: meetingId as string,
    externalUserId: externalUserId as string,
    region: chosenRegion.value,
    ...(capabilities === undefined ? {} : { capabilities: capabilities as AttendeeCapabilities }),
  };
  return { inputs, failures };
}

/**
 * pulumi-chime-sdk: Amazon Chime SDK meetings and attendees as Pulumi resources.
 *
 * The local Chime SDK Meetings endpoint is a separate entry point: `pulumi-chime-sdk/local`.
 */

export type { JoinInfo, LegacyJoinInfo } from "./attendee-batch/batch-state";
export {
  Attendee,
  type AttendeeArgs,
  type LegacyAttendeeArgs,
  type MeetingsAttendeeArgs,
} from "./dynamic/attendee";
export {
  AttendeeBatch,
  type AttendeeBatchArgs,
  type BatchMemberArgs,
  type LegacyAttendeeBatchArgs,
  type LegacyBatchMemberArgs,
  type MeetingsAttendeeBatchArgs,
} from "./dynamic/attendee-batch";
export { Meeting, type MeetingArgs, type MeetingFeaturesArgs } from "./dynamic/meeting";
export { MeetingTags, type MeetingTagsArgs } from "./dynamic/meeting-tags";
export type { MeetingFeatures } from "./meeting/meeting-features";
export type { MediaPlacement, NotificationsConfiguration } from "./meeting/meeting-state";
export type { AttendeeCapabilities, Capability } from "./shared/capabilities";

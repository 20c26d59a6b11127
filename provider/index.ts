/**
 * pulumi-chime-sdk: Amazon Chime SDK meetings and attendees as Pulumi resources.
 *
 * The local Chime SDK Meetings endpoint is a separate entry point: `pulumi-chime-sdk/local`.
 */
export {
  Attendee,
  type AttendeeArgs,
  type LegacyAttendeeArgs,
  type MeetingsAttendeeArgs,
} from "./attendee/attendee";
export {
  AttendeeBatch,
  type AttendeeBatchArgs,
  type BatchMemberArgs,
  type LegacyAttendeeBatchArgs,
  type LegacyBatchMemberArgs,
  type MeetingsAttendeeBatchArgs,
} from "./attendee-batch/attendee-batch";
export type { JoinInfo, LegacyJoinInfo } from "./attendee-batch/batch-state";
export { Meeting, type MeetingArgs, type MeetingFeaturesArgs } from "./meeting/meeting";
export type { MeetingFeatures } from "./meeting/meeting-features";
export type { MediaPlacement, NotificationsConfiguration } from "./meeting/meeting-state";
export { MeetingTags, type MeetingTagsArgs } from "./meeting-tags/meeting-tags";
export type { AttendeeCapabilities, Capability } from "./shared/capabilities";

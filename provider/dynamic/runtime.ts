/**
 * The provider implementations that the serialized shims load in the engine's provider process
 * (`require("pulumi-chime-sdk/provider-runtime")[kind]`). One instance of each per process: the shims of every
 * resource of a kind share it, and with it the recorded config, the clients and the request pacing.
 */
import { AttendeeProvider } from "../attendee/attendee-provider";
import { AttendeeBatchProvider } from "../attendee-batch/batch-provider";
import { MeetingProvider } from "../meeting/meeting-provider";
import { MeetingTagsProvider } from "../meeting-tags/tags-provider";

export const attendee = new AttendeeProvider();
export const meeting = new MeetingProvider();
export const attendeeBatch = new AttendeeBatchProvider();
export const meetingTags = new MeetingTagsProvider();

export type ProviderKind = "attendee" | "meeting" | "attendeeBatch" | "meetingTags";

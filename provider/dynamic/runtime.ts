/**
 * The provider implementations that the serialized shims load in the engine's provider process
 * (`require("pulumi-chime-sdk/provider-runtime")[kind]`). One of each per process: the shims of every
 * resource of a kind share it, and all four share the process's instance (`./process.ts`): its config,
 * claims, clients and request pacing.
 */
import { AttendeeBatchProvider, AttendeeProvider, MeetingProvider, MeetingTagsProvider } from "./providers";

export const attendee = new AttendeeProvider();
export const meeting = new MeetingProvider();
export const attendeeBatch = new AttendeeBatchProvider();
export const meetingTags = new MeetingTagsProvider();

export type ProviderKind = "attendee" | "meeting" | "attendeeBatch" | "meetingTags";

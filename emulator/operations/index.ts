/** Operation name → handler. */
import type { OperationName } from "../operation-names";
import {
  batchCreateAttendee,
  batchUpdateAttendeeCapabilitiesExcept,
  createAttendee,
  deleteAttendee,
  getAttendee,
  listAttendees,
  updateAttendeeCapabilities,
} from "./attendees";
import type { OperationHandler } from "./context";
import { createMeeting, createMeetingWithAttendees, deleteMeeting, getMeeting } from "./meetings";
import { listTagsForResource, tagResource, untagResource } from "./tags";
import { startMeetingTranscription, stopMeetingTranscription } from "./transcription";

export const HANDLERS: Record<OperationName, OperationHandler> = {
  CreateMeeting: createMeeting,
  CreateMeetingWithAttendees: createMeetingWithAttendees,
  GetMeeting: getMeeting,
  DeleteMeeting: deleteMeeting,
  CreateAttendee: createAttendee,
  BatchCreateAttendee: batchCreateAttendee,
  GetAttendee: getAttendee,
  DeleteAttendee: deleteAttendee,
  ListAttendees: listAttendees,
  UpdateAttendeeCapabilities: updateAttendeeCapabilities,
  BatchUpdateAttendeeCapabilitiesExcept: batchUpdateAttendeeCapabilitiesExcept,
  StartMeetingTranscription: startMeetingTranscription,
  StopMeetingTranscription: stopMeetingTranscription,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};

export type { OperationContext, OperationHandler, OperationRequest, OperationResult } from "./context";

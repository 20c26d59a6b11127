/**
 * Start/StopMeetingTranscription. There is no audio to transcribe: the emulator validates the
 * configuration, remembers it on the meeting (persisted) and answers 200. Both calls are
 * idempotent here; what the service answers to a second Start or a Stop without Start is undocumented.
 */
import { parseTranscriptionConfiguration } from "../validation";
import { type OperationHandler, requireMeeting } from "./context";

export const startMeetingTranscription: OperationHandler = (ctx, request) => {
  const configuration = parseTranscriptionConfiguration(request.body);
  const meeting = requireMeeting(ctx, request);
  meeting.transcription = configuration;
  ctx.store.changed(meeting);
  return {};
};

export const stopMeetingTranscription: OperationHandler = (ctx, request) => {
  const meeting = requireMeeting(ctx, request);
  meeting.transcription = undefined;
  ctx.store.changed(meeting);
  return {};
};

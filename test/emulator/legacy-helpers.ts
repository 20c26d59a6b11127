/** Fixtures for the legacy-namespace tests: the official legacy client (`@aws-sdk/client-chime@3.699.0`) on `/legacy`. */
import {
  type Attendee,
  ChimeClient,
  type ChimeServiceException,
  CreateAttendeeCommand,
  type CreateAttendeeCommandInput,
  CreateMeetingCommand,
  type CreateMeetingCommandInput,
  type Meeting,
} from "@aws-sdk/client-chime";
import { expect } from "chai";
import { type ChimeLocal, type ChimeLocalOptions, startChimeLocal } from "../../emulator";
import { CREDENTIALS } from "./helpers";

/** The legacy client as a user configures it; retries off by default so one call is one answer. */
export function legacyClientFor(
  local: ChimeLocal,
  options: { maxAttempts?: number; credentials?: typeof CREDENTIALS } = {},
): ChimeClient {
  return new ChimeClient({
    region: "us-east-1",
    endpoint: local.legacy.endpointUrl,
    credentials: options.credentials ?? CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 1,
  });
}

/** Starts an endpoint for a `describe` block and closes it afterwards. */
export function useLegacyEndpoint(options: ChimeLocalOptions = {}): {
  local: ChimeLocal;
  client: ChimeClient;
} {
  const ctx = {} as { local: ChimeLocal; client: ChimeClient };
  before(async () => {
    ctx.local = await startChimeLocal(options);
    ctx.client = legacyClientFor(ctx.local);
  });
  after(async () => {
    ctx.client?.destroy();
    await ctx.local?.close();
  });
  return ctx;
}

let meetingCounter = 0;

export type LiveMeeting = Meeting & { MeetingId: string };
export type LiveAttendee = Attendee & { AttendeeId: string; JoinToken: string; ExternalUserId: string };

export async function newLegacyMeeting(
  client: ChimeClient,
  input: Partial<CreateMeetingCommandInput> = {},
): Promise<LiveMeeting> {
  meetingCounter++;
  const out = await client.send(
    new CreateMeetingCommand({
      MediaRegion: "us-east-1",
      ExternalMeetingId: `legacy-${meetingCounter}`,
      ...input,
    }),
  );
  return out.Meeting as LiveMeeting;
}

export async function newLegacyAttendee(
  client: ChimeClient,
  meetingId: string,
  externalUserId: string,
  tags?: CreateAttendeeCommandInput["Tags"],
): Promise<LiveAttendee> {
  const out = await client.send(
    new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: externalUserId, Tags: tags }),
  );
  return out.Attendee as LiveAttendee;
}

/**
 * Awaits a call that must fail with the given exception class of `@aws-sdk/client-chime`; checks the
 * class (instanceof), the HTTP status, the short Code and message parts; returns the error.
 */
export async function expectLegacyError<E extends ChimeServiceException>(
  call: Promise<unknown>,
  // biome-ignore lint/suspicious/noExplicitAny: an exception class, whatever its constructor takes
  exceptionClass: new (...args: any[]) => E,
  expected: { status: number; code?: string; message?: string[] },
): Promise<E & { Code?: string }> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${exceptionClass.name}`).to.be.instanceOf(Error);
  const error = caught as E & { Code?: string };
  expect(error, `${error.name}: ${error.message}`).to.be.instanceOf(exceptionClass);
  expect(error.$metadata.httpStatusCode).to.equal(expected.status);
  if (expected.code !== undefined) expect(error.Code).to.equal(expected.code);
  for (const part of expected.message ?? []) expect(error.message).to.include(part);
  expect(error.$metadata.requestId).to.match(/^[0-9a-f-]{36}$/);
  return error;
}

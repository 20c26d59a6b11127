/** Shared fixtures for the emulator tests: an endpoint, SDK clients pointed at it, raw HTTP. */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import {
  type Attendee,
  ChimeSDKMeetingsClient,
  type ChimeSDKMeetingsServiceException,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  type CreateMeetingCommandInput,
  type Meeting,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, type ChimeLocalOptions, startChimeLocal } from "../../emulator";

export const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

/** A well-formed SigV4 header; its signature is checked only when an instance has credentials. */
export const STATIC_AUTHORIZATION =
  "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/chime/aws4_request, SignedHeaders=host, Signature=00";

/**
 * The client configuration the provider uses, unmodified except that retries are off by default:
 * the SDK retries LimitExceeded, Throttling and 5xx, which would hide what a single call answered.
 */
export function clientFor(local: ChimeLocal, maxAttempts = 1): ChimeSDKMeetingsClient {
  return new ChimeSDKMeetingsClient({
    region: "us-east-1",
    endpoint: local.url,
    credentials: CREDENTIALS,
    maxAttempts,
  });
}

/** Starts an endpoint for a `describe` block and closes it afterwards. */
export function useEndpoint(options: ChimeLocalOptions = {}): {
  local: ChimeLocal;
  client: ChimeSDKMeetingsClient;
} {
  const ctx = {} as { local: ChimeLocal; client: ChimeSDKMeetingsClient };
  before(async () => {
    ctx.local = await startChimeLocal(options);
    ctx.client = clientFor(ctx.local);
  });
  after(async () => {
    ctx.client?.destroy();
    await ctx.local?.close();
  });
  return ctx;
}

let meetingCounter = 0;

export async function newMeeting(
  client: ChimeSDKMeetingsClient,
  input: Partial<CreateMeetingCommandInput> = {},
): Promise<Meeting & { MeetingId: string; MeetingArn: string }> {
  meetingCounter++;
  const out = await client.send(
    new CreateMeetingCommand({
      MediaRegion: "us-east-1",
      ExternalMeetingId: `meeting-${meetingCounter}`,
      ...input,
    }),
  );
  return out.Meeting as Meeting & { MeetingId: string; MeetingArn: string };
}

export async function newAttendee(
  client: ChimeSDKMeetingsClient,
  meetingId: string,
  externalUserId: string,
): Promise<Attendee & { AttendeeId: string; JoinToken: string }> {
  const out = await client.send(
    new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: externalUserId }),
  );
  return out.Attendee as Attendee & { AttendeeId: string; JoinToken: string };
}

export interface ExpectedError {
  name: string;
  code?: string;
  status: number;
  /** Substrings the message must contain. */
  message?: string[];
}

/** Awaits a call that must fail with a given modeled exception; returns it for further checks. */
export async function expectServiceError(
  call: Promise<unknown>,
  expected: ExpectedError,
): Promise<ChimeSDKMeetingsServiceException & { Code?: string }> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${expected.name}`).to.be.instanceOf(Error);
  const error = caught as ChimeSDKMeetingsServiceException & { Code?: string };
  expect(error.name, error.message).to.equal(expected.name);
  expect(error.$metadata.httpStatusCode).to.equal(expected.status);
  if (expected.code !== undefined) expect(error.Code).to.equal(expected.code);
  for (const part of expected.message ?? []) expect(error.message).to.include(part);
  expect(error.$metadata.requestId).to.match(/^[0-9a-f-]{36}$/);
  return error;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): Record<string, unknown>;
}

/** One raw HTTP request; `authorization: null` sends none. */
export function raw(
  url: string,
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string>; authorization?: string | null } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const authorization = options.authorization === undefined ? STATIC_AUTHORIZATION : options.authorization;
  if (authorization !== null) headers.authorization = authorization;
  if (options.body !== undefined) {
    headers["content-type"] ??= "application/json";
    headers["content-length"] = String(Buffer.byteLength(options.body));
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A valid GUID that names nothing. */
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

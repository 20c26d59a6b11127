/**
 * Shared fixtures for the emulator tests, for both of chime-local's dialects: an endpoint, the official
 * SDK client of the dialect pointed at it (`@aws-sdk/client-chime-sdk-meetings`, or the legacy
 * `@aws-sdk/client-chime@3.699.0` on `/legacy`), meetings and attendees to work on, a state file,
 * the check of a modeled error, raw HTTP.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ChimeClient,
  type ChimeServiceException,
  type Attendee as LegacyAttendee,
  CreateAttendeeCommand as LegacyCreateAttendeeCommand,
  type CreateAttendeeCommandInput as LegacyCreateAttendeeInput,
  CreateMeetingCommand as LegacyCreateMeetingCommand,
  type CreateMeetingCommandInput as LegacyCreateMeetingInput,
  type Meeting as LegacyMeeting,
} from "@aws-sdk/client-chime";
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

/** chime-local's two dialects: Chime SDK Meetings at the root, the legacy Amazon Chime API on `/legacy`. */
export type Dialect = "meetings" | "legacy";

/** The official client of each dialect. */
export interface DialectClients {
  meetings: ChimeSDKMeetingsClient;
  legacy: ChimeClient;
}

export interface ClientOptions<D extends Dialect> {
  /** Default "meetings". */
  dialect?: D;
  /** Default 1: the SDK retries LimitExceeded, Throttling and 5xx, which would hide what one call answered. */
  maxAttempts?: number;
  /** Default CREDENTIALS. */
  credentials?: typeof CREDENTIALS;
}

/** The client of `dialect` as a user configures it, pointed at `local`; retries off by default. */
export function clientFor<D extends Dialect = "meetings">(
  local: ChimeLocal,
  options: ClientOptions<D> = {},
): DialectClients[D] {
  const config = {
    region: "us-east-1",
    credentials: options.credentials ?? CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 1,
  };
  const client =
    options.dialect === "legacy"
      ? new ChimeClient({ ...config, endpoint: local.legacy.endpointUrl })
      : new ChimeSDKMeetingsClient({ ...config, endpoint: local.url });
  return client as DialectClients[D];
}

/** Starts an endpoint for a `describe` block, with a client of `options.dialect`, and closes both afterwards. */
export function useEndpoint<D extends Dialect = "meetings">(
  options: ChimeLocalOptions & { dialect?: D } = {},
): { local: ChimeLocal; client: DialectClients[D] } {
  const { dialect, ...endpointOptions } = options;
  const ctx = {} as { local: ChimeLocal; client: DialectClients[D] };
  before(async () => {
    ctx.local = await startChimeLocal(endpointOptions);
    ctx.client = clientFor(ctx.local, { dialect });
  });
  after(async () => {
    ctx.client?.destroy();
    await ctx.local?.close();
  });
  return ctx;
}

/** A state file for each test: a fresh temporary directory, removed afterwards with every endpoint opened on it. */
export interface StateFileFixture<D extends Dialect> {
  /** The test's temporary directory. */
  readonly dir: string;
  /** `dir`/state.json unless a test points it elsewhere (before its first `start`). */
  file: string;
  /** Starts an endpoint on `file` (plus `options`) and a client of the fixture's dialect for it. */
  start(options?: ChimeLocalOptions): Promise<{ local: ChimeLocal; client: DialectClients[D] }>;
}

export function useStateFile<D extends Dialect = "meetings">(dialect?: D): StateFileFixture<D> {
  const open: ChimeLocal[] = [];
  const fixture: StateFileFixture<D> = {
    dir: "",
    file: "",
    async start(options = {}) {
      const local = await startChimeLocal({ stateFile: fixture.file, ...options });
      open.push(local);
      return { local, client: clientFor(local, { dialect }) };
    },
  };
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), `chime-local-${dialect ?? "meetings"}-`));
    Object.assign(fixture, { dir, file: join(dir, "state.json") });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
    rmSync(fixture.dir, { recursive: true, force: true });
  });
  return fixture;
}

const meetingCounter: Record<Dialect, number> = { meetings: 0, legacy: 0 };

export type LiveMeeting = Meeting & { MeetingId: string; MeetingArn: string };
export type LiveLegacyMeeting = LegacyMeeting & { MeetingId: string };
export type LiveAttendee = Attendee & { AttendeeId: string; JoinToken: string };
export type LiveLegacyAttendee = LegacyAttendee & {
  AttendeeId: string;
  JoinToken: string;
  ExternalUserId: string;
};

/** Creates a meeting in us-east-1 with a new ExternalMeetingId (`meeting-N`, legacy `legacy-N`), plus `input`. */
export function newMeeting(
  client: ChimeSDKMeetingsClient,
  input?: Partial<CreateMeetingCommandInput>,
): Promise<LiveMeeting>;
export function newMeeting(
  client: ChimeClient,
  input?: Partial<LegacyCreateMeetingInput>,
): Promise<LiveLegacyMeeting>;
export async function newMeeting(
  client: ChimeSDKMeetingsClient | ChimeClient,
  input: Partial<CreateMeetingCommandInput & LegacyCreateMeetingInput> = {},
): Promise<LiveMeeting | LiveLegacyMeeting> {
  const dialect: Dialect = client instanceof ChimeClient ? "legacy" : "meetings";
  const n = ++meetingCounter[dialect];
  const request = {
    MediaRegion: "us-east-1",
    ExternalMeetingId: dialect === "legacy" ? `legacy-${n}` : `meeting-${n}`,
    ...input,
  };
  const out =
    client instanceof ChimeClient
      ? await client.send(new LegacyCreateMeetingCommand(request))
      : await client.send(new CreateMeetingCommand(request));
  return out.Meeting as LiveMeeting | LiveLegacyMeeting;
}

/** Creates an attendee; the legacy dialect's may carry tags. */
export function newAttendee(
  client: ChimeSDKMeetingsClient,
  meetingId: string,
  externalUserId: string,
): Promise<LiveAttendee>;
export function newAttendee(
  client: ChimeClient,
  meetingId: string,
  externalUserId: string,
  tags?: LegacyCreateAttendeeInput["Tags"],
): Promise<LiveLegacyAttendee>;
export async function newAttendee(
  client: ChimeSDKMeetingsClient | ChimeClient,
  meetingId: string,
  externalUserId: string,
  tags?: LegacyCreateAttendeeInput["Tags"],
): Promise<LiveAttendee | LiveLegacyAttendee> {
  const request = { MeetingId: meetingId, ExternalUserId: externalUserId };
  const out =
    client instanceof ChimeClient
      ? await client.send(new LegacyCreateAttendeeCommand({ ...request, Tags: tags }))
      : await client.send(new CreateAttendeeCommand(request));
  return out.Attendee as LiveAttendee | LiveLegacyAttendee;
}

export interface ExpectedError {
  /** The exception's name (e.g. "BadRequestException"); with an exception class, implied by it. */
  name?: string;
  /** The short `Code` of the body, e.g. "BadRequest". */
  code?: string;
  status: number;
  /** Substrings the message must contain. */
  message?: string[];
}

type ServiceException = ChimeSDKMeetingsServiceException | ChimeServiceException;

/**
 * Awaits a call that must fail with a given modeled exception — named, or as an instance of the
 * exception class given (the legacy client's classes) — with its HTTP status, short Code, message
 * parts and a request id; returns it for further checks.
 */
export function expectServiceError(
  call: Promise<unknown>,
  expected: ExpectedError & { name: string },
): Promise<ChimeSDKMeetingsServiceException & { Code?: string }>;
export function expectServiceError<E extends ServiceException>(
  call: Promise<unknown>,
  // biome-ignore lint/suspicious/noExplicitAny: an exception class, whatever its constructor takes
  exceptionClass: new (...args: any[]) => E,
  expected: ExpectedError,
): Promise<E & { Code?: string }>;
export async function expectServiceError(
  call: Promise<unknown>,
  // biome-ignore lint/suspicious/noExplicitAny: an exception class, whatever its constructor takes
  classOrExpected: ExpectedError | (new (...args: any[]) => ServiceException),
  maybeExpected?: ExpectedError,
): Promise<ServiceException & { Code?: string }> {
  const exceptionClass = typeof classOrExpected === "function" ? classOrExpected : undefined;
  const expected = (exceptionClass ? maybeExpected : classOrExpected) as ExpectedError;
  const wanted = exceptionClass?.name ?? expected.name;
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${wanted}`).to.be.instanceOf(Error);
  const error = caught as ServiceException & { Code?: string };
  if (exceptionClass) expect(error, `${error.name}: ${error.message}`).to.be.instanceOf(exceptionClass);
  if (expected.name !== undefined) expect(error.name, error.message).to.equal(expected.name);
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

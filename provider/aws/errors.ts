/**
 * Turns a failed Chime call into a message that says what failed, why, and what to do.
 *
 * Pure: it reads only the error object. A message never contains a JoinToken or an AttendeeId: values
 * listed in `Failure.secrets` are masked wherever AWS's own message echoes them (GetAttendee's "Attendee
 * <id> not found", for one).
 */

import { describeSensitive, isSensitive, mask } from "../validation/sensitive";

export { mask };

import { type ConfigWords, DYNAMIC_WORDS } from "../shared/config-words";
import { NAMESPACE_WORDS, type Namespace } from "../shared/namespace";

/** Where the calls went, for messages about an endpoint that could not be reached. */
export interface EndpointInfo {
  /** The endpoint URL. */
  readonly url: string;
  /**
   * Where it came from: the provider's `endpoint` setting (stack config `chime:endpoint`, or an explicit
   * provider's argument), an `AWS_ENDPOINT_URL*` environment variable, or AWS's regional endpoint.
   */
  readonly source: "config" | "environment" | "aws";
}

/** What the failed call was about. */
export interface Failure {
  /** The API operation, e.g. "CreateAttendee". */
  readonly operation: string;
  /**
   * Identifiers named in the message, e.g. { meetingId, externalUserId }. Sensitive ones (see
   * `../validation/sensitive.ts`) are described by length, and masked in AWS's message.
   */
  readonly about: Readonly<Record<string, string | undefined>>;
  /** Values to mask wherever they appear, by the name to show instead. */
  readonly secrets?: Readonly<Record<string, string | undefined>>;
  /** The control-plane region the call went to. */
  readonly region?: string;
  /** The endpoint the call went to. */
  readonly endpoint?: EndpointInfo;
  /**
   * The region the meeting is known to live in (created or read in this deployment), when it differs
   * from `region`: a NotFound is then about the region, not an ended meeting.
   */
  readonly meetingRegion?: string;
  /** The API called; absent: Chime SDK Meetings. */
  readonly namespace?: Namespace;
  /**
   * Names in `about` whose values the program marked secret (`pulumi.secret`): described by length and
   * masked in AWS's message, as the sensitive ones are.
   */
  readonly secretNames?: readonly string[];
  /** How messages name the settings of the provider that made the call; absent: the dynamic classes' stack config. */
  readonly words?: ConfigWords;
}

/** A failed Chime call, as the provider reports it. The stack is ours and says nothing to a user. */
export class ChimeRequestError extends Error {
  override readonly name = "ChimeRequestError";

  constructor(
    message: string,
    /** The AWS exception name, e.g. "NotFoundException", or the network error code. */
    readonly awsError: string,
    readonly operation: string,
    readonly requestId: string | undefined,
    readonly httpStatus: number | undefined,
  ) {
    super(message);
    // The dynamic-provider host prints `${error}: ${error.stack}` for failed reads and deletes: keep our
    // frames out of the user's terminal.
    this.stack = "";
  }
}

interface AwsErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { requestId?: string; httpStatusCode?: number; attempts?: number };
}

/** Where an endpoint came from, as messages say it. */
function endpointSource(
  source: EndpointInfo["source"],
  namespace: Namespace = "meetings",
  words: ConfigWords = DYNAMIC_WORDS,
): string {
  const { endpointSetting, endpointVariable } = NAMESPACE_WORDS[namespace];
  if (source === "config") return words.setting(endpointSetting);
  return source === "environment" ? `from ${endpointVariable} / AWS_ENDPOINT_URL` : "AWS's regional endpoint";
}

/** Network error codes: the request got no HTTP answer. */
const UNREACHABLE: readonly string[] = [
  "ECONNREFUSED",
  "ENOTFOUND",
  "ETIMEDOUT",
  "ECONNRESET",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "TimeoutError",
];

/** TLS failures: an answer came, but not from a server the client could trust or understand. */
function isTlsError(code: string): boolean {
  return /^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|EPROTO|HOSTNAME_MISMATCH)/.test(code);
}

/** Calls that refresh (reads) and destroy (deletes) make, with the config recorded at the last `up`. */
function isRefreshOrDestroy(operation: string): boolean {
  return /^(Get|List|Delete)/.test(operation);
}

/** The context `adviceFor` may use beyond the error name and operation. */
export type AdviceContext = Pick<Failure, "region" | "endpoint" | "meetingRegion" | "namespace" | "words"> & {
  /** False when no HTTP answer came back (the error is the client's, not AWS's). */
  readonly answered?: boolean;
};

function endpointAdvice(
  operation: string,
  endpoint: EndpointInfo | undefined,
  namespace: Namespace = "meetings",
  words: ConfigWords = DYNAMIC_WORDS,
): string {
  const { endpointSetting, endpointVariable: variable } = NAMESPACE_WORDS[namespace];
  const setting = words.setting(endpointSetting);
  const where =
    endpoint?.source === "config"
      ? `Check ${setting}`
      : endpoint?.source === "environment"
        ? `Check ${variable} / AWS_ENDPOINT_URL`
        : `Check ${setting}, ${variable}, the region`;
  const recorded =
    endpoint?.source === "config" && isRefreshOrDestroy(operation)
      ? ` Note that ${words.recorded(endpointSetting)}`
      : "";
  return `${where} and the network (is the endpoint running and listening there?).${recorded}`;
}

/**
 * Which endpoint answered a NotFound, and for which provider: a meeting made through another provider
 * (another endpoint, or another account) is unknown to this one.
 */
function whoAnswered(context: AdviceContext): string {
  const { endpoint, namespace, words = DYNAMIC_WORDS } = context;
  if (!endpoint) return "";
  return (
    ` The answer came from ${endpoint.url} (${endpointSource(endpoint.source, namespace, words)}), the ` +
    `endpoint of ${words.provider}: if the meeting was made through another provider (another endpoint ` +
    "or account), give this resource that provider."
  );
}

/** What to do about an error, by exception name (and, where it matters, operation and context). */
export function adviceFor(awsError: string, operation: string, context: AdviceContext = {}): string {
  if (isTlsError(awsError)) {
    return (
      "The TLS connection to the endpoint failed (no AWS answer was received): check the endpoint URL's " +
      "scheme (https:// or http://) and host, and that its certificate is trusted (NODE_EXTRA_CA_CERTS). " +
      endpointAdvice(operation, context.endpoint, context.namespace, context.words)
    );
  }
  switch (awsError) {
    case "NotFoundException":
    case "ResourceNotFoundException": {
      const { region, meetingRegion, words = DYNAMIC_WORDS } = context;
      if (region && meetingRegion && region !== meetingRegion) {
        return (
          `The meeting lives in region ${meetingRegion}, but this call went to region ${region}: give ` +
          `the resource the meeting's region (\`region: meeting.region\`), or ${words.change("region", meetingRegion)}.`
        );
      }
      const otherRegion = region
        ? ` Or the meeting lives in another control-plane region than ${region}, where this call went ` +
          "(a meeting is reachable only in the region it was created in): give the resource the " +
          "meeting's region (`region: meeting.region`)."
        : "";
      return operation.includes("Meeting") ||
        operation === "CreateAttendee" ||
        operation === "BatchCreateAttendee"
        ? "The meeting has ended or never existed: Chime ends a meeting 24 hours after creation or after 5 " +
            "minutes without a connected attendee. If the meeting is declared in this stack, run " +
            `\`pulumi up --refresh\` to create it again; otherwise point meetingId at a live meeting.${otherRegion}` +
            NAMESPACE_WORDS[context.namespace ?? "meetings"].meetingNotFound +
            whoAnswered(context)
        : `The attendee or its meeting no longer exists; run \`pulumi refresh\` to bring the stack up to date.${otherRegion}` +
            whoAnswered(context);
    }
    case "LimitExceededException":
    // The legacy namespace's name for it.
    case "ResourceLimitExceededException":
      return (
        "The meeting is full: it holds at most 250 attendees (or its MeetingFeatures attendee maxCount), and " +
        "an attendee counts until it is deleted, joined or not. Delete unused attendees or use another meeting."
      );
    case "ThrottlingException":
    case "ThrottledClientException":
      return (
        `AWS throttled the requests beyond the retries: lower ${(context.words ?? DYNAMIC_WORDS).setting("maxRequestsPerSecond")} ` +
        "(default 10, the AWS default quota) or ask AWS for a higher quota."
      );
    case "BadRequestException":
      return "AWS rejected the request as invalid; its message names the member at fault.";
    case "ConflictException":
      return "Another identical request was in flight at the same time; run the deployment again.";
    case "ForbiddenException":
    case "UnauthorizedException":
    case "UnauthorizedClientException":
    case "UnrecognizedClientException":
    case "InvalidSignatureException":
    case "AccessDeniedException":
      return (
        `Check the AWS credentials (${(context.words ?? DYNAMIC_WORDS).credentialSources}) and that their ` +
        `IAM policy allows chime:${operation}.`
      );
    case "CredentialsProviderError":
      return `No AWS credentials were found: ${(context.words ?? DYNAMIC_WORDS).noCredentials}.`;
    case "ServiceFailureException":
    case "ServiceUnavailableException":
      return "AWS failed on its side after the retries; run the deployment again.";
    default:
      if (UNREACHABLE.includes(awsError)) {
        return `The Chime SDK Meetings endpoint could not be reached. ${endpointAdvice(operation, context.endpoint, context.namespace, context.words)}`;
      }
      return context.answered === false
        ? "The request got no answer from AWS: the error above is the client's. " +
            endpointAdvice(operation, context.endpoint, context.namespace, context.words)
        : "See AWS's message above.";
  }
}

/** True for an attempt that waited out a timeout (not a reset, which the HTTP handler names alike). */
export function isTimeout(error: { name?: string; code?: string } | undefined): boolean {
  return error?.code === "ETIMEDOUT" || (error?.name === "TimeoutError" && error.code === undefined);
}

/** Why a network failure got no answer, in words. */
function unreachableWhy(code: string, message: string): string {
  if (code === "TimeoutError" || code === "ETIMEDOUT") {
    const ms = /(\d+) ms/.exec(message)?.[1];
    const seconds = ms ? `${Number(ms) / 1000} s` : "the timeout";
    return /connection/.test(message)
      ? `no connection within ${seconds}`
      : `it accepted the connection but sent no answer within ${seconds}`;
  }
  if (code === "ECONNREFUSED") return "the connection was refused (nothing listens there)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "its host name was not found";
  if (code === "ECONNRESET" || code === "EPIPE") return "the connection was reset";
  return message;
}

/** Describes a failed call; `error` is whatever the SDK threw. */
export function describeFailure(failure: Failure, error: unknown): ChimeRequestError {
  const e = (
    typeof error === "object" && error !== null ? error : { message: String(error) }
  ) as AwsErrorShape;
  const httpStatus = e.$metadata?.httpStatusCode;
  // The HTTP handler names timeouts *and* resets "TimeoutError"; the code tells them apart (a request
  // timeout has ETIMEDOUT, a connection timeout none, a reset ECONNRESET).
  const awsError = (httpStatus ? e.name : isTimeout(e) ? "TimeoutError" : (e.code ?? e.name)) ?? "Error";
  const requestId = e.$metadata?.requestId;
  const present = Object.entries(failure.about).filter(([, value]) => value !== undefined);
  const hidden = (key: string) => isSensitive(key) || (failure.secretNames ?? []).includes(key);
  const about = present
    .map(([key, value]) => (hidden(key) ? describeSensitive(key, value) : `${key} ${JSON.stringify(value)}`))
    .join(", ");
  const sensitive = Object.fromEntries(present.filter(([key]) => hidden(key)));
  const detail = mask(e.message ?? "", { ...sensitive, ...failure.secrets });
  const words = NAMESPACE_WORDS[failure.namespace ?? "meetings"];
  const ns = words.suffix;
  const context: AdviceContext = {
    region: failure.region,
    endpoint: failure.endpoint,
    meetingRegion: failure.meetingRegion,
    namespace: failure.namespace,
    words: failure.words,
    answered: httpStatus !== undefined,
  };
  if (!httpStatus && (UNREACHABLE.includes(awsError) || isTlsError(awsError))) {
    const endpoint = failure.endpoint
      ? `${failure.endpoint.url} (${endpointSource(failure.endpoint.source, failure.namespace, failure.words)})`
      : "";
    const attempts = e.$metadata?.attempts;
    const message =
      `Chime ${failure.operation}${ns} failed${about ? ` for ${about}` : ""}: the ${words.api} endpoint ` +
      `${endpoint ? `${endpoint} ` : ""}could not be reached: ${unreachableWhy(awsError, detail)} ` +
      `(${awsError}${attempts ? `, ${attempts} attempt${attempts > 1 ? "s" : ""}` : ""}). ` +
      (isTlsError(awsError)
        ? adviceFor(awsError, failure.operation, context)
        : endpointAdvice(failure.operation, failure.endpoint, failure.namespace, failure.words));
    return new ChimeRequestError(message, awsError, failure.operation, requestId, httpStatus);
  }
  const where = [
    httpStatus ? `HTTP ${httpStatus}` : undefined,
    requestId ? `RequestId ${requestId}` : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  const message =
    `Chime ${failure.operation}${ns} failed${about ? ` for ${about}` : ""}: ${awsError}: ${detail}` +
    `${where ? ` (${where})` : ""}. ${adviceFor(awsError, failure.operation, context)}`;
  return new ChimeRequestError(message, awsError, failure.operation, requestId, httpStatus);
}

/** True when Chime says the thing asked about (or its meeting) does not exist. */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof ChimeRequestError &&
    (error.awsError === "NotFoundException" || error.awsError === "ResourceNotFoundException")
  );
}

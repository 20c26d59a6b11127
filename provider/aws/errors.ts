/**
 * Turns a failed Chime call into a message that says what failed, why, and what to do.
 *
 * Pure: it reads only the error object. A message never contains a JoinToken or an AttendeeId: values
 * listed in `Failure.secrets` are masked wherever AWS's own message echoes them (GetAttendee's "Attendee
 * <id> not found", for one).
 */

import type { Namespace } from "./settings";

/** What the failed call was about. */
export interface Failure {
  /** The API operation, e.g. "CreateAttendee". */
  readonly operation: string;
  /** Non-secret identifiers, e.g. { meetingId, externalUserId }, named in the message. */
  readonly about: Readonly<Record<string, string | undefined>>;
  /** Values to mask wherever they appear, by the name to show instead. */
  readonly secrets?: Readonly<Record<string, string | undefined>>;
  /** The API called; absent: Chime SDK Meetings. */
  readonly namespace?: Namespace;
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
  $metadata?: { requestId?: string; httpStatusCode?: number };
}

/** What to do about an error, by exception name (and, where it matters, operation and namespace). */
export function adviceFor(awsError: string, operation: string, namespace: Namespace = "meetings"): string {
  switch (awsError) {
    case "NotFoundException":
    case "ResourceNotFoundException":
      return operation.includes("Meeting") ||
        operation === "CreateAttendee" ||
        operation === "BatchCreateAttendee"
        ? "The meeting has ended or never existed: Chime ends a meeting 24 hours after creation or after 5 " +
            "minutes without a connected attendee. If the meeting is declared in this stack, run " +
            "`pulumi up --refresh` to create it again; otherwise point meetingId at a live meeting." +
            (namespace === "legacy"
              ? ' A Chime SDK Meetings meeting is unknown here: a legacy attendee needs a meeting with namespace "legacy".'
              : "")
        : "The attendee or its meeting no longer exists; run `pulumi refresh` to bring the stack up to date.";
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
        "AWS throttled the requests beyond the retries: lower stack config chime:maxRequestsPerSecond " +
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
        `Check the AWS credentials (environment, AWS_PROFILE or stack config aws:profile) and that their ` +
        `IAM policy allows chime:${operation}.`
      );
    case "CredentialsProviderError":
      return "No AWS credentials were found: set AWS_PROFILE or stack config aws:profile, or the AWS_* variables.";
    case "ServiceFailureException":
    case "ServiceUnavailableException":
      return "AWS failed on its side after the retries; run the deployment again.";
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
    case "ECONNRESET":
    case "EAI_AGAIN":
    case "TimeoutError":
      return namespace === "legacy"
        ? "The legacy Amazon Chime endpoint could not be reached: check stack config chime:legacyEndpoint, " +
            "AWS_ENDPOINT_URL_CHIME and the network."
        : "The Chime SDK Meetings endpoint could not be reached: check stack config chime:endpoint, " +
            "AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region and the network.";
    default:
      return "See the AWS message above.";
  }
}

/** Replaces every occurrence of a secret value with its name. */
export function mask(text: string, secrets: Readonly<Record<string, string | undefined>> = {}): string {
  let masked = text;
  for (const [name, value] of Object.entries(secrets)) {
    if (value && value.length >= 4) masked = masked.split(value).join(`[${name}]`);
  }
  return masked;
}

/** Describes a failed call; `error` is whatever the SDK threw. */
export function describeFailure(failure: Failure, error: unknown): ChimeRequestError {
  const e = (
    typeof error === "object" && error !== null ? error : { message: String(error) }
  ) as AwsErrorShape;
  const awsError = (e.$metadata?.httpStatusCode ? e.name : (e.code ?? e.name)) ?? "Error";
  const requestId = e.$metadata?.requestId;
  const httpStatus = e.$metadata?.httpStatusCode;
  const about = Object.entries(failure.about)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
    .join(", ");
  const detail = mask(e.message ?? "", failure.secrets);
  const where = [
    httpStatus ? `HTTP ${httpStatus}` : undefined,
    requestId ? `RequestId ${requestId}` : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  const message =
    `Chime ${failure.operation}${failure.namespace === "legacy" ? " (legacy Amazon Chime namespace)" : ""} ` +
    `failed${about ? ` for ${about}` : ""}: ${awsError}: ${detail}` +
    `${where ? ` (${where})` : ""}. ${adviceFor(awsError, failure.operation, failure.namespace)}`;
  return new ChimeRequestError(message, awsError, failure.operation, requestId, httpStatus);
}

/** True when Chime says the thing asked about (or its meeting) does not exist. */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof ChimeRequestError &&
    (error.awsError === "NotFoundException" || error.awsError === "ResourceNotFoundException")
  );
}

/**
 * The modeled exceptions of Chime SDK Meetings, one class each.
 *
 * On the wire an error is `x-amzn-errortype: <ErrorType>` plus a JSON body with the short `Code`
 * the real service uses ("NotFound", not "NotFoundException"). The SDK picks its exception class
 * from the header, so the header must carry the modeled name; the body's `Code` is what callers
 * see as `error.Code`.
 */
export abstract class ChimeServiceError extends Error {
  /** Modeled exception name, sent in `x-amzn-errortype`. */
  abstract readonly errorType: string;
  /** Short code sent as `Code` in the body. */
  abstract readonly code: string;
  abstract readonly status: number;

  /** Extra body members some exceptions model (ResourceName). */
  extraBody(): Record<string, string> {
    return {};
  }

  /** Extra response headers some exceptions model (Retry-After). */
  extraHeaders(): Record<string, string> {
    return {};
  }
}

export class BadRequestError extends ChimeServiceError {
  readonly errorType = "BadRequestException";
  readonly code = "BadRequest";
  readonly status = 400;
}

export class UnauthorizedError extends ChimeServiceError {
  readonly errorType = "UnauthorizedException";
  readonly code = "Unauthorized";
  readonly status = 401;
}

export class ForbiddenError extends ChimeServiceError {
  readonly errorType = "ForbiddenException";
  readonly code = "Forbidden";
  readonly status = 403;
}

export class NotFoundError extends ChimeServiceError {
  readonly errorType = "NotFoundException";
  readonly code = "NotFound";
  readonly status = 404;
}

/** The errors of the tag operations, whose body also names the resource (`ResourceName`). */
abstract class ResourceNamingError extends ChimeServiceError {
  constructor(
    message: string,
    readonly resourceName: string,
  ) {
    super(message);
  }
  override extraBody(): Record<string, string> {
    return { ResourceName: this.resourceName };
  }
}

/** Thrown by the tag operations: the ARN names no live meeting. */
export class ResourceNotFoundError extends ResourceNamingError {
  readonly errorType = "ResourceNotFoundException";
  readonly code = "NotFound";
  readonly status = 404;
}

export class ConflictError extends ChimeServiceError {
  readonly errorType = "ConflictException";
  readonly code = "Conflict";
  readonly status = 409;
}

export class UnprocessableEntityError extends ChimeServiceError {
  readonly errorType = "UnprocessableEntityException";
  readonly code = "Unprocessable";
  readonly status = 422;
}

export class TooManyTagsError extends ResourceNamingError {
  readonly errorType = "TooManyTagsException";
  readonly code = "TooManyTags";
  readonly status = 400;
}

/** A full meeting, or too many meetings. Note the SDK retries it (its name is on the throttling list). */
export class LimitExceededError extends ChimeServiceError {
  readonly errorType = "LimitExceededException";
  readonly code = "ResourceLimitExceeded";
  readonly status = 400;
}

export class ThrottlingError extends ChimeServiceError {
  readonly errorType = "ThrottlingException";
  readonly code = "Throttling";
  readonly status = 429;
}

export class ServiceFailureError extends ChimeServiceError {
  readonly errorType = "ServiceFailureException";
  readonly code = "ServiceFailure";
  readonly status = 500;
}

export class ServiceUnavailableError extends ChimeServiceError {
  readonly errorType = "ServiceUnavailableException";
  readonly code = "ServiceUnavailable";
  readonly status = 503;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
  override extraHeaders(): Record<string, string> {
    return { "retry-after": String(this.retryAfterSeconds) };
  }
}

/**
 * No operation matches the method, path and `operation` query parameter. AWS's front end answers
 * such requests with 404 `UnknownOperationException`; it is not in the Chime model, so the SDK
 * would surface it as a generic ChimeSDKMeetingsServiceException (it never sends such a request).
 */
export class UnknownOperationError extends ChimeServiceError {
  readonly errorType = "UnknownOperationException";
  readonly code = "UnknownOperation";
  readonly status = 404;
}

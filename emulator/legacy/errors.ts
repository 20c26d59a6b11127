/**
 * The legacy namespace's exception names. The operations share the Meetings namespace's rules and
 * throw its error classes; on the way out `toLegacyError` renames the three whose names differ:
 *
 * | Meetings namespace            | legacy namespace                       |
 * |-------------------------------|----------------------------------------|
 * | LimitExceededException 400    | ResourceLimitExceededException 400     |
 * | ThrottlingException 429       | ThrottledClientException 429           |
 * | UnauthorizedException 401     | UnauthorizedClientException 401        |
 * | ResourceNotFoundException 404 | NotFoundException 404 (not thrown here)|
 *
 * BadRequest, Forbidden, NotFound, Conflict, ServiceUnavailable and ServiceFailure keep their names.
 */
import {
  ChimeServiceError,
  LimitExceededError,
  NotFoundError,
  ResourceNotFoundError,
  ThrottlingError,
  UnauthorizedError,
} from "../errors";

/** A full meeting, a tag limit, too many meetings. Unlike LimitExceeded, not on the SDK's throttling list. */
export class ResourceLimitExceededError extends ChimeServiceError {
  readonly errorType = "ResourceLimitExceededException";
  readonly code = "ResourceLimitExceeded";
  readonly status = 400;
}

export class ThrottledClientError extends ChimeServiceError {
  readonly errorType = "ThrottledClientException";
  readonly code = "Throttled";
  readonly status = 429;
}

/** A request signed with an access key the endpoint does not know (under --verify-signatures). */
export class UnauthorizedClientError extends ChimeServiceError {
  readonly errorType = "UnauthorizedClientException";
  readonly code = "Unauthorized";
  readonly status = 401;
}

export function toLegacyError(error: ChimeServiceError): ChimeServiceError {
  if (error instanceof LimitExceededError) return new ResourceLimitExceededError(error.message);
  if (error instanceof ThrottlingError) return new ThrottledClientError(error.message);
  if (error instanceof UnauthorizedError) return new UnauthorizedClientError(error.message);
  if (error instanceof ResourceNotFoundError) return new NotFoundError(error.message);
  return error;
}

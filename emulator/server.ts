/**
 * HTTP front end: reads a request, runs the checks a real AWS front end runs (signature, rate,
 * injected faults), routes it to an operation and writes the response with the wire details the
 * SDK relies on: the modeled status, `x-amzn-requestid` on every response, and on errors
 * `x-amzn-errortype` plus a JSON body `{"Code","Message","RequestId"}`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  BadRequestError,
  ChimeServiceError,
  ForbiddenError,
  ServiceFailureError,
  ServiceUnavailableError,
  ThrottlingError,
  UnknownOperationError,
} from "./errors";
import type { FaultDecision, FaultInjector, FaultScopeName } from "./faults";
import { newRequestId } from "./ids";
import { toLegacyError, UnauthorizedClientError } from "./legacy/errors";
import { type LegacyOperationName, qualifyLegacy, zeroLegacyCounters } from "./legacy/operation-names";
import { LEGACY_HANDLERS } from "./legacy/operations";
import { matchLegacyRoute, stripLegacyPrefix } from "./legacy/routes";
import { type OperationName, zeroCounters } from "./operation-names";
import { HANDLERS, type OperationContext, type OperationHandler } from "./operations";
import type { RateLimiter } from "./rate-limiter";
import { matchRoute, type RouteMatch } from "./routes";
import { type Credentials, parseAuthorization, unknownAccessKey, verifySignature } from "./sigv4";
import type { JsonObject } from "./validation";

/** Far above any valid request (a batch of 100 attendees is ~20 KB). */
const MAX_BODY_BYTES = 1 << 20;
const EMPTY = Buffer.alloc(0);

export interface ServiceOptions {
  context: OperationContext;
  /** The legacy namespace's own meetings, served under `/legacy`. */
  legacyContext: OperationContext;
  faults: FaultInjector;
  rateLimiter: RateLimiter | undefined;
  /** The rate limit's time source (ms, monotonic), which also stamps the request log. */
  rateLimitClock: () => number;
  /** When set, signatures are verified in full; otherwise only the header's form is checked. */
  credentials: Credentials | undefined;
}

/** One request as received: when (ms, monotonic), which operation, and the status it was answered. */
export interface RequestLogEntry {
  /** When the request's headers arrived, on the rate limit's time source (`performance.now()` unless a test injects one). */
  readonly receivedAt: number;
  /** As in fault scopes (legacy operations as `legacy:<Name>`); undefined for a request that matches no route. */
  readonly operation: FaultScopeName | undefined;
  /** The HTTP status answered; undefined while pending or when the connection was reset. */
  status?: number;
}

/** The request log keeps the latest this many requests (a few MB at most). */
export const REQUEST_LOG_LIMIT = 50_000;

/** The legacy endpoint is global: it signs for us-east-1 whatever the client's or the endpoint's region. */
const LEGACY_SIGNING_REGION = "us-east-1";

/** What differs between the two namespaces served on one port. */
interface Dialect {
  /** The operation a request (path without the dialect's prefix) names. */
  match(method: string, url: string): RouteMatch<string> | undefined;
  handler(operation: string): OperationHandler;
  context: OperationContext;
  count(operation: string): void;
  /** The operation's name in fault scopes and rate-limit buckets. */
  qualify(operation: string): FaultScopeName;
  /** The error as this namespace names it on the wire. */
  wireError(error: ChimeServiceError): ChimeServiceError;
  signingRegion: string;
  /** The refusal of a request signed with an access key other than the configured one. */
  unknownAccessKey(message: string): ChimeServiceError;
}

/** A request on its way: the dialect, its route (if any) and the target without the dialect prefix. */
interface Routed {
  dialect: Dialect;
  route: RouteMatch<string> | undefined;
  /** Path and query without the dialect's prefix, for messages. */
  url: string;
}

export class ChimeHttpService {
  counters: Record<OperationName, number> = zeroCounters();
  /** Requests per legacy operation: a map of its own, so `counters` keeps the Meetings names only. */
  legacyCounters: Record<LegacyOperationName, number> = zeroLegacyCounters();
  totalRequests = 0;
  requestLog: RequestLogEntry[] = [];
  private readonly meetings: Dialect;
  private readonly legacy: Dialect;

  constructor(private readonly options: ServiceOptions) {
    this.meetings = {
      match: matchRoute,
      handler: (operation) => HANDLERS[operation as OperationName],
      context: options.context,
      count: (operation) => this.counters[operation as OperationName]++,
      qualify: (operation) => operation as OperationName,
      wireError: (error) => error,
      signingRegion: options.context.region,
      unknownAccessKey: (message) => new ForbiddenError(message),
    };
    this.legacy = {
      match: matchLegacyRoute,
      handler: (operation) => LEGACY_HANDLERS[operation as LegacyOperationName],
      context: options.legacyContext,
      count: (operation) => this.legacyCounters[operation as LegacyOperationName]++,
      qualify: (operation) => qualifyLegacy(operation as LegacyOperationName),
      wireError: toLegacyError,
      signingRegion: LEGACY_SIGNING_REGION,
      unknownAccessKey: (message) => new UnauthorizedClientError(message),
    };
  }

  resetCounters(): void {
    this.counters = zeroCounters();
    this.legacyCounters = zeroLegacyCounters();
    this.totalRequests = 0;
    this.requestLog = [];
  }

  private route(method: string, url: string): Routed {
    const legacyUrl = stripLegacyPrefix(url);
    const dialect = legacyUrl === undefined ? this.meetings : this.legacy;
    const target = legacyUrl ?? url;
    return { dialect, route: dialect.match(method, target), url: target };
  }

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.totalRequests++;
    const requestId = newRequestId();
    const routed = this.route(req.method ?? "", req.url ?? "/");
    const { dialect, route } = routed;
    if (route !== undefined) dialect.count(route.spec.operation);
    const operation = route === undefined ? undefined : dialect.qualify(route.spec.operation);
    const entry: RequestLogEntry = { receivedAt: this.options.rateLimitClock(), operation };
    if (this.requestLog.length >= REQUEST_LOG_LIMIT) this.requestLog.splice(0, REQUEST_LOG_LIMIT / 10);
    this.requestLog.push(entry);
    res.once("finish", () => {
      entry.status = res.statusCode;
    });
    const fault = this.options.faults.decide(operation);
    const proceed = (body: Buffer | undefined): void => {
      if (fault.latencyMs > 0) {
        setTimeout(() => this.respond(req, res, requestId, routed, fault, body), fault.latencyMs);
      } else {
        this.respond(req, res, requestId, routed, fault, body);
      }
    };
    // Fast path: a request without a body (GET, DELETE) is answered without waiting for its end.
    const length = req.headers["content-length"];
    if ((length === undefined || length === "0") && req.headers["transfer-encoding"] === undefined) {
      proceed(EMPTY);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => proceed(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks, size)));
    req.on("error", () => res.destroy());
  };

  /**
   * `body` undefined means it was too large to keep. The signature is verified over the request as
   * sent (the `/legacy` prefix included). A key other than the configured one is refused as the
   * dialect says (403 in the Meetings namespace, 401 UnauthorizedClientException in the legacy
   * one); any other failure is 403 ForbiddenException.
   */
  private respond(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    routed: Routed,
    fault: FaultDecision,
    body: Buffer | undefined,
  ): void {
    const { dialect } = routed;
    const refuse = (error: ChimeServiceError): void => sendError(res, requestId, dialect.wireError(error));
    const auth = parseAuthorization(req.headers.authorization);
    if (typeof auth === "string") {
      refuse(new ForbiddenError(auth));
      return;
    }
    const { credentials } = this.options;
    if (credentials === undefined) {
      this.handle(req, res, requestId, routed, fault, body);
      return;
    }
    const wrongKey = unknownAccessKey(auth, credentials);
    if (wrongKey !== undefined) {
      refuse(dialect.unknownAccessKey(wrongKey));
      return;
    }
    const signed = {
      method: req.method ?? "",
      url: req.url ?? "/",
      headers: req.headers,
      body: body ?? EMPTY,
    };
    verifySignature(signed, auth, credentials, dialect.signingRegion).then(
      (refusal) => {
        if (refusal === undefined) this.handle(req, res, requestId, routed, fault, body);
        else refuse(new ForbiddenError(refusal));
      },
      (error: unknown) => refuse(asServiceError(error)),
    );
  }

  /** Everything after authentication. */
  private handle(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    { dialect, route, url }: Routed,
    fault: FaultDecision,
    body: Buffer | undefined,
  ): void {
    try {
      if (route === undefined) {
        const path = url.split("?")[0];
        throw new UnknownOperationError(`No operation matches ${req.method} ${path}`);
      }
      const operation = route.spec.operation;
      const limiter = this.options.rateLimiter;
      if (limiter !== undefined && !limiter.tryAcquire(dialect.qualify(operation))) {
        throw new ThrottlingError(`Rate exceeded for ${operation}: limit is ${limiter.tps} TPS`);
      }
      const resetAfter = this.options.faults.resetAfterExecution;
      if (fault.action === "reset" && !resetAfter) {
        req.socket.destroy();
        return;
      }
      if (fault.action === "unavailable") {
        throw new ServiceUnavailableError(
          "The service is temporarily unavailable (injected fault)",
          this.options.faults.retryAfterSeconds,
        );
      }
      if (fault.action === "failure") throw new ServiceFailureError("The service failed (injected fault)");
      if (body === undefined)
        throw new BadRequestError(`The request body is larger than ${MAX_BODY_BYTES} bytes`);
      const result = dialect.handler(operation)(dialect.context, {
        labels: decodeLabels(route.rawLabels),
        query: route.query,
        body: parseJsonBody(body),
      });
      if (fault.action === "reset") {
        req.socket.destroy();
        return;
      }
      sendSuccess(res, requestId, route.spec.successStatus, result.body);
    } catch (error) {
      sendError(res, requestId, dialect.wireError(asServiceError(error)));
    }
  }
}

function decodeLabels(raw: Record<string, string>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    try {
      labels[name] = decodeURIComponent(value);
    } catch {
      throw new BadRequestError(`${name} is not validly percent-encoded, got ${JSON.stringify(value)}`);
    }
  }
  return labels;
}

function parseJsonBody(body: Buffer): JsonObject {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    // The parser's own message quotes the input, which may hold sensitive members: say no more.
    throw new BadRequestError("The request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestError("The request body must be a JSON object");
  }
  return parsed as JsonObject;
}

function asServiceError(error: unknown): ChimeServiceError {
  if (error instanceof ChimeServiceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ServiceFailureError(`Internal error in chime-local: ${message}`);
}

function sendSuccess(res: ServerResponse, requestId: string, status: number, body: object | undefined): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, { "x-amzn-requestid": requestId, "content-length": "0" });
    res.end();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    "x-amzn-requestid": requestId,
  });
  res.end(json);
}

export function errorBody(error: ChimeServiceError, requestId: string): string {
  return JSON.stringify({
    Code: error.code,
    Message: error.message,
    RequestId: requestId,
    ...error.extraBody(),
  });
}

function sendError(res: ServerResponse, requestId: string, error: ChimeServiceError): void {
  const json = errorBody(error, requestId);
  res.writeHead(error.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    "x-amzn-errortype": error.errorType,
    "x-amzn-requestid": requestId,
    ...error.extraHeaders(),
  });
  res.end(json);
}

/** A request Node cannot even parse still gets a JSON 400, never an empty or HTML answer. */
function onClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = newRequestId();
  const json = errorBody(new BadRequestError("The request is not valid HTTP"), requestId);
  socket.end(
    `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(json)}\r\n` +
      `x-amzn-errortype: BadRequestException\r\nx-amzn-requestid: ${requestId}\r\nconnection: close\r\n\r\n${json}`,
  );
}

export interface ListeningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function listen(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  host: string,
  port: number,
): Promise<ListeningServer> {
  const server = createServer({ keepAliveTimeout: 5000 }, listener);
  server.on("clientError", onClientError);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve({
        server,
        url: `http://${urlHost}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections of SDK clients would otherwise hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}

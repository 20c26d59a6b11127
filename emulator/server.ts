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
import type { FaultDecision, FaultInjector } from "./faults";
import { newRequestId } from "./ids";
import { type OperationName, zeroCounters } from "./operation-names";
import { HANDLERS, type OperationContext } from "./operations";
import type { RateLimiter } from "./rate-limiter";
import { matchRoute, type RouteMatch } from "./routes";
import { type Credentials, parseAuthorization, verifySignature } from "./sigv4";
import type { JsonObject } from "./validation";

/** Far above any valid request (a batch of 100 attendees is ~20 KB). */
const MAX_BODY_BYTES = 1 << 20;
const EMPTY = Buffer.alloc(0);

export interface ServiceOptions {
  context: OperationContext;
  faults: FaultInjector;
  rateLimiter: RateLimiter | undefined;
  /** When set, signatures are verified in full; otherwise only the header's form is checked. */
  credentials: Credentials | undefined;
}

export class ChimeHttpService {
  counters: Record<OperationName, number> = zeroCounters();
  totalRequests = 0;

  constructor(private readonly options: ServiceOptions) {}

  resetCounters(): void {
    this.counters = zeroCounters();
    this.totalRequests = 0;
  }

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.totalRequests++;
    const requestId = newRequestId();
    const route = matchRoute(req.method ?? "", req.url ?? "/");
    if (route !== undefined) this.counters[route.spec.operation]++;
    const fault = this.options.faults.decide(route?.spec.operation);
    const proceed = (body: Buffer | undefined): void => {
      if (fault.latencyMs > 0) {
        setTimeout(() => this.respond(req, res, requestId, route, fault, body), fault.latencyMs);
      } else {
        this.respond(req, res, requestId, route, fault, body);
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

  /** `body` undefined means it was too large to keep. */
  private respond(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    route: RouteMatch | undefined,
    fault: FaultDecision,
    body: Buffer | undefined,
  ): void {
    const auth = parseAuthorization(req.headers.authorization);
    if (typeof auth === "string") {
      sendError(res, requestId, new ForbiddenError(auth));
      return;
    }
    const { credentials, context } = this.options;
    if (credentials === undefined) {
      this.handle(req, res, requestId, route, fault, body);
      return;
    }
    const signed = {
      method: req.method ?? "",
      url: req.url ?? "/",
      headers: req.headers,
      body: body ?? EMPTY,
    };
    verifySignature(signed, auth, credentials, context.region).then(
      (refusal) => {
        if (refusal === undefined) this.handle(req, res, requestId, route, fault, body);
        else sendError(res, requestId, new ForbiddenError(refusal));
      },
      (error: unknown) => sendError(res, requestId, asServiceError(error)),
    );
  }

  /** Everything after authentication. */
  private handle(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    route: RouteMatch | undefined,
    fault: FaultDecision,
    body: Buffer | undefined,
  ): void {
    try {
      if (route === undefined) {
        const path = (req.url ?? "/").split("?")[0];
        throw new UnknownOperationError(`No operation matches ${req.method} ${path}`);
      }
      const operation = route.spec.operation;
      if (this.options.rateLimiter !== undefined && !this.options.rateLimiter.tryAcquire(operation)) {
        throw new ThrottlingError(
          `Rate exceeded for ${operation}: limit is ${this.options.rateLimiter.tps} TPS`,
        );
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
      const result = HANDLERS[operation](this.options.context, {
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
      sendError(res, requestId, asServiceError(error));
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

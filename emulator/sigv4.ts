/**
 * SigV4 checks. Every request must carry an `Authorization: AWS4-HMAC-SHA256 Credential=...`
 * header scoped to service `chime` (a cheap string check on the hot path). When credentials are
 * configured the signature itself is recomputed and compared, which costs a few HMACs and a SHA-256
 * of the body per request, hence optional.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SIGNING_SERVICE = "chime";
const ALGORITHM = "AWS4-HMAC-SHA256";
/** AWS refuses requests signed more than 15 minutes away from its own time. */
const MAX_SKEW_MS = 15 * 60 * 1000;

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** The parsed header, or a message saying why it is refused. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | string {
  if (header === undefined || header === "") return "Missing Authentication Token";
  if (!header.startsWith(`${ALGORITHM} `)) {
    return `Authorization header requires the ${ALGORITHM} algorithm (SigV4)`;
  }
  const fields = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    return "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters";
  }
  const scope = credential.split("/");
  if (scope.length !== 5 || scope[4] !== "aws4_request" || scope[0] === "") {
    return "Credential must have the form <AccessKeyId>/<yyyyMMdd>/<region>/<service>/aws4_request";
  }
  const [accessKeyId, date, region, service] = scope as [string, string, string, string];
  if (service !== SIGNING_SERVICE) {
    return `Credential should be scoped to correct service: '${SIGNING_SERVICE}'`;
  }
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(";"), signature };
}

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Path as received (already encoded once), each segment encoded again: what the SDK signs for non-S3 services. */
function canonicalPath(rawPath: string): string {
  return rawPath
    .split("/")
    .map((segment) => escapeUri(segment))
    .join("/");
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === "") return "";
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : safeDecode(part.slice(eq + 1));
    if (key.toLowerCase() === "x-amz-signature") continue;
    pairs.push([escapeUri(key), escapeUri(value)]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received (`req.url`). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const sha256Hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data).digest();

function headerValue(value: string | string[] | undefined): string {
  const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
  return joined.trim().replace(/\s+/g, " ");
}

/** Parses `x-amz-date` (yyyyMMdd'T'HHmmss'Z'). */
function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return undefined;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Full verification: undefined when the signature is right, else the reason it is refused. */
export function verifySignature(
  request: SignedRequest,
  auth: ParsedAuthorization,
  credentials: Credentials,
  expectedRegion: string,
  nowMs: number = Date.now(),
): string | undefined {
  if (auth.accessKeyId !== credentials.accessKeyId) {
    return "The security token included in the request is invalid (unknown access key id)";
  }
  if (auth.region !== expectedRegion) {
    return `Credential should be scoped to a valid region, not '${auth.region}'; this endpoint signs for '${expectedRegion}'`;
  }
  const amzDate = headerValue(request.headers["x-amz-date"]);
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) return "Missing or malformed X-Amz-Date header";
  if (!amzDate.startsWith(auth.date)) return "Credential date does not match the X-Amz-Date header";
  if (Math.abs(nowMs - signedAt) > MAX_SKEW_MS) {
    return `Signature expired: ${amzDate} is more than 15 minutes away from the server's time`;
  }
  if (!auth.signedHeaders.includes("host")) return "SignedHeaders must include host";
  const q = request.url.indexOf("?");
  const rawPath = q < 0 ? request.url : request.url.slice(0, q);
  const rawQuery = q < 0 ? "" : request.url.slice(q + 1);
  // The SDK sends x-amz-content-sha256 and signs it; the body must still hash to it.
  const bodyHash = sha256Hex(request.body);
  const payloadHeader = request.headers["x-amz-content-sha256"];
  if (
    typeof payloadHeader === "string" &&
    payloadHeader !== "UNSIGNED-PAYLOAD" &&
    payloadHeader !== bodyHash
  ) {
    return "The provided 'x-amz-content-sha256' header does not match what was computed";
  }
  const payloadHash = typeof payloadHeader === "string" ? payloadHeader : bodyHash;
  const canonicalHeaders = auth.signedHeaders
    .map((name) => `${name}:${headerValue(request.headers[name])}\n`)
    .join("");
  const canonicalRequest = [
    request.method,
    canonicalPath(rawPath),
    canonicalQuery(rawQuery),
    canonicalHeaders,
    auth.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, auth.date), auth.region), auth.service),
    "aws4_request",
  );
  const expected = hmac(key, stringToSign).toString("hex");
  const given = Buffer.from(auth.signature);
  const matches = given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
  return matches
    ? undefined
    : "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";
}

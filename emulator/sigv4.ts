/**
 * SigV4 checks. Every request must carry an `Authorization: AWS4-HMAC-SHA256 Credential=...`
 * header scoped to service `chime` (a cheap string check on the hot path). When credentials are
 * configured the request is signed again with `@smithy/signature-v4` (the signer the SDK itself
 * uses), at the request's own X-Amz-Date and over the headers it says it signed, and the two
 * signatures are compared; before that come the checks the signer does not make: the access key,
 * the region, the date and its skew, and that the body hashes to `x-amz-content-sha256`.
 */
import { createHash, createHmac, type Hash, type Hmac, timingSafeEqual } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Checksum, SourceData } from "@smithy/types";

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

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received (`req.url`). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

function headerValue(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

/** Parses `x-amz-date` (yyyyMMdd'T'HHmmss'Z'). */
function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return undefined;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

/**
 * "Wrong key", kept apart from "bad signature": undefined when the request is signed with the
 * configured access key id, else the message AWS gives for an unknown one.
 */
export function unknownAccessKey(auth: ParsedAuthorization, credentials: Credentials): string | undefined {
  return auth.accessKeyId === credentials.accessKeyId
    ? undefined
    : "The security token included in the request is invalid (unknown access key id)";
}

/** SHA-256 (and HMAC-SHA256 when given a key) from node:crypto, as the signer's hash constructor. */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash("sha256");
    const key = typeof this.secret === "string" ? this.secret : Buffer.from(this.secret as Uint8Array);
    return createHmac("sha256", key);
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }

  reset(): void {
    this.hash = this.fresh();
  }
}

/** The query string as the signer wants it: decoded names and values, repeated names as lists. */
function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";

/** Full verification: undefined when the signature is right, else the reason it is refused. */
export async function verifySignature(
  request: SignedRequest,
  auth: ParsedAuthorization,
  credentials: Credentials,
  expectedRegion: string,
  nowMs: number = Date.now(),
): Promise<string | undefined> {
  const wrongKey = unknownAccessKey(auth, credentials);
  if (wrongKey !== undefined) return wrongKey;
  if (auth.region !== expectedRegion) {
    return `Credential should be scoped to a valid region, not '${auth.region}'; this endpoint signs for '${expectedRegion}'`;
  }
  const amzDate = headerValue(request.headers["x-amz-date"]).trim();
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) return "Missing or malformed X-Amz-Date header";
  if (!amzDate.startsWith(auth.date)) return "Credential date does not match the X-Amz-Date header";
  if (Math.abs(nowMs - signedAt) > MAX_SKEW_MS) {
    return `Signature expired: ${amzDate} is more than 15 minutes away from the server's time`;
  }
  if (!auth.signedHeaders.includes("host")) return "SignedHeaders must include host";
  // The signer takes x-amz-content-sha256 as the payload's hash when present: the body must match it.
  const payloadHeader = request.headers["x-amz-content-sha256"];
  if (
    typeof payloadHeader === "string" &&
    payloadHeader !== "UNSIGNED-PAYLOAD" &&
    payloadHeader !== createHash("sha256").update(request.body).digest("hex")
  ) {
    return "The provided 'x-amz-content-sha256' header does not match what was computed";
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) headers[name] = headerValue(request.headers[name]);
  const q = request.url.indexOf("?");
  const signer = new SignatureV4({
    credentials,
    region: auth.region,
    service: auth.service,
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: "http:",
      hostname: headers.host ?? "",
      path: q < 0 ? request.url : request.url.slice(0, q),
      query: parseQuery(q < 0 ? "" : request.url.slice(q + 1)),
      headers,
      body: request.body,
    },
    {
      signingDate: new Date(signedAt),
      signingRegion: auth.region,
      signingService: auth.service,
      // Exactly what the client signed, even headers the signer would leave out (user-agent, ...).
      signableHeaders: new Set(auth.signedHeaders),
    },
  );
  const expected = headerValue(signed.headers.authorization);
  const computed = /Signature=([0-9a-f]+)$/.exec(expected)?.[1] ?? "";
  const given = Buffer.from(auth.signature);
  const matches =
    expected.includes(`SignedHeaders=${auth.signedHeaders.join(";")},`) &&
    given.length === computed.length &&
    timingSafeEqual(given, Buffer.from(computed));
  return matches ? undefined : SIGNATURE_MISMATCH;
}

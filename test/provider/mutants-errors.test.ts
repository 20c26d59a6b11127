/**
 * Error classification and messages (provider/aws/errors.ts), case by case and in full: which advice
 * each AWS error gets, how a network failure is told apart from an answer, which values are masked.
 * Each row guards a behaviour a surviving mutant of `npm run mutate` showed untested (README
 * "Mutation testing").
 */
import { expect } from "chai";
import {
  adviceFor,
  ChimeRequestError,
  describeFailure,
  type Failure,
  isNotFound,
  isTimeout,
  mask,
} from "../../provider/aws/errors";

const ENDED =
  "The meeting has ended or never existed: Chime ends a meeting 24 hours after creation or after 5 minutes " +
  "without a connected attendee. If the meeting is declared in this stack, run `pulumi up --refresh` to " +
  "create it again; otherwise point meetingId at a live meeting.";
const GONE =
  "The attendee or its meeting no longer exists; run `pulumi refresh` to bring the stack up to date.";
const OTHER_REGION =
  " Or the meeting lives in another control-plane region than eu-west-2, where this call went (a meeting is " +
  "reachable only in the region it was created in): give the resource the meeting's region " +
  "(`region: meeting.region`).";
const FULL =
  "The meeting is full: it holds at most 250 attendees (or its MeetingFeatures attendee maxCount), and an " +
  "attendee counts until it is deleted, joined or not. Delete unused attendees or use another meeting.";
const THROTTLED =
  "AWS throttled the requests beyond the retries: lower stack config chime:maxRequestsPerSecond (default 10, " +
  "the AWS default quota) or ask AWS for a higher quota.";
const CREDENTIALS = (op: string) =>
  "Check the AWS credentials (environment, AWS_PROFILE or stack config aws:profile) and that their IAM " +
  `policy allows chime:${op}.`;
const NETWORK = "and the network (is the endpoint running and listening there?).";
const RECORDED =
  " Note that `pulumi refresh` and `pulumi destroy` use the stack config recorded by the last `pulumi up`, " +
  "not the current one: after `pulumi config set chime:endpoint`, run `pulumi up` first, or " +
  "`pulumi refresh --run-program`.";
const TLS =
  "The TLS connection to the endpoint failed (no AWS answer was received): check the endpoint URL's scheme " +
  "(https:// or http://) and host, and that its certificate is trusted (NODE_EXTRA_CA_CERTS). ";

describe("Error advice, by AWS error name, in full", () => {
  const rows: [string, string, Parameters<typeof adviceFor>[2], string][] = [
    ["NotFoundException", "CreateAttendee", {}, ENDED],
    ["ResourceNotFoundException", "BatchCreateAttendee", {}, ENDED],
    ["NotFoundException", "GetMeeting", {}, ENDED],
    ["NotFoundException", "CreateAttendee", { region: "eu-west-2" }, ENDED + OTHER_REGION],
    [
      "NotFoundException",
      "CreateAttendee",
      { namespace: "legacy" },
      `${ENDED} A Chime SDK Meetings meeting is unknown here: a legacy attendee needs a meeting with namespace "legacy".`,
    ],
    ["NotFoundException", "GetAttendee", {}, GONE],
    ["NotFoundException", "DeleteAttendee", { region: "eu-west-2" }, GONE + OTHER_REGION],
    [
      "NotFoundException",
      "GetAttendee",
      { region: "eu-west-2", meetingRegion: "eu-west-2" },
      GONE + OTHER_REGION,
    ],
    [
      "NotFoundException",
      "GetAttendee",
      { region: "eu-west-2", meetingRegion: "us-east-1" },
      "The meeting lives in region us-east-1, but this call went to region eu-west-2: give the resource the meeting's region (`region: meeting.region`), or run `pulumi config set chime:region us-east-1`.",
    ],
    ["NotFoundException", "GetAttendee", { meetingRegion: "us-east-1" }, GONE],
    ["LimitExceededException", "CreateAttendee", {}, FULL],
    ["ResourceLimitExceededException", "CreateAttendee", {}, FULL],
    ["ThrottlingException", "CreateAttendee", {}, THROTTLED],
    ["ThrottledClientException", "CreateAttendee", {}, THROTTLED],
    [
      "BadRequestException",
      "CreateAttendee",
      {},
      "AWS rejected the request as invalid; its message names the member at fault.",
    ],
    [
      "ConflictException",
      "CreateAttendee",
      {},
      "Another identical request was in flight at the same time; run the deployment again.",
    ],
    ["ForbiddenException", "CreateAttendee", {}, CREDENTIALS("CreateAttendee")],
    ["UnauthorizedException", "GetAttendee", {}, CREDENTIALS("GetAttendee")],
    ["UnauthorizedClientException", "TagAttendee", {}, CREDENTIALS("TagAttendee")],
    ["UnrecognizedClientException", "GetMeeting", {}, CREDENTIALS("GetMeeting")],
    ["InvalidSignatureException", "GetMeeting", {}, CREDENTIALS("GetMeeting")],
    ["AccessDeniedException", "GetMeeting", {}, CREDENTIALS("GetMeeting")],
    [
      "CredentialsProviderError",
      "GetMeeting",
      {},
      "No AWS credentials were found: set AWS_PROFILE or stack config aws:profile, or the AWS_* variables.",
    ],
    [
      "ServiceFailureException",
      "GetMeeting",
      {},
      "AWS failed on its side after the retries; run the deployment again.",
    ],
    [
      "ServiceUnavailableException",
      "GetMeeting",
      {},
      "AWS failed on its side after the retries; run the deployment again.",
    ],
    ["SomethingNew", "GetMeeting", {}, "See AWS's message above."],
    ["SomethingNew", "GetMeeting", { answered: true }, "See AWS's message above."],
    [
      "SomethingNew",
      "GetMeeting",
      { answered: false },
      `The request got no answer from AWS: the error above is the client's. Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "ECONNREFUSED",
      "CreateAttendee",
      {},
      `The Chime SDK Meetings endpoint could not be reached. Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "EPIPE",
      "GetAttendee",
      { endpoint: { url: "u", source: "config" } },
      `The Chime SDK Meetings endpoint could not be reached. Check stack config chime:endpoint ${NETWORK}${RECORDED}`,
    ],
    [
      "ENOTFOUND",
      "CreateAttendee",
      { endpoint: { url: "u", source: "config" } },
      `The Chime SDK Meetings endpoint could not be reached. Check stack config chime:endpoint ${NETWORK}`,
    ],
    [
      "EHOSTUNREACH",
      "ListAttendees",
      { endpoint: { url: "u", source: "environment" } },
      `The Chime SDK Meetings endpoint could not be reached. Check AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS / AWS_ENDPOINT_URL ${NETWORK}`,
    ],
    [
      "ENETUNREACH",
      "DeleteAttendee",
      { endpoint: { url: "u", source: "aws" } },
      `The Chime SDK Meetings endpoint could not be reached. Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "EAI_AGAIN",
      "TagAttendee",
      { namespace: "legacy", endpoint: { url: "u", source: "environment" } },
      `The Chime SDK Meetings endpoint could not be reached. Check AWS_ENDPOINT_URL_CHIME / AWS_ENDPOINT_URL ${NETWORK}`,
    ],
    [
      "ETIMEDOUT",
      "GetAttendee",
      { namespace: "legacy", endpoint: { url: "u", source: "config" } },
      `The Chime SDK Meetings endpoint could not be reached. Check stack config chime:legacyEndpoint ${NETWORK}${RECORDED.replace("chime:endpoint", "chime:legacyEndpoint")}`,
    ],
    [
      "ECONNRESET",
      "CreateAttendee",
      { namespace: "legacy" },
      `The Chime SDK Meetings endpoint could not be reached. Check stack config chime:legacyEndpoint, AWS_ENDPOINT_URL_CHIME, the region ${NETWORK}`,
    ],
    [
      "TimeoutError",
      "CreateAttendee",
      {},
      `The Chime SDK Meetings endpoint could not be reached. Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "CERT_HAS_EXPIRED",
      "CreateAttendee",
      {},
      `${TLS}Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "ERR_TLS_CERT_ALTNAME_INVALID",
      "CreateAttendee",
      {},
      `${TLS}Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "ERR_SSL_WRONG_VERSION_NUMBER",
      "CreateAttendee",
      {},
      `${TLS}Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      "CreateAttendee",
      {},
      `${TLS}Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "SELF_SIGNED_CERT_IN_CHAIN",
      "CreateAttendee",
      {},
      `${TLS}Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "CreateAttendee",
      {},
      `${TLS}Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "EPROTO",
      "CreateAttendee",
      {},
      `${TLS}Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
    ],
    [
      "HOSTNAME_MISMATCH",
      "GetMeeting",
      { endpoint: { url: "u", source: "config" } },
      `${TLS}Check stack config chime:endpoint ${NETWORK}${RECORDED}`,
    ],
    ["XCERT_HAS_EXPIRED", "CreateAttendee", {}, "See AWS's message above."],
  ];
  for (const [name, operation, context, advice] of rows) {
    it(`${name} from ${operation} ${JSON.stringify(context)}`, () => {
      expect(adviceFor(name, operation, context)).to.equal(advice);
    });
  }

  it("without a context: the Chime SDK Meetings advice", () => {
    expect(adviceFor("ECONNREFUSED", "GetMeeting")).to.include("chime:endpoint,");
  });
});

/** An error as the SDK throws it: a modeled exception with an HTTP answer, or a network error without. */
function answered(name: string, message: string, status: number, requestId?: string) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId } });
}
function network(code: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { code, $metadata: {}, ...extra });
}

describe("Failure messages, in full", () => {
  const CREATE: Failure = {
    operation: "CreateAttendee",
    about: { meetingId: "m-1", externalUserId: "kiosk" },
  };
  const rows: [
    string,
    Failure,
    unknown,
    { message: string; awsError: string; status?: number; requestId?: string },
  ][] = [
    [
      "an answered error: name, masked message, HTTP status, RequestId, advice",
      CREATE,
      answered("LimitExceededException", "kiosk cannot join", 400, "r-1"),
      {
        message: `Chime CreateAttendee failed for meetingId "m-1", externalUserId (5 characters): LimitExceededException: [externalUserId] cannot join (HTTP 400, RequestId r-1). ${FULL}`,
        awsError: "LimitExceededException",
        status: 400,
        requestId: "r-1",
      },
    ],
    [
      "an answered error without a RequestId",
      { operation: "GetMeeting", about: {} },
      answered("ServiceFailureException", "boom", 500),
      {
        message:
          "Chime GetMeeting failed: ServiceFailureException: boom (HTTP 500). AWS failed on its side after the retries; run the deployment again.",
        awsError: "ServiceFailureException",
        status: 500,
      },
    ],
    [
      "an undefined identifier is left out",
      { operation: "GetMeeting", about: { meetingId: "m-1", externalUserId: undefined } },
      answered("ServiceFailureException", "boom", 500),
      {
        message:
          'Chime GetMeeting failed for meetingId "m-1": ServiceFailureException: boom (HTTP 500). AWS failed on its side after the retries; run the deployment again.',
        awsError: "ServiceFailureException",
        status: 500,
      },
    ],
    [
      "legacy namespace: named",
      { operation: "GetMeeting", about: {}, namespace: "legacy" },
      answered("ServiceFailureException", "boom", 500),
      {
        message:
          "Chime GetMeeting (legacy Amazon Chime namespace) failed: ServiceFailureException: boom (HTTP 500). AWS failed on its side after the retries; run the deployment again.",
        awsError: "ServiceFailureException",
        status: 500,
      },
    ],
    [
      "a refused connection to a configured endpoint, after 3 attempts",
      {
        operation: "GetAttendee",
        about: { meetingId: "m-1" },
        endpoint: { url: "http://127.0.0.1:1", source: "config" },
      },
      network("ECONNREFUSED", "connect ECONNREFUSED", { $metadata: { attempts: 3 } }),
      {
        message: `Chime GetAttendee failed for meetingId "m-1": the Chime SDK Meetings endpoint http://127.0.0.1:1 (stack config chime:endpoint) could not be reached: the connection was refused (nothing listens there) (ECONNREFUSED, 3 attempts). Check stack config chime:endpoint ${NETWORK}${RECORDED}`,
        awsError: "ECONNREFUSED",
      },
    ],
    [
      "an unknown host from the environment, 1 attempt",
      { operation: "CreateAttendee", about: {}, endpoint: { url: "http://nowhere", source: "environment" } },
      network("ENOTFOUND", "getaddrinfo ENOTFOUND", { $metadata: { attempts: 1 } }),
      {
        message: `Chime CreateAttendee failed: the Chime SDK Meetings endpoint http://nowhere (from AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS / AWS_ENDPOINT_URL) could not be reached: its host name was not found (ENOTFOUND, 1 attempt). Check AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS / AWS_ENDPOINT_URL ${NETWORK}`,
        awsError: "ENOTFOUND",
      },
    ],
    [
      "a DNS failure to AWS's endpoint, attempts unknown",
      {
        operation: "CreateAttendee",
        about: {},
        endpoint: { url: "https://meetings-chime.us-east-1.amazonaws.com", source: "aws" },
      },
      network("EAI_AGAIN", "getaddrinfo EAI_AGAIN"),
      {
        message: `Chime CreateAttendee failed: the Chime SDK Meetings endpoint https://meetings-chime.us-east-1.amazonaws.com (AWS's regional endpoint) could not be reached: its host name was not found (EAI_AGAIN). Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
        awsError: "EAI_AGAIN",
      },
    ],
    [
      "a reset in the legacy namespace, no endpoint known",
      { operation: "TagAttendee", about: {}, namespace: "legacy" },
      network("EPIPE", "write EPIPE"),
      {
        message: `Chime TagAttendee (legacy Amazon Chime namespace) failed: the legacy Amazon Chime endpoint could not be reached: the connection was reset (EPIPE). Check stack config chime:legacyEndpoint, AWS_ENDPOINT_URL_CHIME, the region ${NETWORK}`,
        awsError: "EPIPE",
      },
    ],
    [
      "a reset the HTTP handler names TimeoutError (the code tells)",
      { operation: "GetMeeting", about: {} },
      Object.assign(new Error("socket hang up"), { name: "TimeoutError", code: "ECONNRESET", $metadata: {} }),
      {
        message: `Chime GetMeeting failed: the Chime SDK Meetings endpoint could not be reached: the connection was reset (ECONNRESET). Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
        awsError: "ECONNRESET",
      },
    ],
    [
      "a request timeout: no answer within the time the message gives",
      { operation: "GetMeeting", about: {} },
      network("ETIMEDOUT", "Request did not complete within 3000 ms"),
      {
        message: `Chime GetMeeting failed: the Chime SDK Meetings endpoint could not be reached: it accepted the connection but sent no answer within 3 s (TimeoutError). Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
        awsError: "TimeoutError",
      },
    ],
    [
      "a connection timeout: no connection within the time",
      { operation: "GetMeeting", about: {} },
      Object.assign(new Error("Socket timed out without establishing a connection within 1500 ms"), {
        name: "TimeoutError",
        $metadata: {},
      }),
      {
        message: `Chime GetMeeting failed: the Chime SDK Meetings endpoint could not be reached: no connection within 1.5 s (TimeoutError). Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
        awsError: "TimeoutError",
      },
    ],
    [
      "a timeout whose message gives no time",
      { operation: "GetMeeting", about: {} },
      network("ETIMEDOUT", "timed out"),
      {
        message: `Chime GetMeeting failed: the Chime SDK Meetings endpoint could not be reached: it accepted the connection but sent no answer within the timeout (TimeoutError). Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
        awsError: "TimeoutError",
      },
    ],
    [
      "an unreachable host: AWS's message as the reason",
      { operation: "GetMeeting", about: {} },
      network("EHOSTUNREACH", "connect EHOSTUNREACH 10.0.0.1:443"),
      {
        message: `Chime GetMeeting failed: the Chime SDK Meetings endpoint could not be reached: connect EHOSTUNREACH 10.0.0.1:443 (EHOSTUNREACH). Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
        awsError: "EHOSTUNREACH",
      },
    ],
    [
      "a TLS failure: the TLS advice",
      { operation: "GetMeeting", about: {}, endpoint: { url: "https://127.0.0.1:1", source: "config" } },
      network("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"),
      {
        message: `Chime GetMeeting failed: the Chime SDK Meetings endpoint https://127.0.0.1:1 (stack config chime:endpoint) could not be reached: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT). ${TLS}Check stack config chime:endpoint ${NETWORK}${RECORDED}`,
        awsError: "DEPTH_ZERO_SELF_SIGNED_CERT",
      },
    ],
    [
      "a network code that came with an HTTP answer is the answer's name",
      { operation: "GetMeeting", about: {} },
      Object.assign(new Error("bad gateway"), {
        name: "BadGateway",
        code: "ECONNRESET",
        $metadata: { httpStatusCode: 502 },
      }),
      {
        message: "Chime GetMeeting failed: BadGateway: bad gateway (HTTP 502). See AWS's message above.",
        awsError: "BadGateway",
        status: 502,
      },
    ],
    [
      "a client error without an answer",
      { operation: "GetMeeting", about: {} },
      Object.assign(new Error("Region is missing"), { name: "Error" }),
      {
        message: `Chime GetMeeting failed: Error: Region is missing. The request got no answer from AWS: the error above is the client's. Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
        awsError: "Error",
      },
    ],
    [
      "not an Error at all",
      { operation: "GetMeeting", about: {} },
      "a string",
      {
        message: `Chime GetMeeting failed: Error: a string. The request got no answer from AWS: the error above is the client's. Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
        awsError: "Error",
      },
    ],
    [
      "null",
      { operation: "GetMeeting", about: {} },
      null,
      {
        message: `Chime GetMeeting failed: Error: null. The request got no answer from AWS: the error above is the client's. Check stack config chime:endpoint, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, the region ${NETWORK}`,
        awsError: "Error",
      },
    ],
    [
      "an object without a message",
      { operation: "GetMeeting", about: {} },
      { name: "Odd", $metadata: { httpStatusCode: 418 } },
      {
        message: "Chime GetMeeting failed: Odd:  (HTTP 418). See AWS's message above.",
        awsError: "Odd",
        status: 418,
      },
    ],
    [
      "the meeting's region is passed to the advice",
      { operation: "GetAttendee", about: {}, region: "eu-west-2", meetingRegion: "us-east-1" },
      answered("NotFoundException", "not found", 404),
      {
        message:
          "Chime GetAttendee failed: NotFoundException: not found (HTTP 404). The meeting lives in region us-east-1, but this call went to region eu-west-2: give the resource the meeting's region (`region: meeting.region`), or run `pulumi config set chime:region us-east-1`.",
        awsError: "NotFoundException",
        status: 404,
      },
    ],
    [
      "legacy NotFound: the advice of the namespace",
      { operation: "CreateAttendee", about: {}, namespace: "legacy" },
      answered("NotFoundException", "not found", 404),
      {
        message: `Chime CreateAttendee (legacy Amazon Chime namespace) failed: NotFoundException: not found (HTTP 404). ${ENDED} A Chime SDK Meetings meeting is unknown here: a legacy attendee needs a meeting with namespace "legacy".`,
        awsError: "NotFoundException",
        status: 404,
      },
    ],
  ];
  for (const [what, failure, error, expected] of rows) {
    it(what, () => {
      const e = describeFailure(failure, error);
      expect(e).to.be.instanceOf(ChimeRequestError);
      expect({
        message: e.message,
        awsError: e.awsError,
        status: e.httpStatus,
        requestId: e.requestId,
      }).to.deep.equal({
        status: undefined,
        requestId: undefined,
        ...expected,
      });
      expect(e.operation).to.equal(failure.operation);
      expect(e.name).to.equal("ChimeRequestError");
      expect(e.stack).to.equal("");
    });
  }
});

describe("Masking secret values", () => {
  const rows: [string, string, Record<string, string | undefined>, string][] = [
    ["a value of 4 characters anywhere", "xabcdx abcd", { token: "abcd" }, "x[token]x [token]"],
    [
      "a value of 3 characters only standing alone",
      "abc xabc abcx abc.",
      { id: "abc" },
      "[id] xabc abcx [id].",
    ],
    ["a short value next to a digit is not alone", "1ab ab2 ab", { id: "ab" }, "1ab ab2 [id]"],
    ["a short value next to a non-ASCII letter is not alone", "éab ab", { id: "ab" }, "éab [id]"],
    ["a short value with regex characters", "a.b axb", { id: "a.b" }, "[id] axb"],
    ["an empty value is ignored", "text", { id: "" }, "text"],
    ["an absent value is ignored", "text", { id: undefined }, "text"],
    ["several values", "one two", { a: "one", b: "two" }, "[a] [b]"],
  ];
  for (const [what, text, secrets, masked] of rows) {
    it(what, () => {
      expect(mask(text, secrets)).to.equal(masked);
    });
  }

  it("without secrets: the text as it is", () => {
    expect(mask("abc")).to.equal("abc");
  });
});

describe("Timeouts and NotFound", () => {
  const timeouts: [string, { name?: string; code?: string } | undefined, boolean][] = [
    ["ETIMEDOUT", { code: "ETIMEDOUT" }, true],
    ["TimeoutError without a code (connection timeout)", { name: "TimeoutError" }, true],
    ["TimeoutError with ECONNRESET (a reset)", { name: "TimeoutError", code: "ECONNRESET" }, false],
    ["another error", { name: "Error" }, false],
    ["nothing", undefined, false],
  ];
  for (const [what, error, expected] of timeouts) {
    it(`${what} → ${expected ? "a timeout" : "not a timeout"}`, () => {
      expect(isTimeout(error)).to.equal(expected);
    });
  }

  const notFound: [string, unknown, boolean][] = [
    [
      "NotFoundException",
      new ChimeRequestError("m", "NotFoundException", "GetAttendee", undefined, 404),
      true,
    ],
    [
      "ResourceNotFoundException",
      new ChimeRequestError("m", "ResourceNotFoundException", "GetAttendee", undefined, 404),
      true,
    ],
    [
      "BadRequestException",
      new ChimeRequestError("m", "BadRequestException", "GetAttendee", undefined, 400),
      false,
    ],
    [
      "an SDK error named NotFoundException",
      Object.assign(new Error("m"), { name: "NotFoundException", awsError: "NotFoundException" }),
      false,
    ],
  ];
  for (const [what, error, expected] of notFound) {
    it(`${what} → ${expected ? "not found" : "something else"}`, () => {
      expect(isNotFound(error)).to.equal(expected);
    });
  }
});

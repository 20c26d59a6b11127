/** Wire details the SDK hides: status codes, headers and JSON bodies, checked with raw HTTP. */
import { connect } from "node:net";
import { expect } from "chai";
import { GUID, newAttendee, newMeeting, raw, UNKNOWN_ID, useEndpoint } from "./helpers";

function expectErrorShape(
  response: Awaited<ReturnType<typeof raw>>,
  status: number,
  errorType: string,
  code: string,
): Record<string, unknown> {
  expect(response.status).to.equal(status);
  expect(response.headers["content-type"]).to.equal("application/json");
  expect(response.headers["x-amzn-errortype"]).to.equal(errorType);
  const requestId = response.headers["x-amzn-requestid"];
  expect(requestId).to.match(GUID);
  const body = response.json();
  expect(body.Code).to.equal(code);
  expect(body.Message).to.be.a("string").that.is.not.empty;
  expect(body.RequestId).to.equal(requestId);
  return body;
}

describe("emulator: wire format (raw HTTP)", () => {
  const env = useEndpoint();

  it("answers a success with 200, JSON and x-amzn-requestid", async () => {
    const response = await raw(env.local.url, "POST", "/meetings", {
      body: JSON.stringify({
        ClientRequestToken: "raw-token",
        MediaRegion: "us-east-1",
        ExternalMeetingId: "raw",
      }),
    });
    expect(response.status).to.equal(200);
    expect(response.headers["content-type"]).to.equal("application/json");
    expect(response.headers["x-amzn-requestid"]).to.match(GUID);
    expect((response.json().Meeting as Record<string, unknown>).MeetingId).to.match(GUID);
  });

  it("answers the four 204 operations with an empty body", async () => {
    const meeting = await newMeeting(env.client);
    const attendee = await newAttendee(env.client, meeting.MeetingId, "raw-user");
    const arn = meeting.MeetingArn;
    const calls: Array<[string, string, string | undefined]> = [
      [
        "POST",
        "/tags?operation=tag-resource",
        JSON.stringify({ ResourceARN: arn, Tags: [{ Key: "k", Value: "v" }] }),
      ],
      ["POST", "/tags?operation=untag-resource", JSON.stringify({ ResourceARN: arn, TagKeys: ["k"] })],
      ["DELETE", `/meetings/${meeting.MeetingId}/attendees/${attendee.AttendeeId}`, undefined],
      ["DELETE", `/meetings/${meeting.MeetingId}`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const response = await raw(env.local.url, method, path, { body });
      expect(response.status, `${method} ${path}`).to.equal(204);
      expect(response.text).to.equal("");
      expect(response.headers["x-amzn-requestid"]).to.match(GUID);
    }
  });

  it("answers operations without output (StopMeetingTranscription) with 200 and an empty body", async () => {
    const meeting = await newMeeting(env.client);
    const response = await raw(
      env.local.url,
      "POST",
      `/meetings/${meeting.MeetingId}/transcription?operation=stop`,
    );
    expect(response.status).to.equal(200);
    expect(response.text).to.equal("");
  });

  it("answers an unknown meeting with 404 NotFoundException and the short Code NotFound", async () => {
    const response = await raw(env.local.url, "GET", `/meetings/${UNKNOWN_ID}`);
    const body = expectErrorShape(response, 404, "NotFoundException", "NotFound");
    expect(body.Message).to.equal(`Meeting ${UNKNOWN_ID} not found`);
  });

  it("adds ResourceName to ResourceNotFoundException bodies", async () => {
    const arn = `arn:aws:chime:us-east-1:123456789012:meeting/${UNKNOWN_ID}`;
    const response = await raw(env.local.url, "GET", `/tags?arn=${encodeURIComponent(arn)}`);
    const body = expectErrorShape(response, 404, "ResourceNotFoundException", "NotFound");
    expect(body.ResourceName).to.equal(arn);
  });

  const unknownRoutes: Array<[string, string]> = [
    ["GET", "/"],
    ["GET", "/nothing-here"],
    ["PATCH", `/meetings/${UNKNOWN_ID}`],
    ["POST", "/meetings?operation=bogus"],
    ["GET", `/meetings/${UNKNOWN_ID}/transcription`],
    ["PUT", `/meetings/${UNKNOWN_ID}/attendees/capabilities`],
    ["POST", "/meetings/"],
  ];
  for (const [method, path] of unknownRoutes) {
    it(`answers the unknown route ${method} ${path} with 404 UnknownOperationException JSON`, async () => {
      const response = await raw(env.local.url, method, path);
      const body = expectErrorShape(response, 404, "UnknownOperationException", "UnknownOperation");
      expect(body.Message).to.include(method);
    });
  }

  const badBodies: Array<[string, string, string]> = [
    ["malformed JSON", '{"ExternalUserId": "secret-user",', "The request body is not valid JSON"],
    ["a JSON array", "[]", "The request body must be a JSON object"],
    ["a JSON string", '"text"', "The request body must be a JSON object"],
    ["a member of the wrong type", '{"ExternalUserId": ["x"]}', "ExternalUserId must be a string"],
  ];
  for (const [what, text, message] of badBodies) {
    it(`answers ${what} with 400 BadRequestException JSON`, async () => {
      const meeting = await newMeeting(env.client);
      const response = await raw(env.local.url, "POST", `/meetings/${meeting.MeetingId}/attendees`, {
        body: text,
      });
      const body = expectErrorShape(response, 400, "BadRequestException", "BadRequest");
      expect(body.Message).to.include(message);
      expect(body.Message).not.to.include("secret-user");
    });
  }

  it("answers a body over 1 MiB with 400", async () => {
    const response = await raw(env.local.url, "POST", "/meetings", {
      body: `{"x":"${"a".repeat(1 << 20)}"}`,
    });
    expectErrorShape(response, 400, "BadRequestException", "BadRequest");
  });

  it("answers a label that is not valid percent-encoding with 400", async () => {
    const response = await raw(env.local.url, "GET", "/meetings/%E0%A4%A");
    const body = expectErrorShape(response, 400, "BadRequestException", "BadRequest");
    expect(body.Message).to.include("MeetingId");
  });

  const refusedAuthorizations: Array<[string, string | null, string]> = [
    ["no Authorization header", null, "Missing Authentication Token"],
    ["a SigV2-style header", "AWS test:signature", "AWS4-HMAC-SHA256"],
    [
      "a signature for another service",
      "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00",
      "scoped to correct service: 'chime'",
    ],
    [
      "a header without Signature",
      "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/chime/aws4_request",
      "Signature",
    ],
    [
      "a malformed credential scope",
      "AWS4-HMAC-SHA256 Credential=test/chime, SignedHeaders=host, Signature=00",
      "Credential must have the form",
    ],
  ];
  for (const [what, authorization, message] of refusedAuthorizations) {
    it(`answers ${what} with 403 ForbiddenException`, async () => {
      const response = await raw(env.local.url, "GET", `/meetings/${UNKNOWN_ID}`, { authorization });
      const body = expectErrorShape(response, 403, "ForbiddenException", "Forbidden");
      expect(body.Message).to.include(message);
    });
  }

  it("checks the signature before routing, as AWS does (an unsigned unknown route is 403)", async () => {
    const response = await raw(env.local.url, "GET", "/nothing-here", { authorization: null });
    expectErrorShape(response, 403, "ForbiddenException", "Forbidden");
  });

  it("answers a request that is not valid HTTP with a JSON 400", async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const port = Number(new URL(env.local.url).port);
      const socket = connect(port, "127.0.0.1", () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
      let received = "";
      socket.on("data", (d) => {
        received += d.toString();
      });
      socket.on("end", () => resolve(received));
      socket.on("error", reject);
    });
    expect(text).to.match(/^HTTP\/1\.1 400/);
    expect(text).to.include("x-amzn-errortype: BadRequestException");
    expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4)).Code).to.equal("BadRequest");
  });
});

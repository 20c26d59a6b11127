import { expect } from "chai";
import { adviceFor, ChimeRequestError, describeFailure, isNotFound, mask } from "../../provider/aws/errors";

/** An error shaped as the AWS SDK v3 throws it for a modeled exception. */
function awsError(name: string, message: string, status: number, requestId = "req-1234") {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId } });
}

describe("Chime error reporting", () => {
  it("names the operation, the resource, the AWS error, its message and RequestId, and what to do", () => {
    const error = describeFailure(
      { operation: "CreateAttendee", about: { meetingId: "m-1", externalUserId: "kiosk-1" } },
      awsError("NotFoundException", "Meeting m-1 not found", 404),
    );
    expect(error).to.be.instanceOf(ChimeRequestError);
    expect(error.message).to.include("Chime CreateAttendee failed");
    expect(error.message).to.include('meetingId "m-1"').and.include("externalUserId (7 characters)");
    expect(error.message).not.to.include("kiosk-1");
    expect(error.message).to.include("NotFoundException: Meeting m-1 not found");
    expect(error.message).to.include("HTTP 404, RequestId req-1234");
    expect(error.message).to.include("meeting has ended or never existed");
    expect(error.requestId).to.equal("req-1234");
    expect(isNotFound(error)).to.equal(true);
  });

  it("masks secrets wherever AWS echoes them (GetAttendee: 'Attendee <id> not found')", () => {
    const attendeeId = "1b2c3d4e-0000-4000-8000-000000000001";
    const error = describeFailure(
      {
        operation: "GetAttendee",
        about: { meetingId: "m-1" },
        secrets: { attendeeId, joinToken: "tok-secret" },
      },
      awsError("NotFoundException", `Attendee ${attendeeId} not found; tok-secret`, 404),
    );
    expect(error.message).not.to.include(attendeeId);
    expect(error.message).not.to.include("tok-secret");
    expect(error.message).to.include("Attendee [attendeeId] not found; [joinToken]");
  });

  it("carries no stack frames of ours (the provider host prints error.stack)", () => {
    const error = describeFailure(
      { operation: "DeleteAttendee", about: {} },
      awsError("ServiceFailureException", "x", 500),
    );
    expect(error.stack).to.equal("");
  });

  it("names network failures by their code and points at the endpoint settings", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const error = describeFailure({ operation: "CreateAttendee", about: {} }, refused);
    expect(error.awsError).to.equal("ECONNREFUSED");
    expect(error.message).to.include("chime:endpoint");
  });

  // [AWS error, operation, words the advice must contain]
  const advice: [string, string, string][] = [
    ["NotFoundException", "CreateAttendee", "pulumi up --refresh"],
    ["NotFoundException", "GetAttendee", "pulumi refresh"],
    ["LimitExceededException", "CreateAttendee", "250 attendees"],
    ["ThrottlingException", "CreateAttendee", "chime:maxRequestsPerSecond"],
    ["ForbiddenException", "CreateAttendee", "chime:CreateAttendee"],
    ["UnauthorizedException", "DeleteAttendee", "credentials"],
    ["CredentialsProviderError", "CreateAttendee", "AWS_PROFILE"],
    ["ServiceUnavailableException", "CreateAttendee", "run the deployment again"],
    ["ConflictException", "CreateAttendee", "identical request"],
    ["BadRequestException", "CreateAttendee", "names the member"],
  ];
  for (const [name, operation, words] of advice) {
    it(`advises on ${name} from ${operation}`, () => {
      expect(adviceFor(name, operation)).to.include(words);
    });
  }

  it("mask leaves text without secrets alone and ignores absent ones", () => {
    expect(mask("plain text", { joinToken: undefined })).to.equal("plain text");
  });
});

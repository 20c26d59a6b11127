/**
 * The eight exceptions the legacy CreateAttendee models, each produced through the official
 * `@aws-sdk/client-chime@3.699.0` and checked as the SDK's own class (instanceof) with its status.
 * Deterministic: faults use `count`, throttling a rate that cannot refill during a test.
 */
import {
  BadRequestException,
  BatchCreateAttendeeCommand,
  type ChimeClient,
  ChimeServiceException,
  CreateAttendeeCommand,
  ForbiddenException,
  GetMeetingCommand,
  NotFoundException,
  ResourceLimitExceededException,
  ServiceFailureException,
  ServiceUnavailableException,
  ThrottledClientException,
  UnauthorizedClientException,
} from "@aws-sdk/client-chime";
import { GetMeetingCommand as MeetingsGetMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import {
  CREDENTIALS,
  clientFor,
  expectServiceError,
  newAttendee,
  newMeeting,
  raw,
  UNKNOWN_ID,
  useEndpoint,
} from "./helpers";

describe("emulator: legacy CreateAttendee, its eight exceptions through @aws-sdk/client-chime", () => {
  describe("on a plain endpoint", () => {
    const env = useEndpoint({ dialect: "legacy" });
    afterEach(() => env.local.setFaults(undefined));

    it("BadRequestException (400): an ExternalUserId of 1 character, named by member, rule and length only", async () => {
      const meeting = await newMeeting(env.client);
      const error = await expectServiceError(
        env.client.send(new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "x" })),
        BadRequestException,
        { status: 400, code: "BadRequest", message: ["ExternalUserId", "2 to 64", "1 character"] },
      );
      expect(error.message).to.not.include('"x"');
    });

    it("NotFoundException (404): a meeting that does not exist", async () => {
      await expectServiceError(
        env.client.send(new CreateAttendeeCommand({ MeetingId: UNKNOWN_ID, ExternalUserId: "alice" })),
        NotFoundException,
        { status: 404, code: "NotFound", message: [UNKNOWN_ID] },
      );
    });

    it("ResourceLimitExceededException (400): the 251st attendee of a meeting, not retried by the SDK", async () => {
      const meeting = await newMeeting(env.client);
      for (const [from, count] of [
        [0, 100],
        [100, 100],
        [200, 50],
      ] as const) {
        const out = await env.client.send(
          new BatchCreateAttendeeCommand({
            MeetingId: meeting.MeetingId,
            Attendees: Array.from({ length: count }, (_, i) => ({ ExternalUserId: `user-${from + i}` })),
          }),
        );
        expect(out.Errors).to.deep.equal([]);
      }
      const retrying = clientFor(env.local, { dialect: "legacy", maxAttempts: 3 });
      try {
        env.local.resetCounters();
        await expectServiceError(
          retrying.send(
            new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "user-250" }),
          ),
          ResourceLimitExceededException,
          { status: 400, code: "ResourceLimitExceeded", message: ["250"] },
        );
        // Unlike the Meetings namespace's LimitExceededException, the name is not on the SDK's throttling list.
        expect(env.local.legacy.counters().CreateAttendee).to.equal(1);
      } finally {
        retrying.destroy();
      }
      // An existing attendee still comes back from a full meeting (idempotency before the limit).
      const existing = await newAttendee(env.client, meeting.MeetingId, "user-7");
      expect(existing.ExternalUserId).to.equal("user-7");
    });

    it("ServiceUnavailableException (503): an injected fault on legacy:CreateAttendee", async () => {
      const meeting = await newMeeting(env.client);
      env.local.setFaults({
        unavailableRate: 1,
        count: 1,
        retryAfterSeconds: 0,
        operations: ["legacy:CreateAttendee"],
      });
      await expectServiceError(
        env.client.send(new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "alice" })),
        ServiceUnavailableException,
        { status: 503, code: "ServiceUnavailable" },
      );
      // count: 1 — the next call succeeds.
      await newAttendee(env.client, meeting.MeetingId, "alice");
    });

    it("ServiceFailureException (500): an injected fault on legacy:CreateAttendee", async () => {
      const meeting = await newMeeting(env.client);
      env.local.setFaults({ failureRate: 1, count: 1, operations: ["legacy:CreateAttendee"] });
      await expectServiceError(
        env.client.send(new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "alice" })),
        ServiceFailureException,
        { status: 500, code: "ServiceFailure" },
      );
    });

    it("a fault scoped to the Meetings namespace's CreateAttendee leaves the legacy one alone", async () => {
      const meeting = await newMeeting(env.client);
      env.local.setFaults({ failureRate: 1, operations: ["CreateAttendee"] });
      const attendee = await newAttendee(env.client, meeting.MeetingId, "untouched");
      expect(attendee.ExternalUserId).to.equal("untouched");
    });

    it("errors carry x-amzn-errortype with the legacy name and the JSON body {Code, Message, RequestId}", async () => {
      const meeting = await newMeeting(env.client);
      env.local.setFaults({ failureRate: 1, count: 1 });
      const response = await raw(env.local.url, "POST", `/legacy/meetings/${meeting.MeetingId}/attendees`, {
        body: JSON.stringify({ ExternalUserId: "alice" }),
      });
      expect(response.status).to.equal(500);
      expect(response.headers["x-amzn-errortype"]).to.equal("ServiceFailureException");
      expect(response.json()).to.have.keys(["Code", "Message", "RequestId"]);
    });
  });

  describe("under --rate-limit", () => {
    // 0.001 TPS: a bucket holds one request and refills in 1000 s, so the second call is throttled
    // whatever the machine's load. A fresh endpoint for each test: every bucket starts full, whichever
    // tests ran before (or were left out by --grep), so each test knows what its first call gets.
    const env = {} as { local: ChimeLocal; client: ChimeClient };
    beforeEach(async () => {
      env.local = await startChimeLocal({ rateLimit: 0.001 });
      env.client = clientFor(env.local, { dialect: "legacy" });
    });
    afterEach(async () => {
      env.client?.destroy();
      await env.local?.close();
    });

    it("ThrottledClientException (429): the second CreateAttendee within the rate", async () => {
      const meeting = await newMeeting(env.client);
      await newAttendee(env.client, meeting.MeetingId, "first");
      await expectServiceError(
        env.client.send(
          new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "second" }),
        ),
        ThrottledClientException,
        { status: 429, code: "Throttled", message: ["CreateAttendee"] },
      );
      expect(env.local.legacy.attendees(meeting.MeetingId).map((a) => a.externalUserId)).to.deep.equal([
        "first",
      ]);
    });

    it("the SDK's standard strategy retries ThrottledClientException (status 429): 3 requests for one call with maxAttempts 3", async () => {
      // Spend the bucket's one token (a fresh endpoint's bucket is full: this call is answered 404).
      const create = () => new CreateAttendeeCommand({ MeetingId: UNKNOWN_ID, ExternalUserId: "third" });
      await expectServiceError(env.client.send(create()), NotFoundException, { status: 404 });
      const retrying = clientFor(env.local, { dialect: "legacy", maxAttempts: 3 });
      try {
        env.local.resetCounters();
        await expectServiceError(retrying.send(create()), ThrottledClientException, { status: 429 });
        expect(env.local.legacy.counters().CreateAttendee).to.equal(3);
      } finally {
        retrying.destroy();
      }
    });

    it("the legacy namespace has its own buckets: its GetMeeting does not use up the Meetings namespace's", async () => {
      const legacyGet = () => env.client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID }));
      await expectServiceError(legacyGet(), NotFoundException, { status: 404 });
      const meetingsClient = clientFor(env.local);
      try {
        // The Meetings GetMeeting bucket still holds its token: a 404, not a 429.
        await expectServiceError(
          meetingsClient.send(new MeetingsGetMeetingCommand({ MeetingId: UNKNOWN_ID })),
          {
            name: "NotFoundException",
            status: 404,
          },
        );
      } finally {
        meetingsClient.destroy();
      }
      await expectServiceError(legacyGet(), ThrottledClientException, { status: 429 });
    });
  });

  describe("under --verify-signatures", () => {
    const env = useEndpoint({ dialect: "legacy", credentials: CREDENTIALS });

    it("UnauthorizedClientException (401): a request signed with an access key other than the configured one", async () => {
      const meeting = await newMeeting(env.client);
      const stranger = clientFor(env.local, {
        dialect: "legacy",
        credentials: { accessKeyId: "someone-else", secretAccessKey: CREDENTIALS.secretAccessKey },
      });
      try {
        await expectServiceError(
          stranger.send(new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "alice" })),
          UnauthorizedClientException,
          { status: 401, code: "Unauthorized", message: ["access key"] },
        );
      } finally {
        stranger.destroy();
      }
      expect(env.local.legacy.attendees(meeting.MeetingId)).to.deep.equal([]);
    });

    it("ForbiddenException (403): the configured access key with a wrong secret (a bad signature)", async () => {
      const meeting = await newMeeting(env.client);
      const forger = clientFor(env.local, {
        dialect: "legacy",
        credentials: { accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: "wrong-secret" },
      });
      try {
        await expectServiceError(
          forger.send(new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "alice" })),
          ForbiddenException,
          { status: 403, code: "Forbidden", message: ["signature"] },
        );
      } finally {
        forger.destroy();
      }
    });

    it("the signing region is us-east-1 (the legacy endpoint is global), whatever --region says", async () => {
      const local = await startChimeLocal({ credentials: CREDENTIALS, region: "eu-central-1" });
      const client = clientFor(local, { dialect: "legacy" });
      try {
        const meeting = await newMeeting(client);
        expect(meeting.MeetingId).to.be.a("string");
      } finally {
        client.destroy();
        await local.close();
      }
    });
  });

  it("every exception above is a ChimeServiceException of @aws-sdk/client-chime (the SDK's own hierarchy)", () => {
    for (const exceptionClass of [
      BadRequestException,
      ForbiddenException,
      NotFoundException,
      ResourceLimitExceededException,
      ThrottledClientException,
      UnauthorizedClientException,
      ServiceUnavailableException,
      ServiceFailureException,
    ]) {
      expect(exceptionClass.prototype).to.be.instanceOf(ChimeServiceException);
    }
  });
});

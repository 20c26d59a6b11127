import { createHash } from "node:crypto";
import {
  ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import {
  type ParsedAuthorization,
  parseAuthorization,
  unknownAccessKey,
  verifySignature,
} from "../../emulator/sigv4";
import {
  expectServiceError,
  newMeeting,
  raw,
  STATIC_AUTHORIZATION,
  UNKNOWN_ID,
  useEndpoint,
} from "./helpers";

describe("emulator: SigV4", () => {
  describe("parseAuthorization (the check every request gets)", () => {
    const rows: Array<[string | undefined, string | null]> = [
      [STATIC_AUTHORIZATION, null],
      [undefined, "Missing Authentication Token"],
      ["", "Missing Authentication Token"],
      ["Bearer abc", "requires the AWS4-HMAC-SHA256 algorithm"],
      [
        "AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/chime/aws4_request, SignedHeaders=host",
        "'Signature'",
      ],
      [
        "AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/chime/v2, SignedHeaders=host, Signature=0",
        "must have the form",
      ],
      [
        "AWS4-HMAC-SHA256 Credential=/20260101/us-east-1/chime/aws4_request, SignedHeaders=host, Signature=0",
        "must have the form",
      ],
      [
        "AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/chime-sdk/aws4_request, SignedHeaders=host, Signature=0",
        "'chime'",
      ],
    ];
    for (const [header, refusal] of rows) {
      it(`${refusal === null ? "accepts" : "refuses"} ${JSON.stringify(header)}`, () => {
        const result = parseAuthorization(header);
        if (refusal === null)
          expect(result).to.include({ accessKeyId: "test", region: "us-east-1", service: "chime" });
        else expect(result).to.be.a("string").that.includes(refusal);
      });
    }
  });

  describe("verifySignature", () => {
    it("matches the AWS SigV4 test suite's get-vanilla vector", async () => {
      const auth = {
        accessKeyId: "AKIDEXAMPLE",
        date: "20150830",
        region: "us-east-1",
        service: "service",
        signedHeaders: ["host", "x-amz-date"],
        signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
      };
      const request = {
        method: "GET",
        url: "/",
        headers: { host: "example.amazonaws.com", "x-amz-date": "20150830T123600Z" },
        body: Buffer.alloc(0),
      };
      const credentials = {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      };
      const signedAt = Date.UTC(2015, 7, 30, 12, 36);
      expect(await verifySignature(request, auth, credentials, "us-east-1", signedAt)).to.equal(undefined);
      expect(
        await verifySignature(
          request,
          { ...auth, signature: "0".repeat(64) },
          credentials,
          "us-east-1",
          signedAt,
        ),
      ).to.include("does not match");
      expect(
        await verifySignature(request, auth, credentials, "us-east-1", signedAt + 16 * 60 * 1000),
      ).to.include("Signature expired");
      const tampered = { ...request, headers: { ...request.headers, host: "other.amazonaws.com" } };
      expect(await verifySignature(tampered, auth, credentials, "us-east-1", signedAt)).to.include(
        "does not match",
      );
    });

    it("tells a wrong access key apart from a bad signature (unknownAccessKey)", () => {
      const auth = parseAuthorization(STATIC_AUTHORIZATION) as ParsedAuthorization;
      expect(unknownAccessKey(auth, { accessKeyId: "test", secretAccessKey: "x" })).to.equal(undefined);
      expect(unknownAccessKey(auth, { accessKeyId: "other", secretAccessKey: "x" })).to.include(
        "security token included in the request is invalid",
      );
    });
  });

  describe("full verification (credentials configured)", () => {
    const env = useEndpoint({ credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const clientWith = (overrides: { secretAccessKey?: string; accessKeyId?: string; region?: string }) =>
      new ChimeSDKMeetingsClient({
        region: overrides.region ?? "us-east-1",
        endpoint: env.local.url,
        credentials: {
          accessKeyId: overrides.accessKeyId ?? "test",
          secretAccessKey: overrides.secretAccessKey ?? "test",
        },
        maxAttempts: 1,
      });

    it("accepts every request the SDK signs with the right credentials (bodies, labels and query strings)", async () => {
      const meeting = await newMeeting(env.client, { ExternalMeetingId: "signed meeting (é)" });
      await env.client.send(
        new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: "user with spaces" }),
      );
      const listed = await env.client.send(
        new ListAttendeesCommand({ MeetingId: meeting.MeetingId, MaxResults: 5 }),
      );
      const got = await env.client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }));
      // Each request did what it asked: the verified requests reached their operations.
      expect(got.Meeting?.ExternalMeetingId).to.equal("signed meeting (é)");
      expect(listed.Attendees?.map((a) => a.ExternalUserId)).to.deep.equal(["user with spaces"]);
      expect(env.local.attendees(meeting.MeetingId).map((a) => a.externalUserId)).to.deep.equal([
        "user with spaces",
      ]);
    });

    const refused: Array<[string, Parameters<typeof clientWith>[0], string]> = [
      ["a wrong secret key", { secretAccessKey: "wrong" }, "signature we calculated does not match"],
      [
        "an unknown access key",
        { accessKeyId: "other" },
        "security token included in the request is invalid",
      ],
      ["a signature for another region", { region: "eu-west-1" }, "scoped to a valid region"],
    ];
    for (const [what, overrides, message] of refused) {
      it(`refuses ${what} with 403 ForbiddenException`, async () => {
        const client = clientWith(overrides);
        try {
          await expectServiceError(client.send(new GetMeetingCommand({ MeetingId: UNKNOWN_ID })), {
            name: "ForbiddenException",
            code: "Forbidden",
            status: 403,
            message: [message],
          });
        } finally {
          client.destroy();
        }
      });
    }

    type Sent = { body?: unknown; headers: Record<string, string>; query: Record<string, string> };
    const tamperings: Array<[string, (request: Sent) => void]> = [
      [
        "a signed header changed after signing",
        (request) => {
          request.headers["x-amz-user-agent"] = `${request.headers["x-amz-user-agent"]} tampered`;
        },
      ],
      [
        "a query string added after signing",
        (request) => {
          request.query = { ...request.query, "next-token": "tampered" };
        },
      ],
      [
        "a body changed after signing",
        (request) => {
          const text = new TextDecoder().decode(request.body as Uint8Array);
          request.body = Buffer.from(text.replace("original", "tampered"));
        },
      ],
      [
        "a body and x-amz-content-sha256 changed after signing",
        (request) => {
          const text = new TextDecoder().decode(request.body as Uint8Array);
          request.body = Buffer.from(text.replace("original", "tampered"));
          request.headers["x-amz-content-sha256"] = createHash("sha256")
            .update(request.body as Buffer)
            .digest("hex");
        },
      ],
    ];
    for (const [what, tamper] of tamperings) {
      it(`refuses ${what}`, async () => {
        const client = clientWith({});
        // The deserialize step runs after signing (finalizeRequest), just before the request is sent.
        client.middlewareStack.add(
          (next) => async (args) => {
            tamper(args.request as Sent);
            return next(args);
          },
          { step: "deserialize", name: "tamperAfterSigning" },
        );
        const meetingsBefore = env.local.meetings().length;
        try {
          await expectServiceError(
            client.send(
              new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "original" }),
            ),
            { name: "ForbiddenException", status: 403, message: ["does not match"] },
          );
          expect(env.local.meetings()).to.have.length(meetingsBefore);
        } finally {
          client.destroy();
        }
      });
    }

    it("refuses the static header that is enough without credentials", async () => {
      const response = await raw(env.local.url, "GET", `/meetings/${UNKNOWN_ID}`);
      expect(response.status).to.equal(403);
      expect(response.json().Message).to.include("X-Amz-Date");
    });
  });
});

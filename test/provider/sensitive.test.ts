/**
 * Issue 9, item 3: values the AWS model marks sensitive, and values the program wrapped in
 * `pulumi.secret(...)`, are described by length only in check failures, API errors and batch errors.
 */
import { expect } from "chai";
import type { AttendeeInputs } from "../../provider/attendee/attendee-state";
import type { BatchInputs } from "../../provider/attendee-batch/batch-state";
import { describeFailure } from "../../provider/aws/errors";
import { SECRET_INPUTS_KEY } from "../../provider/dynamic/declaration";
import { AttendeeBatchProvider, AttendeeProvider, MeetingProvider } from "../../provider/dynamic/providers";
import type { MeetingInputs } from "../../provider/meeting/meeting-state";
import { show } from "../../provider/validation/rules";
import {
  byLength,
  describeSensitive,
  engineFailures,
  isSensitive,
  redactSecretInputs,
  SENSITIVE_PROPERTIES,
} from "../../provider/validation/sensitive";
import { type Row, table as ruleTable } from "../support/rule-table";

const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const SECRET = "Zz-secret-value-Zz";

/** Every failure `check` returns, reasons joined. */
async function checkText(kind: "attendee" | "batch" | "meeting", news: Record<string, unknown>) {
  const result =
    kind === "attendee"
      ? await new AttendeeProvider().check({} as AttendeeInputs, news as unknown as AttendeeInputs)
      : kind === "batch"
        ? await new AttendeeBatchProvider().check({} as BatchInputs, news as unknown as BatchInputs)
        : await new MeetingProvider().check({} as MeetingInputs, news as unknown as MeetingInputs);
  return result.failures ?? [];
}

describe("Sensitive and secret values in check failures", () => {
  // [case, resource, inputs, the value that must not appear, words that must]
  const cases: [string, "attendee" | "batch" | "meeting", Record<string, unknown>, string, string[]][] = [
    [
      "an externalUserId with a bad character",
      "attendee",
      { meetingId: MEETING, externalUserId: `${SECRET}*`, region: "us-east-1" },
      SECRET,
      ["externalUserId", "(19 characters)", "character 19"],
    ],
    [
      "a 65-character externalUserId",
      "attendee",
      { meetingId: MEETING, externalUserId: SECRET.repeat(4).slice(0, 65), region: "us-east-1" },
      SECRET,
      ["2 to 64", "(65 characters)"],
    ],
    [
      "a batch member's externalUserId starting with aws:",
      "batch",
      { meetingId: MEETING, attendees: [{ externalUserId: `aws:${SECRET}` }], region: "us-east-1" },
      SECRET,
      ["attendees[0].externalUserId", '"aws:"', "(22 characters)"],
    ],
    [
      "a repeated batch member",
      "batch",
      {
        meetingId: MEETING,
        attendees: [{ externalUserId: SECRET }, { externalUserId: SECRET }],
        region: "us-east-1",
      },
      SECRET,
      ["attendees[1].externalUserId must be unique", "repeats attendees[0].externalUserId"],
    ],
    [
      "a bad externalMeetingId",
      "meeting",
      { externalMeetingId: `${SECRET}*`, mediaRegion: "us-east-1", region: "us-east-1" },
      SECRET,
      ["externalMeetingId", "(19 characters)"],
    ],
    [
      "a bad meetingHostId",
      "meeting",
      {
        externalMeetingId: "room",
        meetingHostId: `aws:${SECRET}`,
        mediaRegion: "us-east-1",
        region: "us-east-1",
      },
      SECRET,
      ["meetingHostId", '"aws:"'],
    ],
    [
      "a notification ARN of the wrong service",
      "meeting",
      {
        externalMeetingId: "room",
        mediaRegion: "us-east-1",
        region: "us-east-1",
        notificationsConfiguration: { snsTopicArn: `arn:aws:sqs:us-east-1:123456789012:${SECRET}` },
      },
      SECRET,
      ["notificationsConfiguration.snsTopicArn", "SNS topic"],
    ],
    [
      "a region the program wrapped in pulumi.secret",
      "attendee",
      { meetingId: MEETING, externalUserId: "kiosk-1", region: "Zz Secret", [SECRET_INPUTS_KEY]: ["region"] },
      "Zz Secret",
      ["region must be an AWS region name", "a secret value (9 characters)"],
    ],
    [
      "capabilities the program wrapped in pulumi.secret",
      "attendee",
      {
        meetingId: MEETING,
        externalUserId: "kiosk-1",
        region: "us-east-1",
        capabilities: { audio: SECRET, video: "None", content: "None" },
        [SECRET_INPUTS_KEY]: ["capabilities"],
      },
      SECRET,
      ["capabilities.audio must be one of", "a secret value (18 characters)"],
    ],
    [
      "meeting tags the program wrapped in pulumi.secret",
      "meeting",
      {
        externalMeetingId: "room",
        mediaRegion: "us-east-1",
        region: "us-east-1",
        tags: { note: SECRET.repeat(20) },
        [SECRET_INPUTS_KEY]: ["tags"],
      },
      SECRET,
      // A secret tag map's keys are secret too.
      ["tags.<a secret key (4 characters)> must be a string of at most 256 characters"],
    ],
    [
      "legacy attendee tags (secret, as the legacy model marks keys and values sensitive): a reserved key",
      "attendee",
      {
        namespace: "legacy",
        meetingId: MEETING,
        externalUserId: "kiosk-1",
        tags: { [`aws:${SECRET}`]: "v" },
        [SECRET_INPUTS_KEY]: ["tags"],
      },
      SECRET,
      ['keys must not start with "aws:"', "a secret value (22 characters)"],
    ],
    [
      "legacy attendee tags: a secret key in the path of a value's failure",
      "attendee",
      {
        namespace: "legacy",
        meetingId: MEETING,
        externalUserId: "kiosk-1",
        tags: { [SECRET]: "v".repeat(257) },
        [SECRET_INPUTS_KEY]: ["tags"],
      },
      SECRET,
      ["tags.<a secret key (18 characters)>", "at most 256"],
    ],
  ];
  for (const [name, kind, news, value, words] of cases) {
    it(`${name}: the reason names the rule, not the value`, async () => {
      const failures = await checkText(kind, news);
      expect(failures, "the case must fail").to.have.length.greaterThan(0);
      const text = failures.map((f) => `${f.property} ${f.reason}`).join("\n");
      expect(text).not.to.include(value);
      for (const word of words) expect(text).to.include(word);
    });
  }

  it("without the secret marking the same non-sensitive value is quoted (the marking is what hides it)", async () => {
    const failures = await checkText("attendee", {
      meetingId: MEETING,
      externalUserId: "kiosk-1",
      region: "Zz Secret",
    });
    expect(failures.map((f) => f.reason).join()).to.include('"Zz Secret"');
  });

  // The engine prints the value of a failure's top-level property itself ("property x value {…}").
  // [property, secret inputs, the property the engine gets]
  const engine: [string, string[], string][] = [
    ["meetingId", [], "meetingId"],
    ["externalUserId", [], ""],
    ["externalMeetingId", [], ""],
    ["notificationsConfiguration.snsTopicArn", [], ""],
    ["attendees[2].externalUserId", [], ""],
    ["capabilities.audio", [], ""],
    ["region", ["region"], ""],
    ["region", [], "region"],
  ];
  for (const [property, secret, expected] of engine) {
    it(`the engine gets property ${JSON.stringify(expected)} for a failure on ${property}${secret.length ? " (secret)" : ""}`, () => {
      expect(engineFailures([{ property, reason: "r" }], secret)).to.deep.equal([
        { property: expected, reason: "r" },
      ]);
    });
  }

  it("isSensitive knows the model's sensitive members, at any depth", () => {
    for (const p of [
      "externalUserId",
      "attendees[0].externalUserId",
      "meetingHostId",
      "notificationsConfiguration.lambdaFunctionArn",
    ]) {
      expect(isSensitive(p), p).to.equal(true);
    }
    for (const p of ["meetingId", "region", "capabilities.audio", "tags.note"])
      expect(isSensitive(p), p).to.equal(false);
  });
});

describe("Sensitive values in API errors", () => {
  it("an externalUserId is described by length, and masked where AWS's message echoes it", () => {
    const error = describeFailure(
      { operation: "CreateAttendee", about: { meetingId: MEETING, externalUserId: SECRET } },
      Object.assign(new Error(`Attendee ${SECRET} conflicts`), {
        name: "ConflictException",
        $metadata: { httpStatusCode: 409, requestId: "r-1" },
      }),
    );
    expect(error.message).not.to.include(SECRET);
    expect(error.message).to.include("externalUserId (18 characters)");
    expect(error.message).to.include("Attendee [externalUserId] conflicts");
  });

  it("a short externalUserId is masked where it stands alone, without mangling words that contain it", () => {
    const error = describeFailure(
      { operation: "CreateMeeting", about: { externalMeetingId: "ab" } },
      Object.assign(new Error("Meeting ab is about to end"), {
        name: "BadRequestException",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    expect(error.message).to.include("Meeting [externalMeetingId] is about to end");
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-rules.test.ts): kept with this behaviour's tests.
{
  function table(title: string, rows: Row[]): void {
    ruleTable(title, rows, { name: (what, expected) => `${what} → ${JSON.stringify(expected)}` });
  }

  const failure = (property: string, reason: string) => ({ property, reason });

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Sensitive values: which properties, and how they are described", [
  ["the model's sensitive properties", () => [...SENSITIVE_PROPERTIES].sort(), ["clientRequestToken", "externalMeetingId", "externalUserId", "lambdaFunctionArn", "meetingHostId", "snsTopicArn", "sqsQueueArn"]],
  ["a path ending in one", () => isSensitive("attendees[3].externalUserId"), true],
  ["a nested ARN", () => isSensitive("notificationsConfiguration.sqsQueueArn"), true],
  ["a path through one", () => isSensitive("externalUserId.length"), false],
  ["an ordinary property", () => isSensitive("mediaRegion"), false],
  ["a string by length", () => byLength("abc"), "(3 characters)"],
  ["a list by length", () => byLength([1, 2]), "(a list of 2)"],
  ["null", () => byLength(null), "(null)"],
  ["a number by type", () => byLength(5), "(a number)"],
  ["undefined by type", () => byLength(undefined), "(a undefined)"],
  ["a property and its length", () => describeSensitive("externalUserId", "abcd"), "externalUserId (4 characters)"],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Secret inputs: values removed from check failures", [
  ["no secret inputs: unchanged", () => redactSecretInputs([failure("a", 'a got "x"')], { a: "x" }, [], show), [failure("a", 'a got "x"')]],
  ["a secret string", () => redactSecretInputs([failure("a", 'a must be short; got "hello"')], { a: "hello" }, ["a"], show), [failure("a", "a must be short; got a secret value (5 characters)")]],
  ["a secret string in another property's message", () => redactSecretInputs([failure("b", 'b differs from "hello"')], { a: "hello" }, ["a"], show), [failure("b", "b differs from a secret value (5 characters)")]],
  ["a value that is not secret", () => redactSecretInputs([failure("b", 'b got "hello"')], { a: "hello", b: "hello" }, ["c"], show), [failure("b", 'b got "hello"')]],
  ["a secret number where a value is shown", () => redactSecretInputs([failure("n", "n must be a string; got 42")], { n: 42 }, ["n"], show), [failure("n", "n must be a string; got a secret value")]],
  ["a secret number elsewhere stays (it may be any number)", () => redactSecretInputs([failure("n", "n allows 42 items; got 42")], { n: 42 }, ["n"], show), [failure("n", "n allows 42 items; got a secret value")]],
  ["a secret boolean", () => redactSecretInputs([failure("f", "f must be a string; got true")], { f: true }, ["f"], show), [failure("f", "f must be a string; got a secret value")]],
  ["a secret list and its items", () => redactSecretInputs([failure("l", 'l got ["ab","cd"]; l[1] "cd"')], { l: ["ab", "cd"] }, ["l"], show), [failure("l", "l got a secret value (a list of 2); l[1] a secret value (2 characters)")]],
  ["a secret object and its leaves", () => redactSecretInputs([failure("o", 'o got {"k":"vv"}; "vv"')], { o: { k: "vv" } }, ["o"], show), [failure("o", "o got a secret value (a object); a secret value (2 characters)")]],
  ["the longer of two values first", () => redactSecretInputs([failure("a", 'got "abc" and "abcdef"')], { a: "abc", b: "abcdef" }, ["a", "b"], show), [failure("a", "got a secret value (3 characters) and a secret value (6 characters)")]],
  ["a secret tag map's keys in the path and the message", () => redactSecretInputs([failure("tags.sk", 'tags.sk must be short; got "sk"')], { tags: { sk: "v" } }, ["tags"], show), [failure("tags.sk", "tags.<a secret key (2 characters)> must be short; got a secret value (2 characters)")]],
  ["the keys of a secret map that is not tags stay", () => redactSecretInputs([failure("caps.audio", "caps.audio is wrong")], { caps: { audio: "x" } }, ["caps"], show), [failure("caps.audio", "caps.audio is wrong")]],
  ["a secret tags value that is a list has no keys", () => redactSecretInputs([failure("tags", "tags.0 is wrong")], { tags: ["a"] }, ["tags"], show), [failure("tags", "tags.0 is wrong")]],
  ["a secret input that is absent", () => redactSecretInputs([failure("a", "a got undefined")], {}, ["a"], show), [failure("a", "a got undefined")]],
  ["a failure's other fields are kept", () => redactSecretInputs([{ property: "a", reason: '"s"', extra: 1 }], { a: "s" }, ["a"], show), [{ property: "a", reason: "a secret value (1 characters)", extra: 1 }]],
]);
}

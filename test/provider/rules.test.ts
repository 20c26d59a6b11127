/**
 * The validation rules (provider/validation/rules.ts) as tables of cases: each rule's edges, and its
 * messages in full.
 */

import { expect } from "chai";
import { unconverged } from "../../provider/attendee/attendee-state";
import { describeFailure } from "../../provider/aws/errors";
import { checkMeeting } from "../../provider/meeting/meeting-check";
import { recordsMeeting } from "../../provider/meeting/meeting-state";
import {
  arn,
  CONTROL_PLANE_REGIONS,
  chooseRegion,
  containsUnknown,
  externalId,
  guid,
  isUnknown,
  legacyExternalId,
  MEDIA_REGIONS,
  oneOf,
  region,
  regionWarning,
  requiredString,
  show,
  showFor,
  tags,
  tenantIds,
  UNKNOWN,
} from "../../provider/validation/rules";
import { isSensitive, redactSecretInputs } from "../../provider/validation/sensitive";
import { badRequestOutcome, type Row, table as ruleTable, table } from "../support/rule-table";

// Rows first written against surviving mutants (formerly test/provider/mutants-round2.test.ts): kept with this behaviour's tests.
{
  const x = (n: number, c = "a") => c.repeat(n);

  const VALUE_RULE =
    "may contain only ASCII letters, digits, spaces and _+-=.:/@ (and ,;<, which the model's range +-= spans)";

  const TENANT_RULE = "may contain only letters, digits and -_!@#$, and no character four times in a row";

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: legacy external ids (2-64 characters, no pattern, no reserved prefix)", [
  ["2 characters", () => legacyExternalId("externalUserId", "ab"), undefined],
  ["64 characters", () => legacyExternalId("externalUserId", x(64)), undefined],
  ["any character and the aws: prefix", () => legacyExternalId("externalUserId", "aws:*\u00a0"), undefined],
  ["1 character", () => legacyExternalId("externalUserId", "a"), "externalUserId must be 2 to 64 characters long; got a value (1 characters)"],
  ["65 characters", () => legacyExternalId("externalUserId", x(65)), "externalUserId must be 2 to 64 characters long; got a value (65 characters)"],
  ["a property that is not sensitive is quoted", () => legacyExternalId("name", "a"), 'name must be 2 to 64 characters long; got "a"'],
  ["absent", () => legacyExternalId("externalUserId", undefined), "externalUserId is required"],
  ["not a string", () => legacyExternalId("externalUserId", 5), "externalUserId must be a string; got a value (a number)"],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: tag values (Chime SDK Meetings: the model's pattern; legacy: none)", [
  ["letters, digits, the six ASCII spaces and _+-=.:/@", () => tags("tags", { k: "aZ9 \t\n\x0B\f\r_+-=.:/@" }), []],
  ["the ,;< the range +-= spans", () => tags("tags", { k: ",;<" }), []],
  ["a no-break space (JavaScript's \\s, not Java's)", () => tags("tags", { k: "a\u00a0b" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "a\u00a0b"` }]],
  ["an asterisk", () => tags("tags", { k: "a*" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "a*"` }]],
  ["a non-ASCII letter", () => tags("tags", { k: "é" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "é"` }]],
  ["a bad character at the end", () => tags("tags", { k: "ab*" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "ab*"` }]],
  ["a bad character at the start", () => tags("tags", { k: "*ab" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "*ab"` }]],
  ["legacy: any character", () => tags("tags", { k: "a*\u00a0é" }, "legacy"), []],
  ["too long and a bad character: one failure, the length", () => tags("tags", { k: x(257, "*") }).map((f) => f.reason.slice(0, 45)), ["tags.k must be a string of at most 256 charac"]],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: tenant ids (the model's pattern)", [
  ["letters, digits and -_!@#$", () => tenantIds("tenantIds", ["aZ9-_!@#$"]), []],
  ["a character three times in a row", () => tenantIds("tenantIds", ["aaab"]), []],
  ["a character four times in a row", () => tenantIds("tenantIds", ["baaaa"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "baaaa"` }]],
  ["four in a row of a special character", () => tenantIds("tenantIds", ["a####"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "a####"` }]],
  ["a space", () => tenantIds("tenantIds", ["a b"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "a b"` }]],
  ["a bad character at the end", () => tenantIds("tenantIds", ["ab%"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "ab%"` }]],
  ["a bad character at the start", () => tenantIds("tenantIds", ["%ab"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "%ab"` }]],
  ["the second item", () => tenantIds("tenantIds", ["ab", "c d"]), [{ property: "tenantIds[1]", reason: `tenantIds[1] ${TENANT_RULE}; got "c d"` }]],
  ["an unknown item passes", () => tenantIds("tenantIds", [UNKNOWN]), []],
]);
}

// Rows first written against surviving mutants (formerly test/provider/mutants-round4.test.ts): kept with this behaviour's tests.
{
  function table(title: string, rows: Row[]): void {
    ruleTable(title, rows, { outcome: badRequestOutcome });
  }

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Provider rules: edges", [
  ["an object with an unknown member among known ones", () => containsUnknown({ a: UNKNOWN, b: "c" }), true],
  ["a sensitive name with an index at the end", () => isSensitive("externalUserId[12]"), true],
  ["a secret tags input that is null has no keys", () => redactSecretInputs([{ property: "tags", reason: "r" }], { tags: null }, ["tags"], show), [{ property: "tags", reason: "r" }]],
  ["a value and the object holding it, the object listed last: the object is replaced whole", () => redactSecretInputs([{ property: "o", reason: 'got "vv" and {"k":"vv"}' }], { a: "vv", o: { k: "vv" } }, ["a", "o"], show), [{ property: "o", reason: "got a secret value (2 characters) and a secret value (a object)" }]],
  ["legacy: notifications that are null fail once, as not an object", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", notificationsConfiguration: null }, undefined).failures.map((f) => f.property), ["notificationsConfiguration"]],
  ["what a half-made attendee left undone: capabilities", () => unconverged({ meetingId: "m", externalUserId: "u", region: "r" }), "the attendee exists but its capabilities could not be set"],
  ["what a half-made legacy attendee left undone: tags", () => unconverged({ namespace: "legacy", meetingId: "m", externalUserId: "u", region: "r" }), "the attendee exists but its tags could not be set"],
  ["a state with meetingId and ARN records its meeting", () => recordsMeeting({ meetingId: "m", meetingArn: "a" } as never), true],
  ["a legacy state needs no ARN", () => recordsMeeting({ meetingId: "m", namespace: "legacy" } as never), true],
  ["a state without an ARN (not legacy) does not", () => recordsMeeting({ meetingId: "m" } as never), false],
  ["a state without a meetingId does not", () => recordsMeeting({ meetingArn: "a" } as never), false],
  ["no state", () => recordsMeeting(undefined), false],
  ["a value named secret by the program is described by length and masked", () => { const m = describeFailure({ operation: "GetMeeting", about: { meetingId: "m-123" }, secretNames: ["meetingId"] }, Object.assign(new Error("m-123 gone"), { name: "NotFoundException", $metadata: { httpStatusCode: 404 } })).message; return [m.includes("for meetingId (5 characters): NotFoundException: [meetingId] gone"), m.includes("m-123")]; }, [true, false]],
]);
}

// Rows first written against surviving mutants (formerly test/provider/mutants-rules.test.ts): kept with this behaviour's tests.
{
  function table(title: string, rows: Row[]): void {
    ruleTable(title, rows, { name: (what, expected) => `${what} → ${JSON.stringify(expected)}` });
  }

  const x = (n: number, c = "a") => c.repeat(n);

  /** The API reference's lists, written out here independently of the code. */
  const DOCUMENTED_CONTROL_PLANE = [
    "us-east-1",
    "us-west-2",
    "af-south-1",
    "ap-south-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-west-2",
    "il-central-1",
    "us-gov-east-1",
    "us-gov-west-1",
  ];

  const DOCUMENTED_MEDIA = [
    "af-south-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-south-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "us-gov-east-1",
    "us-gov-west-1",
  ];

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: unknown values (a preview's inputs not known yet)", [
  ["the unknown value", () => isUnknown(UNKNOWN), true],
  ["a string", () => isUnknown("04da6b54"), false],
  ["the unknown value held in a list", () => containsUnknown(["a", UNKNOWN]), true],
  ["a list without it", () => containsUnknown(["a", "b"]), false],
  ["the unknown value held in a nested object", () => containsUnknown({ a: { b: UNKNOWN } }), true],
  ["an object without it", () => containsUnknown({ a: { b: "c" } }), false],
  ["null", () => containsUnknown(null), false],
  ["a number", () => containsUnknown(1), false],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: how a value is quoted in a message", [
  ["undefined", () => show(undefined), "undefined"],
  ["a string as JSON", () => show("a"), '"a"'],
  ["a function (no JSON)", () => show(() => 1), "() => 1"],
  ["80 characters in full", () => show(x(78)), `"${x(78)}"`],
  ["81 characters cut to 77 and ...", () => show(x(79)), `"${x(76)}...`],
  ["a sensitive property's value by length", () => showFor("externalUserId", "kiosk"), "a value (5 characters)"],
  ["an ordinary property's value quoted", () => showFor("mediaRegion", "kiosk"), '"kiosk"'],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: required strings, external ids, GUIDs", [
  ["undefined is missing", () => requiredString("p", undefined), "p is required"],
  ["null is missing", () => requiredString("p", null), "p is required"],
  ["an empty string is missing", () => requiredString("p", ""), "p is required"],
  ["a number is not a string", () => requiredString("p", 5), "p must be a string; got 5"],
  ["a sensitive number is described by type", () => requiredString("externalUserId", 5), "externalUserId must be a string; got a value (a number)"],
  ["a string", () => requiredString("p", "v"), undefined],
  ["2 characters", () => externalId("externalUserId", "ab"), undefined],
  ["64 characters", () => externalId("externalUserId", x(64)), undefined],
  ["1 character", () => externalId("externalUserId", "a"), "externalUserId must be 2 to 64 characters long; got a value (1 characters)"],
  ["65 characters", () => externalId("externalUserId", x(65)), "externalUserId must be 2 to 64 characters long; got a value (65 characters)"],
  ["absent", () => externalId("externalUserId", undefined), "externalUserId is required"],
  ["every allowed kind of character", () => externalId("externalUserId", "a-_&@+=,(){}[]/«».:|'\"#Zé 9\t\n\x0B\f\r"), undefined],
  ["a bad character, by position only (sensitive)", () => externalId("externalUserId", "ab*c"), `externalUserId may contain only letters, digits, spaces and -_&@+=,(){}[]/«».:|'"#; got a value (4 characters) whose character 3 is not one of them`],
  ["a bad character, shown (not sensitive)", () => externalId("name", "ab*c"), `name may contain only letters, digits, spaces and -_&@+=,(){}[]/«».:|'"#; got "ab*c" whose character 3 ("*") is not one of them`],
  ["a non-ASCII space (JavaScript's \\s, not Java's)", () => externalId("name", "a\u00a0b"), `name may contain only letters, digits, spaces and -_&@+=,(){}[]/«».:|'"#; got "a\u00a0b" whose character 2 ("\u00a0") is not one of them`],
  ["the reserved prefix aws:", () => externalId("externalUserId", "aws:x"), 'externalUserId must not start with the reserved prefix "aws:"; got a value (5 characters) that does'],
  ["the reserved prefix in capitals", () => externalId("name", "AWS:x"), 'name must not start with the reserved prefix "aws:"; got "AWS:x" that does'],
  ["aws without the colon", () => externalId("name", "awsx"), undefined],
  ["a GUID", () => guid("meetingId", "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c"), undefined],
  ["a GUID in capitals", () => guid("meetingId", "3F1A9B2C-0D4E-4F5A-8B6C-7D8E9F0A1B2C"), undefined],
  ["a GUID with text before it", () => guid("meetingId", "x3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c"), 'meetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "x3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c"'],
  ["a GUID with text after it", () => guid("meetingId", "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2cx"), 'meetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2cx"'],
  ["a GUID missing a group", () => guid("meetingId", "3f1a9b2c-0d4e-4f5a-7d8e9f0a1b2c"), 'meetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "3f1a9b2c-0d4e-4f5a-7d8e9f0a1b2c"'],
  ["a GUID missing", () => guid("meetingId", undefined), "meetingId is required"],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: regions", [
  ["absent", () => region("r", undefined), undefined],
  ["us-east-1", () => region("r", "us-east-1"), undefined],
  ["a GovCloud region", () => region("r", "us-gov-west-1"), undefined],
  ["a two-digit number", () => region("r", "ap-southeast-10"), undefined],
  ["a three-digit number", () => region("r", "ap-southeast-100"), 'r must be an AWS region name such as "us-east-1"; got "ap-southeast-100"'],
  ["text before it", () => region("r", "xus-east-1"), 'r must be an AWS region name such as "us-east-1"; got "xus-east-1"'],
  ["text after it", () => region("r", "us-east-1x"), 'r must be an AWS region name such as "us-east-1"; got "us-east-1x"'],
  ["no number", () => region("r", "us-east"), 'r must be an AWS region name such as "us-east-1"; got "us-east"'],
  ["not a string", () => region("r", 1), 'r must be an AWS region name such as "us-east-1"; got 1'],
  ["a known control-plane region: no warning", () => regionWarning("region", "us-east-1", CONTROL_PLANE_REGIONS, "regions"), undefined],
  ["a malformed region: no warning (it fails instead)", () => regionWarning("region", "mars", CONTROL_PLANE_REGIONS, "regions"), undefined],
  ["not a string: no warning", () => regionWarning("region", 1, CONTROL_PLANE_REGIONS, "regions"), undefined],
  ["an unknown well-formed region: a warning", () => regionWarning("region", "xx-east-9", ["us-east-1", "us-west-2"], "control-plane regions"), 'region "xx-east-9" is not one of the control-plane regions this version of pulumi-chime-sdk knows (us-east-1, us-west-2); it is used as given, in case AWS has added it since. If it is a typo, the first call to AWS there fails.'],
  ["the input first", () => chooseRegion("eu-west-2", "us-west-2", "us-east-1"), { value: "eu-west-2", failure: undefined }],
  ["else the old one", () => chooseRegion(undefined, "us-west-2", "us-east-1"), { value: "us-west-2", failure: undefined }],
  ["else the fallback", () => chooseRegion(undefined, undefined, "us-east-1"), { value: "us-east-1", failure: undefined }],
  ["an unknown input", () => chooseRegion(UNKNOWN, "us-west-2", "us-east-1"), { value: UNKNOWN }],
  ["none at all", () => chooseRegion(undefined, undefined, undefined), { value: undefined, failure: "region is not set: give the resource a region input, or set stack config chime:region or aws:region, or the AWS_REGION environment variable" }],
  ["a malformed input", () => chooseRegion("mars", undefined, "us-east-1"), { value: "mars", failure: 'region must be an AWS region name such as "us-east-1"; got "mars"' }],
]);

  describe("Rules: the documented region lists", () => {
    it("the control-plane regions are the API reference's", () => {
      expect([...CONTROL_PLANE_REGIONS].sort()).to.deep.equal([...DOCUMENTED_CONTROL_PLANE].sort());
    });
    it("the media regions are the API reference's", () => {
      expect([...MEDIA_REGIONS].sort()).to.deep.equal([...DOCUMENTED_MEDIA].sort());
    });
  });

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: closed sets and ARNs", [
  ["a member of the set", () => oneOf("p", "b", ["a", "b"]), undefined],
  ["not a member", () => oneOf("p", "c", ["a", "b"]), 'p must be one of a, b; got "c"'],
  ["not a string", () => oneOf("p", 1, ["1"]), "p must be one of 1; got 1"],
  ["an absent ARN", () => arn("n.snsTopicArn", undefined, "sns"), undefined],
  ["an SNS topic", () => arn("n.snsTopicArn", "arn:aws:sns:us-east-1:123456789012:t-1_x", "sns"), undefined],
  ["an SNS topic in another partition", () => arn("n.snsTopicArn", "arn:aws-us-gov:sns:us-gov-west-1:123456789012:t", "sns"), undefined],
  ["an SNS topic of 256 characters", () => arn("n.snsTopicArn", `arn:aws:sns:us-east-1:123456789012:${x(256)}`, "sns"), undefined],
  ["an SNS topic of 257 characters", () => arn("n.snsTopicArn", `arn:aws:sns:us-east-1:123456789012:${x(257)}`, "sns"), "n.snsTopicArn must be the ARN of an SNS topic, such as arn:aws:sns:us-east-1:123456789012:meeting-events; got a value (292 characters)"],
  ["an SNS topic with an 11-digit account", () => arn("n.snsTopicArn", "arn:aws:sns:us-east-1:12345678901:t", "sns"), "n.snsTopicArn must be the ARN of an SNS topic, such as arn:aws:sns:us-east-1:123456789012:meeting-events; got a value (35 characters)"],
  ["an SNS topic with text before it", () => arn("n.snsTopicArn", "xarn:aws:sns:us-east-1:123456789012:t", "sns"), "n.snsTopicArn must be the ARN of an SNS topic, such as arn:aws:sns:us-east-1:123456789012:meeting-events; got a value (37 characters)"],
  ["an SNS topic with text after it", () => arn("p", "arn:aws:sns:us-east-1:123456789012:t ", "sns"), 'p must be the ARN of an SNS topic, such as arn:aws:sns:us-east-1:123456789012:meeting-events; got "arn:aws:sns:us-east-1:123456789012:t "'],
  ["an SQS queue", () => arn("p", "arn:aws:sqs:us-east-1:123456789012:q", "sqs"), undefined],
  ["a FIFO SQS queue", () => arn("p", "arn:aws:sqs:us-east-1:123456789012:q.fifo", "sqs"), undefined],
  ["an SQS queue of 80 characters", () => arn("p", `arn:aws:sqs:us-east-1:123456789012:${x(80)}`, "sqs"), undefined],
  ["an SQS queue of 81 characters", () => arn("p", `arn:aws:sqs:us-east-1:123456789012:${x(81)}`, "sqs"), `p must be the ARN of an SQS queue, such as arn:aws:sqs:us-east-1:123456789012:meeting-events; got "arn:aws:sqs:us-east-1:123456789012:${x(41)}...`],
  ["an SNS topic as the SQS queue", () => arn("p", "arn:aws:sns:us-east-1:123456789012:q", "sqs"), 'p must be the ARN of an SQS queue, such as arn:aws:sqs:us-east-1:123456789012:meeting-events; got "arn:aws:sns:us-east-1:123456789012:q"'],
  ["a Lambda function", () => arn("p", "arn:aws:lambda:us-east-1:123456789012:function:f", "lambda"), undefined],
  ["a Lambda function with a version", () => arn("p", "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST", "lambda"), undefined],
  ["a Lambda function of 65 characters", () => arn("p", `arn:aws:lambda:us-east-1:123456789012:function:${x(65)}`, "lambda"), `p must be the ARN of a Lambda function, such as arn:aws:lambda:us-east-1:123456789012:function:on-meeting-event; got "arn:aws:lambda:us-east-1:123456789012:function:${x(29)}...`],
  ["a Lambda ARN without function:", () => arn("p", "arn:aws:lambda:us-east-1:123456789012:f", "lambda"), 'p must be the ARN of a Lambda function, such as arn:aws:lambda:us-east-1:123456789012:function:on-meeting-event; got "arn:aws:lambda:us-east-1:123456789012:f"'],
  ["an ARN of 2 048 characters (a long partition name)", () => arn("p", `arn:aws${x(2012, "-")}:sns:us-east-1:123456789012:t`, "sns"), undefined],
  ["an ARN of 2 049 characters (a long partition name)", () => arn("p", `arn:aws${x(2013, "-")}:sns:us-east-1:123456789012:t`, "sns"), `p must be the ARN of an SNS topic, such as arn:aws:sns:us-east-1:123456789012:meeting-events; got "arn:aws${x(69, "-")}...`],
  ["not a string", () => arn("p", 5, "sns"), "p must be the ARN of an SNS topic, such as arn:aws:sns:us-east-1:123456789012:meeting-events; got 5"],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: tags", [
  ["absent", () => tags("tags", undefined), []],
  ["a list", () => tags("tags", ["a"]), [{ property: "tags", reason: 'tags must be a map of tag keys to values; got ["a"]' }]],
  ["null", () => tags("tags", null), [{ property: "tags", reason: "tags must be a map of tag keys to values; got null" }]],
  ["a string", () => tags("tags", "a=b"), [{ property: "tags", reason: 'tags must be a map of tag keys to values; got "a=b"' }]],
  ["50 tags", () => tags("tags", Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]))), []],
  ["51 tags", () => tags("tags", Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]))), [{ property: "tags", reason: "tags may hold at most 50 tags; got 51" }]],
  ["a key of 128 characters", () => tags("tags", { [x(128)]: "v" }), []],
  ["a key of 129 characters", () => tags("tags", { [x(129)]: "v" }), [{ property: `tags.${x(129)}`, reason: `tags keys must be 1 to 128 letters, digits or +-=._:/ characters; got "${x(76)}...` }]],
  ["an empty key", () => tags("tags", { "": "v" }), [{ property: "tags.", reason: 'tags keys must be 1 to 128 letters, digits or +-=._:/ characters; got ""' }]],
  ["a key with digits and ,;< (the model's +-= range)", () => tags("tags", { "a1,;<.:/_=+-": "v" }), []],
  ["a key with a space", () => tags("tags", { "a b": "v" }), [{ property: "tags.a b", reason: 'tags keys must be 1 to 128 letters, digits or +-=._:/ characters; got "a b"' }]],
  ["a key starting with aws:", () => tags("tags", { "aws:k": "v" }), [{ property: "tags.aws:k", reason: 'tags keys must not start with "aws:"; got "aws:k"' }]],
  ["a key starting with AWS:", () => tags("tags", { "AWS:k": "v" }), [{ property: "tags.AWS:k", reason: 'tags keys must not start with "aws:"; got "AWS:k"' }]],
  ["a value of 256 characters", () => tags("tags", { k: x(256) }), []],
  ["an empty value", () => tags("tags", { k: "" }), []],
  ["a value of 257 characters", () => tags("tags", { k: x(257) }), [{ property: "tags.k", reason: `tags.k must be a string of at most 256 characters; got "${x(76)}...` }]],
  ["a value that is a number", () => tags("tags", { k: 1 }), [{ property: "tags.k", reason: "tags.k must be a string of at most 256 characters; got 1" }]],
  ["an unknown value", () => tags("tags", { k: UNKNOWN }), []],
  ["legacy: a key with a space", () => tags("tags", { "a b": "v" }, "legacy"), []],
  ["legacy: an empty key", () => tags("tags", { "": "v" }, "legacy"), [{ property: "tags.", reason: 'tags keys must be 1 to 128 characters long; got "" (0 characters)' }]],
  ["legacy: a key of 128 characters", () => tags("tags", { [x(128)]: "v" }, "legacy"), []],
  ["legacy: a key of 129 characters", () => tags("tags", { [x(129)]: "v" }, "legacy"), [{ property: `tags.${x(129)}`, reason: `tags keys must be 1 to 128 characters long; got "${x(76)}... (129 characters)` }]],
  ["legacy: a key starting with aws:", () => tags("tags", { "aws:k": "v" }, "legacy"), [{ property: "tags.aws:k", reason: 'tags keys must not start with "aws:"; got "aws:k"' }]],
  ["legacy: a value of 257 characters", () => tags("tags", { k: x(257) }, "legacy"), [{ property: "tags.k", reason: `tags.k must be a string of at most 256 characters; got "${x(76)}...` }]],
]);

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Rules: tenant ids", [
  ["absent", () => tenantIds("tenantIds", undefined), []],
  ["unknown", () => tenantIds("tenantIds", UNKNOWN), []],
  ["one", () => tenantIds("tenantIds", ["ab"]), []],
  ["five", () => tenantIds("tenantIds", ["ab", "cd", "ef", "gh", "ij"]), []],
  ["none", () => tenantIds("tenantIds", []), [{ property: "tenantIds", reason: "tenantIds must be a list of 1 to 5 tenant ids; got []" }]],
  ["six", () => tenantIds("tenantIds", ["a1", "a2", "a3", "a4", "a5", "a6"]), [{ property: "tenantIds", reason: 'tenantIds must be a list of 1 to 5 tenant ids; got ["a1","a2","a3","a4","a5","a6"]' }]],
  ["not a list", () => tenantIds("tenantIds", "ab"), [{ property: "tenantIds", reason: 'tenantIds must be a list of 1 to 5 tenant ids; got "ab"' }]],
  ["an unknown item", () => tenantIds("tenantIds", [UNKNOWN, "a"]), [{ property: "tenantIds[1]", reason: 'tenantIds[1] must be 2 to 256 characters long; got "a"' }]],
  ["256 characters", () => tenantIds("tenantIds", [x(128, "ab")]), []],
  ["257 characters", () => tenantIds("tenantIds", [x(257)]), [{ property: "tenantIds[0]", reason: `tenantIds[0] must be 2 to 256 characters long; got "${x(76)}...` }]],
  ["a number", () => tenantIds("tenantIds", [12]), [{ property: "tenantIds[0]", reason: "tenantIds[0] must be 2 to 256 characters long; got 12" }]],
]);
}

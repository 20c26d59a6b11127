/**
 * chime-local's validation rules called directly, case by case (the conformance suite in
 * validation.test.ts sends the same kinds of rows through the SDK). Each row guards a behaviour a
 * surviving mutant of `npm run mutate` showed untested (README "Mutation testing"): a boundary, a
 * documented value of a list, the wording that names member, rule and value.
 */
import { expect } from "chai";
import { BadRequestError } from "../../emulator/errors";
import {
  checkLegacyExternalId,
  checkLegacyTagKey,
  LEGACY_DEFAULT_MEDIA_REGION,
  LEGACY_MAX_ATTENDEE_TAGS_PER_CALL,
  LEGACY_MAX_MEETING_ATTENDEES,
  LEGACY_MAX_RESULTS,
  LEGACY_MAX_TAGS,
  optionalLegacyTags,
  parseLegacyMeetingInput,
  parseLegacyTagKeys,
  parseLegacyTags,
} from "../../emulator/legacy/validation";
import type { AttendeeCapabilities } from "../../emulator/model";
import { RateLimiter } from "../../emulator/rate-limiter";
import {
  checkCapabilitiesForMeeting,
  checkClientRequestToken,
  checkEnum,
  checkExternalId,
  checkGuid,
  checkLength,
  checkListSize,
  checkMediaRegion,
  checkNotReserved,
  checkPattern,
  checkResourceArn,
  checkTagKey,
  defaultCapabilities,
  describeValue,
  isObject,
  MAX_ATTENDEES_HIGH_RESOLUTION,
  MAX_ATTENDEES_PER_MEETING,
  MAX_TAGS,
  meetingCapacity,
  optionalArray,
  optionalEnum,
  optionalObject,
  optionalString,
  parseCapabilities,
  parseMaxResults,
  parseMeetingFeatures,
  parseNotifications,
  parseTags,
  parseTenantIds,
  parseTranscriptionConfiguration,
  requireArray,
  requireObject,
  requireString,
} from "../../emulator/validation";
import { badRequestOutcome, type Row, table as ruleTable } from "../support/rule-table";

function table(title: string, rows: Row[]): void {
  ruleTable(title, rows, {
    outcome: badRequestOutcome,
    name: (what, expected) =>
      `${what} → ${typeof expected === "string" ? expected : JSON.stringify(expected)}`,
  });
}

const x = (n: number, c = "a") => c.repeat(n);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: how a value is shown in a message", [
  ["an ordinary value as JSON", () => describeValue({ a: 1 }, false), '{"a":1}'],
  ["undefined as text", () => describeValue(undefined, false), "undefined"],
  ["100 characters of JSON in full", () => describeValue(x(98), false), `"${x(98)}"`],
  ["101 characters of JSON cut at 100", () => describeValue(x(99), false), `"${x(99)}…`],
  ["a sensitive string by length", () => describeValue("abc", true), "a value of 3 characters (not shown: sensitive)"],
  ["a sensitive 1-character string in the singular", () => describeValue("a", true), "a value of 1 character (not shown: sensitive)"],
  ["a sensitive non-string without its value", () => describeValue(12, true), "a value (not shown: sensitive)"],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: members of a request body", [
  ["an object member", () => optionalObject({ A: { b: 1 } }, "A"), { b: 1 }],
  ["an absent object member", () => optionalObject({}, "A"), undefined],
  ["a null object member", () => optionalObject({ A: null }, "A"), undefined],
  ["a list where an object belongs", () => optionalObject({ A: [] }, "A", "P"), "400 P.A must be an object, got []"],
  ["a string where an object belongs", () => optionalObject({ A: "s" }, "A"), '400 A must be an object, got "s"'],
  ["a required object that is absent", () => requireObject({}, "A", "P"), "400 P.A is required"],
  ["a required object", () => requireObject({ A: {} }, "A"), {}],
  ["a list member", () => optionalArray({ L: [1] }, "L"), [1]],
  ["a null list member", () => optionalArray({ L: null }, "L"), undefined],
  ["an object where a list belongs", () => optionalArray({ L: {} }, "L", "P"), "400 P.L must be a list, got {}"],
  ["a required list that is absent", () => requireArray({}, "L"), "400 L is required"],
  ["a string member", () => optionalString({ S: "v" }, "S"), "v"],
  ["an empty string member", () => optionalString({ S: "" }, "S"), ""],
  ["a null string member", () => optionalString({ S: null }, "S"), undefined],
  ["a number where a string belongs", () => optionalString({ S: 5 }, "S", "P"), "400 P.S must be a string, got 5"],
  ["a sensitive number where a string belongs", () => optionalString({ S: 5 }, "S", "", true), "400 S must be a string, got a value (not shown: sensitive)"],
  ["a required string that is absent", () => requireString({}, "S", "P"), "400 P.S is required"],
  ["a required empty string (present)", () => requireString({ S: "" }, "S"), ""],
  ["isObject: an object", () => isObject({}), true],
  ["isObject: null", () => isObject(null), false],
  ["isObject: a list", () => isObject([]), false],
  ["isObject: a string", () => isObject("{}"), false],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: sizes, lengths, patterns and enums", [
  ["a list of min items", () => checkListSize([1], 1, 2, "L"), undefined],
  ["a list of max items", () => checkListSize([1, 2], 1, 2, "L"), undefined],
  ["a list below min", () => checkListSize([], 1, 2, "L"), "400 L must have 1 to 2 items, got 0"],
  ["a list above max", () => checkListSize([1, 2, 3], 1, 2, "L"), "400 L must have 1 to 2 items, got 3"],
  ["a string of min length", () => checkLength("ab", 2, 3, "S"), undefined],
  ["a string of max length", () => checkLength("abc", 2, 3, "S"), undefined],
  ["a string below min", () => checkLength("a", 2, 3, "S"), '400 S must be 2 to 3 characters long, got "a"'],
  ["a string above max", () => checkLength("abcd", 2, 3, "S"), '400 S must be 2 to 3 characters long, got "abcd"'],
  ["a sensitive string of the wrong length", () => checkLength("abcd", 2, 3, "S", true), "400 S must be 2 to 3 characters long, got a value of 4 characters (not shown: sensitive)"],
  ["a matching pattern", () => checkPattern("ab", /^[a-z]+$/, "S"), undefined],
  ["a pattern not matched, shown by its source", () => checkPattern("A", /^[a-z]+$/, "S"), '400 S must match the pattern ^[a-z]+$, got "A"'],
  ["a pattern not matched, shown as given", () => checkPattern("A", /^[a-z]+$/, "S", true, "[a-z]+"), "400 S must match the pattern [a-z]+, got a value of 1 character (not shown: sensitive)"],
  ["an allowed enum value", () => checkEnum("b", ["a", "b"], "E"), "b"],
  ["an enum value not allowed", () => checkEnum("c", ["a", "b"], "E"), '400 E must be one of a, b, got "c"'],
  ["an enum value that is not a string", () => checkEnum(1, ["1"], "E"), "400 E must be one of 1, got 1"],
  ["an optional enum, absent", () => optionalEnum({}, "E", ["a"]), undefined],
  ["an optional enum, null", () => optionalEnum({ E: null }, "E", ["a"]), undefined],
  ["an optional enum, named by its path", () => optionalEnum({ E: "z" }, "E", ["a"], "P"), '400 P.E must be one of a, got "z"'],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: reserved prefixes, GUIDs, external ids and tokens", [
  ["aws: is reserved", () => checkNotReserved("aws:x", "K"), '400 K must not start with the reserved prefix aws: (in any case), got "aws:x"'],
  ["AWS: is reserved in any case", () => checkNotReserved("AWS:x", "K"), '400 K must not start with the reserved prefix aws: (in any case), got "AWS:x"'],
  ["aws without the colon is not", () => checkNotReserved("awsx", "K"), undefined],
  ["aws: further in is not", () => checkNotReserved("x-aws:", "K"), undefined],
  ["a GUID, lower-cased", () => checkGuid("3F1A9B2C-0D4E-4F5A-8B6C-7D8E9F0A1B2C", "Id"), "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c"],
  ["a GUID with a missing digit", () => checkGuid("3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2", "Id"), '400 Id must be a GUID (8-4-4-4-12 hexadecimal digits), got "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2"'],
  ["a GUID with text around it", () => checkGuid("x3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c", "Id"), '400 Id must be a GUID (8-4-4-4-12 hexadecimal digits), got "x3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c"'],
  ["a GUID with a non-hex digit", () => checkGuid("gf1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c", "Id"), '400 Id must be a GUID (8-4-4-4-12 hexadecimal digits), got "gf1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c"'],
  ["an external id of 2 characters", () => checkExternalId("ab", "E"), "ab"],
  ["an external id of 64 characters", () => checkExternalId(x(64), "E"), x(64)],
  ["an external id of 65 characters", () => checkExternalId(x(65), "E"), "400 E must be 2 to 64 characters long, got a value of 65 characters (not shown: sensitive)"],
  ["an external id with every allowed kind of character", () => checkExternalId("a-_&@+=,(){}[]/«».:|'\"#Zé 9\t", "E"), "a-_&@+=,(){}[]/«».:|'\"#Zé 9\t"],
  ["an external id with a character outside the pattern", () => checkExternalId("ab*", "E"), "400 E must match the pattern [-_&@+=,(){}\\[\\]\\/«».:|'\"#a-zA-Z0-9À-ÿ\\s]* (\\s: ASCII spaces only), got a value of 3 characters (not shown: sensitive)"],
  ["an external id starting with aws:", () => checkExternalId("aws:x", "E"), "400 E must not start with the reserved prefix aws: (in any case), got a value of 5 characters (not shown: sensitive)"],
  ["a client request token of 2 characters", () => checkClientRequestToken("a-"), "a-"],
  ["a client request token of 1 character", () => checkClientRequestToken("a"), "400 ClientRequestToken must be 2 to 64 characters long, got a value of 1 character (not shown: sensitive)"],
  ["a client request token of 65 characters", () => checkClientRequestToken(x(65), "T"), "400 T must be 2 to 64 characters long, got a value of 65 characters (not shown: sensitive)"],
  ["a client request token with a space", () => checkClientRequestToken("a b"), "400 ClientRequestToken must match the pattern ^[-_a-zA-Z0-9]*$, got a value of 3 characters (not shown: sensitive)"],
]);

/** The API reference's media Regions for CreateMeeting, written out here independently of the code. */
const DOCUMENTED_MEDIA_REGIONS = [
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
table("chime-local: media Regions", [
  ...DOCUMENTED_MEDIA_REGIONS.map((r): Row => [`${r} is a media Region`, () => checkMediaRegion(r), r]),
  ["a made-up Region", () => checkMediaRegion("mars-north-1"), `400 MediaRegion must be one of ${DOCUMENTED_MEDIA_REGIONS.join(", ")}, got "mars-north-1"`],
  ["a Region of 1 character", () => checkMediaRegion("u", "M"), '400 M must be 2 to 64 characters long, got "u"'],
]);

const caps = (Audio: string, Video: string, Content: string) =>
  ({ Audio, Video, Content }) as AttendeeCapabilities;

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: attendee capabilities", [
  ["all four values of each", () => parseCapabilities(caps("Send", "Receive", "None"), "C"), caps("Send", "Receive", "None")],
  ["SendReceive", () => parseCapabilities(caps("SendReceive", "SendReceive", "SendReceive"), "C"), caps("SendReceive", "SendReceive", "SendReceive")],
  ["not an object", () => parseCapabilities("all", "C"), '400 C must be an object, got "all"'],
  ["Audio missing", () => parseCapabilities({ Video: "None", Content: "None" }, "C"), "400 C.Audio is required"],
  ["Video null", () => parseCapabilities({ Audio: "None", Video: null, Content: "None" }, "C"), "400 C.Video is required"],
  ["Content missing", () => parseCapabilities({ Audio: "None", Video: "None" }, "C"), "400 C.Content is required"],
  ["an unknown value", () => parseCapabilities(caps("Loud", "None", "None"), "C"), '400 C.Audio must be one of SendReceive, Send, Receive, None, got "Loud"'],
  ["content that receives with video that receives", () => checkCapabilitiesForMeeting(caps("None", "Receive", "Receive"), undefined, "C"), undefined],
  ["content that receives with video that only sends", () => checkCapabilitiesForMeeting(caps("None", "Send", "SendReceive"), undefined, "C"), '400 C.Content "SendReceive" requires C.Video to be SendReceive or Receive, got "Send"'],
  ["content that receives with no video", () => checkCapabilitiesForMeeting(caps("None", "None", "Receive"), undefined, "C"), '400 C.Content "Receive" requires C.Video to be SendReceive or Receive, got "None"'],
  ["content that only sends needs no video", () => checkCapabilitiesForMeeting(caps("None", "None", "Send"), undefined, "C"), undefined],
  ["video with the meeting's video off", () => checkCapabilitiesForMeeting(caps("None", "Receive", "None"), { Video: { MaxResolution: "None" } }, "C"), '400 C.Video must be None because the meeting\'s Video MaxResolution is None, got "Receive"'],
  ["no video with the meeting's video off", () => checkCapabilitiesForMeeting(caps("None", "None", "None"), { Video: { MaxResolution: "None" } }, "C"), undefined],
  ["content with the meeting's content off", () => checkCapabilitiesForMeeting(caps("None", "None", "Send"), { Content: { MaxResolution: "None" } }, "C"), '400 C.Content must be None because the meeting\'s Content MaxResolution is None, got "Send"'],
  ["video with the meeting's content off", () => checkCapabilitiesForMeeting(caps("None", "Send", "None"), { Content: { MaxResolution: "None" } }, "C"), undefined],
  ["content with HD video", () => checkCapabilitiesForMeeting(caps("None", "Send", "Send"), { Video: { MaxResolution: "HD" }, Content: { MaxResolution: "FHD" } }, "C"), undefined],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: default capabilities and capacity", [
  ["no features", () => defaultCapabilities(undefined), caps("SendReceive", "SendReceive", "SendReceive")],
  ["video off, content on", () => defaultCapabilities({ Video: { MaxResolution: "None" } }), caps("SendReceive", "Receive", "SendReceive")],
  ["content off, video on", () => defaultCapabilities({ Content: { MaxResolution: "None" } }), caps("SendReceive", "SendReceive", "None")],
  ["both off", () => defaultCapabilities({ Video: { MaxResolution: "None" }, Content: { MaxResolution: "None" } }), caps("SendReceive", "None", "None")],
  ["HD video, FHD content", () => defaultCapabilities({ Video: { MaxResolution: "HD" }, Content: { MaxResolution: "FHD" } }), caps("SendReceive", "SendReceive", "SendReceive")],
  ["capacity without features", () => meetingCapacity(undefined), 250],
  ["capacity without a MaxCount", () => meetingCapacity({ Attendee: {} }), 250],
  ["capacity with a MaxCount", () => meetingCapacity({ Attendee: { MaxCount: 7 } }), 7],
  ["the limits", () => [MAX_ATTENDEES_PER_MEETING, MAX_ATTENDEES_HIGH_RESOLUTION, MAX_TAGS], [250, 25, 50]],
]);

const features = (MeetingFeatures: unknown) => () => parseMeetingFeatures({ MeetingFeatures });

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: MeetingFeatures", [
  ["absent", () => parseMeetingFeatures({}), undefined],
  ["empty", features({}), {}],
  ["not an object", features("x"), '400 MeetingFeatures must be an object, got "x"'],
  ["Audio without EchoReduction", features({ Audio: {} }), { Audio: {} }],
  ["Audio EchoReduction AVAILABLE", features({ Audio: { EchoReduction: "AVAILABLE" } }), { Audio: { EchoReduction: "AVAILABLE" } }],
  ["Audio EchoReduction UNAVAILABLE", features({ Audio: { EchoReduction: "UNAVAILABLE" } }), { Audio: { EchoReduction: "UNAVAILABLE" } }],
  ["Audio EchoReduction unknown", features({ Audio: { EchoReduction: "ON" } }), '400 MeetingFeatures.Audio.EchoReduction must be one of AVAILABLE, UNAVAILABLE, got "ON"'],
  ["Audio not an object", features({ Audio: 1 }), "400 MeetingFeatures.Audio must be an object, got 1"],
  ["Video without MaxResolution", features({ Video: {} }), { Video: {} }],
  ["Video HD", features({ Video: { MaxResolution: "HD" } }), { Video: { MaxResolution: "HD" } }],
  ["Video UHD (content only)", features({ Video: { MaxResolution: "UHD" } }), '400 MeetingFeatures.Video.MaxResolution must be one of None, HD, FHD, got "UHD"'],
  ["Content without MaxResolution", features({ Content: {} }), { Content: {} }],
  ["Content FHD", features({ Content: { MaxResolution: "FHD" } }), { Content: { MaxResolution: "FHD" } }],
  ["Content HD (video only)", features({ Content: { MaxResolution: "HD" } }), '400 MeetingFeatures.Content.MaxResolution must be one of None, FHD, UHD, got "HD"'],
  ["Attendee without MaxCount", features({ Attendee: {} }), { Attendee: {} }],
  ["Attendee MaxCount null", features({ Attendee: { MaxCount: null } }), { Attendee: {} }],
  ["Attendee MaxCount 1", features({ Attendee: { MaxCount: 1 } }), { Attendee: { MaxCount: 1 } }],
  ["Attendee MaxCount 250", features({ Attendee: { MaxCount: 250 } }), { Attendee: { MaxCount: 250 } }],
  ["Attendee MaxCount 0", features({ Attendee: { MaxCount: 0 } }), "400 MeetingFeatures.Attendee.MaxCount must be an integer from 1 to 250, got 0"],
  ["Attendee MaxCount 251", features({ Attendee: { MaxCount: 251 } }), "400 MeetingFeatures.Attendee.MaxCount must be an integer from 1 to 250, got 251"],
  ["Attendee MaxCount 2.5", features({ Attendee: { MaxCount: 2.5 } }), "400 MeetingFeatures.Attendee.MaxCount must be an integer from 1 to 250, got 2.5"],
  ["Attendee MaxCount as text", features({ Attendee: { MaxCount: "5" } }), '400 MeetingFeatures.Attendee.MaxCount must be an integer from 1 to 250, got "5"'],
  ["FHD video without MaxCount", features({ Video: { MaxResolution: "FHD" } }), "400 MeetingFeatures.Attendee.MaxCount is required when Video MaxResolution is FHD or Content MaxResolution is UHD"],
  ["UHD content without MaxCount", features({ Content: { MaxResolution: "UHD" } }), "400 MeetingFeatures.Attendee.MaxCount is required when Video MaxResolution is FHD or Content MaxResolution is UHD"],
  ["FHD content without MaxCount (not high resolution)", features({ Content: { MaxResolution: "FHD" }, Video: { MaxResolution: "HD" } }), { Content: { MaxResolution: "FHD" }, Video: { MaxResolution: "HD" } }],
  ["FHD video with 25 attendees", features({ Video: { MaxResolution: "FHD" }, Attendee: { MaxCount: 25 } }), { Video: { MaxResolution: "FHD" }, Attendee: { MaxCount: 25 } }],
  ["UHD content with 26 attendees", features({ Content: { MaxResolution: "UHD" }, Attendee: { MaxCount: 26 } }), "400 MeetingFeatures.Attendee.MaxCount must be at most 25 when Video MaxResolution is FHD or Content MaxResolution is UHD, got 26"],
]);

const notifications = (NotificationsConfiguration: unknown) => () =>
  parseNotifications({ NotificationsConfiguration });

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: NotificationsConfiguration", [
  ["absent", () => parseNotifications({}), undefined],
  ["empty", notifications({}), {}],
  ["all three targets", notifications({ LambdaFunctionArn: "arn:aws:lambda:us-east-1:1:function:f", SnsTopicArn: "arn:aws:sns:us-east-1:1:t", SqsQueueArn: "arn:aws:sqs:us-east-1:1:q" }), { LambdaFunctionArn: "arn:aws:lambda:us-east-1:1:function:f", SnsTopicArn: "arn:aws:sns:us-east-1:1:t", SqsQueueArn: "arn:aws:sqs:us-east-1:1:q" }],
  ["an SNS ARN as the SQS queue", notifications({ SqsQueueArn: "arn:aws:sns:us-east-1:1:t" }), "400 NotificationsConfiguration.SqsQueueArn must be the ARN of a sqs resource (arn:<partition>:sqs:...), got a value of 25 characters (not shown: sensitive)"],
  ["a Lambda ARN as the SNS topic", notifications({ SnsTopicArn: "arn:aws:lambda:us-east-1:1:function:f" }), "400 NotificationsConfiguration.SnsTopicArn must be the ARN of a sns resource (arn:<partition>:sns:...), got a value of 37 characters (not shown: sensitive)"],
  ["an SQS ARN as the Lambda function", notifications({ LambdaFunctionArn: "arn:aws:sqs:us-east-1:1:q" }), "400 NotificationsConfiguration.LambdaFunctionArn must be the ARN of a lambda resource (arn:<partition>:lambda:...), got a value of 25 characters (not shown: sensitive)"],
  ["not an ARN", notifications({ SnsTopicArn: "topic" }), "400 NotificationsConfiguration.SnsTopicArn must match the pattern ^arn[/:\\-_.a-zA-Z0-9]+$, got a value of 5 characters (not shown: sensitive)"],
  ["an ARN with a space", notifications({ SnsTopicArn: "arn:aws:sns:us east" }), "400 NotificationsConfiguration.SnsTopicArn must match the pattern ^arn[/:\\-_.a-zA-Z0-9]+$, got a value of 19 characters (not shown: sensitive)"],
  ["an empty ARN", notifications({ SnsTopicArn: "" }), "400 NotificationsConfiguration.SnsTopicArn must be 1 to 1024 characters long, got a value of 0 characters (not shown: sensitive)"],
  ["an ARN of 1 025 characters", notifications({ SnsTopicArn: `arn:aws:sns:${x(1013)}` }), "400 NotificationsConfiguration.SnsTopicArn must be 1 to 1024 characters long, got a value of 1025 characters (not shown: sensitive)"],
  ["an ARN of 1 024 characters", notifications({ SnsTopicArn: `arn:aws:sns:${x(1012)}` }), { SnsTopicArn: `arn:aws:sns:${x(1012)}` }],
  ["a number as the ARN", notifications({ SnsTopicArn: 1 }), "400 NotificationsConfiguration.SnsTopicArn must be a string, got a value (not shown: sensitive)"],
]);

const tenants = (TenantIds: unknown) => () => parseTenantIds({ TenantIds });

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: TenantIds", [
  ["absent", () => parseTenantIds({}), undefined],
  ["one of 2 characters", tenants(["ab"]), ["ab"]],
  ["five", tenants(["a1", "b2", "c3", "d4", "e5"]), ["a1", "b2", "c3", "d4", "e5"]],
  ["none", tenants([]), "400 TenantIds must have 1 to 5 items, got 0"],
  ["six", tenants(["a1", "b2", "c3", "d4", "e5", "f6"]), "400 TenantIds must have 1 to 5 items, got 6"],
  ["one of 1 character", tenants(["a"]), '400 TenantIds[0] must be 2 to 256 characters long, got "a"'],
  ["one of 256 characters", tenants([x(128, "ab")]), [x(128, "ab")]],
  ["one of 257 characters", tenants(["ab", `${x(128, "ab")}a`]), `400 TenantIds[1] must be 2 to 256 characters long, got "${x(50, "ab").slice(0, 99)}…`],
  ["a number", tenants([12]), "400 TenantIds[0] must be a string, got 12"],
  ["the allowed special characters", tenants(["-_!@#$aZ9"]), ["-_!@#$aZ9"]],
  ["a character repeated 3 times", tenants(["aaab"]), ["aaab"]],
  ["a character repeated 4 times", tenants(["aaaab"]), '400 TenantIds[0] must match the pattern ^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$, got "aaaab"'],
  ["a space", tenants(["a b"]), '400 TenantIds[0] must match the pattern ^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$, got "a b"'],
]);

const tooMany = (count: number) => new BadRequestError(`too many: ${count}`);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: tags of the Meetings namespace", [
  ["a tag", () => parseTags([{ Key: "k", Value: "v" }], "Tags", tooMany), [{ Key: "k", Value: "v" }]],
  ["an empty value", () => parseTags([{ Key: "k", Value: "" }], "Tags", tooMany), [{ Key: "k", Value: "" }]],
  ["50 tags", () => parseTags(Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" })), "Tags", tooMany).length, 50],
  ["51 tags", () => parseTags(Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" })), "Tags", tooMany), "400 too many: 51"],
  ["not an object", () => parseTags(["k"], "Tags", tooMany), '400 Tags[0] must be an object, got "k"'],
  ["no Key", () => parseTags([{ Value: "v" }], "Tags", tooMany), "400 Tags[0].Key is required"],
  ["no Value", () => parseTags([{ Key: "k" }], "Tags", tooMany), "400 Tags[0].Value is required"],
  ["a key of 128 characters", () => checkTagKey(x(128), "K"), x(128)],
  ["a key of 129 characters", () => checkTagKey(x(129), "K"), `400 K must be 1 to 128 characters long, got "${x(99)}…`],
  ["an empty key", () => checkTagKey("", "K"), '400 K must be 1 to 128 characters long, got ""'],
  ["a key with digits and ,;< (the model's +-= range)", () => checkTagKey("a1,;<.:/_=+-", "K"), "a1,;<.:/_=+-"],
  ["a key with a space", () => checkTagKey("a b", "K"), '400 K must match the pattern ^[a-zA-Z+-=._:/]+$, got "a b"'],
  ["a key starting with aws:", () => checkTagKey("aws:k", "K"), '400 K must not start with the reserved prefix aws: (in any case), got "aws:k"'],
  ["a value of 256 characters", () => parseTags([{ Key: "k", Value: x(256) }], "Tags", tooMany), [{ Key: "k", Value: x(256) }]],
  ["a value of 257 characters", () => parseTags([{ Key: "k", Value: x(257) }], "Tags", tooMany), `400 Tags[0].Value must be 0 to 256 characters long, got "${x(99)}…`],
  ["a value with the allowed characters", () => parseTags([{ Key: "k", Value: "a Z_9+-=.:/@\t" }], "Tags", tooMany), [{ Key: "k", Value: "a Z_9+-=.:/@\t" }]],
  ["a value with a *", () => parseTags([{ Key: "k", Value: "a*" }], "Tags", tooMany), '400 Tags[0].Value must match the pattern [\\s\\w+-=\\.:/@]* (\\s: ASCII spaces only), got "a*"'],
  ["a repeated key", () => parseTags([{ Key: "k", Value: "1" }, { Key: "k", Value: "2" }], "Tags", tooMany), '400 Tags[1].Key must not repeat a key given earlier in the list, got "k"'],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: resource ARNs and MaxResults", [
  ["an ARN", () => checkResourceArn("arn:aws:chime:us-east-1:1:meeting/m"), "arn:aws:chime:us-east-1:1:meeting/m"],
  ["an ARN of 1 011 characters", () => checkResourceArn(`arn:${x(1007)}`), `arn:${x(1007)}`],
  ["an ARN of 1 012 characters", () => checkResourceArn(`arn:${x(1008)}`), `400 ResourceARN must be 1 to 1011 characters long, got "arn:${x(95)}…`],
  ["not an ARN", () => checkResourceArn("meeting/m", "R"), '400 R must match the pattern ^arn:.*$, got "meeting/m"'],
  ["an empty ARN", () => checkResourceArn(""), '400 ResourceARN must be 1 to 1011 characters long, got ""'],
  ["no MaxResults", () => parseMaxResults(null, 10), 10],
  ["MaxResults 1", () => parseMaxResults("1", 10), 1],
  ["MaxResults 100", () => parseMaxResults("100", 10), 100],
  ["MaxResults 101", () => parseMaxResults("101", 10), '400 MaxResults must be an integer from 1 to 100, got "101"'],
  ["MaxResults 0", () => parseMaxResults("0", 10), '400 MaxResults must be an integer from 1 to 100, got "0"'],
  ["MaxResults 2.5", () => parseMaxResults("2.5", 10), '400 MaxResults must be an integer from 1 to 100, got "2.5"'],
  ["MaxResults blank (Number would read 0)", () => parseMaxResults(" ", 10, 99), '400 MaxResults must be an integer from 1 to 99, got " "'],
  ["MaxResults 99 of 99", () => parseMaxResults("99", 10, 99), 99],
  ["MaxResults 100 of 99", () => parseMaxResults("100", 10, 99), '400 MaxResults must be an integer from 1 to 99, got "100"'],
]);

const standard = (settings: Record<string, unknown>) => () =>
  parseTranscriptionConfiguration({ TranscriptionConfiguration: { EngineTranscribeSettings: settings } });
const medical = (settings: Record<string, unknown>) => () =>
  parseTranscriptionConfiguration({
    TranscriptionConfiguration: { EngineTranscribeMedicalSettings: settings },
  });
const MEDICAL = { LanguageCode: "en-US", Specialty: "PRIMARYCARE", Type: "CONVERSATION" };
const S = "TranscriptionConfiguration.EngineTranscribeSettings";
const M = "TranscriptionConfiguration.EngineTranscribeMedicalSettings";

/** The API reference's values, written out here independently of the code. */
const LANGUAGE_CODES = [
  "en-US",
  "en-GB",
  "es-US",
  "fr-CA",
  "fr-FR",
  "en-AU",
  "it-IT",
  "de-DE",
  "pt-BR",
  "ja-JP",
  "ko-KR",
  "zh-CN",
  "th-TH",
  "hi-IN",
];
const TRANSCRIBE_REGIONS = [
  "us-east-2",
  "us-east-1",
  "us-west-2",
  "ap-northeast-2",
  "ap-southeast-2",
  "ap-northeast-1",
  "ca-central-1",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "sa-east-1",
  "auto",
  "us-gov-west-1",
];
const MEDICAL_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "ap-southeast-2",
  "ca-central-1",
  "eu-west-1",
  "auto",
];
const SPECIALTIES = ["PRIMARYCARE", "CARDIOLOGY", "NEUROLOGY", "ONCOLOGY", "RADIOLOGY", "UROLOGY"];

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: TranscriptionConfiguration", [
  ["absent", () => parseTranscriptionConfiguration({}), "400 TranscriptionConfiguration is required"],
  ["neither engine", () => parseTranscriptionConfiguration({ TranscriptionConfiguration: {} }), "400 TranscriptionConfiguration must have exactly one of EngineTranscribeSettings and EngineTranscribeMedicalSettings"],
  ["an empty standard engine", standard({}), { EngineTranscribeSettings: {} }],
  ...LANGUAGE_CODES.map((code): Row => [`LanguageCode ${code}`, standard({ LanguageCode: code }), { EngineTranscribeSettings: { LanguageCode: code } }]),
  ...LANGUAGE_CODES.map((code): Row => [`PreferredLanguage ${code}`, standard({ PreferredLanguage: code }), { EngineTranscribeSettings: { PreferredLanguage: code } }]),
  ...TRANSCRIBE_REGIONS.map((region): Row => [`Region ${region}`, standard({ Region: region }), { EngineTranscribeSettings: { Region: region } }]),
  ...["remove", "mask", "tag"].map((m): Row => [`VocabularyFilterMethod ${m}`, standard({ VocabularyFilterMethod: m }), { EngineTranscribeSettings: { VocabularyFilterMethod: m } }]),
  ...["low", "medium", "high"].map((s): Row => [`PartialResultsStability ${s}`, standard({ PartialResultsStability: s }), { EngineTranscribeSettings: { PartialResultsStability: s } }]),
  ["ContentIdentificationType PII", standard({ ContentIdentificationType: "PII" }), { EngineTranscribeSettings: { ContentIdentificationType: "PII" } }],
  ["ContentRedactionType PII", standard({ ContentRedactionType: "PII" }), { EngineTranscribeSettings: { ContentRedactionType: "PII" } }],
  ["ContentRedactionType PHI", standard({ ContentRedactionType: "PHI" }), `400 ${S}.ContentRedactionType must be one of PII, got "PHI"`],
  ["EnablePartialResultsStabilization false", standard({ EnablePartialResultsStabilization: false }), { EngineTranscribeSettings: { EnablePartialResultsStabilization: false } }],
  ["IdentifyLanguage as text", standard({ IdentifyLanguage: "true" }), `400 ${S}.IdentifyLanguage must be a boolean, got "true"`],
  ["VocabularyFilterName empty", standard({ VocabularyFilterName: "" }), { EngineTranscribeSettings: { VocabularyFilterName: "" } }],
  ["VocabularyName of 4 096 characters", standard({ VocabularyName: x(4096) }), { EngineTranscribeSettings: { VocabularyName: x(4096) } }],
  ["VocabularyFilterName of 4 097 characters", standard({ VocabularyFilterName: x(4097) }), `400 ${S}.VocabularyFilterName must be 0 to 4096 characters long, got "${x(99)}…`],
  ["VocabularyName of 4 097 characters", standard({ VocabularyName: x(4097) }), `400 ${S}.VocabularyName must be 0 to 4096 characters long, got "${x(99)}…`],
  ["VocabularyName a number", standard({ VocabularyName: 1 }), `400 ${S}.VocabularyName must be a string, got 1`],
  ["PiiEntityTypes", standard({ PiiEntityTypes: "SSN, NAME" }), { EngineTranscribeSettings: { PiiEntityTypes: "SSN, NAME" } }],
  ["PiiEntityTypes empty", standard({ PiiEntityTypes: "" }), `400 ${S}.PiiEntityTypes must be 1 to 300 characters long, got ""`],
  ["PiiEntityTypes of 301 characters", standard({ PiiEntityTypes: x(301, "A") }), `400 ${S}.PiiEntityTypes must be 1 to 300 characters long, got "${x(99, "A")}…`],
  ["PiiEntityTypes lower case", standard({ PiiEntityTypes: "ssn" }), `400 ${S}.PiiEntityTypes must match the pattern ^[A-Z_, ]+$, got "ssn"`],
  ["LanguageModelName", standard({ LanguageModelName: "m-1.a_b" }), { EngineTranscribeSettings: { LanguageModelName: "m-1.a_b" } }],
  ["LanguageModelName empty", standard({ LanguageModelName: "" }), `400 ${S}.LanguageModelName must be 1 to 200 characters long, got ""`],
  ["LanguageModelName with a space", standard({ LanguageModelName: "m 1" }), `400 ${S}.LanguageModelName must match the pattern ^[0-9a-zA-Z._-]+$, got "m 1"`],
  ["LanguageOptions", standard({ LanguageOptions: "en-US,fr-FR" }), { EngineTranscribeSettings: { LanguageOptions: "en-US,fr-FR" } }],
  ["LanguageOptions of 201 characters", standard({ LanguageOptions: x(201) }), `400 ${S}.LanguageOptions must be 1 to 200 characters long, got "${x(99)}…`],
  ["LanguageOptions with a digit", standard({ LanguageOptions: "en1" }), `400 ${S}.LanguageOptions must match the pattern ^[a-zA-Z-,]+$, got "en1"`],
  ["VocabularyNames", standard({ VocabularyNames: "a,b-c.d_e" }), { EngineTranscribeSettings: { VocabularyNames: "a,b-c.d_e" } }],
  ["VocabularyNames empty", standard({ VocabularyNames: "" }), `400 ${S}.VocabularyNames must be 1 to 3000 characters long, got ""`],
  ["VocabularyNames of 3 001 characters", standard({ VocabularyNames: x(3001) }), `400 ${S}.VocabularyNames must be 1 to 3000 characters long, got "${x(99)}…`],
  ["VocabularyFilterNames with a space", standard({ VocabularyFilterNames: "a b" }), `400 ${S}.VocabularyFilterNames must match the pattern ^[a-zA-Z0-9,-._]+$, got "a b"`],
  ["VocabularyFilterNames of 3 001 characters", standard({ VocabularyFilterNames: x(3001) }), `400 ${S}.VocabularyFilterNames must be 1 to 3000 characters long, got "${x(99)}…`],
  ["an unknown setting is dropped", standard({ Foo: "bar" }), { EngineTranscribeSettings: {} }],
  ["a null setting is dropped", standard({ LanguageCode: null }), { EngineTranscribeSettings: {} }],
  ["medical", medical(MEDICAL), { EngineTranscribeMedicalSettings: MEDICAL }],
  ...SPECIALTIES.map((s): Row => [`medical Specialty ${s}`, medical({ ...MEDICAL, Specialty: s }), { EngineTranscribeMedicalSettings: { ...MEDICAL, Specialty: s } }]),
  ["medical Type DICTATION", medical({ ...MEDICAL, Type: "DICTATION" }), { EngineTranscribeMedicalSettings: { ...MEDICAL, Type: "DICTATION" } }],
  ["medical Type missing", medical({ LanguageCode: "en-US", Specialty: "UROLOGY" }), `400 ${M}.Type is required`],
  ["medical LanguageCode missing", medical({ Specialty: "UROLOGY", Type: "DICTATION" }), `400 ${M}.LanguageCode is required`],
  ...MEDICAL_REGIONS.map((region): Row => [`medical Region ${region}`, medical({ ...MEDICAL, Region: region }), { EngineTranscribeMedicalSettings: { ...MEDICAL, Region: region } }]),
  ["medical Region eu-central-1", medical({ ...MEDICAL, Region: "eu-central-1" }), `400 ${M}.Region must be one of ${MEDICAL_REGIONS.join(", ")}, got "eu-central-1"`],
  ["medical ContentIdentificationType PHI", medical({ ...MEDICAL, ContentIdentificationType: "PHI" }), { EngineTranscribeMedicalSettings: { ...MEDICAL, ContentIdentificationType: "PHI" } }],
  ["medical VocabularyName of 4 097 characters", medical({ ...MEDICAL, VocabularyName: x(4097) }), `400 ${M}.VocabularyName must be 0 to 4096 characters long, got "${x(99)}…`],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local, legacy namespace: rules that differ", [
  ["the limits", () => [LEGACY_MAX_TAGS, LEGACY_MAX_ATTENDEE_TAGS_PER_CALL, LEGACY_MAX_MEETING_ATTENDEES, LEGACY_MAX_RESULTS, LEGACY_DEFAULT_MEDIA_REGION], [50, 10, 10, 99, "us-east-1"]],
  ["an external id with any character", () => checkLegacyExternalId("a*b", "E"), "a*b"],
  ["an external id of 1 character", () => checkLegacyExternalId("a", "E"), "400 E must be 2 to 64 characters long, got a value of 1 character (not shown: sensitive)"],
  ["an external id of 65 characters", () => checkLegacyExternalId(x(65), "E"), "400 E must be 2 to 64 characters long, got a value of 65 characters (not shown: sensitive)"],
  ["a tag key with any character", () => checkLegacyTagKey("a b*", "K"), "a b*"],
  ["a tag key that is not a string", () => checkLegacyTagKey(1, "K"), "400 K must be a string, got a value (not shown: sensitive)"],
  ["an empty tag key", () => checkLegacyTagKey("", "K"), "400 K must be 1 to 128 characters long, got a value of 0 characters (not shown: sensitive)"],
  ["a tag key of 129 characters", () => checkLegacyTagKey(x(129), "K"), "400 K must be 1 to 128 characters long, got a value of 129 characters (not shown: sensitive)"],
  ["a tag key starting with AWS:", () => checkLegacyTagKey("AWS:k", "K"), "400 K must not start with the reserved prefix aws: (in any case), got a value of 5 characters (not shown: sensitive)"],
  ["tags", () => parseLegacyTags([{ Key: "k", Value: "" }], "T", 1, 2), [{ Key: "k", Value: "" }]],
  ["too few tags", () => parseLegacyTags([], "T", 1, 2), "400 T must have 1 to 2 items, got 0"],
  ["too many tags", () => parseLegacyTags([{ Key: "a", Value: "" }, { Key: "b", Value: "" }, { Key: "c", Value: "" }], "T", 1, 2), "400 T must have 1 to 2 items, got 3"],
  ["a tag that is not an object", () => parseLegacyTags(["k"], "T", 1, 2), "400 T[0] must be an object, got a value of 1 character (not shown: sensitive)"],
  ["a tag value of 257 characters", () => parseLegacyTags([{ Key: "k", Value: x(257) }], "T", 1, 2), "400 T[0].Value must be 0 to 256 characters long, got a value of 257 characters (not shown: sensitive)"],
  ["a tag value that is not a string", () => parseLegacyTags([{ Key: "k", Value: 1 }], "T", 1, 2), "400 T[0].Value must be a string, got a value (not shown: sensitive)"],
  ["a tag key that is not a string, named by its path", () => parseLegacyTags([{ Key: 1, Value: "" }], "T", 1, 2), "400 T[0].Key must be a string, got a value (not shown: sensitive)"],
  ["a tag key of 129 characters, named by its path", () => parseLegacyTags([{ Key: x(129), Value: "" }], "T", 1, 2), "400 T[0].Key must be 1 to 128 characters long, got a value of 129 characters (not shown: sensitive)"],
  ["a repeated tag key", () => parseLegacyTags([{ Key: "k", Value: "" }, { Key: "k", Value: "" }], "T", 1, 2), "400 T[1].Key must not repeat a key given earlier in the list, got a value of 1 character (not shown: sensitive)"],
  ["optional tags, absent", () => optionalLegacyTags({}, "", 2), undefined],
  ["optional tags at the top", () => optionalLegacyTags({ Tags: [] }, "", 2), "400 Tags must have 1 to 2 items, got 0"],
  ["optional tags in a member", () => optionalLegacyTags({ Tags: [] }, "Attendees[0]", 2), "400 Attendees[0].Tags must have 1 to 2 items, got 0"],
  ["tag keys", () => parseLegacyTagKeys(["a", "b"], 2), ["a", "b"]],
  ["no tag keys", () => parseLegacyTagKeys([], 2), "400 TagKeys must have 1 to 2 items, got 0"],
  ["too many tag keys", () => parseLegacyTagKeys(["a", "b", "c"], 2), "400 TagKeys must have 1 to 2 items, got 3"],
  ["a bad tag key", () => parseLegacyTagKeys(["a", ""], 2), "400 TagKeys[1] must be 1 to 128 characters long, got a value of 0 characters (not shown: sensitive)"],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local, legacy namespace: CreateMeeting's input", [
  ["the token alone: the documented default media Region", () => parseLegacyMeetingInput({ ClientRequestToken: "tok" }), { ClientRequestToken: "tok", MediaRegion: "us-east-1" }],
  ["no token", () => parseLegacyMeetingInput({}), "400 ClientRequestToken is required"],
  ["a token that is not a string", () => parseLegacyMeetingInput({ ClientRequestToken: 5 }), "400 ClientRequestToken must be a string, got a value (not shown: sensitive)"],
  ["an external meeting id that is not a string", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", ExternalMeetingId: 5 }), "400 ExternalMeetingId must be a string, got a value (not shown: sensitive)"],
  ["a host id that is not a string", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", MeetingHostId: 5 }), "400 MeetingHostId must be a string, got a value (not shown: sensitive)"],
  ["a media Region that is not a string", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", MediaRegion: 5 }), "400 MediaRegion must be a string, got 5"],
  ["a media Region", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", MediaRegion: "eu-west-2" }), { ClientRequestToken: "tok", MediaRegion: "eu-west-2" }],
  ["a bad media Region", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", MediaRegion: "mars-1" }), `400 MediaRegion must be one of ${DOCUMENTED_MEDIA_REGIONS.join(", ")}, got "mars-1"`],
  ["ids without a pattern", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", ExternalMeetingId: "a*", MeetingHostId: "h*" }), { ClientRequestToken: "tok", MediaRegion: "us-east-1", ExternalMeetingId: "a*", MeetingHostId: "h*" }],
  ["a host id of 1 character", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", MeetingHostId: "h" }), "400 MeetingHostId must be 2 to 64 characters long, got a value of 1 character (not shown: sensitive)"],
  ["an external meeting id of 1 character", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", ExternalMeetingId: "e" }), "400 ExternalMeetingId must be 2 to 64 characters long, got a value of 1 character (not shown: sensitive)"],
  ["an SNS topic", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", NotificationsConfiguration: { SnsTopicArn: "arn:aws:sns:us-east-1:1:t" } }), { ClientRequestToken: "tok", MediaRegion: "us-east-1", NotificationsConfiguration: { SnsTopicArn: "arn:aws:sns:us-east-1:1:t" } }],
  ["a Lambda function", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", NotificationsConfiguration: { LambdaFunctionArn: "arn:aws:lambda:us-east-1:1:function:f" } }), "400 NotificationsConfiguration.LambdaFunctionArn is not in the legacy API (SnsTopicArn and SqsQueueArn are)"],
  ["tags", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", Tags: [{ Key: "k", Value: "v" }] }), { ClientRequestToken: "tok", MediaRegion: "us-east-1", Tags: [{ Key: "k", Value: "v" }] }],
  ["51 tags", () => parseLegacyMeetingInput({ ClientRequestToken: "tok", Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "" })) }), "400 Tags must have 1 to 50 items, got 51"],
]);

describe("chime-local: the rate limiter's construction", () => {
  const rows: [string, number, string | undefined][] = [
    ["0 TPS", 0, "rate limit must be a positive number, got 0"],
    ["a negative rate", -1, "rate limit must be a positive number, got -1"],
    ["NaN", Number.NaN, "rate limit must be a positive number, got NaN"],
    ["an infinite rate", Number.POSITIVE_INFINITY, "rate limit must be a positive number, got Infinity"],
    ["0.01 TPS", 0.01, undefined],
  ];
  for (const [what, tps, message] of rows) {
    it(`${what} → ${message ?? "accepted"}`, () => {
      if (message) expect(() => new RateLimiter(tps)).to.throw(RangeError, message);
      else expect(new RateLimiter(tps).tps).to.equal(tps);
    });
  }

  it("GIVEN 2.5 TPS THEN a burst of 2 passes at one instant, and the third once the half token left has become one (200 ms)", () => {
    let now = 0;
    const limiter = new RateLimiter(2.5, () => now);
    const burst = [1, 2, 3].map(() => limiter.tryAcquire("GetMeeting"));
    expect(burst).to.deep.equal([true, true, false]);
    now = 199;
    expect(limiter.tryAcquire("GetMeeting")).to.equal(false);
    now = 200; // exactly one token
    expect(limiter.tryAcquire("GetMeeting")).to.equal(true);
  });

  it("GIVEN the real clock THEN a burst at 1 TPS passes once", () => {
    const limiter = new RateLimiter(1);
    expect([limiter.tryAcquire("GetMeeting"), limiter.tryAcquire("GetMeeting")]).to.deep.equal([true, false]);
  });
});

/**
 * Every validation rule, through the official SDK client (which validates nothing itself). Each row
 * is one request; rows with `rejects` must answer 400 BadRequestException with a message that names
 * the member and the rule, and never shows the values listed in `hidden` (sensitive members).
 * Rows without `rejects` are boundary values that must be accepted.
 */
import {
  type AttendeeCapabilities,
  BatchCreateAttendeeCommand,
  BatchUpdateAttendeeCapabilitiesExceptCommand,
  type ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  type CreateMeetingCommandInput,
  GetAttendeeCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  ListTagsForResourceCommand,
  StartMeetingTranscriptionCommand,
  TagResourceCommand,
  type TranscriptionConfiguration,
  UntagResourceCommand,
  UpdateAttendeeCapabilitiesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import {
  checkExternalId,
  checkTagKey,
  optionalArray,
  optionalEnum,
  parseMeetingFeatures,
  parseTags,
  parseTranscriptionConfiguration,
  requireString,
} from "../../emulator/validation";
import {
  badRequestOutcome,
  badRequestOutcome as outcome,
  type Row as RuleRow,
  table as ruleTable,
  table,
} from "../support/rule-table";
import { expectServiceError, newAttendee, newMeeting, UNKNOWN_ID, useEndpoint } from "./helpers";

interface Fixture {
  client: ChimeSDKMeetingsClient;
  meetingId: string;
  meetingArn: string;
  attendeeId: string;
  videoOffMeetingId: string;
  contentOffMeetingId: string;
}

interface Row {
  rule: string;
  send: (f: Fixture) => Promise<unknown>;
  /** Substrings of the expected 400 message; absent = the request must succeed. */
  rejects?: string[];
  hidden?: string[];
}

const x = (n: number, c = "a") => c.repeat(n);
const loose = <T>(value: unknown) => value as T;

const meeting = (input: Partial<CreateMeetingCommandInput>) => (f: Fixture) =>
  f.client.send(
    new CreateMeetingCommand({
      MediaRegion: "us-east-1",
      ExternalMeetingId: "valid-meeting",
      ...input,
    } as CreateMeetingCommandInput),
  );
const attendee =
  (ExternalUserId: string | undefined, Capabilities?: unknown, which: keyof Fixture = "meetingId") =>
  (f: Fixture) =>
    f.client.send(
      new CreateAttendeeCommand({
        MeetingId: f[which] as string,
        ExternalUserId: ExternalUserId as string,
        Capabilities: loose<AttendeeCapabilities>(Capabilities),
      }),
    );
const caps = (Audio: string, Video: string, Content: string) => ({ Audio, Video, Content });
const transcription = (config: unknown) => (f: Fixture) =>
  f.client.send(
    new StartMeetingTranscriptionCommand({
      MeetingId: f.meetingId,
      TranscriptionConfiguration: loose<TranscriptionConfiguration>(config),
    }),
  );
const tag = (Tags: unknown, arn?: string) => (f: Fixture) =>
  f.client.send(new TagResourceCommand({ ResourceARN: arn ?? f.meetingArn, Tags: loose(Tags) }));

const LENGTH_2_64 = "must be 2 to 64 characters long";
const SENSITIVE = "not shown: sensitive";
const PATTERN = "must match the pattern";

// biome-ignore format: one request per line keeps the table readable as a specification
const ROWS: Record<string, Row[]> = {
  "ExternalMeetingId (CreateMeeting)": [
    { rule: "is required", send: meeting({ ExternalMeetingId: undefined }), rejects: ["ExternalMeetingId is required"] },
    { rule: "1 character is too short", send: meeting({ ExternalMeetingId: "q" }), rejects: ["ExternalMeetingId", LENGTH_2_64, SENSITIVE] },
    { rule: "65 characters is too long", send: meeting({ ExternalMeetingId: x(65, "z") }), rejects: [LENGTH_2_64], hidden: [x(65, "z")] },
    { rule: "2 characters is accepted", send: meeting({ ExternalMeetingId: "ab" }) },
    { rule: "64 characters is accepted", send: meeting({ ExternalMeetingId: x(64) }) },
    { rule: "Latin-1 letters, spaces and the listed punctuation are accepted", send: meeting({ ExternalMeetingId: "Réunion ÿ -_&@+=,(){}[]/«».:|'\"#" }) },
    { rule: "characters outside the pattern are refused", send: meeting({ ExternalMeetingId: "bad<value>" }), rejects: ["ExternalMeetingId", PATTERN], hidden: ["bad<value>"] },
    { rule: "characters beyond Latin-1 are refused", send: meeting({ ExternalMeetingId: "会议室" }), rejects: [PATTERN] },
    { rule: "the aws: prefix is reserved", send: meeting({ ExternalMeetingId: "aws:meeting" }), rejects: ["reserved prefix aws:"] },
    { rule: "the AWS: prefix is reserved in any case", send: meeting({ ExternalMeetingId: "AwS:meeting" }), rejects: ["reserved prefix aws:"] },
    { rule: "aws without a colon is fine", send: meeting({ ExternalMeetingId: "awsome" }) },
    { rule: "must be a string", send: meeting({ ExternalMeetingId: loose(42) }), rejects: ["ExternalMeetingId must be a string"] },
  ],
  "MeetingHostId": [
    { rule: "1 character is too short", send: meeting({ MeetingHostId: "h" }), rejects: ["MeetingHostId", LENGTH_2_64] },
    { rule: "the aws: prefix is reserved", send: meeting({ MeetingHostId: "aws:host" }), rejects: ["MeetingHostId", "aws:"] },
    { rule: "a valid id is accepted", send: meeting({ MeetingHostId: "host-1" }) },
  ],
  "ClientRequestToken": [
    { rule: "1 character is too short", send: meeting({ ClientRequestToken: "t" }), rejects: ["ClientRequestToken", LENGTH_2_64, SENSITIVE] },
    { rule: "65 characters is too long", send: meeting({ ClientRequestToken: x(65) }), rejects: ["ClientRequestToken", LENGTH_2_64] },
    { rule: "only letters, digits, - and _", send: meeting({ ClientRequestToken: "bad token!" }), rejects: ["ClientRequestToken", PATTERN], hidden: ["bad token!"] },
    { rule: "letters, digits, - and _ are accepted", send: meeting({ ClientRequestToken: "Good_token-1" }) },
  ],
  "MediaRegion": [
    { rule: "is required", send: meeting({ MediaRegion: undefined }), rejects: ["MediaRegion is required"] },
    { rule: "1 character is too short", send: meeting({ MediaRegion: "u" }), rejects: ["MediaRegion must be 2 to 64 characters long", '"u"'] },
    { rule: "must be a documented media Region", send: meeting({ MediaRegion: "mars-north-1" }), rejects: ["MediaRegion must be one of", "mars-north-1"] },
    { rule: "a GovCloud Region is accepted", send: meeting({ MediaRegion: "us-gov-west-1" }) },
  ],
  "MeetingFeatures": [
    { rule: "EchoReduction is AVAILABLE or UNAVAILABLE", send: meeting({ MeetingFeatures: { Audio: { EchoReduction: loose("ON") } } }), rejects: ["MeetingFeatures.Audio.EchoReduction must be one of AVAILABLE, UNAVAILABLE", '"ON"'] },
    { rule: "Video MaxResolution is None, HD or FHD", send: meeting({ MeetingFeatures: { Video: { MaxResolution: loose("UHD") } } }), rejects: ["MeetingFeatures.Video.MaxResolution must be one of None, HD, FHD"] },
    { rule: "Content MaxResolution is None, FHD or UHD", send: meeting({ MeetingFeatures: { Content: { MaxResolution: loose("HD") } } }), rejects: ["MeetingFeatures.Content.MaxResolution must be one of None, FHD, UHD"] },
    { rule: "Attendee MaxCount 0 is too small", send: meeting({ MeetingFeatures: { Attendee: { MaxCount: 0 } } }), rejects: ["MeetingFeatures.Attendee.MaxCount must be an integer from 1 to 250", "0"] },
    { rule: "Attendee MaxCount 251 is too large", send: meeting({ MeetingFeatures: { Attendee: { MaxCount: 251 } } }), rejects: ["from 1 to 250", "251"] },
    { rule: "Attendee MaxCount must be an integer", send: meeting({ MeetingFeatures: { Attendee: { MaxCount: 2.5 } } }), rejects: ["integer"] },
    { rule: "Attendee MaxCount 250 is accepted", send: meeting({ MeetingFeatures: { Attendee: { MaxCount: 250 } } }) },
    { rule: "FHD video needs Attendee MaxCount", send: meeting({ MeetingFeatures: { Video: { MaxResolution: "FHD" } } }), rejects: ["MeetingFeatures.Attendee.MaxCount is required"] },
    { rule: "FHD video allows at most 25 attendees", send: meeting({ MeetingFeatures: { Video: { MaxResolution: "FHD" }, Attendee: { MaxCount: 26 } } }), rejects: ["must be at most 25", "26"] },
    { rule: "UHD content allows at most 25 attendees", send: meeting({ MeetingFeatures: { Content: { MaxResolution: "UHD" }, Attendee: { MaxCount: 26 } } }), rejects: ["must be at most 25"] },
    { rule: "FHD video with 25 attendees is accepted", send: meeting({ MeetingFeatures: { Video: { MaxResolution: "FHD" }, Attendee: { MaxCount: 25 } } }) },
    { rule: "UHD content with 25 attendees is accepted", send: meeting({ MeetingFeatures: { Content: { MaxResolution: "UHD" }, Attendee: { MaxCount: 25 } } }) },
    { rule: "HD video needs no MaxCount", send: meeting({ MeetingFeatures: { Video: { MaxResolution: "HD" } } }) },
  ],
  "NotificationsConfiguration": [
    { rule: "an ARN must start with arn", send: meeting({ NotificationsConfiguration: { SnsTopicArn: "topic" } }), rejects: ["NotificationsConfiguration.SnsTopicArn", PATTERN, SENSITIVE] },
    { rule: "an ARN has at most 1024 characters", send: meeting({ NotificationsConfiguration: { SqsQueueArn: `arn:aws:sqs:${x(1020)}` } }), rejects: ["must be 1 to 1024 characters long"] },
    { rule: "SqsQueueArn must name an SQS queue", send: meeting({ NotificationsConfiguration: { SqsQueueArn: "arn:aws:sns:us-east-1:123456789012:topic" } }), rejects: ["NotificationsConfiguration.SqsQueueArn must be the ARN of a sqs resource"] },
    { rule: "LambdaFunctionArn must name a Lambda function", send: meeting({ NotificationsConfiguration: { LambdaFunctionArn: "arn:aws:sqs:us-east-1:123456789012:q" } }), rejects: ["lambda"] },
    { rule: "valid targets are accepted", send: meeting({ NotificationsConfiguration: { LambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f", SnsTopicArn: "arn:aws:sns:us-east-1:123456789012:t", SqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:q" } }) },
  ],
  "PrimaryMeetingId": [
    { rule: "1 character is too short", send: meeting({ PrimaryMeetingId: "p" }), rejects: ["PrimaryMeetingId must be 2 to 64 characters long"] },
    { rule: "65 characters is too long", send: meeting({ PrimaryMeetingId: x(65) }), rejects: ["PrimaryMeetingId must be 2 to 64 characters long"] },
  ],
  "TenantIds": [
    { rule: "an empty list is refused", send: meeting({ TenantIds: [] }), rejects: ["TenantIds must have 1 to 5 items, got 0"] },
    { rule: "6 items is too many", send: meeting({ TenantIds: ["t1", "t2", "t3", "t4", "t5", "t6"] }), rejects: ["TenantIds must have 1 to 5 items, got 6"] },
    { rule: "1 character is too short", send: meeting({ TenantIds: ["t"] }), rejects: ["TenantIds[0] must be 2 to 256 characters long"] },
    { rule: "257 characters is too long", send: meeting({ TenantIds: [`${x(128, "ab")}c`] }), rejects: ["TenantIds[0] must be 2 to 256 characters long"] },
    { rule: "a character repeated 4 times is refused", send: meeting({ TenantIds: ["ok", "aaaa"] }), rejects: ["TenantIds[1]", PATTERN, '"aaaa"'] },
    { rule: "spaces are refused", send: meeting({ TenantIds: ["bad id"] }), rejects: [PATTERN] },
    { rule: "letters, digits and -_!@#$ are accepted", send: meeting({ TenantIds: ["tenant_1-!@#$", "aaab"] }) },
  ],
  "Tags (CreateMeeting)": [
    { rule: "51 tags is too many", send: meeting({ Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) }), rejects: ["Tags must have 0 to 50 items, got 51"] },
    { rule: "an empty key is refused", send: meeting({ Tags: [{ Key: "", Value: "v" }] }), rejects: ["Tags[0].Key must be 1 to 128 characters long"] },
    { rule: "a 129-character key is refused", send: meeting({ Tags: [{ Key: x(129), Value: "v" }] }), rejects: ["Tags[0].Key must be 1 to 128 characters long"] },
    { rule: "a key with a space or ! is refused", send: meeting({ Tags: [{ Key: "bad key!", Value: "v" }] }), rejects: ["Tags[0].Key", PATTERN, '"bad key!"'] },
    { rule: "a key with the aws: prefix is refused", send: meeting({ Tags: [{ Key: "aws:owner", Value: "v" }] }), rejects: ["Tags[0].Key", "aws:"] },
    { rule: "a missing value is refused", send: meeting({ Tags: [loose({ Key: "k" })] }), rejects: ["Tags[0].Value is required"] },
    { rule: "a 257-character value is refused", send: meeting({ Tags: [{ Key: "k", Value: x(257) }] }), rejects: ["Tags[0].Value must be 0 to 256 characters long"] },
    { rule: "a value with < is refused", send: meeting({ Tags: [{ Key: "k", Value: "<script>" }] }), rejects: ["Tags[0].Value", PATTERN] },
    { rule: "a repeated key is refused", send: meeting({ Tags: [{ Key: "k", Value: "1" }, { Key: "k", Value: "2" }] }), rejects: ["Tags[1].Key must not repeat"] },
    { rule: "keys with digits, +-=._:/ and empty values are accepted", send: meeting({ Tags: [{ Key: "cost-center_1.x:y/z+=", Value: "" }, { Key: "k2", Value: "a b_c@d.e:f/g+h-i=j" }] }) },
  ],
  "MediaPlacementNetworkType": [
    { rule: "must be Ipv4Only or DualStack", send: meeting({ MediaPlacementNetworkType: loose("Ipv6Only") }), rejects: ["MediaPlacementNetworkType must be one of Ipv4Only, DualStack"] },
    { rule: "DualStack is accepted", send: meeting({ MediaPlacementNetworkType: "DualStack" }) },
  ],
  "ExternalUserId (CreateAttendee)": [
    { rule: "is required", send: attendee(undefined), rejects: ["ExternalUserId is required"] },
    { rule: "1 character is too short", send: attendee("u"), rejects: ["ExternalUserId", LENGTH_2_64, SENSITIVE] },
    { rule: "65 characters is too long", send: attendee(x(65, "w")), rejects: [LENGTH_2_64], hidden: [x(65, "w")] },
    { rule: "characters outside the pattern are refused", send: attendee("user*star"), rejects: ["ExternalUserId", PATTERN], hidden: ["user*star"] },
    { rule: "the aws: prefix is reserved in any case", send: attendee("AWS:user"), rejects: ["ExternalUserId must not start with the reserved prefix aws:"] },
    { rule: "64 characters of the allowed set are accepted", send: attendee(`Zoë ${x(60, "é")}`) },
  ],
  "Capabilities": [
    { rule: "all three members are required", send: attendee("caps-1", { Audio: "SendReceive", Video: "SendReceive" }), rejects: ["Capabilities.Content is required"] },
    { rule: "values are SendReceive, Send, Receive or None", send: attendee("caps-2", caps("Loud", "None", "None")), rejects: ["Capabilities.Audio must be one of SendReceive, Send, Receive, None", '"Loud"'] },
    { rule: "content that receives needs video that receives (Send)", send: attendee("caps-3", caps("SendReceive", "Send", "SendReceive")), rejects: ["Capabilities.Content", "requires Capabilities.Video to be SendReceive or Receive", '"Send"'] },
    { rule: "content that receives needs video that receives (None)", send: attendee("caps-4", caps("SendReceive", "None", "Receive")), rejects: ["requires Capabilities.Video"] },
    { rule: "video that receives with content that only sends is accepted", send: attendee("caps-5", caps("None", "Receive", "Send")) },
    { rule: "a meeting with Video MaxResolution None refuses video", send: attendee("caps-6", caps("SendReceive", "Receive", "None"), "videoOffMeetingId"), rejects: ["Capabilities.Video must be None because the meeting's Video MaxResolution is None", '"Receive"'] },
    { rule: "a meeting with Content MaxResolution None refuses content", send: attendee("caps-7", caps("SendReceive", "SendReceive", "Send"), "contentOffMeetingId"), rejects: ["Capabilities.Content must be None because the meeting's Content MaxResolution is None"] },
    { rule: "a meeting with Video MaxResolution None accepts Video None", send: attendee("caps-8", caps("SendReceive", "None", "Send"), "videoOffMeetingId") },
    { rule: "UpdateAttendeeCapabilities applies the same rules", send: (f) => f.client.send(new UpdateAttendeeCapabilitiesCommand({ MeetingId: f.meetingId, AttendeeId: f.attendeeId, Capabilities: loose(caps("Send", "None", "SendReceive")) })), rejects: ["requires Capabilities.Video"] },
    { rule: "UpdateAttendeeCapabilities requires Capabilities", send: (f) => f.client.send(new UpdateAttendeeCapabilitiesCommand({ MeetingId: f.meetingId, AttendeeId: f.attendeeId, Capabilities: loose(undefined) })), rejects: ["Capabilities is required"] },
  ],
  "path labels (MeetingId, AttendeeId)": [
    { rule: "MeetingId must be a GUID", send: (f) => f.client.send(new GetMeetingCommand({ MeetingId: "not-a-guid" })), rejects: ["MeetingId must be a GUID", '"not-a-guid"'] },
    { rule: "a GUID with extra characters is refused", send: (f) => f.client.send(new GetMeetingCommand({ MeetingId: `${UNKNOWN_ID}0` })), rejects: ["MeetingId must be a GUID"] },
    { rule: "AttendeeId must be a GUID, checked before the meeting is looked up", send: (f) => f.client.send(new GetAttendeeCommand({ MeetingId: UNKNOWN_ID, AttendeeId: "bob" })), rejects: ["AttendeeId must be a GUID", '"bob"'] },
    { rule: "MeetingId with spaces is decoded and refused", send: (f) => f.client.send(new CreateAttendeeCommand({ MeetingId: "a b", ExternalUserId: "valid-user" })), rejects: ['MeetingId must be a GUID (8-4-4-4-12 hexadecimal digits), got "a b"'] },
  ],
  "list sizes": [
    { rule: "BatchCreateAttendee needs at least 1 attendee", send: (f) => f.client.send(new BatchCreateAttendeeCommand({ MeetingId: f.meetingId, Attendees: [] })), rejects: ["Attendees must have 1 to 100 items, got 0"] },
    { rule: "BatchCreateAttendee takes at most 100 attendees", send: (f) => f.client.send(new BatchCreateAttendeeCommand({ MeetingId: f.meetingId, Attendees: Array.from({ length: 101 }, (_, i) => ({ ExternalUserId: `b-${i}` })) })), rejects: ["Attendees must have 1 to 100 items, got 101"] },
    { rule: "BatchCreateAttendee requires Attendees", send: (f) => f.client.send(new BatchCreateAttendeeCommand({ MeetingId: f.meetingId, Attendees: loose(undefined) })), rejects: ["Attendees is required"] },
    { rule: "ExcludedAttendeeIds needs at least 1 id", send: (f) => f.client.send(new BatchUpdateAttendeeCapabilitiesExceptCommand({ MeetingId: f.meetingId, ExcludedAttendeeIds: [], Capabilities: loose(caps("None", "None", "None")) })), rejects: ["ExcludedAttendeeIds must have 1 to 250 items, got 0"] },
    { rule: "ExcludedAttendeeIds takes at most 250 ids", send: (f) => f.client.send(new BatchUpdateAttendeeCapabilitiesExceptCommand({ MeetingId: f.meetingId, ExcludedAttendeeIds: Array.from({ length: 251 }, () => ({ AttendeeId: UNKNOWN_ID })), Capabilities: loose(caps("None", "None", "None")) })), rejects: ["ExcludedAttendeeIds must have 1 to 250 items, got 251"] },
    { rule: "ExcludedAttendeeIds items must be GUIDs", send: (f) => f.client.send(new BatchUpdateAttendeeCapabilitiesExceptCommand({ MeetingId: f.meetingId, ExcludedAttendeeIds: [{ AttendeeId: "nope" }], Capabilities: loose(caps("None", "None", "None")) })), rejects: ["ExcludedAttendeeIds[0].AttendeeId must be a GUID"] },
    { rule: "BatchUpdateAttendeeCapabilitiesExcept applies the capability rules", send: (f) => f.client.send(new BatchUpdateAttendeeCapabilitiesExceptCommand({ MeetingId: f.videoOffMeetingId, ExcludedAttendeeIds: [{ AttendeeId: UNKNOWN_ID }], Capabilities: loose(caps("None", "Send", "None")) })), rejects: ["Capabilities.Video must be None"] },
  ],
  "ListAttendees parameters": [
    { rule: "MaxResults 0 is too small", send: (f) => f.client.send(new ListAttendeesCommand({ MeetingId: f.meetingId, MaxResults: 0 })), rejects: ["MaxResults must be an integer from 1 to 100", '"0"'] },
    { rule: "MaxResults 101 is too large", send: (f) => f.client.send(new ListAttendeesCommand({ MeetingId: f.meetingId, MaxResults: 101 })), rejects: ["MaxResults must be an integer from 1 to 100"] },
    { rule: "MaxResults 100 is accepted", send: (f) => f.client.send(new ListAttendeesCommand({ MeetingId: f.meetingId, MaxResults: 100 })) },
    { rule: "NextToken must come from ListAttendees", send: (f) => f.client.send(new ListAttendeesCommand({ MeetingId: f.meetingId, NextToken: "forged" })), rejects: ["NextToken must be a token returned by ListAttendees"] },
  ],
  "TranscriptionConfiguration": [
    { rule: "is required", send: transcription(undefined), rejects: ["TranscriptionConfiguration is required"] },
    { rule: "needs one engine", send: transcription({}), rejects: ["exactly one of EngineTranscribeSettings and EngineTranscribeMedicalSettings"] },
    { rule: "takes only one engine", send: transcription({ EngineTranscribeSettings: {}, EngineTranscribeMedicalSettings: { LanguageCode: "en-US", Specialty: "UROLOGY", Type: "CONVERSATION" } }), rejects: ["exactly one of"] },
    { rule: "LanguageCode must be a supported language", send: transcription({ EngineTranscribeSettings: { LanguageCode: "xx-XX" } }), rejects: ["TranscriptionConfiguration.EngineTranscribeSettings.LanguageCode must be one of", '"xx-XX"'] },
    { rule: "Region must be a Transcribe Region", send: transcription({ EngineTranscribeSettings: { Region: "eu-south-9" } }), rejects: ["EngineTranscribeSettings.Region must be one of"] },
    { rule: "PartialResultsStability is low, medium or high", send: transcription({ EngineTranscribeSettings: { PartialResultsStability: "max" } }), rejects: ["PartialResultsStability must be one of low, medium, high"] },
    { rule: "EnablePartialResultsStabilization is a boolean", send: transcription({ EngineTranscribeSettings: { EnablePartialResultsStabilization: "yes" } }), rejects: ["EnablePartialResultsStabilization must be a boolean"] },
    { rule: "PiiEntityTypes is upper case", send: transcription({ EngineTranscribeSettings: { ContentRedactionType: "PII", PiiEntityTypes: "ssn" } }), rejects: ["PiiEntityTypes", PATTERN] },
    { rule: "LanguageModelName has at most 200 characters", send: transcription({ EngineTranscribeSettings: { LanguageModelName: x(201) } }), rejects: ["LanguageModelName must be 1 to 200 characters long"] },
    { rule: "VocabularyNames follows its pattern", send: transcription({ EngineTranscribeSettings: { VocabularyNames: "a b" } }), rejects: ["VocabularyNames", PATTERN] },
    { rule: "medical settings need Specialty", send: transcription({ EngineTranscribeMedicalSettings: { LanguageCode: "en-US", Type: "CONVERSATION" } }), rejects: ["EngineTranscribeMedicalSettings.Specialty is required"] },
    { rule: "medical LanguageCode is en-US", send: transcription({ EngineTranscribeMedicalSettings: { LanguageCode: "en-GB", Specialty: "UROLOGY", Type: "CONVERSATION" } }), rejects: ["EngineTranscribeMedicalSettings.LanguageCode must be one of en-US"] },
    { rule: "a full standard configuration is accepted", send: transcription({ EngineTranscribeSettings: { IdentifyLanguage: true, LanguageOptions: "en-US,fr-FR", PreferredLanguage: "en-US", VocabularyFilterMethod: "mask", ContentIdentificationType: "PII", PiiEntityTypes: "SSN, NAME", Region: "auto" } }) },
  ],
  "tag operations": [
    { rule: "ResourceARN must be an ARN", send: tag([{ Key: "k", Value: "v" }], "meeting-1"), rejects: ["ResourceARN", PATTERN, '"meeting-1"'] },
    { rule: "ResourceARN must be a meeting ARN", send: tag([{ Key: "k", Value: "v" }], "arn:aws:sns:us-east-1:123456789012:topic"), rejects: ["ResourceARN must be the ARN of a meeting"] },
    { rule: "ResourceARN has at most 1011 characters", send: tag([{ Key: "k", Value: "v" }], `arn:${x(1010)}`), rejects: ["ResourceARN must be 1 to 1011 characters long"] },
    { rule: "TagResource requires Tags", send: tag(undefined), rejects: ["Tags is required"] },
    { rule: "TagResource applies the key rules", send: tag([{ Key: "a b", Value: "v" }]), rejects: ["Tags[0].Key", PATTERN] },
    { rule: "TagResource refuses the aws: prefix", send: tag([{ Key: "AWS:x", Value: "v" }]), rejects: ["aws:"] },
    { rule: "UntagResource takes at most 50 keys", send: (f) => f.client.send(new UntagResourceCommand({ ResourceARN: f.meetingArn, TagKeys: Array.from({ length: 51 }, (_, i) => `k${i}`) })), rejects: ["TagKeys must have 0 to 50 items, got 51"] },
    { rule: "UntagResource refuses an empty key", send: (f) => f.client.send(new UntagResourceCommand({ ResourceARN: f.meetingArn, TagKeys: [""] })), rejects: ["TagKeys[0] must be 1 to 128 characters long"] },
    { rule: "ListTagsForResource needs an ARN", send: (f) => f.client.send(new ListTagsForResourceCommand({ ResourceARN: "x" })), rejects: ["ResourceARN", PATTERN] },
  ],
};

describe("emulator: validation (every rule, through the SDK)", () => {
  const env = useEndpoint();
  const fixture = {} as Fixture;

  before(async () => {
    const m = await newMeeting(env.client);
    Object.assign(fixture, {
      client: env.client,
      meetingId: m.MeetingId,
      meetingArn: m.MeetingArn,
      attendeeId: (await newAttendee(env.client, m.MeetingId, "fixture-user")).AttendeeId,
      videoOffMeetingId: (
        await newMeeting(env.client, { MeetingFeatures: { Video: { MaxResolution: "None" } } })
      ).MeetingId,
      contentOffMeetingId: (
        await newMeeting(env.client, { MeetingFeatures: { Content: { MaxResolution: "None" } } })
      ).MeetingId,
    });
  });

  for (const [member, rows] of Object.entries(ROWS)) {
    describe(member, () => {
      for (const row of rows) {
        it(`${row.rule}${row.rejects ? " (400)" : " (accepted)"}`, async () => {
          if (row.rejects === undefined) {
            await row.send(fixture);
            return;
          }
          const error = await expectServiceError(row.send(fixture), {
            name: "BadRequestException",
            code: "BadRequest",
            status: 400,
            message: row.rejects,
          });
          for (const secret of row.hidden ?? []) expect(error.message).not.to.include(secret);
        });
      }
    });
  }
});

// Rows first written against surviving mutants (formerly test/provider/mutants-round2.test.ts): kept with this behaviour's tests.
// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: the model's \\s is Java's (ASCII)", [
  ["an external id with each ASCII space", () => outcome(() => checkExternalId("a \t\n\x0B\f\rb", "E")), "a \t\n\x0B\f\rb"],
  ["an external id with a no-break space", () => outcome(() => checkExternalId("a\u00a0b", "E")), "400 E must match the pattern [-_&@+=,(){}\\[\\]\\/«».:|'\"#a-zA-Z0-9À-ÿ\\s]* (\\s: ASCII spaces only), got a value of 3 characters (not shown: sensitive)"],
  ["an external id with an ideographic space", () => String(outcome(() => checkExternalId("a\u3000b", "E"))).slice(0, 28), "400 E must match the pattern"],
  ["a tag value with each ASCII space", () => outcome(() => parseTags([{ Key: "k", Value: " \t\n\x0B\f\r" }], "Tags", () => new Error("too many"))), [{ Key: "k", Value: " \t\n\x0B\f\r" }]],
  ["a tag value with a no-break space", () => outcome(() => parseTags([{ Key: "k", Value: "a\u00a0" }], "Tags", () => new Error("too many"))), '400 Tags[0].Value must match the pattern [\\s\\w+-=\\.:/@]* (\\s: ASCII spaces only), got "a\u00a0"'],
  ["a tag value with a line separator", () => String(outcome(() => parseTags([{ Key: "k", Value: "a\u2028" }], "Tags", () => new Error("too many")))).slice(0, 40), "400 Tags[0].Value must match the pattern"],
  ["a tag key is not a value: no spaces", () => outcome(() => checkTagKey("a\tb", "K")), '400 K must match the pattern ^[a-zA-Z+-=._:/]+$, got "a\\tb"'],
]);

// Rows first written against surviving mutants (formerly test/provider/mutants-round4.test.ts): kept with this behaviour's tests.
{
  function table(title: string, rows: RuleRow[]): void {
    ruleTable(title, rows, { outcome: badRequestOutcome });
  }

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("chime-local: members named by their whole path", [
  ["a top-level list member", () => optionalArray({ L: {} }, "L"), "400 L must be a list, got {}"],
  ["a top-level string member, not sensitive", () => requireString({ S: 5 }, "S"), "400 S must be a string, got 5"],
  ["a top-level enum member", () => optionalEnum({ E: "z" }, "E", ["a"]), '400 E must be one of a, got "z"'],
  ["MeetingFeatures.Video", () => parseMeetingFeatures({ MeetingFeatures: { Video: 1 } }), "400 MeetingFeatures.Video must be an object, got 1"],
  ["MeetingFeatures.Content", () => parseMeetingFeatures({ MeetingFeatures: { Content: 1 } }), "400 MeetingFeatures.Content must be an object, got 1"],
  ["MeetingFeatures.Attendee", () => parseMeetingFeatures({ MeetingFeatures: { Attendee: 1 } }), "400 MeetingFeatures.Attendee must be an object, got 1"],
  ["the standard engine", () => parseTranscriptionConfiguration({ TranscriptionConfiguration: { EngineTranscribeSettings: 1 } }), "400 TranscriptionConfiguration.EngineTranscribeSettings must be an object, got 1"],
  ["the medical engine", () => parseTranscriptionConfiguration({ TranscriptionConfiguration: { EngineTranscribeMedicalSettings: 1 } }), "400 TranscriptionConfiguration.EngineTranscribeMedicalSettings must be an object, got 1"],
]);
}

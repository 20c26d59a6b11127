/**
 * Each resource's pure check, diff and state functions called directly, case by case (the lifecycle
 * suites reach them through the providers against chime-local). Each row guards a behaviour a
 * surviving mutant of `npm run mutate` showed untested (README "Mutation testing").
 */
import { checkAttendee } from "../../provider/attendee/attendee-check";
import { diffAttendee } from "../../provider/attendee/attendee-diff";
import {
  type AnyAttendeeState,
  type AttendeeInputs,
  inputsOf,
  type LegacyAttendeeInputs,
  legacyInputsOf,
  toLegacyOutputs,
  toOutputs,
} from "../../provider/attendee/attendee-state";
import { checkBatch, MAX_BATCH } from "../../provider/attendee-batch/batch-check";
import { BATCH_REQUEST_SIZE, diffBatch, inChunks, planBatch } from "../../provider/attendee-batch/batch-diff";
import { type BatchState, type JoinInfo, joinInfoFrom } from "../../provider/attendee-batch/batch-state";
import { checkMeeting } from "../../provider/meeting/meeting-check";
import { diffMeeting } from "../../provider/meeting/meeting-diff";
import {
  legacyMeetingOutputs,
  MEETING_REPLACE_ON,
  type MeetingInputs,
  type MeetingState,
  mediaPlacementFromSdk,
  meetingInputsOf,
  meetingOutputs,
  withoutUndefined,
} from "../../provider/meeting/meeting-state";
import { checkMeetingTags } from "../../provider/meeting-tags/tags-check";
import { diffMeetingTags } from "../../provider/meeting-tags/tags-diff";
import { MEETING_TAGS_INPUTS, type MeetingTagsState } from "../../provider/meeting-tags/tags-state";
import { type AttendeeCapabilities, capabilitiesFromSdk } from "../../provider/shared/capabilities";
import { tagChanges } from "../../provider/shared/tags";
import { sameValue } from "../../provider/shared/values";
import { checkTagsInput, UNKNOWN } from "../../provider/validation/rules";
import { table } from "../support/rule-table";

/** What a function throws, as its message, or what it returns. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const OTHER_MEETING = "4f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const caps = (audio: string, video: string, content: string) =>
  ({ audio, video, content }) as AttendeeCapabilities;
const ALL = caps("SendReceive", "SendReceive", "SendReceive");
const NONE = caps("None", "None", "None");

// biome-ignore format: one case per line keeps the table readable as a specification
table("Attendee state: outputs from Chime's answers", [
  ["capabilities as Chime reports them", () => capabilitiesFromSdk({ Capabilities: { Audio: "Send", Video: "Receive", Content: "None" } }), caps("Send", "Receive", "None")],
  ["no capabilities: Chime's default", () => capabilitiesFromSdk({}), ALL],
  ["a member missing: its default", () => capabilitiesFromSdk({ Capabilities: { Audio: "None" } as never }), caps("None", "SendReceive", "SendReceive")],
  ["outputs from a created attendee", () => toOutputs({ meetingId: MEETING, externalUserId: "u", region: "eu-west-2" }, { AttendeeId: "a", JoinToken: "t", ExternalUserId: "U" }), { meetingId: MEETING, externalUserId: "U", capabilities: ALL, region: "eu-west-2", attendeeId: "a", joinToken: "t" }],
  ["the externalUserId from the inputs when Chime leaves it out", () => toOutputs({ meetingId: MEETING, externalUserId: "u", region: "r" }, { AttendeeId: "a", JoinToken: "t" }).externalUserId, "u"],
  ["the token of the previous state when the answer has none", () => toOutputs({ meetingId: MEETING, externalUserId: "u", region: "r" }, { AttendeeId: "a" }, { meetingId: MEETING, externalUserId: "u", region: "r", capabilities: ALL, attendeeId: "old", joinToken: "old-t" }), { meetingId: MEETING, externalUserId: "u", capabilities: ALL, region: "r", attendeeId: "a", joinToken: "old-t" }],
  ["the id of the previous state when the answer has none", () => toOutputs({ meetingId: MEETING, externalUserId: "u", region: "r" }, { JoinToken: "t" }, { meetingId: MEETING, externalUserId: "u", region: "r", capabilities: ALL, attendeeId: "old", joinToken: "old-t" }).attendeeId, "old"],
  ["an answer without a token and no previous state", () => outcome(() => toOutputs({ meetingId: MEETING, externalUserId: "u", region: "r" }, { AttendeeId: "a" })), "throws: Chime returned an attendee without AttendeeId or JoinToken"],
  ["an answer without an id and no previous state", () => outcome(() => toOutputs({ meetingId: MEETING, externalUserId: "u", region: "r" }, { JoinToken: "t" })), "throws: Chime returned an attendee without AttendeeId or JoinToken"],
  ["inputs of a state, without its secrets", () => inputsOf({ meetingId: MEETING, externalUserId: "u", region: "r", capabilities: NONE, attendeeId: "a", joinToken: "t" }), { meetingId: MEETING, externalUserId: "u", capabilities: NONE, region: "r" }],
  ["legacy outputs", () => toLegacyOutputs({ namespace: "legacy", meetingId: MEETING, externalUserId: "u", region: "us-east-1" }, { AttendeeId: "a", JoinToken: "t", ExternalUserId: "U" }, { k: "v" }), { namespace: "legacy", meetingId: MEETING, externalUserId: "U", tags: { k: "v" }, region: "us-east-1", attendeeId: "a", joinToken: "t" }],
  ["legacy outputs: the externalUserId from the inputs", () => toLegacyOutputs({ namespace: "legacy", meetingId: MEETING, externalUserId: "u", region: "us-east-1" }, { AttendeeId: "a", JoinToken: "t" }, {}).externalUserId, "u"],
  ["legacy outputs: id and token of the previous state", () => toLegacyOutputs({ namespace: "legacy", meetingId: MEETING, externalUserId: "u", region: "us-east-1" }, {}, {}, { namespace: "legacy", meetingId: MEETING, externalUserId: "u", region: "us-east-1", attendeeId: "a0", joinToken: "t0" }), { namespace: "legacy", meetingId: MEETING, externalUserId: "u", tags: {}, region: "us-east-1", attendeeId: "a0", joinToken: "t0" }],
  ["legacy outputs without a token", () => outcome(() => toLegacyOutputs({ namespace: "legacy", meetingId: MEETING, externalUserId: "u", region: "us-east-1" }, { AttendeeId: "a" }, {})), "throws: Chime returned an attendee without AttendeeId or JoinToken"],
  ["legacy outputs without an id", () => outcome(() => toLegacyOutputs({ namespace: "legacy", meetingId: MEETING, externalUserId: "u", region: "us-east-1" }, { JoinToken: "t" }, {})), "throws: Chime returned an attendee without AttendeeId or JoinToken"],
  ["legacy inputs of a state with tags", () => legacyInputsOf({ namespace: "legacy", meetingId: MEETING, externalUserId: "u", region: "us-east-1", tags: { k: "v" }, attendeeId: "a", joinToken: "t" }), { namespace: "legacy", meetingId: MEETING, externalUserId: "u", tags: { k: "v" }, region: "us-east-1" }],
  ["legacy inputs of a state without tags: no tags member", () => Object.keys(legacyInputsOf({ namespace: "legacy", meetingId: MEETING, externalUserId: "u", region: "us-east-1" })), ["namespace", "meetingId", "externalUserId", "region"]],
]);

const attendee = (over: Partial<AttendeeInputs> = {}): AttendeeInputs => ({
  meetingId: MEETING,
  externalUserId: "u",
  region: "us-east-1",
  ...over,
});
const attendeeState = (over: Record<string, unknown> = {}) =>
  ({ ...attendee(), capabilities: ALL, attendeeId: "a", joinToken: "t", ...over }) as AnyAttendeeState;
const legacyAttendee = (over: Partial<LegacyAttendeeInputs> = {}): LegacyAttendeeInputs => ({
  namespace: "legacy",
  meetingId: MEETING,
  externalUserId: "u",
  region: "us-east-1",
  ...over,
});
const legacyState = (over: Record<string, unknown> = {}) =>
  ({ ...legacyAttendee(), attendeeId: "a", joinToken: "t", ...over }) as AnyAttendeeState;

// biome-ignore format: one case per line keeps the table readable as a specification
table("Attendee diff", [
  ["nothing changed", () => diffAttendee(attendeeState(), attendee()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["another meeting: replaced, deleting first", () => diffAttendee(attendeeState(), attendee({ meetingId: OTHER_MEETING })), { changes: true, replaces: ["meetingId"], deleteBeforeReplace: true }],
  ["another region", () => diffAttendee(attendeeState(), attendee({ region: "eu-west-2" })), { changes: true, replaces: ["region"], deleteBeforeReplace: true }],
  ["an unknown externalUserId", () => diffAttendee(attendeeState(), attendee({ externalUserId: UNKNOWN })), { changes: true, replaces: ["externalUserId"], deleteBeforeReplace: true }],
  ["into the legacy namespace", () => diffAttendee(attendeeState(), legacyAttendee()), { changes: true, replaces: ["namespace"], deleteBeforeReplace: true }],
  ["declared capabilities that differ: an update", () => diffAttendee(attendeeState(), attendee({ capabilities: NONE })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["declared capabilities that are the same", () => diffAttendee(attendeeState(), attendee({ capabilities: ALL })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["one unknown capability: an update", () => diffAttendee(attendeeState(), attendee({ capabilities: { ...ALL, video: UNKNOWN } as never })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["a state without a joinToken (a create that failed half-way): an update", () => diffAttendee(attendeeState({ joinToken: undefined }), attendee()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["a state without an attendeeId: an update", () => diffAttendee(attendeeState({ attendeeId: undefined }), attendee()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["legacy: same tags", () => diffAttendee(legacyState({ tags: { k: "v" } }), legacyAttendee({ tags: { k: "v" } })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["legacy: no tags before or after", () => diffAttendee(legacyState(), legacyAttendee()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["legacy: a changed tag", () => diffAttendee(legacyState({ tags: { k: "v" } }), legacyAttendee({ tags: { k: "w" } })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["legacy: tags removed", () => diffAttendee(legacyState({ tags: { k: "v" } }), legacyAttendee()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["legacy: an unknown tag value", () => diffAttendee(legacyState({ tags: { k: "v" } }), legacyAttendee({ tags: { k: UNKNOWN } })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["legacy: a state missing its token", () => diffAttendee(legacyState({ joinToken: undefined }), legacyAttendee()), { changes: true, replaces: [], deleteBeforeReplace: false }],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("Attendee check: the legacy namespace, and messages in full", [
  ["legacy inputs are normalised", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", tags: { k: "v" } }, "eu-west-2"), { inputs: { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", region: "us-east-1", tags: { k: "v" } }, failures: [] }],
  ["legacy without tags stores none", () => Object.keys(checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1" }, undefined).inputs), ["namespace", "meetingId", "externalUserId", "region"]],
  ["legacy with capabilities", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", capabilities: NONE }, undefined).failures, [{ property: "capabilities", reason: 'capabilities needs namespace "meetings": attendees of the legacy Amazon Chime namespace have no capabilities; got {"audio":"None","video":"None","content":"None"}' }]],
  ["legacy in another region", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", region: "eu-west-2" }, undefined).failures, [{ property: "region", reason: 'region must be "us-east-1" with namespace "legacy": the legacy Amazon Chime namespace has one global endpoint, in us-east-1; got "eu-west-2"' }]],
  ["legacy with an unknown region", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", region: UNKNOWN }, undefined), { inputs: { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", region: UNKNOWN }, failures: [] }],
  ["legacy with unknown tags", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", tags: UNKNOWN }, undefined).failures, []],
  ["legacy with a bad tag key", () => checkAttendee(undefined, { namespace: "legacy", meetingId: MEETING, externalUserId: "u1", tags: { "aws:k": "v" } }, undefined).failures, [{ property: "tags.aws:k", reason: 'tags keys must not start with "aws:"; got "aws:k"' }]],
  ["tags in Chime SDK Meetings: counted, not shown", () => checkAttendee(undefined, { meetingId: MEETING, externalUserId: "u1", tags: { a: "1", b: "2" } }, "us-east-1").failures, [{ property: "tags", reason: 'tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; got 2 tags' }]],
  ["one tag in Chime SDK Meetings", () => checkAttendee(undefined, { meetingId: MEETING, externalUserId: "u1", tags: { a: "1" } }, "us-east-1").failures, [{ property: "tags", reason: 'tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; got 1 tag' }]],
  ["tags that are not a map in Chime SDK Meetings", () => checkAttendee(undefined, { meetingId: MEETING, externalUserId: "u1", tags: ["a"] }, "us-east-1").failures, [{ property: "tags", reason: 'tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; got ["a"]' }]],
  ["null tags in Chime SDK Meetings", () => checkAttendee(undefined, { meetingId: MEETING, externalUserId: "u1", tags: null }, "us-east-1").failures, [{ property: "tags", reason: 'tags needs namespace "legacy": attendees of Chime SDK Meetings cannot be tagged; got null' }]],
  ["an unknown namespace", () => checkAttendee(undefined, { namespace: "classic", meetingId: MEETING, externalUserId: "u1" }, "us-east-1").failures, [{ property: "namespace", reason: 'namespace must be one of meetings, legacy; got "classic"' }]],
  ["namespace meetings is accepted and not stored", () => checkAttendee(undefined, { namespace: "meetings", meetingId: MEETING, externalUserId: "u1" }, "us-east-1"), { inputs: { meetingId: MEETING, externalUserId: "u1", region: "us-east-1" }, failures: [] }],
  ["the old region is carried over", () => checkAttendee(attendee({ region: "eu-west-2" }), { meetingId: MEETING, externalUserId: "u1" }, "us-east-1").inputs.region, "eu-west-2"],
  ["a legacy attendee's region is not carried over", () => checkAttendee(legacyAttendee(), { meetingId: MEETING, externalUserId: "u1" }, "eu-west-2").inputs.region, "eu-west-2"],
  ["unknown meetingId and externalUserId pass", () => checkAttendee(undefined, { meetingId: UNKNOWN, externalUserId: UNKNOWN }, "us-east-1").failures, []],
]);

const meetingInputs = (over: Partial<MeetingInputs> = {}): MeetingInputs => ({
  externalMeetingId: "m1",
  mediaRegion: "us-east-1",
  region: "us-east-1",
  ...over,
});

// biome-ignore format: one case per line keeps the table readable as a specification
table("Meeting check: messages in full, the legacy namespace, notifications", [
  ["an unknown namespace", () => checkMeeting(undefined, { ...meetingInputs(), namespace: "classic" }, undefined).failures, [{ property: "namespace", reason: 'namespace must be one of meetings, legacy; got "classic"' }]],
  ["the old region is carried over", () => checkMeeting(meetingInputs({ region: "eu-west-2" }), { externalMeetingId: "m1", mediaRegion: "us-east-1" }, "us-east-1").inputs.region, "eu-west-2"],
  ["a legacy meeting's region is not carried over", () => checkMeeting(meetingInputs({ namespace: "legacy", region: "us-east-1" }), { externalMeetingId: "m1", mediaRegion: "us-east-1" }, "eu-west-2").inputs.region, "eu-west-2"],
  ["legacy: us-east-1 by default", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1" }, "eu-west-2").inputs, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: "us-east-1" }],
  ["legacy: an unknown region", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: UNKNOWN }, undefined), { inputs: { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: UNKNOWN }, failures: [] }],
  ["legacy: another region", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: "eu-west-2" }, undefined).failures, [{ property: "region", reason: 'region must be "us-east-1" with namespace "legacy": the legacy Amazon Chime namespace has one global endpoint, in us-east-1; got "eu-west-2"' }]],
  ["legacy: members it does not have", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", meetingFeatures: {}, primaryMeetingId: MEETING, tenantIds: ["ab"] }, undefined).failures.map((f) => f.reason), ['meetingFeatures needs namespace "meetings": the legacy Amazon Chime CreateMeeting has no meetingFeatures; got {}', `primaryMeetingId needs namespace "meetings": the legacy Amazon Chime CreateMeeting has no primaryMeetingId; got "${MEETING}"`, 'tenantIds needs namespace "meetings": the legacy Amazon Chime CreateMeeting has no tenantIds; got ["ab"]']],
  ["legacy: a Lambda target", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", notificationsConfiguration: { lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f" } }, undefined).failures, [{ property: "notificationsConfiguration.lambdaFunctionArn", reason: 'notificationsConfiguration.lambdaFunctionArn needs namespace "meetings": legacy meetings notify only an SNS topic or an SQS queue' }]],
  ["legacy: an SNS target", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", notificationsConfiguration: { snsTopicArn: "arn:aws:sns:us-east-1:123456789012:t" } }, undefined).failures, []],
  ["legacy: notifications that are not an object", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", notificationsConfiguration: "x" }, undefined).failures, [{ property: "notificationsConfiguration", reason: 'notificationsConfiguration must be an object with lambdaFunctionArn, snsTopicArn or sqsQueueArn; got "x"' }]],
  ["legacy: tags without the key pattern", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", tags: { "a b": "v" } }, undefined).failures, []],
  ["meetings: tags with the key pattern", () => checkMeeting(undefined, { externalMeetingId: "m1", mediaRegion: "us-east-1", tags: { "a b": "v" } }, "us-east-1").failures.map((f) => f.property), ["tags.a b"]],
  ["unknown externalMeetingId, mediaRegion, host and primary pass", () => checkMeeting(undefined, { externalMeetingId: UNKNOWN, mediaRegion: UNKNOWN, meetingHostId: UNKNOWN, primaryMeetingId: UNKNOWN, notificationsConfiguration: UNKNOWN }, "us-east-1").failures, []],
  ["a missing mediaRegion", () => checkMeeting(undefined, { externalMeetingId: "m1" }, "us-east-1").failures, [{ property: "mediaRegion", reason: "mediaRegion is required" }]],
  ["a malformed mediaRegion", () => checkMeeting(undefined, { externalMeetingId: "m1", mediaRegion: "mars" }, "us-east-1").failures, [{ property: "mediaRegion", reason: 'mediaRegion must be an AWS region name such as "us-east-1"; got "mars"' }]],
  ["a short meetingHostId", () => checkMeeting(undefined, { ...meetingInputs(), meetingHostId: "h" }, undefined).failures, [{ property: "meetingHostId", reason: "meetingHostId must be 2 to 64 characters long; got a value (1 characters)" }]],
  ["a malformed primaryMeetingId", () => checkMeeting(undefined, { ...meetingInputs(), primaryMeetingId: "p" }, undefined).failures, [{ property: "primaryMeetingId", reason: 'primaryMeetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "p"' }]],
  ["notifications: an unknown member", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: { emailAddress: "x" } }, undefined).failures, [{ property: "notificationsConfiguration.emailAddress", reason: 'notificationsConfiguration has no member "emailAddress"; its members are lambdaFunctionArn, snsTopicArn, sqsQueueArn' }]],
  ["notifications: a list", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: [] }, undefined).failures, [{ property: "notificationsConfiguration", reason: "notificationsConfiguration must be an object with lambdaFunctionArn, snsTopicArn or sqsQueueArn; got []" }]],
  ["notifications: null", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: null }, undefined).failures, [{ property: "notificationsConfiguration", reason: "notificationsConfiguration must be an object with lambdaFunctionArn, snsTopicArn or sqsQueueArn; got null" }]],
  ["notifications: each target checked as its service", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: { lambdaFunctionArn: "arn:aws:sns:us-east-1:123456789012:t", snsTopicArn: "arn:aws:sqs:us-east-1:123456789012:q", sqsQueueArn: "arn:aws:lambda:us-east-1:123456789012:function:f" } }, undefined).failures.map((f) => f.property), ["notificationsConfiguration.lambdaFunctionArn", "notificationsConfiguration.snsTopicArn", "notificationsConfiguration.sqsQueueArn"]],
  ["notifications: an unknown target passes", () => checkMeeting(undefined, { ...meetingInputs(), notificationsConfiguration: { snsTopicArn: UNKNOWN } }, undefined).failures, []],
  ["undefined members are not stored", () => Object.keys(checkMeeting(undefined, { externalMeetingId: "m1", mediaRegion: "us-east-1", meetingHostId: undefined }, "us-east-1").inputs), ["externalMeetingId", "mediaRegion", "region"]],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("Structural equality of inputs (sameValue)", [
  ["keys in another order", () => sameValue({ a: 1, b: 2 }, { b: 2, a: 1 }), true],
  ["an undefined member equals an absent one", () => sameValue({ a: 1, b: undefined }, { a: 1 }), true],
  ["a different value", () => sameValue({ a: 1 }, { a: 2 }), false],
  ["lists in another order differ", () => sameValue([1, 2], [2, 1]), false],
  ["nested objects in another order", () => sameValue([{ b: 1, a: 2 }], [{ a: 2, b: 1 }]), true],
  ["undefined and undefined", () => sameValue(undefined, undefined), true],
  ["null and an empty object", () => sameValue(null, {}), false],
  ["keys that sort by code unit", () => sameValue({ B: 1, a: 2, b: 3 }, { b: 3, a: 2, B: 1 }), true],
]);

const meetingState = (over: Partial<MeetingState> = {}): MeetingState => ({
  ...meetingInputs(),
  meetingId: MEETING,
  meetingArn: "arn",
  mediaPlacement: {},
  ...over,
});

// biome-ignore format: one case per line keeps the table readable as a specification
table("Meeting diff", [
  ["nothing changed", () => diffMeeting(meetingState(), meetingInputs()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["tags only: no change (they are MeetingTags')", () => diffMeeting(meetingState({ tags: { a: "1" } }), meetingInputs({ tags: { a: "2" } })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["the token of a v0.1.0 state is ignored", () => diffMeeting(meetingState({ clientRequestToken: "tok" }), meetingInputs()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["features in another key order: the same", () => diffMeeting(meetingState({ meetingFeatures: { audio: { echoReduction: "AVAILABLE" }, video: { maxResolution: "HD" } } }), meetingInputs({ meetingFeatures: { video: { maxResolution: "HD" }, audio: { echoReduction: "AVAILABLE" } } })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["every input but tags replaces", () => [...MEETING_REPLACE_ON], ["namespace", "externalMeetingId", "mediaRegion", "meetingHostId", "meetingFeatures", "notificationsConfiguration", "primaryMeetingId", "tenantIds", "region"]],
  ["two changes", () => diffMeeting(meetingState(), meetingInputs({ mediaRegion: "eu-west-2", tenantIds: ["ab"] })), { changes: true, replaces: ["mediaRegion", "tenantIds"], deleteBeforeReplace: false }],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("Meeting state: outputs from Chime's answers", [
  ["every media placement URL", () => mediaPlacementFromSdk({ MediaPlacement: { AudioHostUrl: "1", AudioFallbackUrl: "2", SignalingUrl: "3", TurnControlUrl: "4", ScreenDataUrl: "5", ScreenViewingUrl: "6", ScreenSharingUrl: "7", EventIngestionUrl: "8" } }), { audioHostUrl: "1", audioFallbackUrl: "2", signalingUrl: "3", turnControlUrl: "4", screenDataUrl: "5", screenViewingUrl: "6", screenSharingUrl: "7", eventIngestionUrl: "8" }],
  ["no media placement", () => withoutUndefined(mediaPlacementFromSdk({})), {}],
  ["outputs: the inputs but tags, with id, ARN and placement", () => meetingOutputs(meetingInputs({ tags: { a: "1" } }), { MeetingId: MEETING, MeetingArn: "arn:m", MediaPlacement: { AudioHostUrl: "h" } }), { externalMeetingId: "m1", mediaRegion: "us-east-1", region: "us-east-1", meetingId: MEETING, meetingArn: "arn:m", mediaPlacement: { audioHostUrl: "h" } }],
  ["outputs without a MeetingId", () => outcome(() => meetingOutputs(meetingInputs(), { MeetingArn: "arn:m" })), "throws: Chime returned a meeting without MeetingId or MeetingArn"],
  ["outputs without a MeetingArn", () => outcome(() => meetingOutputs(meetingInputs(), { MeetingId: MEETING })), "throws: Chime returned a meeting without MeetingId or MeetingArn"],
  ["legacy outputs: no ARN", () => legacyMeetingOutputs(meetingInputs({ namespace: "legacy", tags: { a: "1" } }), { MeetingId: MEETING, MediaPlacement: { AudioHostUrl: "h" } }), { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: "us-east-1", meetingId: MEETING, mediaPlacement: { audioHostUrl: "h" } }],
  ["legacy outputs without a MeetingId", () => outcome(() => legacyMeetingOutputs(meetingInputs(), {})), "throws: Chime returned a meeting without MeetingId"],
  ["inputs of a state: no outputs, tags or v0.1.0 token", () => meetingInputsOf(meetingState({ tags: { a: "1" }, clientRequestToken: "tok", meetingHostId: undefined })), { externalMeetingId: "m1", mediaRegion: "us-east-1", region: "us-east-1" }],
]);

const tagsState = (over: Partial<MeetingTagsState> = {}): MeetingTagsState => ({
  meetingId: MEETING,
  meetingArn: "arn:m",
  tags: { a: "1" },
  region: "us-east-1",
  ...over,
});

// biome-ignore format: one case per line keeps the table readable as a specification
table("MeetingTags: check, diff and changes", [
  ["the inputs whose change acts", () => [...MEETING_TAGS_INPUTS], ["namespace", "meetingId", "meetingArn", "tags", "region"]],
  ["nothing changed", () => diffMeetingTags(tagsState(), tagsState()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["a tag changed: an update in place", () => diffMeetingTags(tagsState(), tagsState({ tags: { a: "2" } })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["a new meeting ARN: an update in place", () => diffMeetingTags(tagsState(), tagsState({ meetingArn: "arn:n" })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["no tags in the state and none declared", () => diffMeetingTags(tagsState({ tags: undefined as never }), tagsState({ tags: {} })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["changes: set new and changed, remove dropped", () => tagChanges({ a: "1", b: "2", c: "3" }, { a: "1", b: "9", d: "4" }), { set: [["b", "9"], ["d", "4"]], remove: ["c"] }],
  ["changes from none", () => tagChanges(undefined, { a: "1" }), { set: [["a", "1"]], remove: [] }],
  ["changes to none", () => tagChanges({ a: "1" }, undefined), { set: [], remove: ["a"] }],
  ["an unknown tags input passes", () => checkTagsInput("tags", UNKNOWN), []],
  ["a tags input checked as Chime SDK Meetings by default", () => checkTagsInput("tags", { "a b": "v" }).length, 1],
  ["check: an unknown namespace", () => checkMeetingTags(undefined, { meetingId: MEETING, meetingArn: "arn:m", namespace: "x" }, "us-east-1").failures, [{ property: "namespace", reason: 'namespace must be one of meetings, legacy; got "x"' }]],
  ["check: no meetingArn", () => checkMeetingTags(undefined, { meetingId: MEETING }, "us-east-1").failures, [{ property: "meetingArn", reason: "meetingArn is required" }]],
  ["check: no meetingId", () => checkMeetingTags(undefined, { meetingArn: "arn:m" }, "us-east-1").failures, [{ property: "meetingId", reason: "meetingId is required" }]],
  ["check: unknown meetingId and meetingArn pass", () => checkMeetingTags(undefined, { meetingId: UNKNOWN, meetingArn: UNKNOWN }, "us-east-1").failures, []],
  ["check: legacy needs no ARN and has us-east-1", () => checkMeetingTags(undefined, { namespace: "legacy", meetingId: MEETING, meetingArn: "arn:m" }, "eu-west-2"), { inputs: { namespace: "legacy", meetingId: MEETING, tags: {}, region: "us-east-1" }, failures: [] }],
  ["check: legacy tags without the key pattern", () => checkMeetingTags(undefined, { namespace: "legacy", meetingId: MEETING, tags: { "a b": "v" } }, undefined).failures, []],
  ["check: meetings tags with the key pattern", () => checkMeetingTags(undefined, { meetingId: MEETING, meetingArn: "arn:m", tags: { "a b": "v" } }, "us-east-1").failures.map((f) => f.property), ["tags.a b"]],
  ["check: the old region is carried over", () => checkMeetingTags(tagsState({ region: "eu-west-2" }), { meetingId: MEETING, meetingArn: "arn:m" }, "us-east-1").inputs, { meetingId: MEETING, meetingArn: "arn:m", tags: {}, region: "eu-west-2" }],
  ["check: no region anywhere", () => checkMeetingTags(undefined, { meetingId: MEETING, meetingArn: "arn:m" }, undefined).failures.map((f) => f.property), ["region"]],
]);

const member = (externalUserId: string, capabilities?: AttendeeCapabilities) =>
  capabilities ? { externalUserId, capabilities } : { externalUserId };
const join = (capabilities: AttendeeCapabilities = ALL): JoinInfo => ({
  attendeeId: "a",
  joinToken: "t",
  capabilities,
});

// biome-ignore format: one case per line keeps the table readable as a specification
table("AttendeeBatch check", [
  ["the limits", () => [MAX_BATCH, BATCH_REQUEST_SIZE], [250, 100]],
  ["a batch, normalised", () => checkBatch(undefined, { meetingId: MEETING, attendees: [{ externalUserId: "u1", capabilities: undefined }, member("u2", NONE)] }, "us-east-1"), { inputs: { meetingId: MEETING, attendees: [member("u1"), member("u2", NONE)], region: "us-east-1" }, failures: [] }],
  ["250 attendees", () => checkBatch(undefined, { meetingId: MEETING, attendees: Array.from({ length: 250 }, (_, i) => member(`u${i}`)) }, "us-east-1").failures, []],
  ["251 attendees: described by their number", () => checkBatch(undefined, { meetingId: MEETING, attendees: Array.from({ length: 251 }, (_, i) => member(`u${i}`)) }, "us-east-1").failures, [{ property: "attendees", reason: "attendees must be a list of 1 to 250 attendees; got 251 attendees" }]],
  ["none", () => checkBatch(undefined, { meetingId: MEETING, attendees: [] }, "us-east-1").failures, [{ property: "attendees", reason: "attendees must be a list of 1 to 250 attendees; got 0 attendees" }]],
  ["not a list", () => checkBatch(undefined, { meetingId: MEETING, attendees: "u1" }, "us-east-1").failures, [{ property: "attendees", reason: 'attendees must be a list of 1 to 250 attendees; got "u1"' }]],
  ["an unknown list", () => checkBatch(undefined, { meetingId: MEETING, attendees: UNKNOWN }, "us-east-1"), { inputs: { meetingId: MEETING, attendees: UNKNOWN, region: "us-east-1" }, failures: [] }],
  ["an item that is not an object", () => checkBatch(undefined, { meetingId: MEETING, attendees: ["u1", null] }, "us-east-1"), { inputs: { meetingId: MEETING, attendees: ["u1", null], region: "us-east-1" }, failures: [{ property: "attendees[0]", reason: 'attendees[0] must be an object with externalUserId and capabilities; got "u1"' }, { property: "attendees[1]", reason: "attendees[1] must be an object with externalUserId and capabilities; got null" }] }],
  ["an unknown item and an unknown id pass", () => checkBatch(undefined, { meetingId: MEETING, attendees: [UNKNOWN, { externalUserId: UNKNOWN }, { externalUserId: UNKNOWN }] }, "us-east-1").failures, []],
  ["a repeated id: named with the first", () => checkBatch(undefined, { meetingId: MEETING, attendees: [member("u1"), member("u2"), member("u1"), member("u1")] }, "us-east-1").failures, [{ property: "attendees[2].externalUserId", reason: "attendees[2].externalUserId must be unique in the batch; it repeats attendees[0].externalUserId" }, { property: "attendees[3].externalUserId", reason: "attendees[3].externalUserId must be unique in the batch; it repeats attendees[0].externalUserId" }]],
  ["a repeated invalid id: only its own failure", () => checkBatch(undefined, { meetingId: MEETING, attendees: [member("a"), member("a")] }, "us-east-1").failures.map((f) => f.reason), ["attendees[0].externalUserId must be 2 to 64 characters long; got a value (1 characters)", "attendees[1].externalUserId must be 2 to 64 characters long; got a value (1 characters)"]],
  ["bad capabilities of an item", () => checkBatch(undefined, { meetingId: MEETING, attendees: [{ externalUserId: "u1", capabilities: "all" }] }, "us-east-1").failures.map((f) => f.property), ["attendees[0].capabilities"]],
  ["an unknown meetingId passes", () => checkBatch(undefined, { meetingId: UNKNOWN, attendees: [member("u1")] }, "us-east-1").failures, []],
  ["a malformed meetingId", () => checkBatch(undefined, { meetingId: "m", attendees: [member("u1")] }, "us-east-1").failures, [{ property: "meetingId", reason: 'meetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "m"' }]],
  ["an invalid externalUserId, named by its path", () => checkBatch(undefined, { meetingId: MEETING, attendees: [member("u1"), member("aws:u")] }, "us-east-1").failures, [{ property: "attendees[1].externalUserId", reason: 'attendees[1].externalUserId must not start with the reserved prefix "aws:"; got a value (5 characters) that does' }]],
  ["the old region is carried over", () => checkBatch({ region: "eu-west-2" }, { meetingId: MEETING, attendees: [member("u1")] }, "us-east-1").inputs.region, "eu-west-2"],
  ["no region anywhere", () => checkBatch(undefined, { meetingId: MEETING, attendees: [member("u1")] }, undefined).failures.map((f) => f.property), ["region"]],
]);

const batchState = (over: Partial<BatchState> = {}): BatchState => ({
  meetingId: MEETING,
  attendees: [member("u1")],
  region: "us-east-1",
  joinInfo: { u1: join() },
  ...over,
});

// biome-ignore format: one case per line keeps the table readable as a specification
table("AttendeeBatch diff and plan", [
  ["chunks of 100", () => inChunks(Array.from({ length: 201 }, (_, i) => i)).map((c) => [c.first, c.last, c.items.length]), [[1, 100, 100], [101, 200, 100], [201, 201, 1]]],
  ["chunks of a given size", () => inChunks(["a", "b", "c"], 2), [{ items: ["a", "b"], first: 1, last: 2 }, { items: ["c"], first: 3, last: 3 }]],
  ["no chunks of nothing", () => inChunks([]), []],
  ["plan: remove, create, set capabilities", () => planBatch({ u1: join(), u2: join() }, [member("u1", NONE), member("u3")]), { remove: ["u2"], create: [member("u3")], setCapabilities: [{ externalUserId: "u1", capabilities: NONE }] }],
  ["plan: undeclared capabilities are left alone", () => planBatch({ u1: join(NONE) }, [member("u1")]), { remove: [], create: [], setCapabilities: [] }],
  ["plan: same capabilities", () => planBatch({ u1: join(NONE) }, [member("u1", NONE)]), { remove: [], create: [], setCapabilities: [] }],
  ["plan: from no join info", () => planBatch(undefined, [member("u1")]), { remove: [], create: [member("u1")], setCapabilities: [] }],
  ["nothing changed", () => diffBatch(batchState(), batchState()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["another meeting: replaced, deleting first", () => diffBatch(batchState(), { ...batchState(), meetingId: OTHER_MEETING }), { changes: true, replaces: ["meetingId"], deleteBeforeReplace: true }],
  ["another region", () => diffBatch(batchState(), { ...batchState(), region: "eu-west-2" }), { changes: true, replaces: ["region"], deleteBeforeReplace: true }],
  ["an unknown meetingId", () => diffBatch(batchState(), { ...batchState(), meetingId: UNKNOWN }), { changes: true, replaces: ["meetingId"], deleteBeforeReplace: true }],
  ["no join info (a create that failed part-way): an update", () => diffBatch(batchState({ joinInfo: undefined }), batchState()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["no join info: an update whatever is declared (regression row: the half-made state is completed)", () => diffBatch(batchState({ attendees: [], joinInfo: undefined }), batchState({ attendees: [] })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["capabilities no longer declared: an update that records the inputs (nothing to call)", () => diffBatch(batchState({ attendees: [member("u1", NONE)], joinInfo: { u1: join(NONE) } }), batchState({ attendees: [member("u1")] })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["the same attendees in another order: an update that records the inputs", () => diffBatch(batchState({ attendees: [member("u1"), member("u2")], joinInfo: { u1: join(), u2: join() } }), batchState({ attendees: [member("u2"), member("u1")] })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["an unknown item: an update", () => diffBatch(batchState(), { ...batchState(), attendees: [UNKNOWN as never] }), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["an added attendee: an update", () => diffBatch(batchState(), { ...batchState(), attendees: [member("u1"), member("u2")] }), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["an attendee deleted out of band (inputs the same): an update", () => diffBatch(batchState({ joinInfo: {} }), batchState()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["an attendee left over (inputs the same): an update", () => diffBatch(batchState({ joinInfo: { u1: join(), u9: join() } }), batchState()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["capabilities changed out of band (inputs the same): an update", () => diffBatch(batchState({ attendees: [member("u1", NONE)], joinInfo: { u1: join(ALL) } }), batchState({ attendees: [member("u1", NONE)] })), { changes: true, replaces: [], deleteBeforeReplace: false }],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("AttendeeBatch state: join info", [
  ["from created attendees", () => joinInfoFrom([{ ExternalUserId: "u1", AttendeeId: "a1", JoinToken: "t1", Capabilities: { Audio: "None", Video: "None", Content: "None" } }]), { u1: { attendeeId: "a1", joinToken: "t1", capabilities: NONE } }],
  ["a listing without tokens takes the previous ones", () => joinInfoFrom([{ ExternalUserId: "u1", AttendeeId: "a1" }], { u1: { attendeeId: "a0", joinToken: "t0", capabilities: NONE } }), { u1: { attendeeId: "a1", joinToken: "t0", capabilities: ALL } }],
  ["an attendee without a token anywhere is left out", () => joinInfoFrom([{ ExternalUserId: "u1", AttendeeId: "a1" }], {}), {}],
  ["an attendee without an id is left out", () => joinInfoFrom([{ ExternalUserId: "u1", JoinToken: "t" }]), {}],
  ["an attendee without an externalUserId is left out", () => joinInfoFrom([{ AttendeeId: "a1", JoinToken: "t" }]), {}],
  ["a previous entry of another attendee is not used", () => joinInfoFrom([{ ExternalUserId: "u1", AttendeeId: "a1" }], { u2: join() }), {}],
]);

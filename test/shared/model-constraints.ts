/**
 * What the AWS models say about each constrained input the package takes: the length bounds and the
 * pattern (a Java regular expression, as in every AWS model), plus the documented rules a pattern
 * cannot carry. The input table (input-table.test.ts) asks Java itself whether a value satisfies
 * the length and the pattern, and applies the documented rules here; both validators must agree.
 *
 * Where they come from:
 * - ExternalUserId / ExternalMeetingId / MeetingHostId (Chime SDK Meetings): the pattern and the `aws:`
 *   rule are read at run time from the doc comments of the installed `@aws-sdk/client-chime-sdk-meetings`
 *   (dist-types/models/models_0.d.ts), the only place its package ships a pattern (`externalIdPattern`).
 * - Every other Chime SDK Meetings constraint: the service model chime-sdk-meetings 2021-07-15 as
 *   botocore 1.43.11 ships it (data/chime-sdk-meetings/2021-07-15/service-2.json: GuidString, TagKey,
 *   TagValue, TenantId, Arn, MediaRegion), the same model the JavaScript SDK is generated from; its
 *   client code keeps no pattern. /work/shared/notes/chime-meetings-api.md repeats the GUID and tag-key
 *   ones.
 * - The legacy namespace (chime 2018-05-01 in `@aws-sdk/client-chime` 3.699.0): no pattern on external
 *   ids or tags (its doc comments name none, unlike the Meetings client's), lengths as in the notes
 *   (external ids 2–64, tag keys 1–128, tag values 0–256); GuidString as in the Meetings model (the
 *   current botocore chime 2018-05-01 model still has it); notification ARNs taken to be the Meetings
 *   model's `Arn` shape (unconfirmed: the meeting shapes left the botocore model in 2025).
 * - Documented rules: the `aws:` prefix of Meetings external ids (the SDK's doc comment: "Values that
 *   begin with aws: are reserved ... Case insensitive"); the `aws:` prefix of tag keys (the AWS General
 *   Reference's tag conventions, which the CreateMeeting doc comment points to); a notification ARN
 *   names the service of its member (SnsTopicArn an SNS topic...); MediaRegion one of the media regions
 *   the API reference lists (the model gives only 2–64 characters); a capability one of the
 *   MediaCapabilities enum (shipped by the SDK as `MediaCapabilities`).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { MediaCapabilities } from "@aws-sdk/client-chime-sdk-meetings";

export type Namespace = "meetings" | "legacy";

/** The constrained inputs, by the name a program gives them. */
export type Field =
  | "externalUserId"
  | "externalMeetingId"
  | "meetingHostId"
  | "meetingId"
  | "tagKey"
  | "tagValue"
  | "tenantId"
  | "snsTopicArn"
  | "sqsQueueArn"
  | "lambdaFunctionArn"
  | "mediaRegion"
  | "capability";

export interface ModelConstraint {
  /** The model's shape, for messages. */
  readonly shape: string;
  readonly min?: number;
  readonly max?: number;
  /** A Java regular expression, matched against the whole value. */
  readonly pattern?: string;
  /** The documented rule a pattern cannot hold: a reason when `value` breaks it, else undefined. */
  readonly documented?: (value: string) => string | undefined;
}

/** The ExternalUserId pattern as the installed Chime SDK Meetings client documents it. */
export function externalIdPattern(): string {
  const entry = require.resolve("@aws-sdk/client-chime-sdk-meetings");
  // entry: <package>/dist-cjs/index.js; the doc comments live in dist-types.
  const types = readFileSync(join(dirname(entry), "..", "dist-types", "models", "models_0.d.ts"), "utf8");
  const found = new Set([...types.matchAll(/Pattern: <code>(.*?)<\/code>/g)].map((m) => m[1]));
  if (found.size !== 1) {
    throw new Error(
      `expected the one external-id pattern in @aws-sdk/client-chime-sdk-meetings' doc comments, found ${found.size}`,
    );
  }
  return [...found][0]!;
}

const reservedPrefix = (value: string): string | undefined =>
  value.toLowerCase().startsWith("aws:") ? 'starts with the reserved prefix "aws:"' : undefined;

const arnOf =
  (service: string) =>
  (value: string): string | undefined =>
    value.split(":")[2] === service ? undefined : `is not the ARN of a ${service} resource`;

/** The media regions the API reference lists for CreateMeeting. */
export const DOCUMENTED_MEDIA_REGIONS: readonly string[] = [
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

const GUID = "[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}";
const ARN = "^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$";
const mediaRegion: ModelConstraint = {
  shape: "MediaRegion",
  min: 2,
  max: 64,
  documented: (value) =>
    DOCUMENTED_MEDIA_REGIONS.includes(value) ? undefined : "is not a documented media region",
};

/** The constraints of both namespaces, by field. A field a namespace lacks is absent. */
export function modelConstraints(): Record<Namespace, Partial<Record<Field, ModelConstraint>>> {
  const externalId = (shape: string): ModelConstraint => ({
    shape,
    min: 2,
    max: 64,
    pattern: externalIdPattern(),
    documented: reservedPrefix,
  });
  const legacyExternalId = (shape: string): ModelConstraint => ({ shape, min: 2, max: 64 });
  return {
    meetings: {
      externalUserId: externalId("ExternalUserId"),
      externalMeetingId: externalId("ExternalMeetingId"),
      meetingHostId: externalId("MeetingHostId (ExternalUserId)"),
      meetingId: { shape: "GuidString", pattern: GUID },
      tagKey: {
        shape: "TagKey",
        min: 1,
        max: 128,
        pattern: "^[a-zA-Z+-=._:/]+$",
        documented: reservedPrefix,
      },
      tagValue: { shape: "TagValue", min: 0, max: 256, pattern: "[\\s\\w+-=\\.:/@]*" },
      tenantId: { shape: "TenantId", min: 2, max: 256, pattern: "^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$" },
      snsTopicArn: { shape: "Arn", min: 1, max: 1024, pattern: ARN, documented: arnOf("sns") },
      sqsQueueArn: { shape: "Arn", min: 1, max: 1024, pattern: ARN, documented: arnOf("sqs") },
      lambdaFunctionArn: { shape: "Arn", min: 1, max: 1024, pattern: ARN, documented: arnOf("lambda") },
      mediaRegion,
      // An attendee's audio, video or content capability: the model's MediaCapabilities enum, as the SDK ships it.
      capability: {
        shape: "MediaCapabilities",
        documented: (value) =>
          (Object.values(MediaCapabilities) as string[]).includes(value)
            ? undefined
            : `is not one of ${Object.values(MediaCapabilities).join(", ")}`,
      },
    },
    legacy: {
      externalUserId: legacyExternalId("ExternalUserIdType"),
      externalMeetingId: legacyExternalId("ExternalMeetingIdType"),
      meetingHostId: legacyExternalId("ExternalUserIdType"),
      meetingId: { shape: "GuidString", pattern: GUID },
      tagKey: { shape: "TagKey", min: 1, max: 128, documented: reservedPrefix },
      tagValue: { shape: "TagValue", min: 0, max: 256 },
      snsTopicArn: { shape: "Arn", min: 1, max: 1024, pattern: ARN, documented: arnOf("sns") },
      sqsQueueArn: { shape: "Arn", min: 1, max: 1024, pattern: ARN, documented: arnOf("sqs") },
      mediaRegion,
    },
  };
}

/**
 * Pure validation rules for Chime SDK Meetings inputs. Every rule throws BadRequestError with a
 * message naming the member, the rule and the offending value; values of members the model marks
 * sensitive (external ids, tokens, notification ARNs) are described by length only, because the
 * SDK redacts those members from its logs and an error message must not undo that.
 *
 * The model's patterns are not anchored (Smithy patterns match anywhere), which would make most of
 * them accept anything; like the real service the emulator matches them against the whole value.
 */
import { BadRequestError } from "./errors";
import {
  type AttendeeCapabilities,
  CONTENT_RESOLUTIONS,
  MEDIA_CAPABILITIES,
  MEETING_FEATURE_STATUSES,
  type MediaCapability,
  type MeetingFeatures,
  type NotificationsConfiguration,
  type Tag,
  type TranscriptionConfiguration,
  type TranscriptionSettings,
  VIDEO_RESOLUTIONS,
} from "./model";

export type JsonObject = Record<string, unknown>;

export const GUID_PATTERN = /^[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}$/;
/**
 * The model's `\s`, spelled out: its patterns are Java regular expressions, whose `\s` is the six ASCII
 * spaces; JavaScript's `\s` also matches U+00A0, U+2028, U+3000, U+FEFF and the other Unicode spaces,
 * which the service refuses (test/shared/input-table.ts holds both validators to the Java reading).
 */
const JAVA_SPACE = "\\t\\n\\x0B\\f\\r ";
/** ExternalUserId, ExternalMeetingId, MeetingHostId (the API reference's pattern). */
export const EXTERNAL_ID_PATTERN = new RegExp(`^[-_&@+=,(){}[\\]/«».:|'"#a-zA-Z0-9À-ÿ${JAVA_SPACE}]*$`);
export const CLIENT_REQUEST_TOKEN_PATTERN = /^[-_a-zA-Z0-9]*$/;
/** `+-=` is a range (0x2B–0x3D) in the model's pattern, so digits and `,;<` are allowed too. */
export const TAG_KEY_PATTERN = /^[a-zA-Z+-=._:/]+$/;
/** `\w` is ASCII in JavaScript (without the u flag) as in Java; `\s` is not, hence JAVA_SPACE. */
export const TAG_VALUE_PATTERN = new RegExp(`^[${JAVA_SPACE}\\w+-=.:/@]*$`);
/** No character repeated four times in a row, then the allowed characters. */
export const TENANT_ID_PATTERN = /^(?!.*?(.)\1{3})[-_!@#$a-zA-Z0-9]*$/;
export const NOTIFICATION_ARN_PATTERN = /^arn[/:\-_.a-zA-Z0-9]+$/;
export const RESOURCE_ARN_PATTERN = /^arn:.*$/;

/** The media Regions the API reference lists for CreateMeeting. */
export const MEDIA_REGIONS = [
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
] as const;

export const MAX_ATTENDEES_PER_MEETING = 250;
/** With FHD video or UHD content the meeting must declare Attendee.MaxCount, at most this. */
export const MAX_ATTENDEES_HIGH_RESOLUTION = 25;
export const MAX_TAGS = 50;

const SHOWN_VALUE_LIMIT = 100;

/** How a value appears in a message: JSON for ordinary members, its length for sensitive ones. */
export function describeValue(value: unknown, sensitive: boolean): string {
  if (sensitive && typeof value === "string") {
    return `a value of ${value.length} character${value.length === 1 ? "" : "s"} (not shown: sensitive)`;
  }
  if (sensitive) return "a value (not shown: sensitive)";
  const json = JSON.stringify(value) ?? String(value);
  return json.length > SHOWN_VALUE_LIMIT ? `${json.slice(0, SHOWN_VALUE_LIMIT)}…` : json;
}

export function invalid(member: string, rule: string, value: unknown, sensitive = false): never {
  throw new BadRequestError(`${member} ${rule}, got ${describeValue(value, sensitive)}`);
}

export function missing(member: string): never {
  throw new BadRequestError(`${member} is required`);
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function optionalObject(obj: JsonObject, key: string, path = ""): JsonObject | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) invalid(join(path, key), "must be an object", value);
  return value;
}

export function requireObject(obj: JsonObject, key: string, path = ""): JsonObject {
  return optionalObject(obj, key, path) ?? missing(join(path, key));
}

export function optionalArray(obj: JsonObject, key: string, path = ""): unknown[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) invalid(join(path, key), "must be a list", value);
  return value;
}

export function requireArray(obj: JsonObject, key: string, path = ""): unknown[] {
  return optionalArray(obj, key, path) ?? missing(join(path, key));
}

export function checkListSize(list: unknown[], min: number, max: number, member: string): void {
  if (list.length < min || list.length > max) {
    throw new BadRequestError(`${member} must have ${min} to ${max} items, got ${list.length}`);
  }
}

export function optionalString(
  obj: JsonObject,
  key: string,
  path = "",
  sensitive = false,
): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") invalid(join(path, key), "must be a string", value, sensitive);
  return value;
}

export function requireString(obj: JsonObject, key: string, path = "", sensitive = false): string {
  return optionalString(obj, key, path, sensitive) ?? missing(join(path, key));
}

export function checkLength(
  value: string,
  min: number,
  max: number,
  member: string,
  sensitive = false,
): void {
  if (value.length < min || value.length > max) {
    invalid(member, `must be ${min} to ${max} characters long`, value, sensitive);
  }
}

export function checkPattern(
  value: string,
  pattern: RegExp,
  member: string,
  sensitive = false,
  patternText = pattern.source,
): void {
  if (!pattern.test(value)) invalid(member, `must match the pattern ${patternText}`, value, sensitive);
}

export function checkEnum<T extends string>(value: unknown, allowed: readonly T[], member: string): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    invalid(member, `must be one of ${allowed.join(", ")}`, value);
  }
  return value as T;
}

export function optionalEnum<T extends string>(
  obj: JsonObject,
  key: string,
  allowed: readonly T[],
  path = "",
): T | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return checkEnum(value, allowed, join(path, key));
}

/** Values starting with `aws:` (any case) are reserved by AWS. */
export function checkNotReserved(value: string, member: string, sensitive = false): void {
  if (value.slice(0, 4).toLowerCase() === "aws:") {
    invalid(member, "must not start with the reserved prefix aws: (in any case)", value, sensitive);
  }
}

/** MeetingId and AttendeeId, in path labels and in bodies. Not sensitive: ids appear in messages. */
export function checkGuid(value: string, member: string): string {
  if (!GUID_PATTERN.test(value)) {
    invalid(member, "must be a GUID (8-4-4-4-12 hexadecimal digits)", value);
  }
  return value.toLowerCase();
}

/** ExternalUserId, ExternalMeetingId and MeetingHostId share these rules; all are sensitive. */
export function checkExternalId(value: string, member: string): string {
  checkLength(value, 2, 64, member, true);
  checkPattern(
    value,
    EXTERNAL_ID_PATTERN,
    member,
    true,
    "[-_&@+=,(){}\\[\\]\\/«».:|'\"#a-zA-Z0-9À-ÿ\\s]* (\\s: ASCII spaces only)",
  );
  checkNotReserved(value, member, true);
  return value;
}

export function checkClientRequestToken(value: string, member = "ClientRequestToken"): string {
  checkLength(value, 2, 64, member, true);
  checkPattern(value, CLIENT_REQUEST_TOKEN_PATTERN, member, true);
  return value;
}

export function checkMediaRegion(value: string, member = "MediaRegion"): string {
  checkLength(value, 2, 64, member);
  return checkEnum(value, MEDIA_REGIONS, member);
}

export function parseCapabilities(value: unknown, member: string): AttendeeCapabilities {
  if (!isObject(value)) invalid(member, "must be an object", value);
  const capability = (key: keyof AttendeeCapabilities): MediaCapability => {
    const v = value[key];
    if (v === undefined || v === null) missing(`${member}.${key}`);
    return checkEnum(v, MEDIA_CAPABILITIES, `${member}.${key}`);
  };
  return { Audio: capability("Audio"), Video: capability("Video"), Content: capability("Content") };
}

const receives = (c: MediaCapability): boolean => c === "SendReceive" || c === "Receive";

/**
 * The documented cross-rules: content that receives needs video that receives, and a meeting whose
 * Video (Content) MaxResolution is None accepts only None for Video (Content).
 */
export function checkCapabilitiesForMeeting(
  caps: AttendeeCapabilities,
  features: MeetingFeatures | undefined,
  member: string,
): void {
  if (features?.Video?.MaxResolution === "None" && caps.Video !== "None") {
    invalid(`${member}.Video`, "must be None because the meeting's Video MaxResolution is None", caps.Video);
  }
  if (features?.Content?.MaxResolution === "None" && caps.Content !== "None") {
    invalid(
      `${member}.Content`,
      "must be None because the meeting's Content MaxResolution is None",
      caps.Content,
    );
  }
  if (receives(caps.Content) && !receives(caps.Video)) {
    throw new BadRequestError(
      `${member}.Content ${JSON.stringify(caps.Content)} requires ${member}.Video to be SendReceive or Receive, got ${JSON.stringify(caps.Video)}`,
    );
  }
}

/**
 * Capabilities given to an attendee created without any. The documented default is SendReceive for
 * all three; the API reference adds that with Video MaxResolution None and Content not None the
 * defaults are Video Receive and Content SendReceive. A None feature otherwise defaults to None.
 */
export function defaultCapabilities(features: MeetingFeatures | undefined): AttendeeCapabilities {
  const videoOff = features?.Video?.MaxResolution === "None";
  const contentOff = features?.Content?.MaxResolution === "None";
  if (videoOff && !contentOff) return { Audio: "SendReceive", Video: "Receive", Content: "SendReceive" };
  return {
    Audio: "SendReceive",
    Video: videoOff ? "None" : "SendReceive",
    Content: contentOff ? "None" : "SendReceive",
  };
}

/** The attendee limit of a meeting: its Attendee.MaxCount, else 250. */
export function meetingCapacity(features: MeetingFeatures | undefined): number {
  return features?.Attendee?.MaxCount ?? MAX_ATTENDEES_PER_MEETING;
}

export function parseMeetingFeatures(obj: JsonObject): MeetingFeatures | undefined {
  const raw = optionalObject(obj, "MeetingFeatures");
  if (raw === undefined) return undefined;
  const features: MeetingFeatures = {};
  const audio = optionalObject(raw, "Audio", "MeetingFeatures");
  if (audio !== undefined) {
    const echo = optionalEnum(audio, "EchoReduction", MEETING_FEATURE_STATUSES, "MeetingFeatures.Audio");
    features.Audio = echo === undefined ? {} : { EchoReduction: echo };
  }
  const video = optionalObject(raw, "Video", "MeetingFeatures");
  if (video !== undefined) {
    const res = optionalEnum(video, "MaxResolution", VIDEO_RESOLUTIONS, "MeetingFeatures.Video");
    features.Video = res === undefined ? {} : { MaxResolution: res };
  }
  const content = optionalObject(raw, "Content", "MeetingFeatures");
  if (content !== undefined) {
    const res = optionalEnum(content, "MaxResolution", CONTENT_RESOLUTIONS, "MeetingFeatures.Content");
    features.Content = res === undefined ? {} : { MaxResolution: res };
  }
  const attendee = optionalObject(raw, "Attendee", "MeetingFeatures");
  if (attendee !== undefined) {
    const max = attendee.MaxCount;
    if (max === undefined || max === null) {
      features.Attendee = {};
    } else {
      if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > MAX_ATTENDEES_PER_MEETING) {
        invalid(
          "MeetingFeatures.Attendee.MaxCount",
          `must be an integer from 1 to ${MAX_ATTENDEES_PER_MEETING}`,
          max,
        );
      }
      features.Attendee = { MaxCount: max };
    }
  }
  const highResolution = features.Video?.MaxResolution === "FHD" || features.Content?.MaxResolution === "UHD";
  if (highResolution) {
    const max = features.Attendee?.MaxCount;
    if (max === undefined) {
      throw new BadRequestError(
        "MeetingFeatures.Attendee.MaxCount is required when Video MaxResolution is FHD or Content MaxResolution is UHD",
      );
    }
    if (max > MAX_ATTENDEES_HIGH_RESOLUTION) {
      invalid(
        "MeetingFeatures.Attendee.MaxCount",
        `must be at most ${MAX_ATTENDEES_HIGH_RESOLUTION} when Video MaxResolution is FHD or Content MaxResolution is UHD`,
        max,
      );
    }
  }
  return features;
}

const NOTIFICATION_TARGETS: ReadonlyArray<[keyof NotificationsConfiguration, string]> = [
  ["LambdaFunctionArn", "lambda"],
  ["SnsTopicArn", "sns"],
  ["SqsQueueArn", "sqs"],
];

export function parseNotifications(obj: JsonObject): NotificationsConfiguration | undefined {
  const raw = optionalObject(obj, "NotificationsConfiguration");
  if (raw === undefined) return undefined;
  const config: NotificationsConfiguration = {};
  for (const [key, service] of NOTIFICATION_TARGETS) {
    const member = `NotificationsConfiguration.${key}`;
    const arn = optionalString(raw, key, "NotificationsConfiguration", true);
    if (arn === undefined) continue;
    checkLength(arn, 1, 1024, member, true);
    checkPattern(arn, NOTIFICATION_ARN_PATTERN, member, true);
    // The model only says "an ARN"; the service it names must be the one the member is for.
    if (arn.split(":")[2] !== service) {
      invalid(member, `must be the ARN of a ${service} resource (arn:<partition>:${service}:...)`, arn, true);
    }
    config[key] = arn;
  }
  return config;
}

export function parseTenantIds(obj: JsonObject): string[] | undefined {
  const list = optionalArray(obj, "TenantIds");
  if (list === undefined) return undefined;
  checkListSize(list, 1, 5, "TenantIds");
  return list.map((item, i) => {
    const member = `TenantIds[${i}]`;
    if (typeof item !== "string") invalid(member, "must be a string", item);
    checkLength(item, 2, 256, member);
    checkPattern(item, TENANT_ID_PATTERN, member);
    return item;
  });
}

export function checkTagKey(key: string, member: string): string {
  checkLength(key, 1, 128, member);
  checkPattern(key, TAG_KEY_PATTERN, member);
  checkNotReserved(key, member);
  return key;
}

/** A tag list; `onTooMany` decides which exception a list over 50 raises (it differs per operation). */
export function parseTags(list: unknown[], member: string, onTooMany: (count: number) => Error): Tag[] {
  if (list.length > MAX_TAGS) throw onTooMany(list.length);
  const seen = new Set<string>();
  return list.map((item, i) => {
    const path = `${member}[${i}]`;
    if (!isObject(item)) invalid(path, "must be an object", item);
    const key = checkTagKey(requireString(item, "Key", path), `${path}.Key`);
    const value = requireString(item, "Value", path);
    checkLength(value, 0, 256, `${path}.Value`);
    checkPattern(
      value,
      TAG_VALUE_PATTERN,
      `${path}.Value`,
      false,
      "[\\s\\w+-=\\.:/@]* (\\s: ASCII spaces only)",
    );
    if (seen.has(key)) invalid(`${path}.Key`, "must not repeat a key given earlier in the list", key);
    seen.add(key);
    return { Key: key, Value: value };
  });
}

export function checkResourceArn(value: string, member = "ResourceARN"): string {
  checkLength(value, 1, 1011, member);
  checkPattern(value, RESOURCE_ARN_PATTERN, member);
  return value;
}

/** `max-results` of ListAttendees: an integer 1–100 (1–99 in the legacy namespace; query strings arrive as text). */
export function parseMaxResults(raw: string | null, fallback: number, max = 100): number {
  if (raw === null) return fallback;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < 1 || n > max) {
    invalid("MaxResults", `must be an integer from 1 to ${max}`, raw);
  }
  return n;
}

const TRANSCRIBE_LANGUAGE_CODES = [
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
] as const;
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
] as const;
const TRANSCRIBE_MEDICAL_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "ap-southeast-2",
  "ca-central-1",
  "eu-west-1",
  "auto",
] as const;

type SettingRule =
  | { kind: "enum"; values: readonly string[]; required?: boolean }
  | { kind: "string"; min: number; max: number; pattern?: RegExp }
  | { kind: "boolean" };

const ENGINE_TRANSCRIBE_RULES: Record<string, SettingRule> = {
  LanguageCode: { kind: "enum", values: TRANSCRIBE_LANGUAGE_CODES },
  VocabularyFilterMethod: { kind: "enum", values: ["remove", "mask", "tag"] },
  VocabularyFilterName: { kind: "string", min: 0, max: 4096 },
  VocabularyName: { kind: "string", min: 0, max: 4096 },
  Region: { kind: "enum", values: TRANSCRIBE_REGIONS },
  EnablePartialResultsStabilization: { kind: "boolean" },
  PartialResultsStability: { kind: "enum", values: ["low", "medium", "high"] },
  ContentIdentificationType: { kind: "enum", values: ["PII"] },
  ContentRedactionType: { kind: "enum", values: ["PII"] },
  PiiEntityTypes: { kind: "string", min: 1, max: 300, pattern: /^[A-Z_, ]+$/ },
  LanguageModelName: { kind: "string", min: 1, max: 200, pattern: /^[0-9a-zA-Z._-]+$/ },
  IdentifyLanguage: { kind: "boolean" },
  LanguageOptions: { kind: "string", min: 1, max: 200, pattern: /^[a-zA-Z-,]+$/ },
  PreferredLanguage: { kind: "enum", values: TRANSCRIBE_LANGUAGE_CODES },
  VocabularyNames: { kind: "string", min: 1, max: 3000, pattern: /^[a-zA-Z0-9,-._]+$/ },
  VocabularyFilterNames: { kind: "string", min: 1, max: 3000, pattern: /^[a-zA-Z0-9,-._]+$/ },
};

const ENGINE_TRANSCRIBE_MEDICAL_RULES: Record<string, SettingRule> = {
  LanguageCode: { kind: "enum", values: ["en-US"], required: true },
  Specialty: {
    kind: "enum",
    values: ["PRIMARYCARE", "CARDIOLOGY", "NEUROLOGY", "ONCOLOGY", "RADIOLOGY", "UROLOGY"],
    required: true,
  },
  Type: { kind: "enum", values: ["CONVERSATION", "DICTATION"], required: true },
  VocabularyName: { kind: "string", min: 0, max: 4096 },
  Region: { kind: "enum", values: TRANSCRIBE_MEDICAL_REGIONS },
  ContentIdentificationType: { kind: "enum", values: ["PHI"] },
};

function parseSettings(
  raw: JsonObject,
  rules: Record<string, SettingRule>,
  path: string,
): TranscriptionSettings {
  const settings: TranscriptionSettings = {};
  for (const [key, rule] of Object.entries(rules)) {
    const member = `${path}.${key}`;
    const value = raw[key];
    if (value === undefined || value === null) {
      if (rule.kind === "enum" && rule.required) missing(member);
      continue;
    }
    if (rule.kind === "boolean") {
      if (typeof value !== "boolean") invalid(member, "must be a boolean", value);
      settings[key] = value;
    } else if (rule.kind === "enum") {
      settings[key] = checkEnum(value, rule.values, member);
    } else {
      if (typeof value !== "string") invalid(member, "must be a string", value);
      checkLength(value, rule.min, rule.max, member);
      if (rule.pattern) checkPattern(value, rule.pattern, member);
      settings[key] = value;
    }
  }
  return settings;
}

/**
 * Model rules only: the service accepts other combinations and reports them later as a
 * TranscriptFailed event, which the emulator has no way to send. Exactly one engine is required.
 */
export function parseTranscriptionConfiguration(obj: JsonObject): TranscriptionConfiguration {
  const raw = requireObject(obj, "TranscriptionConfiguration");
  const standard = optionalObject(raw, "EngineTranscribeSettings", "TranscriptionConfiguration");
  const medical = optionalObject(raw, "EngineTranscribeMedicalSettings", "TranscriptionConfiguration");
  if ((standard === undefined) === (medical === undefined)) {
    throw new BadRequestError(
      "TranscriptionConfiguration must have exactly one of EngineTranscribeSettings and EngineTranscribeMedicalSettings",
    );
  }
  if (standard !== undefined) {
    const path = "TranscriptionConfiguration.EngineTranscribeSettings";
    return { EngineTranscribeSettings: parseSettings(standard, ENGINE_TRANSCRIBE_RULES, path) };
  }
  const path = "TranscriptionConfiguration.EngineTranscribeMedicalSettings";
  return { EngineTranscribeMedicalSettings: parseSettings(medical!, ENGINE_TRANSCRIBE_MEDICAL_RULES, path) };
}

/** Shapes of the Chime SDK Meetings API as the emulator stores and sends them (member names as on the wire). */

export const MEDIA_CAPABILITIES = ["SendReceive", "Send", "Receive", "None"] as const;
export type MediaCapability = (typeof MEDIA_CAPABILITIES)[number];

export interface AttendeeCapabilities {
  Audio: MediaCapability;
  Video: MediaCapability;
  Content: MediaCapability;
}

export const VIDEO_RESOLUTIONS = ["None", "HD", "FHD"] as const;
export const CONTENT_RESOLUTIONS = ["None", "FHD", "UHD"] as const;
export const MEETING_FEATURE_STATUSES = ["AVAILABLE", "UNAVAILABLE"] as const;
export const MEDIA_PLACEMENT_NETWORK_TYPES = ["Ipv4Only", "DualStack"] as const;

export interface MeetingFeatures {
  Audio?: { EchoReduction?: (typeof MEETING_FEATURE_STATUSES)[number] };
  Video?: { MaxResolution?: (typeof VIDEO_RESOLUTIONS)[number] };
  Content?: { MaxResolution?: (typeof CONTENT_RESOLUTIONS)[number] };
  Attendee?: { MaxCount?: number };
}

export interface NotificationsConfiguration {
  LambdaFunctionArn?: string;
  SnsTopicArn?: string;
  SqsQueueArn?: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

/** Transcription settings are only validated and remembered: no media flows, so nothing is transcribed. */
export type TranscriptionSettings = Record<string, string | boolean>;
export interface TranscriptionConfiguration {
  EngineTranscribeSettings?: TranscriptionSettings;
  EngineTranscribeMedicalSettings?: TranscriptionSettings;
}

/** The validated input of CreateMeeting (and the meeting half of CreateMeetingWithAttendees). */
export interface MeetingInput {
  ClientRequestToken: string;
  MediaRegion: string;
  /** Always set in the Meetings namespace; optional in the legacy one. */
  ExternalMeetingId?: string;
  MeetingHostId?: string;
  NotificationsConfiguration?: NotificationsConfiguration;
  MeetingFeatures?: MeetingFeatures;
  PrimaryMeetingId?: string;
  TenantIds?: string[];
  Tags?: Tag[];
  MediaPlacementNetworkType?: (typeof MEDIA_PLACEMENT_NETWORK_TYPES)[number];
}

/** One attendee to create; Capabilities absent means "the meeting's defaults". */
export interface AttendeeInput {
  ExternalUserId: string;
  Capabilities?: AttendeeCapabilities;
}

export interface StoredAttendee {
  attendeeId: string;
  externalUserId: string;
  joinToken: string;
  capabilities: AttendeeCapabilities;
  /** Creation order within the meeting; ListAttendees pages resume after a sequence number. */
  seq: number;
  /** Attendee tags: legacy namespace only (the Meetings namespace cannot tag attendees). */
  tags?: Map<string, string>;
}

export interface StoredMeeting {
  meetingId: string;
  input: MeetingInput;
  /** Emulated-clock milliseconds; the meeting ends 24 h later. */
  createdAt: number;
  tags: Map<string, string>;
  transcription: TranscriptionConfiguration | undefined;
  attendees: Map<string, StoredAttendee>;
  /** ExternalUserId → AttendeeId: a repeated CreateAttendee returns the existing attendee. */
  attendeeByExternalUserId: Map<string, string>;
  nextSeq: number;
  /**
   * Bumped on every change (not persisted): the state file writer re-serializes only meetings whose
   * version moved since its last write, which keeps writes cheap at 250 × 250.
   */
  version: number;
}

export interface WireAttendee {
  ExternalUserId: string;
  AttendeeId: string;
  JoinToken: string;
  Capabilities: AttendeeCapabilities;
}

export interface WireMediaPlacement {
  AudioHostUrl: string;
  AudioFallbackUrl: string;
  SignalingUrl: string;
  TurnControlUrl: string;
  ScreenDataUrl: string;
  ScreenViewingUrl: string;
  ScreenSharingUrl: string;
  EventIngestionUrl: string;
}

export interface WireMeeting {
  MeetingId: string;
  MeetingHostId?: string;
  ExternalMeetingId: string;
  MediaRegion: string;
  MediaPlacement: WireMediaPlacement;
  MeetingFeatures?: MeetingFeatures;
  PrimaryMeetingId?: string;
  TenantIds?: string[];
  MeetingArn: string;
}

export interface WireAttendeeError {
  ExternalUserId?: string;
  ErrorCode: string;
  ErrorMessage: string;
}

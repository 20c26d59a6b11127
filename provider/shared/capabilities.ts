import { MediaCapabilities } from "@aws-sdk/client-chime-sdk-meetings";

/** What an attendee may do with one media type (the SDK's `MediaCapabilities`). */
export type Capability = `${MediaCapabilities}`;

/** Every capability, from the AWS SDK's enum (None, Receive, Send, SendReceive), so it follows the model. */
export const CAPABILITY_VALUES: readonly Capability[] = Object.values(MediaCapabilities);

/** An attendee's audio, video and content-share capabilities. */
export interface AttendeeCapabilities {
  /** Microphone and speaker. */
  readonly audio: Capability;
  /** Camera and remote video. */
  readonly video: Capability;
  /** Content share (screen sharing). */
  readonly content: Capability;
}

/** What Chime gives an attendee created without capabilities. */
export const DEFAULT_CAPABILITIES: AttendeeCapabilities = {
  audio: "SendReceive",
  video: "SendReceive",
  content: "SendReceive",
};

export function sameCapabilities(a: AttendeeCapabilities, b: AttendeeCapabilities): boolean {
  return a.audio === b.audio && a.video === b.video && a.content === b.content;
}

/**
 * The capabilities to set on an attendee that has `current`, when `declared` asks for others; undefined
 * when nothing is to be done, undeclared capabilities included (Chime's default is left alone).
 */
export function capabilitiesToSet(
  current: AttendeeCapabilities,
  declared: AttendeeCapabilities | undefined,
): AttendeeCapabilities | undefined {
  return declared !== undefined && !sameCapabilities(current, declared) ? declared : undefined;
}

/** The capabilities of an attendee as the SDK returns it; Chime's default for those it leaves out. */
export function capabilitiesFromSdk(attendee: {
  readonly Capabilities?: { readonly Audio?: string; readonly Video?: string; readonly Content?: string };
}): AttendeeCapabilities {
  const c = attendee.Capabilities;
  if (!c) return DEFAULT_CAPABILITIES;
  return {
    audio: (c.Audio ?? DEFAULT_CAPABILITIES.audio) as Capability,
    video: (c.Video ?? DEFAULT_CAPABILITIES.video) as Capability,
    content: (c.Content ?? DEFAULT_CAPABILITIES.content) as Capability,
  };
}

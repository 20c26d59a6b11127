import { randomBytes, randomUUID } from "node:crypto";

/** Meeting and attendee ids are lowercase GUIDs, like the real service's. */
export function newId(): string {
  return randomUUID();
}

/**
 * An opaque join token: 48 random bytes in base64url (64 characters, within the 2–2048 the model
 * allows). Real tokens are longer and encode a credential for the media service; nothing can
 * join an emulated meeting, so randomness and uniqueness are all a token needs here.
 */
export function newJoinToken(): string {
  return randomBytes(48).toString("base64url");
}

export function newRequestId(): string {
  return randomUUID();
}

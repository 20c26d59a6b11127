/**
 * Type-level specification of `AttendeeArgs` (compiled by `tsconfig.test.json`, never run): `tags`
 * compiles only with `namespace: "legacy"`, `capabilities` only without it. Each `@ts-expect-error`
 * fails the compilation if the line below it ever compiles.
 */
import type * as pulumi from "@pulumi/pulumi";
import { Attendee, type AttendeeArgs } from "../../provider";

declare const meetingId: pulumi.Output<string>;
const capabilities = { audio: "SendReceive", video: "SendReceive", content: "Receive" } as const;

export const accepted: AttendeeArgs[] = [
  { meetingId, externalUserId: "kiosk-1" },
  { meetingId, externalUserId: "kiosk-1", capabilities },
  { meetingId, externalUserId: "kiosk-1", namespace: "meetings", capabilities },
  { meetingId, externalUserId: "kiosk-1", namespace: "legacy" },
  { meetingId, externalUserId: "kiosk-1", namespace: "legacy", tags: { site: "lobby" } },
  { meetingId, externalUserId: "kiosk-1", namespace: "legacy", region: "us-east-1" },
];

export const rejected: AttendeeArgs[] = [
  // @ts-expect-error tags need namespace "legacy"
  { meetingId, externalUserId: "kiosk-1", tags: { site: "lobby" } },
  // @ts-expect-error tags need namespace "legacy", not "meetings"
  { meetingId, externalUserId: "kiosk-1", namespace: "meetings", tags: { site: "lobby" } },
  // @ts-expect-error capabilities are not available with namespace "legacy"
  { meetingId, externalUserId: "kiosk-1", namespace: "legacy", capabilities },
  // @ts-expect-error namespace is "meetings" or "legacy"
  { meetingId, externalUserId: "kiosk-1", namespace: "chime" },
];

/** The constructor takes the same discriminated args. */
export function declare(): Attendee[] {
  return [
    new Attendee("legacy-kiosk", { namespace: "legacy", meetingId, externalUserId: "kiosk-1", tags: {} }),
    // @ts-expect-error capabilities are not available with namespace "legacy"
    new Attendee("legacy-capable", { namespace: "legacy", meetingId, externalUserId: "k", capabilities }),
    // @ts-expect-error tags need namespace "legacy"
    new Attendee("tagged", { meetingId, externalUserId: "kiosk-2", tags: { site: "lobby" } }),
  ];
}

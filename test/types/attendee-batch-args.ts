/**
 * Type-level specification of `AttendeeBatchArgs` (compiled by `tsconfig.test.json`, never run): a
 * member's `tags` compile only with `namespace: "legacy"`, its `capabilities` only without it, as for
 * `AttendeeArgs`. Each `@ts-expect-error` fails the compilation if the line below it ever compiles.
 */
import * as pulumi from "@pulumi/pulumi";
import { AttendeeBatch, type AttendeeBatchArgs } from "../../provider";

declare const meetingId: pulumi.Output<string>;
const capabilities = { audio: "Receive", video: "None", content: "None" } as const;

export const accepted: AttendeeBatchArgs[] = [
  { meetingId, attendees: [{ externalUserId: "bot-1" }] },
  { meetingId, attendees: [{ externalUserId: "bot-1", capabilities }] },
  { meetingId, namespace: "meetings", attendees: [{ externalUserId: "bot-1", capabilities }] },
  { meetingId, namespace: "legacy", attendees: [{ externalUserId: "bot-1" }] },
  { meetingId, namespace: "legacy", attendees: [{ externalUserId: "bot-1", tags: { role: "bot" } }] },
  { meetingId, namespace: "legacy", attendees: [{ externalUserId: "bot-1" }], region: "us-east-1" },
  // Inputs all the way down: a computed list, a computed member, a computed tag value.
  { meetingId, namespace: "legacy", attendees: pulumi.output([{ externalUserId: "bot-1" }]) },
  {
    meetingId,
    namespace: "legacy",
    attendees: [pulumi.output({ externalUserId: "bot-1", tags: { a: "b" } })],
  },
  { meetingId, namespace: "legacy", attendees: [{ externalUserId: "bot-1", tags: { site: meetingId } }] },
];

export const rejected: AttendeeBatchArgs[] = [
  // @ts-expect-error tags need namespace "legacy"
  { meetingId, attendees: [{ externalUserId: "bot-1", tags: { role: "bot" } }] },
  // @ts-expect-error tags need namespace "legacy", not "meetings"
  { meetingId, namespace: "meetings", attendees: [{ externalUserId: "bot-1", tags: { role: "bot" } }] },
  // @ts-expect-error capabilities are not available with namespace "legacy"
  { meetingId, namespace: "legacy", attendees: [{ externalUserId: "bot-1", capabilities }] },
  // @ts-expect-error namespace is "meetings" or "legacy"
  { meetingId, namespace: "chime", attendees: [{ externalUserId: "bot-1" }] },
  // @ts-expect-error every member needs an externalUserId
  { meetingId, namespace: "legacy", attendees: [{ tags: { role: "bot" } }] },
];

/** The constructor takes the same discriminated args. */
export function declare(): AttendeeBatch[] {
  return [
    new AttendeeBatch("legacy-bots", {
      namespace: "legacy",
      meetingId,
      attendees: [{ externalUserId: "bot-1", tags: { role: "bot" } }],
    }),
    // @ts-expect-error capabilities are not available with namespace "legacy"
    new AttendeeBatch("legacy-capable", {
      namespace: "legacy",
      meetingId,
      attendees: [{ externalUserId: "b", capabilities }],
    }),
    // @ts-expect-error tags need namespace "legacy"
    new AttendeeBatch("tagged", {
      meetingId,
      attendees: [{ externalUserId: "bot-2", tags: { role: "bot" } }],
    }),
  ];
}

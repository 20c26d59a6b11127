/**
 * What the endpoint holds against what a stack's state says it holds: the proof that a run left
 * nothing orphaned (on the endpoint, not in state), missing (in state, gone from the endpoint) or
 * duplicated. Also the fault mix and seeded draws the throttling suites and the engine benchmark use.
 */
import type { ChimeLocal, FaultOptions } from "../../../emulator";
import type { ProgramStack } from "./engine";

/** The faults issue 10 measures under: 3 % 500, 3 % 503 (Retry-After 1 s), 2 % connection resets. */
export const ISSUE_FAULTS: FaultOptions = { failureRate: 0.03, unavailableRate: 0.03, resetRate: 0.02 };

/** A seeded pseudo-random source (mulberry32) for the endpoint's fault draws: the same faults every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATTENDEE = "pulumi-nodejs:dynamic/chime:Attendee";
const BATCH = "pulumi-nodejs:dynamic/chime:AttendeeBatch";
const MEETING = "pulumi-nodejs:dynamic/chime:Meeting";

interface StateResource {
  type: string;
  outputs?: Record<string, unknown>;
}

/** An attendee as one place records it. */
export interface AttendeeRef {
  meetingId: string;
  attendeeId: string;
  externalUserId: string;
}

export interface Reconciliation {
  /** Meetings in state. */
  stateMeetings: string[];
  /** Attendees in state (Attendee resources and AttendeeBatch members). */
  stateAttendees: AttendeeRef[];
  /** Attendees on the endpoint, in every live meeting. */
  endpointAttendees: AttendeeRef[];
  /** On the endpoint but in no state: orphans. */
  orphans: AttendeeRef[];
  /** In some state but not on the endpoint. */
  missing: AttendeeRef[];
  /** Live meetings on the endpoint that no state holds. */
  orphanMeetings: string[];
  /** `meetingId/externalUserId` pairs held more than once (in the states, or on the endpoint). */
  duplicates: string[];
  /** Pending operations left in the states' checkpoints. */
  pendingOperations: number;
}

/** A value from `pulumi stack export --show-secrets`: a secret is `{ <sig>, plaintext: "<json>" }`. */
function reveal(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "plaintext" in value) {
    return JSON.parse(String((value as { plaintext: unknown }).plaintext));
  }
  return value;
}

/** Compares the endpoint with the (decrypted) states of `stacks`. */
export async function reconcile(local: ChimeLocal, stacks: ProgramStack[]): Promise<Reconciliation> {
  const stateMeetings: string[] = [];
  const stateAttendees: AttendeeRef[] = [];
  let pendingOperations = 0;
  for (const program of stacks) {
    const deployment = (await program.stack.exportStack()).deployment as {
      resources?: StateResource[];
      pending_operations?: unknown[];
    };
    pendingOperations += deployment.pending_operations?.length ?? 0;
    for (const resource of deployment.resources ?? []) {
      const outputs = Object.fromEntries(
        Object.entries(resource.outputs ?? {}).map(([k, v]) => [k, reveal(v)]),
      );
      if (resource.type === MEETING) stateMeetings.push(String(outputs.meetingId));
      if (resource.type === ATTENDEE) {
        stateAttendees.push({
          meetingId: String(outputs.meetingId),
          attendeeId: String(outputs.attendeeId),
          externalUserId: String(outputs.externalUserId),
        });
      }
      if (resource.type === BATCH) {
        const joinInfo = (outputs.joinInfo ?? {}) as Record<string, { attendeeId: string }>;
        for (const [externalUserId, info] of Object.entries(joinInfo)) {
          stateAttendees.push({
            meetingId: String(outputs.meetingId),
            attendeeId: info.attendeeId,
            externalUserId,
          });
        }
      }
    }
  }
  const endpointAttendees = local.meetings().flatMap((m) =>
    local.attendees(m.meetingId).map((a) => ({
      meetingId: m.meetingId,
      attendeeId: a.attendeeId,
      externalUserId: a.externalUserId,
    })),
  );
  const key = (a: AttendeeRef) => `${a.meetingId.toLowerCase()}/${a.attendeeId}`;
  const inState = new Set(stateAttendees.map(key));
  const onEndpoint = new Set(endpointAttendees.map(key));
  const twice = (refs: AttendeeRef[]) => {
    const seen = new Set<string>();
    const repeated: string[] = [];
    for (const ref of refs) {
      const name = `${ref.meetingId.toLowerCase()}/${ref.externalUserId}`;
      if (seen.has(name)) repeated.push(name);
      seen.add(name);
    }
    return repeated;
  };
  const declaredMeetings = new Set(stateMeetings.map((id) => id.toLowerCase()));
  return {
    stateMeetings,
    stateAttendees,
    endpointAttendees,
    orphans: endpointAttendees.filter((a) => !inState.has(key(a))),
    missing: stateAttendees.filter((a) => !onEndpoint.has(key(a))),
    orphanMeetings: local
      .meetings()
      .map((m) => m.meetingId)
      .filter((id) => !declaredMeetings.has(id.toLowerCase())),
    duplicates: [...twice(stateAttendees), ...twice(endpointAttendees)],
    pendingOperations,
  };
}

import { randomUUID } from "node:crypto";
import { capabilitiesFromSdk, capabilitiesToSet } from "../shared/capabilities";
import { type LifecycleContext, regionToRead, unlessGone } from "../shared/io";
import { namespaceOf } from "../shared/namespace";
import {
  type Created,
  type Declaration,
  type Diffed,
  InitFailure,
  type Read,
  type ResourceLogic,
} from "../shared/resource";
import { duplicateFailures, finishCheck } from "../validation/check-result";
import { type CheckFailure, isUnknown } from "../validation/rules";
import { describeSensitive, mask } from "../validation/sensitive";
import { checkBatch } from "./batch-check";
import { diffBatch, inChunks, planBatch } from "./batch-diff";
import type { BatchCreateError, BatchIo, ChimeAttendee } from "./batch-io";
import {
  type BatchInputs,
  type BatchOutputs,
  type BatchState,
  type JoinInfo,
  joinInfoFrom,
} from "./batch-state";

/** A failure after some attendees of the batch were created: they exist and must be recorded. */
class IncompleteBatch extends Error {
  override readonly name = "IncompleteBatch";
  constructor(message: string) {
    super(message);
    this.stack = "";
  }
}

/**
 * The message for the attendees a BatchCreateAttendee could not create (Chime answers them with HTTP
 * 200). Each is named by its place in the declared list and its externalUserId's length (the AWS model
 * marks ExternalUserId sensitive), with Chime's error code and message (masked) and the RequestId.
 */
export function describeBatchErrors(
  meetingId: string,
  total: number,
  errors: readonly BatchCreateError[],
  declared: readonly { externalUserId: string }[] = [],
  requestId?: string,
  secretInputs: readonly string[] = [],
): string {
  const items = errors.map((e) => {
    const index = declared.findIndex((m) => m.externalUserId === e.ExternalUserId);
    const name = describeSensitive(
      index >= 0 ? `attendees[${index}].externalUserId` : "externalUserId",
      e.ExternalUserId ?? "",
    );
    const message = mask(e.ErrorMessage ?? "", { externalUserId: e.ExternalUserId });
    return `${name}: ${e.ErrorCode}: ${message}`;
  });
  return (
    `Chime BatchCreateAttendee could not create ${errors.length} of ${total} attendees in ` +
    `${secretInputs.includes("meetingId") ? describeSensitive("meetingId", meetingId) : `meeting ${JSON.stringify(meetingId)}`}${requestId ? ` (RequestId ${requestId})` : ""}: ${items.join("; ")}. ` +
    "Any others exist and are recorded; fix the inputs (or make room in the meeting) and run " +
    "`pulumi up` again: it adopts what exists."
  );
}

/**
 * The message for chunks of a batch whose BatchCreateAttendee request failed outright (after the
 * retries); `first`–`last` are positions among the `total` attendees that were to be created.
 */
export function describeChunkFailure(
  chunk: { first: number; last: number },
  total: number,
  error: unknown,
): string {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.\s*$/, "");
  return `Attendees ${chunk.first} to ${total} of the ${total} to create were not created (the request for ${chunk.first}–${chunk.last} failed): ${reason}`;
}

/**
 * An AttendeeBatch's logic: up to 250 attendees of one meeting created with one BatchCreateAttendee
 * call per 100 (where `Attendee` needs one request per attendee, each within the 10-per-second quota),
 * then kept in step with the declared list, over the namespace's `BatchIo`.
 */
export class AttendeeBatchLifecycle implements ResourceLogic<BatchInputs, BatchState> {
  constructor(private readonly context: LifecycleContext<BatchIo>) {}

  check(
    declaration: Declaration,
    olds: BatchInputs | undefined,
    news: Readonly<Record<string, unknown>>,
  ): { inputs: BatchInputs; failures: CheckFailure[] } {
    const result = checkBatch(olds, news as Partial<BatchInputs>, this.context.defaultRegion());
    const { meetingId, attendees } = result.inputs;
    const known =
      result.failures.length === 0 &&
      !isUnknown(meetingId) &&
      Array.isArray(attendees) &&
      attendees.every((m) => !isUnknown(m) && !isUnknown(m.externalUserId));
    const duplicates =
      known && declaration.owner !== undefined
        ? duplicateFailures(
            this.context.claims,
            declaration.owner,
            attendees.map((m, i) => ({
              meetingId,
              externalUserId: m.externalUserId,
              property: `attendees[${i}].externalUserId`,
            })),
          )
        : [];
    return finishCheck({ ...result, failures: [...result.failures, ...duplicates] }, declaration, news);
  }

  diff(olds: BatchState, news: BatchInputs): Diffed {
    // The rule always says whether anything changes, and what replaces.
    return diffBatch(olds, news) as Diffed;
  }

  private io(state: BatchInputs, declaration: Declaration): BatchIo {
    return this.context.io({ namespace: namespaceOf(state), region: state.region }, declaration.secretInputs);
  }

  async create(declaration: Declaration, inputs: BatchInputs): Promise<Created<BatchOutputs>> {
    const id = randomUUID();
    try {
      return { id, state: { ...inputs, joinInfo: await this.converge(declaration, inputs, {}) } };
    } catch (error) {
      if (!(error instanceof IncompleteBatch)) throw error;
      // Some attendees exist: record the batch (without secrets) rather than orphan them; the next
      // `pulumi up` finds them again by externalUserId and completes the batch through `update`.
      throw new InitFailure("some attendees of the batch could not be created or set up", id, inputs, error);
    }
  }

  async read(
    declaration: Declaration,
    id: string,
    state: BatchState | undefined,
  ): Promise<Read<BatchState, BatchInputs> | undefined> {
    const region = regionToRead(this.context, "An AttendeeBatch", state);
    const recorded = { ...(state as BatchState), region };
    // The meeting's listing, shared with the other reads of this pass (a refresh reads all at once).
    const listed = await unlessGone(this.context, () =>
      this.io(recorded, declaration).listing(recorded.meetingId),
    );
    if (!listed) return undefined;
    const joinInfo = declaredIn(recorded, listed, recorded.joinInfo);
    if (Object.keys(joinInfo).length === 0) return undefined;
    const inputs: BatchInputs = { meetingId: recorded.meetingId, attendees: recorded.attendees, region };
    return { id, state: { ...inputs, joinInfo }, inputs };
  }

  async update(
    declaration: Declaration,
    _id: string,
    olds: BatchState,
    news: BatchInputs,
  ): Promise<BatchOutputs> {
    // A create that failed part-way recorded no joinInfo: find what exists by externalUserId.
    const current = olds.joinInfo ?? (await this.findDeclared(declaration, olds));
    return { ...news, joinInfo: await this.converge(declaration, news, current) };
  }

  async delete(declaration: Declaration, _id: string, state: BatchState): Promise<void> {
    const io = this.io(state, declaration);
    // The meeting has ended (its attendees went with it), or an attendee is gone already.
    await unlessGone(this.context, async () => {
      const joinInfo = state.joinInfo ?? (await this.findDeclared(declaration, state));
      await Promise.all(
        Object.values(joinInfo).map((a) =>
          unlessGone(this.context, () => io.delete(state.meetingId, a.attendeeId)),
        ),
      );
    });
  }

  /** The declared attendees that exist in the meeting, by externalUserId (a fresh listing). */
  private async findDeclared(
    declaration: Declaration,
    state: BatchInputs,
  ): Promise<Record<string, JoinInfo>> {
    return declaredIn(state, await this.io(state, declaration).list(state.meetingId));
  }

  /**
   * Brings the meeting's attendees from `current` to the declared ones: deletes those no longer
   * declared (first, to make room), creates the missing ones with BatchCreateAttendee, 100 a request,
   * one request after another (adopting any that exist), and sets capabilities that differ from the
   * declared ones. A request that fails outright stops the creating there: what exists is recorded
   * and the failure names the attendees not created.
   */
  private async converge(
    declaration: Declaration,
    inputs: BatchInputs,
    current: Record<string, JoinInfo>,
  ): Promise<Record<string, JoinInfo>> {
    const io = this.io(inputs, declaration);
    const plan = planBatch(current, inputs.attendees);
    const joinInfo = { ...current };
    await Promise.all(
      plan.remove.map(async (externalUserId) => {
        await unlessGone(this.context, () => io.delete(inputs.meetingId, current[externalUserId].attendeeId));
        delete joinInfo[externalUserId];
      }),
    );
    const errors: BatchCreateError[] = [];
    let chunkFailure: string | undefined;
    let requestId: string | undefined;
    for (const chunk of inChunks(plan.create)) {
      try {
        const created = await io.create(inputs.meetingId, chunk.items);
        Object.assign(joinInfo, joinInfoFrom(created.attendees));
        errors.push(...created.errors);
        if (created.errors.length > 0) requestId ??= created.requestId;
      } catch (error) {
        // Nothing exists (the first request, into a meeting that has ended, say): a plain failure.
        if (Object.keys(joinInfo).length === 0) throw error;
        chunkFailure = describeChunkFailure(chunk, plan.create.length, error);
        break;
      }
    }
    try {
      // Capabilities to set: those that differ now, adopted attendees included.
      const updates = inputs.attendees.flatMap((m) => {
        const have = joinInfo[m.externalUserId];
        const wanted = have && capabilitiesToSet(have.capabilities, m.capabilities);
        return wanted ? [{ m, have, wanted }] : [];
      });
      await Promise.all(
        updates.map(async ({ m, have, wanted }) => {
          const updated: ChimeAttendee = await io.setCapabilities(inputs.meetingId, have.attendeeId, wanted);
          joinInfo[m.externalUserId] = { ...have, capabilities: capabilitiesFromSdk(updated) };
        }),
      );
    } catch (error) {
      if (Object.keys(joinInfo).length === 0) throw error;
      throw new IncompleteBatch(error instanceof Error ? error.message : String(error));
    }
    const describe = () =>
      describeBatchErrors(
        inputs.meetingId,
        plan.create.length,
        errors,
        inputs.attendees,
        requestId,
        declaration.secretInputs,
      );
    if (chunkFailure !== undefined) {
      const items = errors.length > 0 ? ` ${describe()}` : "";
      throw new IncompleteBatch(
        `${chunkFailure}.${items} The attendees that exist are recorded; run \`pulumi up\` again: it adopts them and creates the rest.`,
      );
    }
    if (errors.length > 0) {
      const message = describe();
      throw Object.keys(joinInfo).length > 0 ? new IncompleteBatch(message) : new Error(message);
    }
    return joinInfo;
  }
}

/** The declared attendees among `listed`, by externalUserId. */
function declaredIn(
  state: BatchInputs,
  listed: readonly ChimeAttendee[],
  previous?: Record<string, JoinInfo>,
): Record<string, JoinInfo> {
  const declared = new Set(state.attendees.map((m) => m.externalUserId));
  return joinInfoFrom(
    listed.filter((a) => a.ExternalUserId !== undefined && declared.has(a.ExternalUserId)),
    previous,
  );
}

import { randomUUID } from "node:crypto";
import { type LifecycleContext, regionToRead, targetOf, unlessGone } from "../shared/io";
import {
  type Created,
  type Declaration,
  type Diffed,
  InitFailure,
  type Read,
  type ResourceLogic,
} from "../shared/resource";
import { duplicateFailures, finishCheck } from "../validation/check-result";
import { BATCH_NOT_IMPORTED } from "../validation/import-id";
import { type CheckFailure, isUnknown } from "../validation/rules";
import { describeSensitive, mask } from "../validation/sensitive";
import { describeAttendee, leftInPlace } from "../validation/takeover";
import { checkBatch } from "./batch-check";
import { diffBatch, inChunks, membersToChange, predictedBatchOutputs } from "./batch-diff";
import type { AnyJoinInfo, BatchCreateError, BatchIo, ChimeAttendee } from "./batch-io";
import type { AnyBatchInputs, AnyBatchOutputs, AnyBatchState } from "./batch-state";

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
 * then kept in step with the declared list, over the namespace's `BatchIo`, which knows what an
 * attendee's settings are there (capabilities; legacy tags) and how to read and set them.
 */
export class AttendeeBatchLifecycle implements ResourceLogic<AnyBatchInputs, AnyBatchState> {
  constructor(private readonly context: LifecycleContext<BatchIo>) {}

  check(
    declaration: Declaration,
    olds: AnyBatchInputs | undefined,
    news: Readonly<Record<string, unknown>>,
  ): { inputs: AnyBatchInputs; failures: CheckFailure[] } {
    const result = checkBatch(olds, news, this.context.defaultRegion(), this.context.words.regionSources);
    const { meetingId, attendees } = result.inputs;
    const known =
      result.failures.length === 0 &&
      !isUnknown(meetingId) &&
      Array.isArray(attendees) &&
      attendees.every((m) => !isUnknown(m) && !isUnknown(m.externalUserId));
    const duplicates =
      known && declaration.owner !== undefined
        ? duplicateFailures(
            this.context.claims.attendees,
            declaration.owner,
            attendees.map((m: { externalUserId: string }, i: number) => ({
              meetingId,
              externalUserId: m.externalUserId,
              property: `attendees[${i}].externalUserId`,
            })),
          )
        : [];
    return finishCheck({ ...result, failures: [...result.failures, ...duplicates] }, declaration, news);
  }

  diff(olds: AnyBatchState, news: AnyBatchInputs): Diffed {
    // The rule always says whether anything changes, and what replaces.
    return diffBatch(olds, news) as Diffed;
  }

  private io(state: AnyBatchInputs, declaration: Declaration): BatchIo {
    return this.context.io(targetOf(state), declaration.secretInputs);
  }

  async create(declaration: Declaration, inputs: AnyBatchInputs): Promise<Created<AnyBatchOutputs>> {
    const id = randomUUID();
    try {
      const joinInfo = await this.converge(declaration, inputs, {});
      return { id, state: { ...inputs, joinInfo } as AnyBatchOutputs };
    } catch (error) {
      if (!(error instanceof IncompleteBatch)) throw error;
      // Some attendees exist: record the batch (without secrets) rather than orphan them; the next
      // `pulumi up` finds them again by externalUserId and completes the batch through `update`.
      throw new InitFailure("some attendees of the batch could not be created or set up", id, inputs, error);
    }
  }

  /**
   * A refresh. Not an import, nor a `get` by id: a batch is the list its program declares, and a
   * meeting's listing holds attendees of other resources and other tools, which an import by meetingId
   * would take over (and a delete then delete). Declaring the batch adopts its members instead.
   */
  async read(
    declaration: Declaration,
    id: string,
    state: AnyBatchState | undefined,
  ): Promise<Read<AnyBatchState, AnyBatchInputs> | undefined> {
    if (state === undefined) throw new Error(BATCH_NOT_IMPORTED);
    const region = regionToRead(this.context, "An AttendeeBatch", state);
    // The declared inputs as recorded (the namespace included, when there is one), in that region.
    const { joinInfo: previous, ...recorded } = state as AnyBatchState;
    const inputs = { ...recorded, region } as AnyBatchInputs;
    const io = this.io(inputs, declaration);
    const joinInfo = await unlessGone(this.context, async () => {
      // The meeting's listing, shared with the other reads of this pass (a refresh reads all at once).
      const listed = await io.listing(inputs.meetingId);
      return listed && io.recorded(inputs.meetingId, declaredIn(inputs, listed), previous);
    });
    if (!joinInfo || Object.keys(joinInfo).length === 0) return undefined;
    return { id, state: { ...inputs, joinInfo } as AnyBatchState, inputs };
  }

  async update(
    declaration: Declaration,
    _id: string,
    olds: AnyBatchState,
    news: AnyBatchInputs,
  ): Promise<AnyBatchOutputs> {
    // A create that failed part-way recorded no joinInfo: find what exists by externalUserId, with
    // the settings it has.
    const io = this.io(olds, declaration);
    const current =
      olds.joinInfo ?? (await io.recorded(olds.meetingId, declaredIn(olds, await io.list(olds.meetingId))));
    const joinInfo = await this.converge(declaration, news, current);
    return { ...news, joinInfo } as AnyBatchOutputs;
  }

  preview(olds: AnyBatchState | undefined, news: AnyBatchInputs): AnyBatchState {
    return predictedBatchOutputs(olds, news);
  }

  async delete(declaration: Declaration, _id: string, state: AnyBatchState): Promise<void> {
    const io = this.io(state, declaration);
    // The meeting has ended (its attendees went with it), or an attendee is gone already.
    await unlessGone(this.context, async () => {
      // A create that failed part-way recorded no joinInfo: the declared attendees in the meeting.
      const members: [string, string][] = state.joinInfo
        ? Object.entries(state.joinInfo as Record<string, AnyJoinInfo>).map(([e, a]) => [e, a.attendeeId])
        : declaredIn(state, await io.list(state.meetingId)).flatMap((a) =>
            a.ExternalUserId && a.AttendeeId ? [[a.ExternalUserId, a.AttendeeId] as [string, string]] : [],
          );
      await Promise.all(
        members
          .filter(([externalUserId]) => !this.heldByAnother(declaration, state.meetingId, externalUserId))
          .map(([, attendeeId]) => unlessGone(this.context, () => io.delete(state.meetingId, attendeeId))),
      );
    });
  }

  /**
   * True when another resource of the deployment declares this member (it moved to an `Attendee`, or
   * was imported there): deleting it would invalidate that one's JoinToken, so it stays, with a warning.
   */
  private heldByAnother(declaration: Declaration, meetingId: string, externalUserId: string): boolean {
    const other = this.context.claims.attendees.otherOwner({ meetingId, externalUserId }, declaration.owner);
    if (!other || !declaration.owner) return false;
    declaration.warn?.(leftInPlace(declaration.owner, describeAttendee(meetingId, externalUserId), other));
    return true;
  }

  /**
   * Brings the meeting's attendees from `current` to the declared ones: deletes those no longer
   * declared (first, to make room), creates the missing ones with BatchCreateAttendee, 100 a request,
   * one request after another (adopting any that exist), and settles the settings (capabilities;
   * legacy tags) that differ from the declared ones, adopted attendees' included. A request that fails
   * outright stops the creating there: what exists is recorded and the failure names the attendees
   * not created.
   */
  private async converge(
    declaration: Declaration,
    inputs: AnyBatchInputs,
    current: Readonly<Record<string, AnyJoinInfo>>,
  ): Promise<Record<string, AnyJoinInfo>> {
    const io = this.io(inputs, declaration);
    const plan = membersToChange(current, inputs.attendees);
    const joinInfo = { ...current };
    await Promise.all(
      plan.remove.map(async (externalUserId) => {
        if (!this.heldByAnother(declaration, inputs.meetingId, externalUserId)) {
          await unlessGone(this.context, () =>
            io.delete(inputs.meetingId, current[externalUserId].attendeeId),
          );
        }
        delete joinInfo[externalUserId];
      }),
    );
    const errors: BatchCreateError[] = [];
    let chunkFailure: string | undefined;
    let requestId: string | undefined;
    for (const chunk of inChunks(plan.create)) {
      try {
        const created = await io.create(inputs.meetingId, chunk.items);
        Object.assign(joinInfo, created.joinInfo);
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
      // Settings that differ now, adopted attendees' included: the namespace's I/O knows which.
      await Promise.all(
        inputs.attendees.map(async (m) => {
          const have = joinInfo[m.externalUserId];
          const settled = have && (await io.settle(inputs.meetingId, have, m));
          if (settled) joinInfo[m.externalUserId] = settled;
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

/** The declared attendees among `listed`. */
function declaredIn(state: AnyBatchInputs, listed: readonly ChimeAttendee[]): ChimeAttendee[] {
  const declared = new Set(state.attendees.map((m: { externalUserId: string }) => m.externalUserId));
  return listed.filter((a) => a.ExternalUserId !== undefined && declared.has(a.ExternalUserId));
}

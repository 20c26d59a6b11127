import { randomUUID } from "node:crypto";
import type { CreateAttendeeError, Attendee as SdkAttendee } from "@aws-sdk/client-chime-sdk-meetings";
import type * as pulumi from "@pulumi/pulumi";
import { capabilitiesFromSdk } from "../attendee/attendee-state";
import { capabilitiesToSet } from "../attendee/capabilities";
import { ChimeApi } from "../aws/chime-api";
import { isNotFound, mask } from "../aws/errors";
import { type ConfigSource, defaultRegion, recordConfig, regionOf, settingsFor } from "../aws/settings";
import { duplicateFailures, finishCheck } from "../dynamic/check";
import { takeDeclaration } from "../dynamic/declaration";
import { GONE, initFailure, readWithoutState } from "../dynamic/read";
import { type CheckFailure, isUnknown } from "../validation/rules";
import { describeSensitive } from "../validation/sensitive";
import { checkBatch } from "./batch-check";
import { diffBatch, inChunks, planBatch } from "./batch-diff";
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
  errors: readonly CreateAttendeeError[],
  declared: readonly { externalUserId: string }[] = [],
  requestId?: string,
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
    `Chime BatchCreateAttendee could not create ${errors.length} of ${total} attendees in meeting ` +
    `${JSON.stringify(meetingId)}${requestId ? ` (RequestId ${requestId})` : ""}: ${items.join("; ")}. ` +
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
 * The dynamic provider behind `AttendeeBatch`: up to 250 attendees of one meeting created with one
 * BatchCreateAttendee call per 100 (where `Attendee` needs one request per attendee, each within the
 * 10-per-second quota), then kept in step with the declared list.
 */
export class AttendeeBatchProvider implements pulumi.dynamic.ResourceProvider<BatchInputs, BatchState> {
  async configure(req: { config: ConfigSource }): Promise<void> {
    recordConfig(req.config);
  }

  /** `news` is as the program wrote it: unvalidated, possibly with unknowns (`checkBatch` says which). */
  async check(olds: BatchInputs, news: BatchInputs): Promise<pulumi.dynamic.CheckResult<BatchInputs>> {
    const { declaration, inputs: raw } = takeDeclaration(news);
    // The legacy namespace is served once the batch lifecycle takes a namespace's I/O (issue 17).
    const result = checkBatch(olds, raw, defaultRegion()) as {
      inputs: BatchInputs;
      failures: CheckFailure[];
    };
    const { meetingId, attendees } = result.inputs;
    const known =
      result.failures.length === 0 &&
      !isUnknown(meetingId) &&
      Array.isArray(attendees) &&
      attendees.every((m) => !isUnknown(m) && !isUnknown(m.externalUserId));
    const duplicates =
      known && declaration.name !== undefined
        ? duplicateFailures(
            `AttendeeBatch ${JSON.stringify(declaration.name)}`,
            attendees.map((m, i) => ({
              meetingId,
              externalUserId: m.externalUserId,
              property: `attendees[${i}].externalUserId`,
            })),
          )
        : [];
    return finishCheck({ ...result, failures: [...result.failures, ...duplicates] }, declaration, raw);
  }

  async diff(_id: string, olds: BatchState, news: BatchInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffBatch(olds, news);
  }

  async create(inputs: BatchInputs): Promise<{ id: string; outs: BatchOutputs }> {
    const id = randomUUID();
    try {
      return { id, outs: { ...inputs, joinInfo: await this.converge(inputs, {}) } };
    } catch (error) {
      if (!(error instanceof IncompleteBatch)) throw error;
      // Some attendees exist: record the batch (without secrets) rather than orphan them; the next
      // `pulumi up` finds them again by externalUserId and completes the batch through `update`.
      throw initFailure(error, id, inputs, "some attendees of the batch could not be created or set up");
    }
  }

  async read(id: string, props?: BatchState): Promise<pulumi.dynamic.ReadResult<BatchState>> {
    if (!props?.meetingId) {
      throw readWithoutState(
        "An AttendeeBatch",
        "Declare it instead: BatchCreateAttendee adopts existing attendees with the same externalUserIds.",
      );
    }
    // Read by id (the `id` resource option): `props` are the program's arguments, without a region.
    const region = regionOf(props.region);
    try {
      // The meeting's listing, shared with the other reads of this pass (a refresh reads all at once).
      const listed = await new ChimeApi(settingsFor(region)).meetingAttendees(props.meetingId);
      if (!listed) return GONE;
      const joinInfo = this.declaredIn({ ...props, region }, listed, props.joinInfo);
      if (Object.keys(joinInfo).length === 0) return GONE;
      const inputs: BatchInputs = {
        meetingId: props.meetingId,
        attendees: props.attendees,
        region,
      };
      return { id, props: { ...inputs, joinInfo }, inputs };
    } catch (error) {
      if (isNotFound(error)) return GONE;
      throw error;
    }
  }

  async update(_id: string, olds: BatchState, news: BatchInputs): Promise<{ outs: BatchOutputs }> {
    // A create that failed part-way recorded no joinInfo: find what exists by externalUserId.
    const current = olds.joinInfo ?? (await this.findDeclared(olds));
    return { outs: { ...news, joinInfo: await this.converge(news, current) } };
  }

  async delete(_id: string, props: BatchState): Promise<void> {
    const api = new ChimeApi(settingsFor(props.region));
    try {
      const joinInfo = props.joinInfo ?? (await this.findDeclared(props));
      await Promise.all(
        Object.values(joinInfo).map((a) =>
          api.deleteAttendee(props.meetingId, a.attendeeId).catch((error) => {
            if (!isNotFound(error)) throw error;
          }),
        ),
      );
    } catch (error) {
      // The meeting has ended: its attendees went with it.
      if (!isNotFound(error)) throw error;
    }
  }

  /** The declared attendees that exist in the meeting, by externalUserId (a fresh listing). */
  private async findDeclared(state: BatchInputs): Promise<Record<string, JoinInfo>> {
    const listed = await new ChimeApi(settingsFor(state.region)).listAttendees(state.meetingId);
    return this.declaredIn(state, listed);
  }

  /** The declared attendees among `listed`, by externalUserId. */
  private declaredIn(
    state: BatchInputs,
    listed: readonly SdkAttendee[],
    previous?: Record<string, JoinInfo>,
  ): Record<string, JoinInfo> {
    const declared = new Set(state.attendees.map((m) => m.externalUserId));
    return joinInfoFrom(
      listed.filter((a) => a.ExternalUserId !== undefined && declared.has(a.ExternalUserId)),
      previous,
    );
  }

  /**
   * Brings the meeting's attendees from `current` to the declared ones: deletes those no longer
   * declared (first, to make room), creates the missing ones with BatchCreateAttendee, 100 a request,
   * one request after another (adopting any that exist), and sets capabilities that differ from the
   * declared ones. A request that fails outright stops the creating there: what exists is recorded
   * and the failure names the attendees not created.
   */
  private async converge(
    inputs: BatchInputs,
    current: Record<string, JoinInfo>,
  ): Promise<Record<string, JoinInfo>> {
    const api = new ChimeApi(settingsFor(inputs.region));
    const plan = planBatch(current, inputs.attendees);
    const joinInfo = { ...current };
    await Promise.all(
      plan.remove.map(async (externalUserId) => {
        await api.deleteAttendee(inputs.meetingId, current[externalUserId].attendeeId).catch((error) => {
          if (!isNotFound(error)) throw error;
        });
        delete joinInfo[externalUserId];
      }),
    );
    const errors: CreateAttendeeError[] = [];
    let chunkFailure: string | undefined;
    let requestId: string | undefined;
    for (const chunk of inChunks(plan.create)) {
      try {
        const created = await api.batchCreateAttendees(inputs.meetingId, chunk.items);
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
          const updated: SdkAttendee = await api.updateAttendeeCapabilities(
            inputs.meetingId,
            have.attendeeId,
            wanted,
          );
          joinInfo[m.externalUserId] = { ...have, capabilities: capabilitiesFromSdk(updated) };
        }),
      );
    } catch (error) {
      if (Object.keys(joinInfo).length === 0) throw error;
      throw new IncompleteBatch(error instanceof Error ? error.message : String(error));
    }
    if (chunkFailure !== undefined) {
      const items =
        errors.length > 0
          ? ` ${describeBatchErrors(inputs.meetingId, plan.create.length, errors, inputs.attendees, requestId)}`
          : "";
      throw new IncompleteBatch(
        `${chunkFailure}.${items} The attendees that exist are recorded; run \`pulumi up\` again: it adopts them and creates the rest.`,
      );
    }
    if (errors.length > 0) {
      const message = describeBatchErrors(
        inputs.meetingId,
        plan.create.length,
        errors,
        inputs.attendees,
        requestId,
      );
      throw Object.keys(joinInfo).length > 0 ? new IncompleteBatch(message) : new Error(message);
    }
    return joinInfo;
  }
}

import { randomUUID } from "node:crypto";
import { type LifecycleContext, regionOf, regionToRead, targetOf, unlessGone } from "../shared/io";
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
import { attendeeImportId, importNotFound } from "../validation/import-id";
import { isUnknown } from "../validation/rules";
import { AlreadyManaged, describeAttendee, leftInPlace } from "../validation/takeover";
import { checkAttendee, type RawAttendeeInputs } from "./attendee-check";
import { diffAttendee } from "./attendee-diff";
import type { AttendeeIo } from "./attendee-io";
import {
  type AnyAttendeeInputs,
  type AnyAttendeeOutputs,
  type AnyAttendeeState,
  halfCreatedState,
  inputsOfAny,
  isComplete,
  predictedAttendeeOutputs,
  unconverged,
} from "./attendee-state";

/**
 * An Attendee's logic, of either namespace: the rules (`./attendee-check.ts`, `./attendee-diff.ts`) and
 * the one lifecycle over the namespace's `AttendeeIo`: new id → create → converge (capabilities or tags)
 * → an init failure that records the attendee if converging fails → an update that completes such a
 * half-created attendee → read → update → delete, tolerating an attendee already gone.
 */
export class AttendeeLifecycle implements ResourceLogic<AnyAttendeeInputs, AnyAttendeeState> {
  constructor(private readonly context: LifecycleContext<AttendeeIo>) {}

  check(
    declaration: Declaration,
    olds: AnyAttendeeInputs | undefined,
    news: Readonly<Record<string, unknown>>,
  ): { inputs: AnyAttendeeInputs; failures: { property: string; reason: string }[] } {
    const result = checkAttendee(
      olds,
      news as RawAttendeeInputs,
      this.context.defaultRegion(),
      this.context.words.regionSources,
    );
    const { meetingId, externalUserId } = result.inputs;
    const known = result.failures.length === 0 && !isUnknown(meetingId) && !isUnknown(externalUserId);
    const duplicates =
      known && declaration.owner !== undefined
        ? duplicateFailures(this.context.claims.attendees, declaration.owner, [
            { meetingId, externalUserId, property: "externalUserId" },
          ])
        : [];
    return finishCheck({ ...result, failures: [...result.failures, ...duplicates] }, declaration, news);
  }

  diff(olds: AnyAttendeeState, news: AnyAttendeeInputs): Diffed {
    // The rule always says whether anything changes, and what replaces.
    return diffAttendee(olds, news) as Diffed;
  }

  async create(declaration: Declaration, inputs: AnyAttendeeInputs): Promise<Created<AnyAttendeeOutputs>> {
    const io = this.context.io(targetOf(inputs), declaration.secretInputs);
    // The id is opaque on purpose: state and the CLI show ids in plaintext, and the AttendeeId is secret.
    const id = randomUUID();
    const created = await io.create(inputs);
    try {
      return { id, state: await io.converge(inputs, created, false) };
    } catch (error) {
      // The attendee exists: record it (without its secrets, see AttendeeState) rather than orphan it.
      // The next `pulumi up` completes it through `update`.
      throw new InitFailure(unconverged(inputs), id, halfCreatedState(inputs, created), error);
    }
  }

  async read(
    declaration: Declaration,
    id: string,
    state: AnyAttendeeState | undefined,
  ): Promise<Read<AnyAttendeeState, AnyAttendeeInputs> | undefined> {
    if (state === undefined) return this.import(declaration, id);
    return this.readRecorded(declaration, id, state);
  }

  private async readRecorded(
    declaration: Declaration,
    id: string,
    state: AnyAttendeeState,
  ): Promise<Read<AnyAttendeeState, AnyAttendeeInputs> | undefined> {
    const region = regionToRead(this.context, "An Attendee", state);
    const recorded = { ...(state as AnyAttendeeState), region };
    const io = this.context.io(targetOf(recorded), declaration.secretInputs);
    // The attendee, or its whole meeting, is gone: undefined.
    const outputs = await unlessGone(this.context, () => io.read(recorded));
    if (!outputs) return undefined;
    return { id, state: outputs, inputs: inputsOfAny(outputs) as AnyAttendeeInputs };
  }

  /**
   * `pulumi import` (or a `get` by id): the attendee its import id names (`../validation/import-id.ts`),
   * found by externalUserId in its meeting's listing, under a new opaque id, with the inputs Chime
   * reports: a program that declares the same meeting and externalUserId diffs clean. Refused, before
   * any call, when another resource of the deployment declares that attendee (`AlreadyManaged`).
   */
  private async import(
    declaration: Declaration,
    importId: string,
  ): Promise<Read<AnyAttendeeState, AnyAttendeeInputs> | undefined> {
    const { stored, region, meetingId, externalUserId } = attendeeImportId(importId);
    const other = this.context.claims.attendees.otherOwner({ meetingId, externalUserId }, declaration.owner);
    if (other && declaration.owner) {
      throw new AlreadyManaged(declaration.owner, describeAttendee(meetingId, externalUserId), other);
    }
    const named = {
      ...stored,
      meetingId,
      externalUserId,
      region: region ?? regionOf(undefined, this.context.defaultRegion(), this.context.words),
    };
    const read = await this.readRecorded(declaration, randomUUID(), named as AnyAttendeeState);
    if (read) return read;
    throw importNotFound("An Attendee", describeAttendee(meetingId, externalUserId).replace(/^t/, "T"), {
      region: named.region,
      regionSetting: region ? "the legacy namespace's one region" : this.context.words.setting("region"),
    });
  }

  async update(
    declaration: Declaration,
    _id: string,
    olds: AnyAttendeeState,
    news: AnyAttendeeInputs,
  ): Promise<AnyAttendeeOutputs> {
    // A change of namespace replaces (see diffAttendee): both are of the same namespace here.
    if (namespaceOf(olds) !== namespaceOf(news)) {
      throw new Error("An attendee cannot change namespace in place; it is replaced.");
    }
    const io = this.context.io(targetOf({ ...news, region: olds.region }), declaration.secretInputs);
    if (isComplete(olds)) return io.converge(news, olds, true);
    // A create that failed half-way left no secrets in state: CreateAttendee finds the attendee again.
    return io.converge(news, await io.create(news), false);
  }

  preview(olds: AnyAttendeeState | undefined, news: AnyAttendeeInputs): AnyAttendeeState {
    return predictedAttendeeOutputs(olds, news);
  }

  /**
   * DeleteAttendee, unless another resource of the deployment declares the same attendee (an imported
   * duplicate, or a resource renamed without an alias): the delete then leaves it to that one.
   */
  async delete(declaration: Declaration, _id: string, state: AnyAttendeeState): Promise<void> {
    const { meetingId, externalUserId } = state;
    const other = this.context.claims.attendees.otherOwner({ meetingId, externalUserId }, declaration.owner);
    if (other && declaration.owner) {
      declaration.warn?.(leftInPlace(declaration.owner, describeAttendee(meetingId, externalUserId), other));
      return;
    }
    const io = this.context.io(targetOf(state), declaration.secretInputs);
    // Already gone (deleted out of band, or its meeting ended) is what delete wants.
    await unlessGone(this.context, async () => {
      const attendeeId = state.attendeeId ?? (await io.find(state.meetingId, state.externalUserId));
      if (attendeeId) await io.delete(state.meetingId, attendeeId);
    });
  }
}

import { randomUUID } from "node:crypto";
import { type LifecycleContext, regionOf, targetOf, unlessGone } from "../shared/io";
import type { Created, Declaration, Diffed, Read, ResourceLogic } from "../shared/resource";
import { finishCheck } from "../validation/check-result";
import { importNotFound, meetingImportId } from "../validation/import-id";
import type { CheckFailure } from "../validation/rules";
import { AlreadyManaged, describeMeeting, leftInPlace } from "../validation/takeover";
import { checkMeeting } from "./meeting-check";
import { diffMeeting } from "./meeting-diff";
import type { MeetingIo } from "./meeting-io";
import {
  type MeetingInputs,
  type MeetingState,
  meetingInputsOf,
  predictedMeetingOutputs,
  recordsMeeting,
} from "./meeting-state";

/**
 * A Meeting's logic, of either namespace: CreateMeeting (with the declared tags), GetMeeting,
 * DeleteMeeting over the namespace's `MeetingIo`. A meeting never changes in place (see `diffMeeting`);
 * its tags are the `MeetingTags` child's.
 */
export class MeetingLifecycle implements ResourceLogic<MeetingInputs, MeetingState> {
  constructor(private readonly context: LifecycleContext<MeetingIo>) {}

  check(
    declaration: Declaration,
    olds: MeetingInputs | undefined,
    news: Readonly<Record<string, unknown>>,
  ): { inputs: MeetingInputs; failures: CheckFailure[] } {
    return finishCheck(
      checkMeeting(
        olds,
        news as Partial<MeetingInputs>,
        this.context.defaultRegion(),
        this.context.words.regionSources,
      ),
      declaration,
      news,
    );
  }

  diff(olds: MeetingState, news: MeetingInputs, declaration?: Declaration): Diffed {
    if (declaration?.owner && olds.meetingId)
      this.context.claims.meetings.claim(declaration.owner, [olds.meetingId]);
    // The rule always says whether anything changes, and what replaces.
    return diffMeeting(olds, news) as Diffed;
  }

  private io(state: MeetingInputs, declaration: Declaration): MeetingIo {
    return this.context.io(targetOf(state), declaration.secretInputs);
  }

  async create(declaration: Declaration, inputs: MeetingInputs): Promise<Created<MeetingState>> {
    const state = await this.io(inputs, declaration).create(inputs);
    if (declaration.owner && state.meetingId)
      this.context.claims.meetings.claim(declaration.owner, [state.meetingId]);
    return { id: randomUUID(), state };
  }

  async read(
    declaration: Declaration,
    id: string,
    state: MeetingState | undefined,
  ): Promise<Read<MeetingState, MeetingInputs> | undefined> {
    if (state === undefined) return this.import(declaration, id);
    if (!recordsMeeting(state)) throw new Error("A Meeting without a recorded meetingId cannot be read.");
    // Ended: deleted, 24 hours old, or 5 minutes without an attendee. `pulumi up` creates it again.
    // State written by v0.1.0 also held tags and a clientRequestToken: they are dropped here, with no
    // diff (diffMeeting ignores both).
    const outputs = await unlessGone(this.context, () => this.io(state, declaration).read(state));
    return outputs && { id, state: outputs, inputs: meetingInputsOf(outputs) as MeetingInputs };
  }

  /**
   * `pulumi import` (or a `get` by id): the meeting its import id names (`../validation/import-id.ts`),
   * under a new opaque id, with the inputs GetMeeting reports; undefined when it has ended. Refused,
   * before any call, when another Meeting of the deployment manages it (`AlreadyManaged`).
   */
  private async import(
    declaration: Declaration,
    importId: string,
  ): Promise<Read<MeetingState, MeetingInputs> | undefined> {
    const { namespace, region, meetingId } = meetingImportId(importId);
    const other = this.context.claims.meetings.otherOwner(meetingId, declaration.owner);
    if (other && declaration.owner)
      throw new AlreadyManaged(declaration.owner, describeMeeting(meetingId), other);
    const target = {
      namespace,
      region: region ?? regionOf(undefined, this.context.defaultRegion(), this.context.words),
    };
    const io = this.context.io(target, declaration.secretInputs);
    const state = await unlessGone(this.context, () => io.import(meetingId));
    if (!state) {
      throw importNotFound("A Meeting", `The meeting ${JSON.stringify(meetingId)}`, {
        region: target.region,
        regionSetting: region ? "the legacy namespace's one region" : this.context.words.setting("region"),
      });
    }
    return { id: randomUUID(), state, inputs: meetingInputsOf(state) as MeetingInputs };
  }

  /** Never called: `diffMeeting` reports every change as a replacement. */
  async update(): Promise<MeetingState> {
    throw new Error(
      "A Meeting cannot change in place; its diff replaces it on any change (this is a bug in pulumi-chime-sdk).",
    );
  }

  /** A new meeting: Chime's ids and URLs unknown. An update (never planned, see `update`) changes nothing. */
  preview(olds: MeetingState | undefined, news: MeetingInputs): MeetingState {
    return olds ?? predictedMeetingOutputs(news);
  }

  /** DeleteMeeting, unless another Meeting of the deployment manages it (an imported duplicate). */
  async delete(declaration: Declaration, _id: string, state: MeetingState): Promise<void> {
    const other =
      state.meetingId && this.context.claims.meetings.otherOwner(state.meetingId, declaration.owner);
    if (other && declaration.owner) {
      declaration.warn?.(leftInPlace(declaration.owner, describeMeeting(state.meetingId as string), other));
      return;
    }
    // Already ended is what delete wants.
    await unlessGone(this.context, () => this.io(state, declaration).delete(state));
  }
}

import { randomUUID } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { ChimeApi } from "../aws/chime-api";
import { isNotFound } from "../aws/errors";
import { type ConfigSource, defaultRegion, recordConfig, regionOf, settingsFor } from "../aws/settings";
import { duplicateFailures, finishCheck } from "../dynamic/check";
import { takeDeclaration } from "../dynamic/declaration";
import { GONE, initFailure, readWithoutState } from "../dynamic/read";
import { isUnknown } from "../validation/rules";
import { checkAttendee } from "./attendee-check";
import { diffAttendee } from "./attendee-diff";
import {
  type AttendeeInputs,
  type AttendeeOutputs,
  type AttendeeState,
  inputsOf,
  toOutputs,
} from "./attendee-state";
import { capabilitiesToSet } from "./capabilities";

/**
 * The dynamic provider behind `Attendee`: CreateAttendee, GetAttendee, UpdateAttendeeCapabilities and
 * DeleteAttendee. It runs in the engine's provider process, reached through the shim in
 * `../dynamic/shim.ts`; the rules it applies live in the pure modules beside it.
 */
export class AttendeeProvider implements pulumi.dynamic.ResourceProvider<AttendeeInputs, AttendeeState> {
  async configure(req: { config: ConfigSource }): Promise<void> {
    recordConfig(req.config);
  }

  /**
   * `news` is as the program wrote it: unvalidated, possibly with unknowns (`checkAttendee` says which),
   * with the declaration's hidden inputs (`../dynamic/declaration.ts`), which are not stored.
   */
  async check(
    olds: AttendeeInputs,
    news: AttendeeInputs,
  ): Promise<pulumi.dynamic.CheckResult<AttendeeInputs>> {
    const { declaration, inputs: raw } = takeDeclaration(news);
    const result = checkAttendee(olds, raw, defaultRegion());
    const { meetingId, externalUserId } = result.inputs;
    const known = result.failures.length === 0 && !isUnknown(meetingId) && !isUnknown(externalUserId);
    const duplicates =
      known && declaration.name !== undefined
        ? duplicateFailures(`Attendee ${JSON.stringify(declaration.name)}`, [
            { meetingId, externalUserId, property: "externalUserId" },
          ])
        : [];
    return finishCheck({ ...result, failures: [...result.failures, ...duplicates] }, declaration, raw);
  }

  async diff(_id: string, olds: AttendeeState, news: AttendeeInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffAttendee(olds, news);
  }

  async create(inputs: AttendeeInputs): Promise<{ id: string; outs: AttendeeOutputs }> {
    const api = new ChimeApi(settingsFor(inputs.region));
    // The id is opaque on purpose: state and the CLI show ids in plaintext, and the AttendeeId is secret.
    const id = randomUUID();
    const created = await api.createAttendee(inputs.meetingId, inputs.externalUserId, inputs.capabilities);
    const outs = toOutputs(inputs, created);
    // Other capabilities than declared: CreateAttendee returned an attendee that existed (adoption).
    const wanted = capabilitiesToSet(outs.capabilities, inputs.capabilities);
    if (!wanted) return { id, outs };
    try {
      const updated = await api.updateAttendeeCapabilities(inputs.meetingId, outs.attendeeId, wanted);
      return { id, outs: toOutputs(inputs, updated, outs) };
    } catch (error) {
      // The attendee exists: record it (without its secrets, see AttendeeState) rather than orphan it.
      // The next `pulumi up` completes it through `update`.
      const recorded: AttendeeState = inputsOf(outs);
      throw initFailure(error, id, recorded, "the attendee exists but its capabilities could not be set");
    }
  }

  async read(id: string, props?: AttendeeState): Promise<pulumi.dynamic.ReadResult<AttendeeState>> {
    if (!props?.meetingId) {
      throw readWithoutState(
        "An Attendee",
        "Declare it instead: CreateAttendee adopts an existing attendee with the same externalUserId.",
      );
    }
    // Read by id (the `id` resource option): `props` are the program's arguments, without a region.
    const region = regionOf(props.region);
    const api = new ChimeApi(settingsFor(region));
    try {
      const attendee = props.attendeeId
        ? await api.getAttendee(props.meetingId, props.attendeeId)
        : await api.findAttendee(props.meetingId, props.externalUserId);
      if (!attendee) return GONE;
      const outs = toOutputs({ ...props, region }, attendee, props);
      return { id, props: outs, inputs: inputsOf(outs) };
    } catch (error) {
      if (isNotFound(error)) return GONE;
      throw error;
    }
  }

  async update(
    _id: string,
    olds: AttendeeState,
    news: AttendeeInputs,
  ): Promise<pulumi.dynamic.UpdateResult<AttendeeOutputs>> {
    const api = new ChimeApi(settingsFor(olds.region));
    let current: AttendeeOutputs;
    if (olds.attendeeId && olds.joinToken) {
      current = olds as AttendeeOutputs;
    } else {
      // A create that failed half-way left no secrets in state: CreateAttendee finds the attendee again.
      current = toOutputs(
        news,
        await api.createAttendee(news.meetingId, news.externalUserId, news.capabilities),
      );
    }
    const wanted = capabilitiesToSet(current.capabilities, news.capabilities);
    if (!wanted) return { outs: current };
    const updated = await api.updateAttendeeCapabilities(news.meetingId, current.attendeeId, wanted);
    // The call answers with the attendee's id and capabilities; the JoinToken does not change.
    return { outs: toOutputs(news, updated, current) };
  }

  async delete(_id: string, props: AttendeeState): Promise<void> {
    const api = new ChimeApi(settingsFor(props.region));
    try {
      const attendeeId =
        props.attendeeId ?? (await api.findAttendee(props.meetingId, props.externalUserId))?.AttendeeId;
      if (attendeeId) await api.deleteAttendee(props.meetingId, attendeeId);
    } catch (error) {
      // Already gone (deleted out of band, or its meeting ended) is what delete wants.
      if (!isNotFound(error)) throw error;
    }
  }
}

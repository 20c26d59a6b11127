import { randomUUID } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { isNotFound } from "../aws/errors";
import { type LegacyAttendee, LegacyChimeApi } from "../aws/legacy-api";
import { legacySettings } from "../aws/settings";
import { GONE } from "../dynamic/read";
import { tagChanges } from "../meeting-tags/tags-state";
import {
  type LegacyAttendeeInputs,
  type LegacyAttendeeOutputs,
  type LegacyAttendeeState,
  legacyInputsOf,
  toLegacyOutputs,
} from "./attendee-state";

/**
 * The I/O of a legacy Amazon Chime attendee (namespace "legacy"), for `AttendeeProvider`:
 * CreateAttendee with Tags, GetAttendee, ListAttendeeTags, TagAttendee / UntagAttendee (in place) and
 * DeleteAttendee, against the namespace's one endpoint.
 */
export class LegacyAttendeeIo {
  private api(): LegacyChimeApi {
    return new LegacyChimeApi(legacySettings());
  }

  /**
   * Creates the attendee with its tags. CreateAttendee returns an attendee that already had this
   * ExternalUserId (adoption) with the tags it had: its tags are then brought to the declared ones.
   */
  async create(inputs: LegacyAttendeeInputs): Promise<{ id: string; outs: LegacyAttendeeOutputs }> {
    const api = this.api();
    // The id is opaque on purpose: state and the CLI show ids in plaintext, and the AttendeeId is secret.
    const id = randomUUID();
    const created = await api.createAttendee(inputs.meetingId, inputs.externalUserId, inputs.tags);
    const wanted = inputs.tags ?? {};
    try {
      const outs = await this.converge(api, inputs, created.AttendeeId, created, wanted);
      return { id, outs };
    } catch (error) {
      // The attendee exists: record it (without its secrets, see AttendeeState) rather than orphan it.
      // The next `pulumi up` completes it through `update`.
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
        id,
        properties: legacyInputsOf(inputs),
        reasons: ["the attendee exists but its tags could not be set"],
      });
    }
  }

  /**
   * Brings an attendee's tags to `wanted`: reads them (ListAttendeeTags), then untags and tags the
   * difference. A fresh attendee made with these tags needs the read only.
   */
  private async converge(
    api: LegacyChimeApi,
    inputs: LegacyAttendeeInputs,
    attendeeId: string | undefined,
    attendee: LegacyAttendee,
    wanted: Readonly<Record<string, string>>,
  ): Promise<LegacyAttendeeOutputs> {
    if (!attendeeId) throw new Error("Chime returned an attendee without AttendeeId or JoinToken");
    const current = await api.listAttendeeTags(inputs.meetingId, attendeeId);
    const { set, remove } = tagChanges(current, wanted);
    if (remove.length > 0) await api.untagAttendee(inputs.meetingId, attendeeId, remove);
    if (set.length > 0) await api.tagAttendee(inputs.meetingId, attendeeId, set);
    return toLegacyOutputs(inputs, attendee, { ...wanted });
  }

  async read(
    id: string,
    props: LegacyAttendeeState,
  ): Promise<pulumi.dynamic.ReadResult<LegacyAttendeeState>> {
    const api = this.api();
    try {
      const attendee = props.attendeeId
        ? await api.getAttendee(props.meetingId, props.attendeeId)
        : await api.findAttendee(props.meetingId, props.externalUserId);
      if (!attendee?.AttendeeId) return GONE as pulumi.dynamic.ReadResult<LegacyAttendeeState>;
      const tags = await api.listAttendeeTags(props.meetingId, attendee.AttendeeId);
      const outs = toLegacyOutputs(props, attendee, tags, props);
      return { id, props: outs, inputs: legacyInputsOf(outs) };
    } catch (error) {
      if (isNotFound(error)) return GONE as pulumi.dynamic.ReadResult<LegacyAttendeeState>;
      throw error;
    }
  }

  /** Tags change in place; a state without secrets (a create that failed half-way) is completed. */
  async update(olds: LegacyAttendeeState, news: LegacyAttendeeInputs): Promise<LegacyAttendeeOutputs> {
    const api = this.api();
    const wanted = news.tags ?? {};
    if (olds.attendeeId && olds.joinToken) {
      const { set, remove } = tagChanges(olds.tags ?? {}, wanted);
      if (remove.length > 0) await api.untagAttendee(news.meetingId, olds.attendeeId, remove);
      if (set.length > 0) await api.tagAttendee(news.meetingId, olds.attendeeId, set);
      return toLegacyOutputs(news, {}, { ...wanted }, olds);
    }
    // A create that failed half-way left no secrets in state: CreateAttendee finds the attendee again.
    const found = await api.createAttendee(news.meetingId, news.externalUserId, news.tags);
    return this.converge(api, news, found.AttendeeId, found, wanted);
  }

  async delete(props: LegacyAttendeeState): Promise<void> {
    const api = this.api();
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

import { randomUUID } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { ChimeApi } from "../aws/chime-api";
import { isNotFound } from "../aws/errors";
import { type ConfigSource, defaultRegion, recordConfig, settingsFor } from "../aws/settings";
import { GONE, readWithoutState } from "../dynamic/read";
import { engineFailures } from "../validation/sensitive";
import { checkMeetingTags } from "./tags-check";
import { diffMeetingTags } from "./tags-diff";
import {
  type MeetingTagsInputs,
  type MeetingTagsOutputs,
  type MeetingTagsState,
  tagChanges,
} from "./tags-state";

/** The tag calls for one meeting. (Meetings of the legacy namespace are tagged by MeetingId instead.) */
interface TagTarget {
  list(): Promise<Record<string, string>>;
  tag(set: [string, string][]): Promise<void>;
  untag(keys: string[]): Promise<void>;
}

function tagTarget(inputs: MeetingTagsInputs): TagTarget {
  const api = new ChimeApi(settingsFor(inputs.region));
  return {
    list: () => api.listTags(inputs.meetingArn),
    tag: (set) => api.tagMeeting(inputs.meetingArn, set),
    untag: (keys) => api.untagMeeting(inputs.meetingArn, keys),
  };
}

/** Makes the meeting carry exactly `declared`: the declared set is authoritative. */
async function converge(
  target: TagTarget,
  current: Record<string, string>,
  declared: Record<string, string>,
): Promise<void> {
  const { set, remove } = tagChanges(current, declared);
  if (remove.length > 0) await target.untag(remove);
  if (set.length > 0) await target.tag(set);
}

/**
 * The dynamic provider behind `MeetingTags`: the tags of a meeting, as a child resource of its
 * `Meeting`, so that a tags-only change updates this resource alone and the meeting (whose outputs its
 * attendees consume) stays `same` in the preview as in `up`. See `Meeting` for why.
 */
export class MeetingTagsProvider
  implements pulumi.dynamic.ResourceProvider<MeetingTagsInputs, MeetingTagsState>
{
  async configure(req: { config: ConfigSource }): Promise<void> {
    recordConfig(req.config);
  }

  /** `news` is as the program wrote it: unvalidated, possibly with unknowns. */
  async check(
    olds: MeetingTagsInputs,
    news: MeetingTagsInputs,
  ): Promise<pulumi.dynamic.CheckResult<MeetingTagsInputs>> {
    const result = checkMeetingTags(olds, news, defaultRegion());
    return { inputs: result.inputs, failures: engineFailures(result.failures, []) };
  }

  async diff(
    _id: string,
    olds: MeetingTagsState,
    news: MeetingTagsInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffMeetingTags(olds, news);
  }

  /**
   * Adopts the meeting's tags: CreateMeeting usually set them already (nothing to call then, beyond
   * the listing); tags the meeting carries but the program does not declare are removed.
   */
  async create(inputs: MeetingTagsInputs): Promise<{ id: string; outs: MeetingTagsOutputs }> {
    const target = tagTarget(inputs);
    await converge(target, await target.list(), inputs.tags);
    return { id: randomUUID(), outs: inputs };
  }

  /** Lists the meeting's tags; a meeting that ended takes its tags with it (GONE). */
  async read(id: string, props?: MeetingTagsState): Promise<pulumi.dynamic.ReadResult<MeetingTagsState>> {
    if (!props?.meetingArn) {
      throw readWithoutState("A MeetingTags resource", "Declare the tags on their Meeting instead.");
    }
    try {
      const outs: MeetingTagsOutputs = { ...props, tags: await tagTarget(props).list() };
      return { id, props: outs, inputs: outs };
    } catch (error) {
      if (isNotFound(error)) return GONE;
      throw error;
    }
  }

  /**
   * Same meeting: removes the dropped keys and sets the new or changed ones. A new meeting (the parent
   * was replaced; the old one is being deleted): converges the new meeting's tags on the declared set.
   */
  async update(
    _id: string,
    olds: MeetingTagsState,
    news: MeetingTagsInputs,
  ): Promise<pulumi.dynamic.UpdateResult<MeetingTagsOutputs>> {
    const target = tagTarget(news);
    const sameMeeting = olds.meetingArn === news.meetingArn && olds.region === news.region;
    await converge(target, sameMeeting ? (olds.tags ?? {}) : await target.list(), news.tags);
    return { outs: news };
  }

  /** Removes its tags from the meeting; a meeting that ended (or was replaced) has none left. */
  async delete(_id: string, props: MeetingTagsState): Promise<void> {
    const keys = Object.keys(props.tags ?? {});
    if (keys.length === 0 || !props.meetingArn) return;
    try {
      await tagTarget(props).untag(keys);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

import { randomUUID } from "node:crypto";
import { type LifecycleContext, targetOf, unlessGone } from "../shared/io";
import type { Created, Declaration, Diffed, Read, ResourceLogic } from "../shared/resource";
import { tagChanges } from "../shared/tags";
import type { CheckFailure } from "../validation/rules";
import { engineFailures } from "../validation/sensitive";
import { checkMeetingTags } from "./tags-check";
import { diffMeetingTags } from "./tags-diff";
import type { TaggedMeeting, TagsIo } from "./tags-io";
import { type MeetingTagsInputs, type MeetingTagsState, recordsTaggedMeeting } from "./tags-state";

/** Makes the meeting carry exactly `declared`: the declared set is authoritative. */
async function converge(
  io: TagsIo,
  meeting: TaggedMeeting,
  current: Readonly<Record<string, string>>,
  declared: Readonly<Record<string, string>>,
): Promise<void> {
  const { set, remove } = tagChanges(current, declared);
  if (remove.length > 0) await io.untag(meeting, remove);
  if (set.length > 0) await io.tag(meeting, set);
}

/**
 * A MeetingTags resource's logic: the tags of a meeting, as a child resource of its `Meeting`, so that a
 * tags-only change updates this resource alone and the meeting (whose outputs its attendees consume)
 * stays `same` in the preview as in `up`. See `Meeting` for why.
 */
export class MeetingTagsLifecycle implements ResourceLogic<MeetingTagsInputs, MeetingTagsState> {
  constructor(private readonly context: LifecycleContext<TagsIo>) {}

  check(
    declaration: Declaration,
    olds: MeetingTagsInputs | undefined,
    news: Readonly<Record<string, unknown>>,
  ): { inputs: MeetingTagsInputs; failures: CheckFailure[] } {
    const result = checkMeetingTags(
      olds,
      news as unknown as MeetingTagsInputs,
      this.context.defaultRegion(),
      this.context.words.regionSources,
    );
    return { inputs: result.inputs, failures: engineFailures(result.failures, declaration.secretInputs) };
  }

  diff(olds: MeetingTagsState, news: MeetingTagsInputs): Diffed {
    // The rule always says whether anything changes, and what replaces.
    return diffMeetingTags(olds, news) as Diffed;
  }

  private io(state: MeetingTagsInputs, declaration: Declaration): TagsIo {
    return this.context.io(targetOf(state), declaration.secretInputs);
  }

  /**
   * Adopts the meeting's tags: CreateMeeting usually set them already (nothing to call then, beyond
   * the listing); tags the meeting carries but the program does not declare are removed.
   */
  async create(declaration: Declaration, inputs: MeetingTagsInputs): Promise<Created<MeetingTagsState>> {
    const io = this.io(inputs, declaration);
    await converge(io, inputs, await io.list(inputs), inputs.tags);
    return { id: randomUUID(), state: inputs };
  }

  /** Lists the meeting's tags; a meeting that ended takes its tags with it (gone). */
  async read(
    declaration: Declaration,
    id: string,
    state: MeetingTagsState | undefined,
  ): Promise<Read<MeetingTagsState, MeetingTagsInputs> | undefined> {
    if (!recordsTaggedMeeting(state)) {
      throw new Error(
        "A MeetingTags resource cannot be imported: declare the tags on their Meeting instead.",
      );
    }
    // A meeting that ended takes its tags with it.
    const tags = await unlessGone(this.context, () => this.io(state, declaration).list(state));
    if (!tags) return undefined;
    const outputs: MeetingTagsState = { ...state, tags };
    return { id, state: outputs, inputs: outputs };
  }

  /**
   * Same meeting: removes the dropped keys and sets the new or changed ones. A new meeting (the parent
   * was replaced; the old one is being deleted): converges the new meeting's tags on the declared set.
   */
  async update(
    declaration: Declaration,
    _id: string,
    olds: MeetingTagsState,
    news: MeetingTagsInputs,
  ): Promise<MeetingTagsState> {
    const io = this.io(news, declaration);
    const sameMeeting =
      olds.namespace === news.namespace &&
      olds.meetingId === news.meetingId &&
      olds.meetingArn === news.meetingArn &&
      olds.region === news.region;
    await converge(io, news, sameMeeting ? (olds.tags ?? {}) : await io.list(news), news.tags);
    return news;
  }

  /** Create and update both return the declared inputs: nothing to predict. */
  preview(_olds: MeetingTagsState | undefined, news: MeetingTagsInputs): MeetingTagsState {
    return news;
  }

  /** Removes its tags from the meeting; a meeting that ended (or was replaced) has none left. */
  async delete(declaration: Declaration, _id: string, state: MeetingTagsState): Promise<void> {
    const keys = Object.keys(state.tags ?? {});
    if (keys.length === 0 || !recordsTaggedMeeting(state)) return;
    await unlessGone(this.context, () => this.io(state, declaration).untag(state, keys));
  }
}

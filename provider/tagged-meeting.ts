/**
 * A Meeting that manages its own tags in place: the plugin's `chime:index:Meeting`.
 *
 * The dynamic `Meeting` class cannot: a dynamic provider cannot preview, so the engine would preview a
 * tags update of the meeting with its new inputs as its outputs, `meetingId` unknown, and every attendee
 * of it replaced (which `up` would not do). It leaves its tags to a `MeetingTags` child instead. A plugin
 * previews (`ResourceLogic.preview`, Configure's `supportsPreview`), so its Meeting can update its tags
 * itself with an exact preview: its outputs stay known, its attendees `same`.
 *
 * Composed of the two resources' logic, each rule in its one place: everything but the tags is the
 * Meeting's (check, what replaces, create, read, delete); the tags are the MeetingTags' (what is a
 * change, how they converge, how they are listed). Declared tags are authoritative, as for MeetingTags:
 * no `tags` means none. The outputs carry the tags the meeting has (`{}` for none).
 */
import type { MeetingLifecycle } from "./meeting/meeting-lifecycle";
import {
  type MeetingInputs,
  type MeetingState,
  meetingInputsOf,
  recordsMeeting,
  withoutUndefined,
} from "./meeting/meeting-state";
import type { MeetingTagsLifecycle } from "./meeting-tags/tags-lifecycle";
import type { MeetingTagsState } from "./meeting-tags/tags-state";
import type { Created, Declaration, Diffed, Read, ResourceLogic } from "./shared/resource";
import type { CheckFailure } from "./validation/rules";

type Tags = Record<string, string>;

/** The tags of a recorded meeting, as its MeetingTags resource would hold them. */
function tagsOf(meeting: MeetingState, tags: Tags | undefined): MeetingTagsState {
  return withoutUndefined({
    namespace: meeting.namespace,
    meetingId: meeting.meetingId as string,
    meetingArn: meeting.meetingArn,
    tags: tags ?? {},
    region: meeting.region,
  });
}

/** The meeting's inputs as read back: with the tags it has, none left out when it has none. */
function inputsWithTags(inputs: MeetingInputs, tags: Tags): MeetingInputs {
  const { tags: _stale, ...rest } = inputs;
  return Object.keys(tags).length > 0 ? { ...rest, tags } : rest;
}

export class TaggedMeeting implements ResourceLogic<MeetingInputs, MeetingState> {
  constructor(
    private readonly meeting: MeetingLifecycle,
    private readonly tags: MeetingTagsLifecycle,
  ) {}

  check(
    declaration: Declaration,
    olds: MeetingInputs | undefined,
    news: Readonly<Record<string, unknown>>,
  ): { inputs: MeetingInputs; failures: CheckFailure[] } {
    return this.meeting.check(declaration, olds, news);
  }

  /** The Meeting's replacements; short of one, a change of tags as MeetingTags sees it updates in place. */
  diff(olds: MeetingState, news: MeetingInputs, declaration?: Declaration): Diffed {
    const meeting = this.meeting.diff(olds, news, declaration);
    if (meeting.replaces.length > 0 || !recordsMeeting(olds)) return meeting;
    const tags = this.tags.diff(tagsOf(olds, olds.tags ?? {}), tagsOf(olds, news.tags));
    return { ...meeting, changes: meeting.changes || tags.changes };
  }

  /** CreateMeeting sets the declared tags (a new meeting carries exactly them: nothing to list). */
  async create(declaration: Declaration, inputs: MeetingInputs): Promise<Created<MeetingState>> {
    const created = await this.meeting.create(declaration, inputs);
    return { id: created.id, state: { ...created.state, tags: inputs.tags ?? {} } };
  }

  /** The meeting (gone when it has ended), with the tags it has now: a refresh sees tags changed out of band. */
  async read(
    declaration: Declaration,
    id: string,
    state: MeetingState | undefined,
  ): Promise<Read<MeetingState, MeetingInputs> | undefined> {
    const read = await this.meeting.read(declaration, id, state);
    if (!read) return undefined;
    const listed = await this.tags.read(declaration, read.id, tagsOf(read.state, {}));
    if (!listed) return undefined;
    const tags = listed.state.tags;
    return { id: read.id, state: { ...read.state, tags }, inputs: inputsWithTags(read.inputs, tags) };
  }

  /**
   * A tags-only change (anything else replaces): converges the meeting's tags from those recorded, or
   * from those it has when the state recorded none (state written before the outputs carried them).
   */
  async update(
    declaration: Declaration,
    id: string,
    olds: MeetingState,
    news: MeetingInputs,
  ): Promise<MeetingState> {
    if (this.meeting.diff(olds, news).replaces.length > 0 || !recordsMeeting(olds)) {
      // Raises the Meeting's own error: a meeting changes nothing but its tags in place.
      return this.meeting.update();
    }
    const recorded =
      olds.tags !== undefined
        ? tagsOf(olds, olds.tags)
        : ((await this.tags.read(declaration, id, tagsOf(olds, {})))?.state ?? tagsOf(olds, {}));
    const updated = await this.tags.update(declaration, id, recorded, tagsOf(olds, news.tags));
    return { ...olds, ...meetingInputsOf(news), tags: updated.tags };
  }

  /** Predicted as the Meeting predicts it, with the tags as MeetingTags predicts them. */
  preview(olds: MeetingState | undefined, news: MeetingInputs): MeetingState {
    const meeting = this.meeting.preview(olds, news);
    const tags =
      olds === undefined ? (news.tags ?? {}) : this.tags.preview(undefined, tagsOf(olds, news.tags)).tags;
    return { ...meeting, tags };
  }

  /** DeleteMeeting: its tags go with it. */
  async delete(declaration: Declaration, id: string, state: MeetingState): Promise<void> {
    await this.meeting.delete(declaration, id, state);
  }
}

/**
 * The one place the namespace of a resource is chosen: each factory hands a lifecycle the I/O of the
 * namespace its target names, from the table below. The legacy module is required lazily, so that a
 * process with no legacy resource never loads the pinned legacy SDK (`@aws-sdk/client-chime`; issue 15
 * measured its cost).
 */
import type { AttendeeIo } from "../attendee/attendee-io";
import type { BatchIo } from "../attendee-batch/batch-io";
import type { ChimeConfig } from "../aws/config";
import type { MeetingIo } from "../meeting/meeting-io";
import type { TagsIo } from "../meeting-tags/tags-io";
import type { IoFactory, IoTarget } from "../shared/io";
import { type Namespace, namespaceOf } from "../shared/namespace";
import type * as LegacyNamespace from "./legacy";
import * as meetings from "./meetings";

/** What each namespace module gives: every resource's I/O for a target. */
interface NamespaceModule {
  attendeeIo(config: ChimeConfig, target: IoTarget, secretInputs: readonly string[]): AttendeeIo;
  meetingIo(config: ChimeConfig, target: IoTarget, secretInputs: readonly string[]): MeetingIo;
  tagsIo(config: ChimeConfig, target: IoTarget, secretInputs: readonly string[]): TagsIo;
  batchIo(config: ChimeConfig, target: IoTarget, secretInputs: readonly string[]): BatchIo;
}

/** Each namespace's module, loaded when first asked for. */
const NAMESPACES: Readonly<Record<Namespace, () => NamespaceModule>> = {
  meetings: () => meetings,
  legacy: () => require("./legacy") as typeof LegacyNamespace,
};

/** The factory of one kind of I/O: the module of the target's namespace makes it. */
function ioOf<K extends keyof NamespaceModule>(kind: K) {
  return (config: ChimeConfig): IoFactory<ReturnType<NamespaceModule[K]>> =>
    (target, secretInputs) =>
      NAMESPACES[namespaceOf(target)]()[kind](config, target, secretInputs) as ReturnType<NamespaceModule[K]>;
}

export const attendeeIo = ioOf("attendeeIo");
export const meetingIo = ioOf("meetingIo");
export const tagsIo = ioOf("tagsIo");
export const batchIo = ioOf("batchIo");

/**
 * The resource kinds: the one list of them. Both front-ends (`./dynamic/`, `./plugin/`), the core
 * (`./core.ts`), each kind's diff rule (its `replaceOn`) and the reference-docs generator read each
 * kind's facts here; nothing else lists the kinds (`test/provider/kinds.test.ts` holds this table against `schema.json`, the package's exports
 * and the diff rules). A new kind is a row here, a folder of its own, and its schema.
 */
import type { Namespace } from "./shared/namespace";

/**
 * The core's resources (`Core` in `./core.ts`): one per kind, and the Meeting twice, since only a
 * front-end that previews can update a meeting's tags in place.
 */
export type CoreResource = "meeting" | "taggedMeeting" | "meetingTags" | "attendee" | "attendeeBatch";

/** What both front-ends and the docs know of one resource kind. */
export interface Kind {
  /** The resource's name: the class the package exports, the schema token's last part, how messages name it. */
  readonly name: string;
  /** The plugin's type token, a key of `schema.json`'s `resources`. */
  readonly token: `chime:index:${string}`;
  /** The core resource each front-end serves it with. */
  readonly core: { readonly dynamic: CoreResource; readonly plugin: CoreResource };
  /**
   * The outputs stored as secrets, per namespace: the schema's secret properties that the namespace
   * has, and in the legacy namespace the property that holds tags too (its model marks tags sensitive,
   * and a refresh can bring back tags the program never declared).
   */
  readonly secretOutputs: Readonly<Record<Namespace, readonly string[]>>;
  /**
   * Whether a replacement deletes the old resource first, whatever the program's options say: an
   * attendee's replacement with the same meeting and externalUserId (a forced one) would otherwise get
   * the very attendee that the old one's delete then removes (CreateAttendee is idempotent on it).
   */
  readonly deleteBeforeReplace: boolean;
  /** The inputs whose change replaces the resource (the kind's diff rule). */
  readonly replaceOn: readonly string[];
  /**
   * The id `pulumi import` takes (prefixed with `legacy/` in the legacy namespace), or the reason the
   * kind cannot be imported.
   */
  readonly importId: { readonly form: string } | { readonly notImportable: string };
}

/** Every resource kind, by the name its dynamic provider has in `pulumi-chime-sdk/provider-runtime`. */
export const KINDS = {
  meeting: {
    name: "Meeting",
    token: "chime:index:Meeting",
    // The plugin previews, so its Meeting updates its own tags in place (the dynamic class cannot).
    core: { dynamic: "meeting", plugin: "taggedMeeting" },
    secretOutputs: { meetings: [], legacy: ["tags"] },
    deleteBeforeReplace: false,
    // Every input but its tags (`../meeting/meeting-state.ts` holds this against `MeetingInputs`): a
    // Meeting never changes in place (Chime can change nothing of a meeting but its tags).
    replaceOn: [
      "namespace",
      "externalMeetingId",
      "mediaRegion",
      "meetingHostId",
      "meetingFeatures",
      "notificationsConfiguration",
      "primaryMeetingId",
      "tenantIds",
      "region",
    ],
    importId: { form: "<meetingId>" },
  },
  meetingTags: {
    name: "MeetingTags",
    token: "chime:index:MeetingTags",
    core: { dynamic: "meetingTags", plugin: "meetingTags" },
    secretOutputs: { meetings: [], legacy: ["tags"] },
    deleteBeforeReplace: false,
    replaceOn: [],
    importId: { notImportable: "declare the tags on their Meeting instead" },
  },
  attendee: {
    name: "Attendee",
    token: "chime:index:Attendee",
    core: { dynamic: "attendee", plugin: "attendee" },
    secretOutputs: { meetings: ["attendeeId", "joinToken"], legacy: ["attendeeId", "joinToken", "tags"] },
    deleteBeforeReplace: true,
    // Chime cannot move an attendee or rename it.
    replaceOn: ["namespace", "meetingId", "externalUserId", "region"],
    importId: { form: "<meetingId>/<externalUserId>" },
  },
  attendeeBatch: {
    name: "AttendeeBatch",
    token: "chime:index:AttendeeBatch",
    core: { dynamic: "attendeeBatch", plugin: "attendeeBatch" },
    // The engine keeps secrecy per top-level property: the members' tags make the whole list secret.
    secretOutputs: { meetings: ["joinInfo"], legacy: ["joinInfo", "attendees"] },
    deleteBeforeReplace: true,
    replaceOn: ["namespace", "meetingId", "region"],
    importId: {
      notImportable:
        "declare it instead: BatchCreateAttendee adopts existing attendees with the same externalUserIds",
    },
  },
} as const satisfies Readonly<Record<string, Kind>>;

/** A kind's key in {@link KINDS}: the dynamic provider's name in `pulumi-chime-sdk/provider-runtime`. */
export type KindKey = keyof typeof KINDS;

/** The keys of {@link KINDS}, in its order. */
export const KIND_KEYS = Object.keys(KINDS) as KindKey[];

/** The kind of a type token, if it is one of ours. */
export function kindOfToken(token: string): Kind | undefined {
  return KIND_KEYS.map((key) => KINDS[key] as Kind).find((kind) => kind.token === token);
}

/** The outputs a resource of `kind` stores as secrets in `namespace` (undefined: Chime SDK Meetings). */
export function secretOutputsOf(kind: Kind, namespace: string | undefined): readonly string[] {
  return kind.secretOutputs[namespace === "legacy" ? "legacy" : "meetings"];
}

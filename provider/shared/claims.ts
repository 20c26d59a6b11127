/**
 * The Chime attendees and meetings the resources of one provider instance manage. A dynamic provider
 * process serves one deployment (preview, up, refresh, destroy), and a plugin instance one stack's
 * provider: claims kept per instance span the deployment's resources, and no more.
 *
 * What a claim is made from, and when (the engine's order within one deployment):
 * - an attendee's meeting and externalUserId, at `check` of the resource that declares it: the engine
 *   checks every resource the program registers before it plans any delete of a resource the program
 *   no longer declares;
 * - a meeting's meetingId, at `diff` of a Meeting in the state (the engine diffs every one the program
 *   registers) and at `create` of a new one.
 * Reads claim nothing: a refresh reads every resource of the state, duplicates included, and a claim
 * there would turn the next `check` of the resource the program declares into a false duplicate.
 */

/** The meeting and externalUserId that identify one Chime attendee. */
export interface AttendeeKey {
  readonly meetingId: string;
  readonly externalUserId: string;
}

/** Who manages a Chime attendee or meeting: e.g. `Attendee "lobby-kiosk"` or `AttendeeBatch "bots"`. */
export type Owner = string;

/** A declaration of something that another resource of the deployment declares too. */
export interface Duplicate<K> {
  readonly key: K;
  /** The other resource. */
  readonly other: Owner;
}

/** Who claims what, one owner per key; `keyOf` says when two keys are the same thing. */
class Claims<K> {
  private readonly owners = new Map<string, Owner>();
  private readonly claimed = new Map<Owner, string[]>();

  constructor(private readonly keyOf: (key: K) => string) {}

  /**
   * Records that `owner` manages `keys` (replacing what it claimed before: `check` runs again for the
   * same resource, at preview with unknowns and at up with values) and returns the keys another owner
   * claims already. A key already another's stays the other's.
   */
  claim<T extends K>(owner: Owner, keys: readonly T[]): Duplicate<T>[] {
    for (const previous of this.claimed.get(owner) ?? []) {
      if (this.owners.get(previous) === owner) this.owners.delete(previous);
    }
    const mine: string[] = [];
    const duplicates: Duplicate<T>[] = [];
    for (const key of keys) {
      const k = this.keyOf(key);
      const other = this.owners.get(k);
      if (other !== undefined && other !== owner) {
        duplicates.push({ key, other });
      } else {
        this.owners.set(k, owner);
        mine.push(k);
      }
    }
    this.claimed.set(owner, mine);
    return duplicates;
  }

  /**
   * The resource other than `self` that claims `key` in this deployment, if any: the one an import or a
   * `get` by `self` must not take over, and whose attendee or meeting a delete by `self` must leave in
   * place. `self` absent (a dynamic resource, whose name its state does not hold): none, since the
   * claimant may be that very resource's replacement.
   */
  otherOwner(key: K, self: Owner | undefined): Owner | undefined {
    const owner = this.owners.get(this.keyOf(key));
    return self !== undefined && owner !== undefined && owner !== self ? owner : undefined;
  }
}

/**
 * Two declarations of one meeting and externalUserId would share one Chime attendee (CreateAttendee and
 * BatchCreateAttendee return the existing one), and deleting either would invalidate the JoinToken the
 * other hands out.
 */
export class AttendeeClaims extends Claims<AttendeeKey> {
  constructor() {
    super((key) => JSON.stringify([key.meetingId, key.externalUserId]));
  }
}

/**
 * Two Meeting resources of one meetingId (an import, or a `get`, of a meeting a Meeting of the stack
 * created) would each delete it, and its attendees with it.
 */
export class MeetingClaims extends Claims<string> {
  constructor() {
    super((meetingId) => meetingId);
  }
}

/** The claims of one provider instance (not a module singleton). */
export class ProviderClaims {
  readonly attendees = new AttendeeClaims();
  readonly meetings = new MeetingClaims();
}

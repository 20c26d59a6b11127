/**
 * The Chime attendees the resources of one provider instance declare. A dynamic provider process serves
 * one deployment (preview, up, refresh, destroy), and a plugin instance one stack's provider: claims kept
 * per instance span the deployment's resources, and no more.
 */

/** The meeting and externalUserId that identify one Chime attendee. */
export interface AttendeeKey {
  readonly meetingId: string;
  readonly externalUserId: string;
}

/** Who declared a Chime attendee: e.g. `Attendee "lobby-kiosk"` or `AttendeeBatch "bots"`. */
export type Owner = string;

/** A declaration of an attendee that another resource of the deployment declares too. */
export interface Duplicate<K extends AttendeeKey = AttendeeKey> {
  readonly key: K;
  /** The other resource. */
  readonly other: Owner;
}

/**
 * Two declarations of one meeting and externalUserId would share one Chime attendee (CreateAttendee and
 * BatchCreateAttendee return the existing one), and deleting either would invalidate the JoinToken the
 * other hands out. One instance per provider instance (not a module singleton).
 */
export class AttendeeClaims {
  private readonly owners = new Map<string, Owner>();
  private readonly claimed = new Map<Owner, string[]>();

  private static keyOf(key: AttendeeKey): string {
    return JSON.stringify([key.meetingId, key.externalUserId]);
  }

  /**
   * Records that `owner` declares `keys` (replacing what it declared before: `check` runs again for the
   * same resource, at preview with unknowns and at up with values) and returns the keys another owner
   * declares already. A key already another's stays the other's.
   */
  claim<K extends AttendeeKey>(owner: Owner, keys: readonly K[]): Duplicate<K>[] {
    // Every key an owner claimed is still its own: another owner's claim of it was a duplicate.
    for (const previous of this.claimed.get(owner) ?? []) this.owners.delete(previous);
    const mine: string[] = [];
    const duplicates: Duplicate<K>[] = [];
    for (const key of keys) {
      const k = AttendeeClaims.keyOf(key);
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
}

/**
 * What this provider process has seen of the current deployment. The engine starts one provider process
 * per deployment (preview, up, refresh, destroy) and it serves every dynamic resource of the stack, so
 * state kept here spans the deployment's resources, and no more: another stack, or the next `up`, is
 * another process.
 */

/** The meeting and externalUserId that identify one Chime attendee. */
export interface AttendeeKey {
  readonly meetingId: string;
  readonly externalUserId: string;
}

/** Who declared a Chime attendee: e.g. `Attendee "lobby-kiosk"` or `AttendeeBatch "bots"`. */
export type Owner = string;

/** A declaration of an attendee that another resource of the deployment declares too. */
export interface Duplicate {
  readonly key: AttendeeKey;
  /** The other resource. */
  readonly other: Owner;
}

/**
 * The Chime attendees the resources of a deployment declare. Two declarations of one meeting and
 * externalUserId would share one Chime attendee (CreateAttendee and BatchCreateAttendee return the
 * existing one), and deleting either would invalidate the JoinToken the other hands out.
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
  claim(owner: Owner, keys: readonly AttendeeKey[]): Duplicate[] {
    for (const previous of this.claimed.get(owner) ?? []) {
      if (this.owners.get(previous) === owner) this.owners.delete(previous);
    }
    const mine: string[] = [];
    const duplicates: Duplicate[] = [];
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

/** The claims of this process's deployment. */
export const attendeeClaims = new AttendeeClaims();

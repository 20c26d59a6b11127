/**
 * Shares one fetch per key among the callers that ask for it close together. No I/O of its own: the
 * caller hands in the fetch, and the clock is injectable.
 *
 * A fetch serves every caller that asks while it runs and, once it has succeeded, those that ask
 * within `windowMs` after; the next caller after that starts a fresh fetch. So a value is never older
 * than the fetch plus the window: with the 2-s default, one engine pass (the engine reads every
 * resource of a refresh at once) shares one fetch per key, and the next pass fetches again. A failed
 * fetch answers every caller that waited for it and is forgotten at once; `invalidate` forgets a value
 * (after a write), so that callers from then on see the change.
 */

/** How long a fetched value keeps serving new callers, in ms. */
export const SNAPSHOT_WINDOW_MS = 2_000;

interface Entry<V> {
  readonly value: Promise<V>;
  /** When the fetch succeeded (the clock's ms); undefined while it runs. */
  settledAt?: number;
}

export class CoalescingCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Fetches started, per key (for tests and benchmarks). */
  readonly fetches = new Map<string, number>();

  constructor(
    /** Milliseconds, monotonic. */
    public now: () => number = () => performance.now(),
    private readonly windowMs: number = SNAPSHOT_WINDOW_MS,
  ) {}

  /** The value of `key`: the running fetch's, a recent one's, or a new fetch's. */
  get(key: string, fetch: () => Promise<V>): Promise<V> {
    const current = this.entries.get(key);
    if (current && (current.settledAt === undefined || this.now() - current.settledAt <= this.windowMs)) {
      return current.value;
    }
    this.fetches.set(key, (this.fetches.get(key) ?? 0) + 1);
    const entry: Entry<V> = {
      value: fetch().then(
        (value) => {
          entry.settledAt = this.now();
          return value;
        },
        (error: unknown) => {
          if (this.entries.get(key) === entry) this.entries.delete(key);
          throw error;
        },
      ),
    };
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Forgets the value of `key`: the next caller fetches anew (callers of a running fetch still get it). */
  invalidate(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets everything (tests). */
  clear(): void {
    this.entries.clear();
    this.fetches.clear();
  }
}

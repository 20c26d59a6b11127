/**
 * Reading and writing the state file. Loading happens once at startup and may block. Writing is
 * asynchronous, coalesced and incremental: changes only mark the state dirty; a write starts after
 * a short debounce, walks the meetings one at a time and yields to the event loop between them.
 * Each meeting's JSON is cached with the meeting's version, so a write re-serializes only the
 * meetings changed since the last one: at 250 meetings × 250 attendees (≈ 15 MB of JSON) a full
 * serialization costs ~60 ms of CPU and much garbage, a cached write a few ms. The file is
 * replaced atomically (temp file, fsync, rename), with mode 0600: it holds JoinTokens.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import type { StoredMeeting } from "./model";
import {
  parseStateSections,
  SECTION_FOOTER,
  STATE_FOOTER,
  STATE_SECTIONS,
  StateFormatError,
  type StateSection,
  sectionHeader,
  serializeMeeting,
  stateHeader,
} from "./persisted-state";

/** A state file that exists but cannot be used. Never answered by starting empty. */
export class StateFileError extends Error {}

/** The file holds JoinTokens: only its owner may read it. */
export const STATE_FILE_MODE = 0o600;
/** Mode of the directories created for it. */
export const STATE_DIRECTORY_MODE = 0o700;

/** Creates the state file's directory (and its parents) when missing; an existing one is left as it is. */
export async function ensureStateDirectory(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: STATE_DIRECTORY_MODE });
  } catch (error) {
    throw new StateFileError(
      `Cannot create the directory of state file ${path}: ${(error as Error).message}`,
    );
  }
}

/** The meetings in the file per section, or undefined when the file does not exist yet. */
export function loadStateFile(path: string): Record<StateSection, StoredMeeting[]> | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StateFileError(`Cannot read state file ${path}: ${(error as Error).message}`);
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(
      `State file ${path} is not valid JSON (${(error as Error).message}); repair or remove it to start empty`,
    );
  }
  try {
    return parseStateSections(content);
  } catch (error) {
    if (error instanceof StateFormatError) {
      throw new StateFileError(`State file ${path} is not a chime-local state file: ${error.message}`);
    }
    throw error;
  }
}

/** What the writer reads: meeting ids first, then each meeting as it gets to it. */
export interface StateSource {
  meetingIds(): string[];
  heldMeeting(meetingId: string): StoredMeeting | undefined;
}

/** Small chunks: a pending chunk's strings survive young-generation GCs, which then cost more. */
const WRITE_CHUNK_BYTES = 1 << 16;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class StateFileWriter {
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private failure: Error | undefined;
  /** Keyed by section and meeting id. */
  private readonly cache = new Map<string, { version: number; json: string; pass: number }>();
  private pass = 0;

  /** A section without a source is written as an empty list. */
  constructor(
    readonly path: string,
    private readonly sources: Partial<Record<StateSection, StateSource>>,
    private readonly debounceMs = 20,
  ) {}

  markDirty(): void {
    this.dirty = true;
    if (this.timer === undefined && this.writing === undefined) {
      this.timer = setTimeout(() => this.startWrite(), this.debounceMs);
    }
  }

  /** Resolves once everything changed so far is on disk; rejects if a write failed. */
  async flush(): Promise<void> {
    while (this.writing !== undefined || this.dirty) {
      if (this.writing === undefined) this.startWrite();
      await this.writing;
    }
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }

  /** Starts a write now; a pending debounce timer is cancelled so that writes never overlap. */
  private startWrite(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.dirty = false;
    this.writing = this.writeOnce()
      .catch((error: Error) => {
        this.failure = new StateFileError(`Cannot write state file ${this.path}: ${error.message}`);
      })
      .finally(() => {
        this.writing = undefined;
        // Changes made during the write are not all in it: write again.
        if (this.dirty && this.timer === undefined) {
          this.timer = setTimeout(() => this.startWrite(), this.debounceMs);
        }
      });
  }

  private async writeOnce(): Promise<void> {
    const temp = `${this.path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    const file = await open(temp, "w", STATE_FILE_MODE);
    try {
      let parts: string[] = [stateHeader(new Date())];
      let size = 0;
      const pass = ++this.pass;
      for (const section of STATE_SECTIONS) {
        parts.push(sectionHeader(section));
        const source = this.sources[section];
        let first = true;
        for (const id of source?.meetingIds() ?? []) {
          const meeting = source?.heldMeeting(id);
          if (meeting === undefined) continue;
          const key = `${section}/${id}`;
          let cached = this.cache.get(key);
          if (cached === undefined || cached.version !== meeting.version) {
            cached = { version: meeting.version, json: serializeMeeting(meeting), pass };
            this.cache.set(key, cached);
            await yieldToEventLoop();
          }
          cached.pass = pass;
          parts.push(first ? cached.json : `,${cached.json}`);
          first = false;
          size += cached.json.length;
          if (size >= WRITE_CHUNK_BYTES) {
            await file.write(parts.join(""));
            parts = [];
            size = 0;
          }
        }
        parts.push(SECTION_FOOTER);
      }
      // Meetings that ended since the last write leave the cache.
      for (const [id, entry] of this.cache) if (entry.pass !== pass) this.cache.delete(id);
      parts.push(STATE_FOOTER);
      await file.write(parts.join(""));
      await file.datasync();
    } catch (error) {
      await file.close();
      await unlink(temp).catch(() => {});
      throw error;
    }
    await file.close();
    await rename(temp, this.path);
  }
}

// Types of scripts/mutation-report.mjs, for the test that runs its check (test/shared/mutation-report.test.ts).
export const ROOT: string;
export const REPORT: string;
export const RECORD: string;
export const RERUN: string;
export const named: string[];
export function globToRegExp(glob: string): RegExp;
export function namedFiles(root?: string, globs?: readonly string[]): string[];
export function sha256(text: string): string;
export interface Staleness {
  /** One row per file named now or in the report: its sha256 in the report and now (undefined where absent). */
  files: Array<{ file: string; reported?: string; now?: string }>;
  /** What makes the report stale, in words; empty when it is current. */
  problems: string[];
}
export function staleness(
  root?: string,
  reportFile?: string,
  globs?: readonly string[],
  recordFile?: string,
): Staleness;
export function record(
  root?: string,
  reportFile?: string,
  globs?: readonly string[],
  recordFile?: string,
): string[];
export function staleMessage(problems: readonly string[], reportFile?: string): string;

import { expect } from "chai";
import { BadRequestError } from "../../emulator/errors";

/** One case of a rule table: what it is, the rule applied to its input, and what it must give. */
export type Row = [string, () => unknown, unknown];

/** What a chime-local rule does with its input: its result, or "400 <message>" for a BadRequestError. */
export function badRequestOutcome(rule: () => unknown): unknown {
  try {
    return rule();
  } catch (error) {
    if (error instanceof BadRequestError) return `400 ${error.message}`;
    throw error;
  }
}

export interface TableOptions {
  /** How a rule's value is taken (e.g. `badRequestOutcome`); default: the rule's return value. */
  readonly outcome?: (rule: () => unknown) => unknown;
  /** The test's name for a row; default: the row's description. */
  readonly name?: (what: string, expected: unknown) => string;
}

/** A suite of one test per row: the rule's value deep-equals the expected one. */
export function table(title: string, rows: readonly Row[], options: TableOptions = {}): void {
  const { outcome = (rule) => rule(), name = (what) => what } = options;
  describe(title, () => {
    for (const [what, rule, expected] of rows) {
      it(name(what, expected), () => {
        expect(outcome(rule)).to.deep.equal(expected);
      });
    }
  });
}

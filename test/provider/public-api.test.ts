import { expect } from "chai";
import * as local from "../../emulator";
import * as pkg from "../../provider";

/**
 * The package's runtime surface. Errors cross the process boundary (provider → engine → program) as
 * text, so a program never receives a ChimeRequestError: exporting the class would promise an
 * `instanceof` check that can never succeed. Types are checked by test/fixtures/module-resolution-node.
 */
describe("public API", () => {
  it("pulumi-chime-sdk exports the resource classes and nothing else at runtime", () => {
    expect(Object.keys(pkg).sort()).to.deep.equal(["Attendee", "AttendeeBatch", "Meeting", "MeetingTags"]);
  });

  it("pulumi-chime-sdk/local exports startChimeLocal, the operation names and StateFileError at runtime", () => {
    expect(Object.keys(local).sort()).to.deep.equal([
      "LEGACY_OPERATION_NAMES",
      "OPERATION_NAMES",
      "StateFileError",
      "startChimeLocal",
    ]);
  });
});

import { expect } from "chai";
import { AttendeeBatchProvider, MeetingProvider } from "../../provider/dynamic/providers";
import { ANONYMOUS } from "../../provider/shared/resource";
import { finishCheck } from "../../provider/validation/check-result";

import { engineFailures } from "../../provider/validation/sensitive";
import { type Row, table as ruleTable, table } from "../support/rule-table";

/**
 * Regression (issue 9, item 5): a nested check failure printed as `property
 * meetingFeatures.video.maxResolution value {<nil>} has a problem: ...`, and a 101-attendee batch
 * printed every attendee before the message.
 */
describe("check failures as the engine gets them", () => {
  it("Meeting provider: a bad meetingFeatures.video.maxResolution fails without a property, naming the path", async () => {
    const result = await new MeetingProvider().check(
      {} as never,
      {
        externalMeetingId: "room",
        mediaRegion: "us-east-1",
        region: "us-east-1",
        meetingFeatures: { video: { maxResolution: "4K" } },
      } as never,
    );
    expect(result.failures).to.have.length(1);
    expect(result.failures![0]!.property).to.equal("");
    expect(result.failures![0]!.reason).to.include("meetingFeatures.video.maxResolution").and.include('"4K"');
  });

  it("AttendeeBatch provider: a bad attendees[1].externalUserId fails without a property, naming the path", async () => {
    const result = await new AttendeeBatchProvider().check(
      {} as never,
      {
        meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
        region: "us-east-1",
        attendees: [{ externalUserId: "bot-1" }, { externalUserId: "b" }],
      } as never,
    );
    expect(result.failures?.map((f) => f.property)).to.deep.equal([""]);
    expect(result.failures![0]!.reason).to.include("attendees[1].externalUserId");
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-round2.test.ts): kept with this behaviour's tests.
// biome-ignore format: one case per line keeps the table readable as a specification
table("The end of every check: secrets, structured values, the engine's property", [
  ["a top-level scalar keeps its property", () => finishCheck({ inputs: 1, failures: [{ property: "region", reason: "r" }] }, ANONYMOUS, { region: "x" }), { inputs: 1, failures: [{ property: "region", reason: "r" }] }],
  ["a top-level list loses it (the engine would print it whole)", () => finishCheck({ inputs: 1, failures: [{ property: "attendees", reason: "r" }] }, ANONYMOUS, { attendees: [] }).failures, [{ property: "", reason: "r" }]],
  ["a top-level object loses it", () => finishCheck({ inputs: 1, failures: [{ property: "tags", reason: "r" }] }, ANONYMOUS, { tags: {} }).failures, [{ property: "", reason: "r" }]],
  ["a property with no input keeps it", () => finishCheck({ inputs: 1, failures: [{ property: "region", reason: "r" }] }, ANONYMOUS, {}).failures, [{ property: "region", reason: "r" }]],
  ["a secret input's value is redacted and its property dropped", () => finishCheck({ inputs: 1, failures: [{ property: "region", reason: 'region got "mars"' }] }, { secretInputs: ["region"] }, { region: "mars" }).failures, [{ property: "", reason: "region got a secret value (4 characters)" }]],
]);

// Rows first written against surviving mutants (formerly test/provider/mutants-rules.test.ts): kept with this behaviour's tests.
{
  function table(title: string, rows: Row[]): void {
    ruleTable(title, rows, { name: (what, expected) => `${what} → ${JSON.stringify(expected)}` });
  }

  const failure = (property: string, reason: string) => ({ property, reason });

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Check failures as the engine gets them", [
  ["a top-level ordinary property keeps its name", () => engineFailures([failure("mediaRegion", "r")], []), [failure("mediaRegion", "r")]],
  ["a sensitive property loses it", () => engineFailures([failure("externalUserId", "r")], []), [failure("", "r")]],
  ["a secret input loses it", () => engineFailures([failure("mediaRegion", "r")], ["mediaRegion"]), [failure("", "r")]],
  ["a nested path loses it", () => engineFailures([failure("tags.k", "r")], []), [failure("", "r")]],
  ["an indexed path loses it", () => engineFailures([failure("attendees[0]", "r")], []), [failure("", "r")]],
  ["a name with a digit and an underscore keeps it", () => engineFailures([failure("_a1", "r")], []), [failure("_a1", "r")]],
  ["a name starting with a digit loses it", () => engineFailures([failure("1a", "r")], []), [failure("", "r")]],
  ["a name with text after a newline loses it", () => engineFailures([failure("a\nb", "r")], []), [failure("", "r")]],
]);
}

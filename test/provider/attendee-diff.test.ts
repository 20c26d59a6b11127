import { expect } from "chai";
import { diffAttendee } from "../../provider/attendee/attendee-diff";
import type {
  AnyAttendeeInputs,
  AnyAttendeeState,
  AttendeeInputs,
  AttendeeState,
  LegacyAttendeeInputs,
  LegacyAttendeeState,
} from "../../provider/attendee/attendee-state";
import type { AttendeeCapabilities } from "../../provider/shared/capabilities";
import { UNKNOWN } from "../../provider/validation/rules";
import * as fixtures from "../support/resource-fixtures";
import { table } from "../support/rule-table";

const ALL: AttendeeCapabilities = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };
const inputs = {
  meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
  externalUserId: "kiosk-lobby-1",
  capabilities: ALL,
  region: "us-east-1",
} satisfies AttendeeInputs;
const olds: AttendeeState = {
  ...inputs,
  attendeeId: "1b2c3d4e-0000-4000-8000-000000000001",
  joinToken: "token",
};

describe("Attendee diff", () => {
  // [case, new inputs, changes, replaces]
  const cases: [string, Record<string, unknown>, boolean, string[]][] = [
    ["nothing changed", inputs, false, []],
    [
      "capabilities changed: update in place",
      { ...inputs, capabilities: { ...ALL, video: "Receive" } },
      true,
      [],
    ],
    [
      "meetingId changed: replace",
      { ...inputs, meetingId: "4f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c" },
      true,
      ["meetingId"],
    ],
    [
      "externalUserId changed: replace",
      { ...inputs, externalUserId: "kiosk-lobby-2" },
      true,
      ["externalUserId"],
    ],
    ["region changed: replace", { ...inputs, region: "us-west-2" }, true, ["region"]],
    [
      "meeting and capabilities changed: replace",
      {
        ...inputs,
        meetingId: "4f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2d",
        capabilities: { ...ALL, audio: "None" },
      },
      true,
      ["meetingId"],
    ],
    ["capabilities no longer declared: left alone", { ...inputs, capabilities: undefined }, false, []],
    // Unknowns during preview: maybe changes, planned as what they would be if they did change.
    [
      "meetingId unknown (meeting to be replaced): replace",
      { ...inputs, meetingId: UNKNOWN },
      true,
      ["meetingId"],
    ],
    ["externalUserId unknown: replace", { ...inputs, externalUserId: UNKNOWN }, true, ["externalUserId"]],
    ["region unknown: replace", { ...inputs, region: UNKNOWN }, true, ["region"]],
    ["capabilities unknown: update in place", { ...inputs, capabilities: UNKNOWN }, true, []],
    [
      "one capability unknown, the others as they are: update in place",
      { ...inputs, capabilities: { ...ALL, video: UNKNOWN } },
      true,
      [],
    ],
    [
      "meetingId and capabilities unknown: replace",
      { ...inputs, meetingId: UNKNOWN, capabilities: UNKNOWN },
      true,
      ["meetingId"],
    ],
  ];
  for (const [name, news, changes, replaces] of cases) {
    it(name, () => {
      // Exactly what the dynamic-provider server forwards to the engine: changes, replaces and
      // deleteBeforeReplace (anything else a diff returns, `stables` included, is dropped there).
      expect(diffAttendee(olds, news as unknown as AttendeeInputs)).to.deep.equal({
        changes,
        replaces,
        deleteBeforeReplace: replaces.length > 0,
      });
    });
  }

  it("always answers changes explicitly (undefined would make the engine diff __provider too)", () => {
    expect(diffAttendee(olds, inputs).changes).to.be.a("boolean");
  });

  it("completes a state recorded by a half-failed create (no attendeeId) through an update", () => {
    const { attendeeId: _a, joinToken: _j, ...recorded } = olds;
    const diff = diffAttendee(recorded, inputs);
    expect(diff.changes).to.equal(true);
    expect(diff.replaces).to.deep.equal([]);
  });
});

describe("Attendee diff: legacy namespace", () => {
  const legacyInputs: LegacyAttendeeInputs = {
    namespace: "legacy",
    meetingId: inputs.meetingId,
    externalUserId: "kiosk-lobby-1",
    tags: { site: "lobby", floor: "1" },
    region: "us-east-1",
  };
  const legacyOlds: LegacyAttendeeState = {
    ...legacyInputs,
    attendeeId: "1b2c3d4e-0000-4000-8000-000000000001",
    joinToken: "token",
  };
  // [case, old state, new inputs, changes, replaces]
  const cases: [string, AnyAttendeeState, AnyAttendeeInputs, boolean, string[]][] = [
    ["nothing changed", legacyOlds, legacyInputs, false, []],
    [
      "same tags in another order",
      legacyOlds,
      { ...legacyInputs, tags: { floor: "1", site: "lobby" } },
      false,
      [],
    ],
    [
      "a tag value changed: update in place",
      legacyOlds,
      { ...legacyInputs, tags: { site: "hall", floor: "1" } },
      true,
      [],
    ],
    [
      "a tag added: update in place",
      legacyOlds,
      { ...legacyInputs, tags: { ...legacyInputs.tags, door: "n" } },
      true,
      [],
    ],
    ["a tag removed: update in place", legacyOlds, { ...legacyInputs, tags: { site: "lobby" } }, true, []],
    [
      "tags no longer declared: update in place (removes them)",
      legacyOlds,
      { ...legacyInputs, tags: undefined },
      true,
      [],
    ],
    [
      "no tags before or after ({} and absent are the same)",
      { ...legacyOlds, tags: {} },
      { ...legacyInputs, tags: undefined },
      false,
      [],
    ],
    [
      "a tag value unknown in preview: update in place",
      legacyOlds,
      { ...legacyInputs, tags: { site: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", floor: "1" } },
      true,
      [],
    ],
    [
      "meetingId changed: replace",
      legacyOlds,
      { ...legacyInputs, meetingId: "4f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c" },
      true,
      ["meetingId"],
    ],
    [
      "externalUserId changed: replace",
      legacyOlds,
      { ...legacyInputs, externalUserId: "kiosk-2" },
      true,
      ["externalUserId"],
    ],
    ["legacy to Chime SDK Meetings: replace", legacyOlds, inputs, true, ["namespace"]],
    ["Chime SDK Meetings to legacy: replace", olds, legacyInputs, true, ["namespace"]],
    ["a half-failed create (no attendeeId): update", { ...legacyInputs }, legacyInputs, true, []],
  ];
  for (const [name, before, news, changes, replaces] of cases) {
    it(name, () => {
      const diff = diffAttendee(before, news);
      expect(diff.changes).to.equal(changes);
      expect(diff.replaces).to.deep.equal(replaces);
      if (replaces.length > 0) expect(diff.deleteBeforeReplace).to.equal(true);
    });
  }
});

// Rows first written against surviving mutants (formerly test/provider/mutants-resources.test.ts): kept with this behaviour's tests.
{
  const { OTHER_MEETING, ALL, NONE, attendee, attendeeState, legacyAttendee, legacyState } = fixtures;

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Attendee diff", [
  ["nothing changed", () => diffAttendee(attendeeState(), attendee()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["another meeting: replaced, deleting first", () => diffAttendee(attendeeState(), attendee({ meetingId: OTHER_MEETING })), { changes: true, replaces: ["meetingId"], deleteBeforeReplace: true }],
  ["another region", () => diffAttendee(attendeeState(), attendee({ region: "eu-west-2" })), { changes: true, replaces: ["region"], deleteBeforeReplace: true }],
  ["an unknown externalUserId", () => diffAttendee(attendeeState(), attendee({ externalUserId: UNKNOWN })), { changes: true, replaces: ["externalUserId"], deleteBeforeReplace: true }],
  ["into the legacy namespace", () => diffAttendee(attendeeState(), legacyAttendee()), { changes: true, replaces: ["namespace"], deleteBeforeReplace: true }],
  ["declared capabilities that differ: an update", () => diffAttendee(attendeeState(), attendee({ capabilities: NONE })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["declared capabilities that are the same", () => diffAttendee(attendeeState(), attendee({ capabilities: ALL })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["one unknown capability: an update", () => diffAttendee(attendeeState(), attendee({ capabilities: { ...ALL, video: UNKNOWN } as never })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["a state without a joinToken (a create that failed half-way): an update", () => diffAttendee(attendeeState({ joinToken: undefined }), attendee()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["a state without an attendeeId: an update", () => diffAttendee(attendeeState({ attendeeId: undefined }), attendee()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["legacy: same tags", () => diffAttendee(legacyState({ tags: { k: "v" } }), legacyAttendee({ tags: { k: "v" } })), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["legacy: no tags before or after", () => diffAttendee(legacyState(), legacyAttendee()), { changes: false, replaces: [], deleteBeforeReplace: false }],
  ["legacy: a changed tag", () => diffAttendee(legacyState({ tags: { k: "v" } }), legacyAttendee({ tags: { k: "w" } })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["legacy: tags removed", () => diffAttendee(legacyState({ tags: { k: "v" } }), legacyAttendee()), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["legacy: an unknown tag value", () => diffAttendee(legacyState({ tags: { k: "v" } }), legacyAttendee({ tags: { k: UNKNOWN } })), { changes: true, replaces: [], deleteBeforeReplace: false }],
  ["legacy: a state missing its token", () => diffAttendee(legacyState({ joinToken: undefined }), legacyAttendee()), { changes: true, replaces: [], deleteBeforeReplace: false }],
]);
}

/**
 * Rows for the mutants that survived the full `npm run mutate:named` run after the core merge (README
 * "Mutation testing"). A new file so that the earlier files' results stay in Stryker's incremental file.
 */
import { expect } from "chai";
import {
  optionalArray,
  optionalEnum,
  parseMeetingFeatures,
  parseTranscriptionConfiguration,
  requireString,
} from "../../emulator/validation";
import { unconverged } from "../../provider/attendee/attendee-state";
import { describeFailure } from "../../provider/aws/errors";
import { RequestPacer } from "../../provider/aws/request-pacer";
import { checkMeeting } from "../../provider/meeting/meeting-check";
import { recordsMeeting } from "../../provider/meeting/meeting-state";
import { containsUnknown, show, UNKNOWN } from "../../provider/validation/rules";
import { isSensitive, redactSecretInputs } from "../../provider/validation/sensitive";
import { FakeClock } from "../support/fake-clock";
import { badRequestOutcome, type Row, table as ruleTable } from "../support/rule-table";

function table(title: string, rows: Row[]): void {
  ruleTable(title, rows, { outcome: badRequestOutcome });
}

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: members named by their whole path", [
  ["a top-level list member", () => optionalArray({ L: {} }, "L"), "400 L must be a list, got {}"],
  ["a top-level string member, not sensitive", () => requireString({ S: 5 }, "S"), "400 S must be a string, got 5"],
  ["a top-level enum member", () => optionalEnum({ E: "z" }, "E", ["a"]), '400 E must be one of a, got "z"'],
  ["MeetingFeatures.Video", () => parseMeetingFeatures({ MeetingFeatures: { Video: 1 } }), "400 MeetingFeatures.Video must be an object, got 1"],
  ["MeetingFeatures.Content", () => parseMeetingFeatures({ MeetingFeatures: { Content: 1 } }), "400 MeetingFeatures.Content must be an object, got 1"],
  ["MeetingFeatures.Attendee", () => parseMeetingFeatures({ MeetingFeatures: { Attendee: 1 } }), "400 MeetingFeatures.Attendee must be an object, got 1"],
  ["the standard engine", () => parseTranscriptionConfiguration({ TranscriptionConfiguration: { EngineTranscribeSettings: 1 } }), "400 TranscriptionConfiguration.EngineTranscribeSettings must be an object, got 1"],
  ["the medical engine", () => parseTranscriptionConfiguration({ TranscriptionConfiguration: { EngineTranscribeMedicalSettings: 1 } }), "400 TranscriptionConfiguration.EngineTranscribeMedicalSettings must be an object, got 1"],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("Provider rules: edges", [
  ["an object with an unknown member among known ones", () => containsUnknown({ a: UNKNOWN, b: "c" }), true],
  ["a sensitive name with an index at the end", () => isSensitive("externalUserId[12]"), true],
  ["a secret tags input that is null has no keys", () => redactSecretInputs([{ property: "tags", reason: "r" }], { tags: null }, ["tags"], show), [{ property: "tags", reason: "r" }]],
  ["a value and the object holding it, the object listed last: the object is replaced whole", () => redactSecretInputs([{ property: "o", reason: 'got "vv" and {"k":"vv"}' }], { a: "vv", o: { k: "vv" } }, ["a", "o"], show), [{ property: "o", reason: "got a secret value (2 characters) and a secret value (a object)" }]],
  ["legacy: notifications that are null fail once, as not an object", () => checkMeeting(undefined, { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", notificationsConfiguration: null }, undefined).failures.map((f) => f.property), ["notificationsConfiguration"]],
  ["what a half-made attendee left undone: capabilities", () => unconverged({ meetingId: "m", externalUserId: "u", region: "r" }), "the attendee exists but its capabilities could not be set"],
  ["what a half-made legacy attendee left undone: tags", () => unconverged({ namespace: "legacy", meetingId: "m", externalUserId: "u", region: "r" }), "the attendee exists but its tags could not be set"],
  ["a state with meetingId and ARN records its meeting", () => recordsMeeting({ meetingId: "m", meetingArn: "a" } as never), true],
  ["a legacy state needs no ARN", () => recordsMeeting({ meetingId: "m", namespace: "legacy" } as never), true],
  ["a state without an ARN (not legacy) does not", () => recordsMeeting({ meetingId: "m" } as never), false],
  ["a state without a meetingId does not", () => recordsMeeting({ meetingArn: "a" } as never), false],
  ["no state", () => recordsMeeting(undefined), false],
  ["a value named secret by the program is described by length and masked", () => { const m = describeFailure({ operation: "GetMeeting", about: { meetingId: "m-123" }, secretNames: ["meetingId"] }, Object.assign(new Error("m-123 gone"), { name: "NotFoundException", $metadata: { httpStatusCode: 404 } })).message; return [m.includes("for meetingId (5 characters): NotFoundException: [meetingId] gone"), m.includes("m-123")]; }, [true, false]],
]);

describe("Request pacing: more edges (injected clock)", () => {
  it("GIVEN a drop at 10/s WHEN the quota is raised to 20/s THEN the rate climbs from the drop, not from 20", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock, { recoveryPerSecond: 1e-9 });
    (await pacer.acquire("k", 10)).settle("throttled");
    const next = pacer.acquire("k", 20);
    await clock.advance(1_000);
    await next;
    expect(pacer.rate("k")).to.be.closeTo(7, 1e-3);
  });

  it("GIVEN a quiet spell after the last attempt THEN the next one goes at once", async () => {
    const clock = new FakeClock();
    const pacer = new RequestPacer(clock);
    await pacer.acquire("k", 10);
    await clock.advance(150);
    const next = pacer.acquire("k", 10);
    await clock.advance(0);
    expect((await next).sentAt).to.equal(150);
  });
});

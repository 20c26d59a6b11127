/**
 * Rules the core (issue 17) added or moved, case by case: the legacy external ids, the model's tag
 * value and tenant id patterns (with Java's ASCII \s), the capabilities check, the end of every check
 * (secret inputs, structured values, duplicate attendees) and tag request chunks. Each row guards a
 * behaviour a surviving mutant of `npm run mutate` showed untested (README "Mutation testing"). A new
 * file rather than rows in the first ones: Stryker's incremental file keeps a test's results only while
 * the test stays where it was.
 */
import { expect } from "chai";
import { checkExternalId, checkTagKey, parseTags } from "../../emulator/validation";
import { AttendeeClaims } from "../../provider/shared/claims";
import { ANONYMOUS } from "../../provider/shared/resource";
import { chunks, TAGS_PER_CALL } from "../../provider/shared/tags";
import { checkCapabilities } from "../../provider/validation/capabilities";
import { duplicateFailures, finishCheck } from "../../provider/validation/check-result";
import { legacyExternalId, tags, tenantIds, UNKNOWN } from "../../provider/validation/rules";
import { badRequestOutcome as outcome, table } from "../support/rule-table";

const x = (n: number, c = "a") => c.repeat(n);
const VALUE_RULE =
  "may contain only ASCII letters, digits, spaces and _+-=.:/@ (and ,;<, which the model's range +-= spans)";
const TENANT_RULE = "may contain only letters, digits and -_!@#$, and no character four times in a row";

// biome-ignore format: one case per line keeps the table readable as a specification
table("Rules: legacy external ids (2-64 characters, no pattern, no reserved prefix)", [
  ["2 characters", () => legacyExternalId("externalUserId", "ab"), undefined],
  ["64 characters", () => legacyExternalId("externalUserId", x(64)), undefined],
  ["any character and the aws: prefix", () => legacyExternalId("externalUserId", "aws:*\u00a0"), undefined],
  ["1 character", () => legacyExternalId("externalUserId", "a"), "externalUserId must be 2 to 64 characters long; got a value (1 characters)"],
  ["65 characters", () => legacyExternalId("externalUserId", x(65)), "externalUserId must be 2 to 64 characters long; got a value (65 characters)"],
  ["a property that is not sensitive is quoted", () => legacyExternalId("name", "a"), 'name must be 2 to 64 characters long; got "a"'],
  ["absent", () => legacyExternalId("externalUserId", undefined), "externalUserId is required"],
  ["not a string", () => legacyExternalId("externalUserId", 5), "externalUserId must be a string; got a value (a number)"],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("Rules: tag values (Chime SDK Meetings: the model's pattern; legacy: none)", [
  ["letters, digits, the six ASCII spaces and _+-=.:/@", () => tags("tags", { k: "aZ9 \t\n\x0B\f\r_+-=.:/@" }), []],
  ["the ,;< the range +-= spans", () => tags("tags", { k: ",;<" }), []],
  ["a no-break space (JavaScript's \\s, not Java's)", () => tags("tags", { k: "a\u00a0b" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "a\u00a0b"` }]],
  ["an asterisk", () => tags("tags", { k: "a*" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "a*"` }]],
  ["a non-ASCII letter", () => tags("tags", { k: "é" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "é"` }]],
  ["a bad character at the end", () => tags("tags", { k: "ab*" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "ab*"` }]],
  ["a bad character at the start", () => tags("tags", { k: "*ab" }), [{ property: "tags.k", reason: `tags.k ${VALUE_RULE}; got "*ab"` }]],
  ["legacy: any character", () => tags("tags", { k: "a*\u00a0é" }, "legacy"), []],
  ["too long and a bad character: one failure, the length", () => tags("tags", { k: x(257, "*") }).map((f) => f.reason.slice(0, 45)), ["tags.k must be a string of at most 256 charac"]],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("Rules: tenant ids (the model's pattern)", [
  ["letters, digits and -_!@#$", () => tenantIds("tenantIds", ["aZ9-_!@#$"]), []],
  ["a character three times in a row", () => tenantIds("tenantIds", ["aaab"]), []],
  ["a character four times in a row", () => tenantIds("tenantIds", ["baaaa"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "baaaa"` }]],
  ["four in a row of a special character", () => tenantIds("tenantIds", ["a####"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "a####"` }]],
  ["a space", () => tenantIds("tenantIds", ["a b"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "a b"` }]],
  ["a bad character at the end", () => tenantIds("tenantIds", ["ab%"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "ab%"` }]],
  ["a bad character at the start", () => tenantIds("tenantIds", ["%ab"]), [{ property: "tenantIds[0]", reason: `tenantIds[0] ${TENANT_RULE}; got "%ab"` }]],
  ["the second item", () => tenantIds("tenantIds", ["ab", "c d"]), [{ property: "tenantIds[1]", reason: `tenantIds[1] ${TENANT_RULE}; got "c d"` }]],
  ["an unknown item passes", () => tenantIds("tenantIds", [UNKNOWN]), []],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("chime-local: the model's \\s is Java's (ASCII)", [
  ["an external id with each ASCII space", () => outcome(() => checkExternalId("a \t\n\x0B\f\rb", "E")), "a \t\n\x0B\f\rb"],
  ["an external id with a no-break space", () => outcome(() => checkExternalId("a\u00a0b", "E")), "400 E must match the pattern [-_&@+=,(){}\\[\\]\\/«».:|'\"#a-zA-Z0-9À-ÿ\\s]* (\\s: ASCII spaces only), got a value of 3 characters (not shown: sensitive)"],
  ["an external id with an ideographic space", () => String(outcome(() => checkExternalId("a\u3000b", "E"))).slice(0, 28), "400 E must match the pattern"],
  ["a tag value with each ASCII space", () => outcome(() => parseTags([{ Key: "k", Value: " \t\n\x0B\f\r" }], "Tags", () => new Error("too many"))), [{ Key: "k", Value: " \t\n\x0B\f\r" }]],
  ["a tag value with a no-break space", () => outcome(() => parseTags([{ Key: "k", Value: "a\u00a0" }], "Tags", () => new Error("too many"))), '400 Tags[0].Value must match the pattern [\\s\\w+-=\\.:/@]* (\\s: ASCII spaces only), got "a\u00a0"'],
  ["a tag value with a line separator", () => String(outcome(() => parseTags([{ Key: "k", Value: "a\u2028" }], "Tags", () => new Error("too many")))).slice(0, 40), "400 Tags[0].Value must match the pattern"],
  ["a tag key is not a value: no spaces", () => outcome(() => checkTagKey("a\tb", "K")), '400 K must match the pattern ^[a-zA-Z+-=._:/]+$, got "a\\tb"'],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("Capabilities check", [
  ["absent", () => checkCapabilities("c", undefined), []],
  ["unknown", () => checkCapabilities("c", UNKNOWN), []],
  ["all three", () => checkCapabilities("c", { audio: "Send", video: "Receive", content: "Receive" }), []],
  ["not an object", () => checkCapabilities("c", "all"), [{ property: "c", reason: 'c must be an object with audio, video and content; got "all"' }]],
  ["null", () => checkCapabilities("c", null), [{ property: "c", reason: "c must be an object with audio, video and content; got null" }]],
  ["a list", () => checkCapabilities("c", []), [{ property: "c", reason: "c must be an object with audio, video and content; got []" }]],
  ["an unknown member", () => checkCapabilities("c", { audio: "None", video: "None", content: "None", screen: "None" }), [{ property: "c.screen", reason: 'c has no member "screen"; its members are audio, video and content' }]],
  ["a missing member", () => checkCapabilities("c", { audio: "None", video: "None" }), [{ property: "c.content", reason: "c.content is required when c is given (one of None, Receive, Send, SendReceive)" }]],
  ["a bad value", () => checkCapabilities("c", { audio: "Loud", video: "None", content: "None" }), [{ property: "c.audio", reason: 'c.audio must be one of None, Receive, Send, SendReceive; got "Loud"' }]],
  ["an unknown member value passes", () => checkCapabilities("c", { audio: UNKNOWN, video: "None", content: "None" }), []],
  ["content that receives without video that receives", () => checkCapabilities("c", { audio: "None", video: "Send", content: "SendReceive" }), [{ property: "c.content", reason: 'c.content "SendReceive" needs c.video to be SendReceive or Receive (Chime rule: receiving content share requires receiving video); got video "Send"' }]],
  ["content that receives with video that receives", () => checkCapabilities("c", { audio: "None", video: "SendReceive", content: "Receive" }), []],
  ["content that only sends, no video", () => checkCapabilities("c", { audio: "None", video: "None", content: "Send" }), []],
  ["an unknown video: the cross rule waits", () => checkCapabilities("c", { audio: "None", video: UNKNOWN, content: "Receive" }), []],
  ["an unknown content: the cross rule waits", () => checkCapabilities("c", { audio: "None", video: "None", content: UNKNOWN }), []],
  ["another failure first: the cross rule is not added", () => checkCapabilities("c", { audio: "Loud", video: "None", content: "Receive" }).map((f) => f.property), ["c.audio"]],
]);

// biome-ignore format: one case per line keeps the table readable as a specification
table("The end of every check: secrets, structured values, the engine's property", [
  ["a top-level scalar keeps its property", () => finishCheck({ inputs: 1, failures: [{ property: "region", reason: "r" }] }, ANONYMOUS, { region: "x" }), { inputs: 1, failures: [{ property: "region", reason: "r" }] }],
  ["a top-level list loses it (the engine would print it whole)", () => finishCheck({ inputs: 1, failures: [{ property: "attendees", reason: "r" }] }, ANONYMOUS, { attendees: [] }).failures, [{ property: "", reason: "r" }]],
  ["a top-level object loses it", () => finishCheck({ inputs: 1, failures: [{ property: "tags", reason: "r" }] }, ANONYMOUS, { tags: {} }).failures, [{ property: "", reason: "r" }]],
  ["a property with no input keeps it", () => finishCheck({ inputs: 1, failures: [{ property: "region", reason: "r" }] }, ANONYMOUS, {}).failures, [{ property: "region", reason: "r" }]],
  ["a secret input's value is redacted and its property dropped", () => finishCheck({ inputs: 1, failures: [{ property: "region", reason: 'region got "mars"' }] }, { secretInputs: ["region"] }, { region: "mars" }).failures, [{ property: "", reason: "region got a secret value (4 characters)" }]],
]);

describe("Duplicate attendees in one deployment", () => {
  it("GIVEN two resources declaring one meeting and externalUserId THEN the second gets a failure naming both, the id by length", () => {
    const claims = new AttendeeClaims();
    const key = { meetingId: "m-1", externalUserId: "kiosk", property: "externalUserId" };
    expect(duplicateFailures(claims, 'Attendee "a"', [key])).to.deep.equal([]);
    expect(duplicateFailures(claims, 'Attendee "b"', [key])).to.deep.equal([
      {
        property: "externalUserId",
        reason:
          'externalUserId (5 characters) in meeting "m-1" is also declared by Attendee "a" in this deployment: ' +
          "both would get one and the same Chime attendee (Chime returns the existing attendee for an " +
          "externalUserId it knows), and deleting either would invalidate the JoinToken of the other. " +
          "Declare each attendee in one resource only.",
      },
    ]);
  });
});

// biome-ignore format: one case per line keeps the table readable as a specification
table("Tag requests in chunks", [
  ["the legacy API's limit per request", () => TAGS_PER_CALL, 10],
  ["chunks of at most the size", () => chunks([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]],
  ["an exact multiple", () => chunks([1, 2, 3, 4], 2), [[1, 2], [3, 4]]],
  ["nothing", () => chunks([], 10), []],
]);

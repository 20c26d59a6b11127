/**
 * Rows for mutants that survived the first runs of `npm run mutate:named` after the core merge (README
 * "Mutation testing"). A new file so that the earlier files' results stay in Stryker's incremental file.
 */
import { expect } from "chai";
import { type AnyAttendeeState, isComplete } from "../../provider/attendee/attendee-state";
import { checkMeetingTags } from "../../provider/meeting-tags/tags-check";

const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";

describe("MeetingTags check: which meetingId is a GUID", () => {
  const rows: [string, Record<string, unknown>, { property: string; reason: string }[]][] = [
    [
      "Chime SDK Meetings: tags go by ARN, so the meetingId is only required",
      { meetingId: "not-a-guid", meetingArn: "arn:m" },
      [],
    ],
    [
      "legacy: tags go by the MeetingId in the request path, so it must be the GUID",
      { namespace: "legacy", meetingId: "not-a-guid" },
      [
        {
          property: "meetingId",
          reason:
            'meetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "not-a-guid"',
        },
      ],
    ],
    ["legacy: a GUID", { namespace: "legacy", meetingId: MEETING }, []],
    ["an ARN is required, not judged further", { meetingId: MEETING, meetingArn: "x" }, []],
    [
      "an empty ARN",
      { meetingId: MEETING, meetingArn: "" },
      [{ property: "meetingArn", reason: "meetingArn is required" }],
    ],
  ];
  for (const [what, news, failures] of rows) {
    it(what, () => {
      expect(checkMeetingTags(undefined, news, "us-east-1").failures).to.deep.equal(failures);
    });
  }
});

describe("Attendee state: complete only with both secrets", () => {
  const base = { meetingId: MEETING, externalUserId: "u", region: "us-east-1" };
  const rows: [string, Record<string, unknown>, boolean][] = [
    ["id and token", { attendeeId: "a", joinToken: "t" }, true],
    ["no token (a create that failed half-way)", { attendeeId: "a" }, false],
    ["no id", { joinToken: "t" }, false],
    ["neither", {}, false],
    ["an empty token", { attendeeId: "a", joinToken: "" }, false],
  ];
  for (const [what, secrets, complete] of rows) {
    it(`${what} → ${complete ? "complete" : "incomplete"}`, () => {
      expect(isComplete({ ...base, ...secrets } as unknown as AnyAttendeeState)).to.equal(complete);
    });
  }
});

import { expect } from "chai";
import { matchRoute } from "../../emulator/routes";

const M = "11111111-2222-3333-4444-555555555555";
const A = "66666666-7777-8888-9999-000000000000";

describe("emulator: routing (method + path + operation query)", () => {
  const rows: Array<[string, string, string | undefined, Record<string, string>?]> = [
    ["POST", "/meetings", "CreateMeeting"],
    ["POST", "/meetings?operation=create-attendees", "CreateMeetingWithAttendees"],
    ["GET", `/meetings/${M}`, "GetMeeting", { MeetingId: M }],
    ["DELETE", `/meetings/${M}`, "DeleteMeeting", { MeetingId: M }],
    ["POST", `/meetings/${M}/attendees`, "CreateAttendee", { MeetingId: M }],
    ["POST", `/meetings/${M}/attendees?operation=batch-create`, "BatchCreateAttendee"],
    ["GET", `/meetings/${M}/attendees/${A}`, "GetAttendee", { MeetingId: M, AttendeeId: A }],
    ["DELETE", `/meetings/${M}/attendees/${A}`, "DeleteAttendee", { MeetingId: M, AttendeeId: A }],
    ["GET", `/meetings/${M}/attendees?max-results=5&next-token=abc`, "ListAttendees"],
    ["PUT", `/meetings/${M}/attendees/${A}/capabilities`, "UpdateAttendeeCapabilities"],
    [
      "PUT",
      `/meetings/${M}/attendees/capabilities?operation=batch-update-except`,
      "BatchUpdateAttendeeCapabilitiesExcept",
    ],
    ["POST", `/meetings/${M}/transcription?operation=start`, "StartMeetingTranscription"],
    ["POST", `/meetings/${M}/transcription?operation=stop`, "StopMeetingTranscription"],
    ["POST", "/tags?operation=tag-resource", "TagResource"],
    ["POST", "/tags?operation=untag-resource", "UntagResource"],
    ["GET", "/tags?arn=arn%3Aaws%3Achime", "ListTagsForResource"],
    ["GET", `/meetings/${M}?unrelated=1`, "GetMeeting"],
    ["GET", `/meetings/a%20b`, "GetMeeting", { MeetingId: "a%20b" }],
    ["POST", "/meetings?operation=bogus", undefined],
    ["GET", "/meetings", undefined],
    ["POST", `/meetings/${M}/transcription`, undefined],
    ["PATCH", `/meetings/${M}`, undefined],
    ["GET", `/meetings//attendees`, undefined],
    ["GET", "meetings", undefined],
    ["GET", "/", undefined],
  ];
  for (const [method, url, operation, labels] of rows) {
    it(`${method} ${url} → ${operation ?? "no operation"}`, () => {
      const match = matchRoute(method, url);
      expect(match?.spec.operation).to.equal(operation);
      if (labels !== undefined) expect(match?.rawLabels).to.deep.equal(labels);
    });
  }
});

import { expect } from "chai";
import { attendeeImportId, meetingImportId } from "../../provider/validation/import-id";

// `pulumi import` ids (issue 14): what each names, and the message for one that names nothing.
const M = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";

describe("import ids", () => {
  const attendees: [string, object][] = [
    [`${M}/kiosk-1`, { namespace: "meetings", stored: {}, meetingId: M, externalUserId: "kiosk-1" }],
    // An externalUserId may hold "/": the meetingId (a GUID) never does.
    [
      `${M}/lobby/kiosk 2`,
      { namespace: "meetings", stored: {}, meetingId: M, externalUserId: "lobby/kiosk 2" },
    ],
    [
      `legacy/${M}/kiosk-1`,
      {
        namespace: "legacy",
        stored: { namespace: "legacy" },
        region: "us-east-1",
        meetingId: M,
        externalUserId: "kiosk-1",
      },
    ],
  ];
  for (const [id, named] of attendees) {
    it(`Attendee ${JSON.stringify(id)} names ${JSON.stringify(named)}`, () => {
      expect(attendeeImportId(id)).to.deep.equal(named);
    });
  }

  const meetings: [string, object][] = [
    [M, { namespace: "meetings", stored: {}, meetingId: M }],
    [
      `legacy/${M}`,
      { namespace: "legacy", stored: { namespace: "legacy" }, region: "us-east-1", meetingId: M },
    ],
  ];
  for (const [id, named] of meetings) {
    it(`Meeting ${JSON.stringify(id)} names ${JSON.stringify(named)}`, () => {
      expect(meetingImportId(id)).to.deep.equal(named);
    });
  }

  const bad: [string, () => unknown, string][] = [
    [
      "an Attendee id without /",
      () => attendeeImportId("secret-kiosk"),
      'got an id of 12 characters without "/"',
    ],
    ["an Attendee id whose meetingId is no GUID", () => attendeeImportId("room/kiosk"), 'got "room"'],
    [
      "an Attendee id whose externalUserId is too short (described by length: it is sensitive)",
      () => attendeeImportId(`${M}/k`),
      "externalUserId must be 2 to 64 characters long; got a value (1 characters)",
    ],
    [
      "an AttendeeId given as a Meeting id's tail",
      () => meetingImportId(`${M}/x`),
      "meetingId must be a meeting GUID",
    ],
    ["an empty Meeting id", () => meetingImportId(""), "meetingId is required"],
  ];
  for (const [name, parse, reason] of bad) {
    it(`${name}: fails naming the form and the reason`, () => {
      expect(parse).to.throw(/is imported by the id "<meetingId>(\/<externalUserId>)?" \("legacy\//);
      expect(parse).to.throw(reason);
    });
  }
});

import { expect } from "chai";
import { declaredShape } from "../../provider/plugin/server";

// Regression (issue 15's bimodal no-op pass): a refresh recorded an attendee's capabilities among its
// inputs although the program left them to Chime, so the next `check` returned other inputs and the
// engine rewrote all 250 resources' state in the next no-op `up` (2.2× the same pass before the refresh).
describe("Plugin read: the inputs a refresh records keep the declared shape", () => {
  const caps = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };
  const read = { meetingId: "m", externalUserId: "kiosk", region: "us-east-1", capabilities: caps };
  const cases: [string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>][] = [
    [
      "capabilities not declared: left out",
      { attendeeId: "a" },
      { meetingId: "m", externalUserId: "kiosk", region: "us-east-1" },
      { meetingId: "m", externalUserId: "kiosk", region: "us-east-1" },
    ],
    [
      "capabilities declared: the refreshed value kept (drift shows against the program)",
      { attendeeId: "a" },
      { meetingId: "m", externalUserId: "kiosk", region: "us-east-1", capabilities: { audio: "None" } },
      read,
    ],
    ["import (no state): the read's inputs whole", {}, {}, read],
    ["no recorded inputs: the read's inputs whole", { attendeeId: "a" }, {}, read],
  ];
  for (const [name, state, recorded, expected] of cases) {
    it(name, () => {
      expect(declaredShape(read, state, recorded)).to.deep.equal(expected);
    });
  }
});

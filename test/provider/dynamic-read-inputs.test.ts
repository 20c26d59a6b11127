import { expect } from "chai";
import { DynamicProvider } from "../../provider/dynamic/adapter";
import { refreshedInputs } from "../../provider/dynamic/read";
import type { Read, ResourceLogic } from "../../provider/shared/resource";

// Regression (issue 21): a refresh recorded inputs derived from the state (an attendee's capabilities
// the program left to Chime, a meeting without its declared tags, a legacy attendee's `tags: {}`), so
// the next `check` returned other inputs and the engine rewrote every resource's state in the next
// no-op `up` (2.9× the trivial dynamic mechanism, 250 attendees). A dynamic read now returns no inputs
// (the engine keeps the recorded ones), but for state an older version wrote.
describe("Dynamic read: the inputs a refresh records", () => {
  const caps = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };
  const attendee = { meetingId: "m", externalUserId: "kiosk", capabilities: caps, region: "us-east-1" };
  const secrets = { attendeeId: "a", joinToken: "t" };
  const placement = { audioHostUrl: "h" };
  const meeting = { externalMeetingId: "room", mediaRegion: "us-east-1", region: "us-east-1" };
  const meetingOut = { ...meeting, meetingId: "m", meetingArn: "arn", mediaPlacement: placement };
  const cases: [string, object, Read<object, object>, object | undefined][] = [
    [
      "an attendee (capabilities declared or not): none, the engine keeps the declared shape",
      { __provider: "shim", ...attendee, ...secrets },
      { id: "i", state: { ...attendee, ...secrets }, inputs: attendee },
      undefined,
    ],
    [
      "an attendee a failed create recorded without secrets: none (the read adds keys, drops none)",
      { __provider: "shim", ...attendee },
      { id: "i", state: { ...attendee, ...secrets }, inputs: attendee },
      undefined,
    ],
    [
      "a legacy attendee without declared tags (the read has `tags: {}`): none",
      { __provider: "shim", namespace: "legacy", meetingId: "m", externalUserId: "k", tags: {}, ...secrets },
      {
        id: "i",
        state: { namespace: "legacy", meetingId: "m", externalUserId: "k", tags: {}, ...secrets },
        inputs: { namespace: "legacy", meetingId: "m", externalUserId: "k", tags: {} },
      },
      undefined,
    ],
    [
      "a meeting (declared tags are not in its state): none",
      { __provider: "shim", ...meetingOut },
      { id: "i", state: meetingOut, inputs: meeting },
      undefined,
    ],
    [
      "a meeting v0.1.0 wrote (clientRequestToken and tags in state, dropped by the read): the read's inputs",
      { __provider: "shim", ...meetingOut, clientRequestToken: "token", tags: { team: "a" } },
      { id: "i", state: meetingOut, inputs: meeting },
      meeting,
    ],
    [
      "the hidden `__secretInputs` the state carries is not taken for a dropped key",
      { __provider: "shim", __secretInputs: ["meetingId"], ...attendee, ...secrets },
      { id: "i", state: { ...attendee, ...secrets }, inputs: attendee },
      undefined,
    ],
  ];
  for (const [name, stored, read, expected] of cases) {
    it(name, () => {
      expect(refreshedInputs(stored, read)).to.deep.equal(expected);
    });
  }

  it("GIVEN an attendee's state WHEN the dynamic provider reads it THEN its answer carries no inputs", async () => {
    const logic = {
      read: async (_d: unknown, id: string, state: object) => ({ id, state, inputs: { other: "shape" } }),
    } as unknown as ResourceLogic<object, object>;
    const provider = new DynamicProvider<object, object>({
      label: "Attendee",
      logic: () => logic,
      configFailures: false,
      hasState: (props) => props !== undefined,
      readWithoutState: () => new Error("no state"),
    });
    const answer = await provider.read("i", { __provider: "shim", ...attendee, ...secrets });
    expect(answer).to.deep.equal({ id: "i", props: { __provider: "shim", ...attendee, ...secrets } });
    expect(answer).not.to.have.property("inputs");
  });
});

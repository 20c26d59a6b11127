/**
 * The examples people copy, run as they would run them (TypeScript, compiled by Pulumi's ts-node,
 * importing the package by name) on the real engine against the local endpoint. meeting-notifications
 * needs AWS and runs under mocks in test/examples instead.
 */
import { join } from "node:path";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor, newMeeting } from "../emulator/helpers";
import { auditState } from "./support/audit";
import { makeBackend, type ProgramStack, programStack, requireEngine } from "./support/engine";

const EXAMPLES = join(__dirname, "..", "..", "examples");

describe("Examples on the Pulumi engine", function () {
  this.timeout(300_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  const stacks: ProgramStack[] = [];

  before(async () => {
    requireEngine();
    local = await startChimeLocal();
    backend = makeBackend();
  });

  after(async () => {
    for (const s of stacks) await s.remove();
    backend?.remove();
    await local?.close();
  });

  it("bot-fleet: up creates the meeting and N receive-only bots, exports their join info as one secret, converges, destroys", async () => {
    const program = await programStack(join(EXAMPLES, "bot-fleet"), local, backend.url, { botCount: "3" });
    stacks.push(program);
    const up = await program.stack.up();
    const [meeting] = local.meetings();
    const bots = local.attendees(meeting.meetingId);
    expect(bots.map((b) => b.externalUserId).sort()).to.deep.equal(["bot-1", "bot-2", "bot-3"]);
    expect(
      bots.every((b) => b.capabilities.Audio === "Receive" && b.capabilities.Content === "Receive"),
    ).to.equal(true);
    expect(up.outputs.botJoinInfo.secret).to.equal(true);
    expect(up.outputs.botJoinInfo.value["bot-2"]).to.deep.equal({
      attendeeId: bots.find((b) => b.externalUserId === "bot-2")?.attendeeId,
      joinToken: bots.find((b) => b.externalUserId === "bot-2")?.joinToken,
    });
    expect((await program.stack.preview()).changeSummary).to.deep.equal({ same: 6 }); // with the meeting's MeetingTags
    auditState(
      backend.dir,
      bots.flatMap((b) => [b.joinToken, b.attendeeId]),
      local.url,
    );
    await program.stack.destroy();
    expect(local.meetings()).to.deep.equal([]);
  });

  it("kiosk-attendees: kiosks join a meeting the stack does not own; destroy removes only the kiosks", async () => {
    const client = clientFor(local);
    const meeting = await newMeeting(client);
    client.destroy();
    const program = await programStack(join(EXAMPLES, "kiosk-attendees"), local, backend.url, {
      meetingId: meeting.MeetingId,
      kiosks: JSON.stringify(["lobby", "door"]),
    });
    stacks.push(program);
    const up = await program.stack.up();
    const kiosks = local.attendees(meeting.MeetingId);
    expect(kiosks.map((k) => k.externalUserId).sort()).to.deep.equal(["kiosk-door", "kiosk-lobby"]);
    expect(up.outputs.kioskJoinInfo.secret).to.equal(true);
    expect(up.outputs.kioskJoinInfo.value.lobby.joinToken).to.equal(
      kiosks.find((k) => k.externalUserId === "kiosk-lobby")?.joinToken,
    );
    await program.stack.destroy();
    expect(local.meetings().map((m) => m.meetingId)).to.include(meeting.MeetingId);
    expect(local.attendees(meeting.MeetingId)).to.deep.equal([]);
  });
});

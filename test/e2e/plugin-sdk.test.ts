/**
 * The provider plugin's generated Node.js SDK (`pulumi-chime-sdk/plugin`, issue 14 item 7) in a
 * TypeScript program on the real engine, against the local endpoint: resources through the default
 * provider, a meeting brought in with the `import` resource option, an explicit `Provider` with its
 * own endpoint, then destroy. The engine runs the plugin CHIME_PLUGIN selects (the Node script on PATH,
 * which it takes whatever version the SDK asks for, or the archive's executable installed at exactly the
 * SDK's version; test/support/plugin-under-test.ts), and downloads nothing (automatic plugin acquisition
 * is off in these stacks). The steps
 * SDK asks for, and downloads nothing (automatic plugin acquisition is off in these stacks). The steps
 * of the `describe` run in order on one stack.
 */
import { join } from "node:path";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor, newMeeting } from "../emulator/helpers";
import { providePluginToEngine } from "../support/plugin-under-test";
import { auditOutput, auditState } from "./support/audit";
import { pulumiOk } from "./support/cli";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { upWithOps } from "./support/plan";

/** Every JoinToken and AttendeeId the endpoints hold: what must never be seen in plaintext. */
function endpointSecrets(...endpoints: ChimeLocal[]): string[] {
  return endpoints.flatMap((local) =>
    local.meetings().flatMap((m) => local.attendees(m.meetingId).flatMap((a) => [a.joinToken, a.attendeeId])),
  );
}

describe("The plugin's generated SDK (pulumi-chime-sdk/plugin) in a TypeScript program, on the Pulumi engine", function () {
  this.timeout(300_000);
  let local: ChimeLocal;
  let other: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  let existingMeetingId: string;
  let printed = "";
  let unprovide = () => {};
  const saved = {
    PULUMI_NODEJS_TRANSPILE_ONLY: process.env.PULUMI_NODEJS_TRANSPILE_ONLY,
  };

  before(async () => {
    requireEngine();
    unprovide = providePluginToEngine();
    // The program's types are checked by `npm test` (tsconfig.test.json); the engine only runs it.
    process.env.PULUMI_NODEJS_TRANSPILE_ONLY = "true";
    local = await startChimeLocal();
    other = await startChimeLocal();
    backend = makeBackend();
    const existing = await newMeeting(clientFor(local), { ExternalMeetingId: "sdk-existing" });
    existingMeetingId = existing.MeetingId;
    program = await programStack(join(PROGRAMS, "plugin-sdk"), local, backend.url, {
      existingMeetingId,
      existingExternalMeetingId: "sdk-existing",
      otherEndpoint: other.url,
    });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
    await other?.close();
    unprovide();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("GIVEN a meeting made out of band WHEN up THEN it is imported, the rest created, each on its provider's endpoint", async () => {
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal({
      room: "create",
      kiosk: "create",
      existing: "import",
      elsewhere: "create",
      visitor: "create",
    });

    // The default provider (stack config chime:endpoint) holds the room, its kiosk and the imported meeting.
    const here = local.meetings();
    expect(here.map((m) => m.externalMeetingId).sort()).to.deep.equal(["sdk-existing", "sdk-room"]);
    const room = here.find((m) => m.externalMeetingId === "sdk-room");
    expect(local.attendees(room?.meetingId ?? "").map((a) => a.externalUserId)).to.deep.equal(["kiosk-1"]);
    // The explicit Provider's endpoint holds its meeting and visitor, and nothing else.
    const [elsewhere, ...more] = other.meetings();
    expect(more).to.deep.equal([]);
    expect(elsewhere.externalMeetingId).to.equal("sdk-elsewhere");
    const [visitor] = other.attendees(elsewhere.meetingId);
    expect(visitor.externalUserId).to.equal("visitor-1");

    expect(up.outputs.existingId).to.deep.equal({ value: existingMeetingId, secret: false });
    expect(up.outputs.elsewhereId).to.deep.equal({ value: elsewhere.meetingId, secret: false });
    expect(up.outputs.visitorAttendeeId).to.deep.equal({ value: visitor.attendeeId, secret: true });
    const kiosk = local.attendees(room?.meetingId ?? "")[0];
    expect(up.outputs.kioskJoinToken).to.deep.equal({ value: kiosk.joinToken, secret: true });
  });

  it("WHEN up again THEN nothing changes (pulumi up --expect-no-changes)", async () => {
    const again = await pulumiOk(program, ["up", "--yes", "--expect-no-changes"]);
    printed += again.stdout + again.stderr;
  });

  it("THEN no AttendeeId or JoinToken is in plaintext in the state or in anything the CLI printed", () => {
    const secrets = endpointSecrets(local, other);
    expect(secrets).to.have.length(4);
    auditState(backend.dir, secrets, local.url, { dynamic: false });
    auditOutput(printed, secrets);
  });

  it("WHEN destroyed THEN every meeting is gone from both endpoints, the imported one too", async () => {
    await program.stack.destroy();
    expect(local.meetings()).to.deep.equal([]);
    expect(other.meetings()).to.deep.equal([]);
  });
});

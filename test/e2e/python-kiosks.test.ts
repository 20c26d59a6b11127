/**
 * Python programs on the provider plugin (issue 22), run as their users run them: the engine built by
 * scripts/ensure-pulumi.sh with our Python language host (tools/pulumi/language-python), the generated
 * Python SDK (sdk/python, `pulumi_chime`) and `pulumi` from PyPI in a virtualenv that `pulumi install`
 * creates, `pulumi-resource-chime` found on PATH, against the local endpoint.
 *
 * examples/python-kiosks (the SDK installed from its directory): pulumi install, preview, up, the
 * outputs read back with --show-secrets, a no-change preview and refresh, an edit (a kiosk removed, one
 * added), `pulumi import` of an attendee made out of band. Then test/e2e/programs/python-provider (the
 * SDK as a wheel built with PyPI's `build`, its virtualenv given by absolute path): a program that
 * raises, an explicit Provider, a bad input. Then the audit (no AttendeeId or JoinToken in
 * plaintext in the state or in anything the CLI printed) and destroy. The steps run in order.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { CreateAttendeeCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor } from "../emulator/helpers";
import { PACKAGE_ROOT } from "../support/program-dir";
import { auditOutput, auditState } from "./support/audit";
import { pulumiOk, runPulumi } from "./support/cli";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { previewPlan, upWithOps } from "./support/plan";
import { pulumiInstall, requirePythonHost, rewrite, venvPython } from "./support/python";

const EXAMPLE = join(PACKAGE_ROOT, "examples", "python-kiosks");
const { version: PACKAGE_VERSION } = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8"));
const KIOSK_CAPABILITIES = { Audio: "SendReceive", Video: "SendReceive", Content: "Receive" } as const;

/** Every JoinToken and AttendeeId the endpoints hold. */
function endpointSecrets(...endpoints: ChimeLocal[]): string[] {
  return endpoints.flatMap((local) =>
    local.meetings().flatMap((m) => local.attendees(m.meetingId).flatMap((a) => [a.joinToken, a.attendeeId])),
  );
}

interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

describe("Python programs on the provider plugin (examples/python-kiosks), on the Pulumi engine", function () {
  this.timeout(600_000);
  let local: ChimeLocal;
  let other: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let kiosks: ProgramStack;
  let elsewhere: ProgramStack;
  let scratch: string;
  /** The example's virtualenv, made by `pulumi install`. */
  let venv: string;
  /** Everything the CLI printed but the --show-secrets output, for the audit. */
  let printed = "";
  const seenSecrets = new Set<string>();
  const remember = () => {
    for (const secret of endpointSecrets(local, other)) seenSecrets.add(secret);
  };
  const savedPath = process.env.PATH;

  const cli = async (program: ProgramStack, args: string[]) => {
    const run = await pulumiOk(program, args);
    printed += run.stdout + run.stderr;
    return run;
  };
  const plan = (program: ProgramStack, args: string[] = []) =>
    previewPlan(program, args, (text) => {
      printed += text;
    });
  /** The resources of a stack's latest checkpoint, as the backend stores it (secrets encrypted). */
  const stateOf = (program: ProgramStack): StateResource[] => {
    const dir = join(backend.dir, ".pulumi", "stacks");
    const file = readdirSync(dir, { recursive: true, encoding: "utf8" }).find(
      (f) => f.endsWith(`${program.stack.name}.json`) && !f.includes(".bak"),
    );
    if (file === undefined) return [];
    return JSON.parse(readFileSync(join(dir, file), "utf8")).checkpoint.latest?.resources ?? [];
  };
  const kiosksOn = (meetingId: string) =>
    local
      .attendees(meetingId)
      .map((a) => a.externalUserId)
      .sort();
  const lobbyMeeting = () => {
    const [meeting, ...more] = local.meetings();
    expect(more, "one meeting on the default provider's endpoint").to.deep.equal([]);
    return meeting;
  };

  before(async () => {
    requireEngine();
    requirePythonHost();
    // The engine finds the plugin on PATH ("ambient" plugins), as after `npm install -g pulumi-chime-sdk`.
    process.env.PATH = `${join(PACKAGE_ROOT, "bin")}${delimiter}${savedPath}`;
    local = await startChimeLocal();
    other = await startChimeLocal();
    backend = makeBackend();
    // pip builds a project in place (build/, *.egg-info): it gets a copy of sdk/python, not the checkout's.
    scratch = mkdtempSync(join(tmpdir(), "chime-e2e-python-"));
    cpSync(join(PACKAGE_ROOT, "sdk", "python"), join(scratch, "sdk-python"), { recursive: true });
    kiosks = await programStack(EXAMPLE, local, backend.url);
    rewrite(kiosks, "requirements.txt", "../../sdk/python", join(scratch, "sdk-python"));
    venv = join(kiosks.dir, "venv");
  });

  after(async () => {
    await kiosks?.remove();
    await elsewhere?.remove();
    backend?.remove();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await local?.close();
    await other?.close();
    process.env.PATH = savedPath;
  });

  it("1. WHEN pulumi install THEN the virtualenv of Pulumi.yaml has pulumi from PyPI and pulumi_chime at the npm package's version, and no plugin is downloaded", async () => {
    expect(existsSync(venv), "no virtualenv before pulumi install").to.equal(false);
    const install = await pulumiInstall(kiosks);
    printed += install.stdout + install.stderr;
    const versions = JSON.parse(
      await venvPython(
        venv,
        [
          "-c",
          "import importlib.metadata as m, json, pulumi_chime._utilities as u; " +
            "print(json.dumps([m.version('pulumi'), m.version('pulumi_chime'), u.get_version()]))",
        ],
        kiosks.dir,
      ),
    );
    expect(versions[0], "pulumi from PyPI").to.match(/^3\.\d+\.\d+$/);
    // The SDK's own version, and the version its resources ask the engine for.
    expect(versions.slice(1)).to.deep.equal([PACKAGE_VERSION, PACKAGE_VERSION]);
    // Were a plugin reported (pulumi-plugin.json "resource": true), pulumi install would try to download
    // it from get.pulumi.com and fail; pip's own "Downloading ..." lines are not that.
    expect(install.stdout + install.stderr).not.to.match(/get\.pulumi\.com|downloading provider|plugin/i);
  });

  it("2. GIVEN a new stack WHEN previewed THEN it plans the meeting and both kiosks, and calls nothing", async () => {
    expect(await plan(kiosks)).to.deep.equal({
      meeting: "create",
      "kiosk-lobby": "create",
      "kiosk-front-desk": "create",
    });
    expect(local.totalRequests()).to.equal(0);
  });

  it("3. WHEN up THEN the endpoint has the meeting and both kiosks with their capabilities, and the outputs say so, the join information secret", async () => {
    const up = await upWithOps(kiosks);
    printed += up.stdout + up.stderr;
    remember();
    expect(up.ops).to.deep.equal({
      meeting: "create",
      "kiosk-lobby": "create",
      "kiosk-front-desk": "create",
    });
    const meeting = lobbyMeeting();
    expect(meeting.externalMeetingId).to.equal("python-kiosks-lobby");
    const attendees = local.attendees(meeting.meetingId);
    expect(kiosksOn(meeting.meetingId)).to.deep.equal(["kiosk-front-desk", "kiosk-lobby"]);
    for (const attendee of attendees) expect(attendee.capabilities).to.deep.equal(KIOSK_CAPABILITIES);
    expect(up.outputs.meetingId).to.deep.equal({ value: meeting.meetingId, secret: false });
    expect(up.outputs.kioskJoinInfo.secret).to.equal(true);
  });

  it("4. THEN the outputs read back with --show-secrets are what the endpoint holds, and [secret] without", async () => {
    const meeting = lobbyMeeting();
    const joinInfo = Object.fromEntries(
      local
        .attendees(meeting.meetingId)
        .map((a) => [
          a.externalUserId.replace(/^kiosk-/, ""),
          { attendeeId: a.attendeeId, joinToken: a.joinToken },
        ]),
    );
    // Not added to `printed`: it shows the secrets, as asked.
    const shown = await pulumiOk(kiosks, ["stack", "output", "--json", "--show-secrets"]);
    expect(JSON.parse(shown.stdout)).to.deep.equal({ meetingId: meeting.meetingId, kioskJoinInfo: joinInfo });
    const masked = await cli(kiosks, ["stack", "output", "--json"]);
    expect(JSON.parse(masked.stdout)).to.deep.equal({
      meetingId: meeting.meetingId,
      kioskJoinInfo: "[secret]",
    });
  });

  it("5. WHEN previewed and refreshed again THEN nothing changes", async () => {
    const before = local.totalRequests();
    await cli(kiosks, ["preview", "--expect-no-changes"]);
    expect(await plan(kiosks)).to.deep.equal({
      meeting: "same",
      "kiosk-lobby": "same",
      "kiosk-front-desk": "same",
    });
    expect(local.totalRequests(), "a preview calls nothing").to.equal(before);
    await cli(kiosks, ["refresh", "--yes", "--expect-no-changes"]);
  });

  it("6. GIVEN the front desk kiosk replaced by a garage kiosk in config WHEN previewed and up THEN one attendee is deleted and one created, and up does what the preview said", async () => {
    // The stack's own list (Pulumi.yaml has only a default): lobby, garage.
    await kiosks.stack.setAllConfig(
      { "kiosks[0]": { value: "lobby" }, "kiosks[1]": { value: "garage" } },
      true,
    );
    const planned = await plan(kiosks);
    expect(planned).to.deep.equal({
      meeting: "same",
      "kiosk-lobby": "same",
      "kiosk-garage": "create",
      "kiosk-front-desk": "delete",
    });
    const up = await upWithOps(kiosks);
    printed += up.stdout + up.stderr;
    remember();
    expect(up.ops).to.deep.equal(planned);
    expect(kiosksOn(lobbyMeeting().meetingId)).to.deep.equal(["kiosk-garage", "kiosk-lobby"]);
  });

  it("7. GIVEN a kiosk attendee made out of band WHEN imported by id and declared THEN it is in the state under an opaque id, and preview and up change nothing", async () => {
    const meeting = lobbyMeeting();
    const client = clientFor(local);
    await client.send(
      new CreateAttendeeCommand({
        MeetingId: meeting.meetingId,
        ExternalUserId: "kiosk-walk-in",
        Capabilities: KIOSK_CAPABILITIES,
      }),
    );
    client.destroy();
    remember();
    const walkIn = local.attendees(meeting.meetingId).find((a) => a.externalUserId === "kiosk-walk-in");
    await cli(kiosks, [
      "import",
      "chime:index:Attendee",
      "kiosk-walk-in",
      `${meeting.meetingId}/kiosk-walk-in`,
      "--generate-code=false",
      "--protect=false",
      "--yes",
    ]);
    const imported = stateOf(kiosks).find((r) => r.urn.endsWith("::kiosk-walk-in"));
    expect(imported?.type).to.equal("chime:index:Attendee");
    expect(imported?.id).to.be.a("string").and.not.include(walkIn?.attendeeId);
    expect(imported?.inputs).to.include({ meetingId: meeting.meetingId, externalUserId: "kiosk-walk-in" });

    await kiosks.stack.setConfig("kiosks[2]", { value: "walk-in" }, true);
    const same = { meeting: "same", "kiosk-lobby": "same", "kiosk-garage": "same", "kiosk-walk-in": "same" };
    expect(await plan(kiosks)).to.deep.equal(same);
    const up = await upWithOps(kiosks);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(same);
    const shown = await pulumiOk(kiosks, ["stack", "output", "kioskJoinInfo", "--json", "--show-secrets"]);
    expect(JSON.parse(shown.stdout)["walk-in"]).to.deep.equal({
      attendeeId: walkIn?.attendeeId,
      joinToken: walkIn?.joinToken,
    });
  });

  it("8. GIVEN a wheel built from the SDK with PyPI's build WHEN a second program names it in requirements.txt and pulumi install makes its virtualenv (an absolute path) THEN pulumi_chime comes from the wheel", async () => {
    await venvPython(venv, ["-m", "pip", "install", "--quiet", "build"], scratch);
    await venvPython(
      venv,
      ["-m", "build", "--wheel", "--outdir", join(scratch, "wheel"), join(scratch, "sdk-python")],
      scratch,
    );
    const [wheel, ...more] = readdirSync(join(scratch, "wheel"));
    expect(more, "one wheel").to.deep.equal([]);
    expect(wheel).to.equal(`pulumi_chime-${PACKAGE_VERSION}-py3-none-any.whl`);
    // test/e2e/programs/python-provider: its virtualenv by absolute path (in its directory, as a
    // user's usually is), the wheel in its requirements.txt.
    elsewhere = await programStack(join(PROGRAMS, "python-provider"), local, backend.url, {
      otherEndpoint: other.url,
      fail: "after-room",
    });
    const elsewhereVenv = join(elsewhere.dir, "venv");
    rewrite(elsewhere, "Pulumi.yaml", "VIRTUALENV", elsewhereVenv);
    rewrite(elsewhere, "requirements.txt", "PULUMI_CHIME_WHEEL", join(scratch, "wheel", wheel));
    const install = await pulumiInstall(elsewhere);
    printed += install.stdout + install.stderr;
    const source = JSON.parse(
      await venvPython(
        elsewhereVenv,
        [
          "-c",
          "import importlib.metadata as m, json; d = m.distribution('pulumi_chime'); " +
            "print(json.dumps([d.version, json.loads(d.read_text('direct_url.json'))['url']]))",
        ],
        elsewhere.dir,
      ),
    );
    expect(source).to.deep.equal([PACKAGE_VERSION, `file://${join(scratch, "wheel", wheel)}`]);
  });

  it("9. GIVEN a program that raises once its meeting is made WHEN up THEN it fails with the Python traceback and one error, and the meeting is in the state", async () => {
    const run = await runPulumi(elsewhere, ["up", "--yes", "--skip-preview"]);
    printed += run.stdout + run.stderr;
    remember();
    const text = run.stdout + run.stderr;
    expect(run.code, text).to.not.equal(0);
    expect(text).to.include("Program failed with an unhandled exception:");
    expect(text).to.match(/File "[^"]*__main__\.py", line \d+, in not_ready/);
    expect(text).to.include("ValueError: the guest list is not ready (config fail=after-room)");
    expect(text, "no traceback from the runner or the pulumi package").not.to.match(
      /runner\.py|site-packages/,
    );
    // One error, shown where it happened and under Diagnostics: nothing else says "error".
    expect(text.match(/error: /g), text).to.have.length(2);
    // Nothing half-made unrecorded: the meeting the engine made before the program failed is in the state.
    const recorded = stateOf(elsewhere)
      .filter((r) => r.type === "chime:index:Meeting")
      .map((r) => r.outputs?.meetingId);
    expect(recorded).to.deep.equal(other.meetings().map((m) => m.meetingId));
    expect(recorded, "the program failed after the engine made the meeting").to.have.length(1);
    expect(local.meetings().map((m) => m.externalMeetingId)).to.deep.equal(["python-kiosks-lobby"]);
  });

  it("10. WHEN the program declares its guest THEN the explicit Provider's meeting and guest are on its own endpoint, the join token a secret output", async () => {
    await elsewhere.stack.removeConfig("fail");
    const up = await upWithOps(elsewhere);
    printed += up.stdout + up.stderr;
    remember();
    const [room, ...more] = other.meetings();
    expect(more).to.deep.equal([]);
    expect(room.externalMeetingId).to.equal("e2e-python-elsewhere");
    const [guest] = other.attendees(room.meetingId);
    expect(guest.externalUserId).to.equal("guest-1");
    expect(up.outputs.roomId).to.deep.equal({ value: room.meetingId, secret: false });
    expect(up.outputs.guestJoinToken).to.deep.equal({ value: guest.joinToken, secret: true });
    const provider = stateOf(elsewhere).find((r) => r.urn.endsWith("::elsewhere"));
    expect(provider?.type).to.equal("pulumi:providers:chime");
    expect(provider?.inputs).to.include({ endpoint: other.url, version: PACKAGE_VERSION });
    expect(local.meetings().map((m) => m.externalMeetingId)).to.deep.equal(["python-kiosks-lobby"]);
  });

  it("11. GIVEN a bad externalUserId WHEN previewed THEN it fails with the provider's one message naming the property, before any call", async () => {
    await elsewhere.stack.setConfig("guestExternalUserId", { value: "aws:guest" });
    const before = other.totalRequests();
    const run = await runPulumi(elsewhere, ["preview"]);
    printed += run.stdout + run.stderr;
    await elsewhere.stack.removeConfig("guestExternalUserId");
    const text = run.stdout + run.stderr;
    expect(run.code, text).to.not.equal(0);
    expect(text).to.match(
      /error: chime:index:Attendee resource 'guest' has a problem: externalUserId .*aws:/,
    );
    expect(text.match(/error: /g), text).to.have.length(2);
    expect(text).not.to.match(/Traceback|Resource monitor has terminated/);
    expect(other.totalRequests(), "no call for a bad input").to.equal(before);
  });

  it("12. THEN no AttendeeId or JoinToken is in plaintext in the state or in anything the CLI printed", () => {
    remember();
    expect(seenSecrets.size).to.be.at.least(10);
    auditState(backend.dir, [...seenSecrets], local.url, { dynamic: false });
    auditOutput(printed, [...seenSecrets]);
  });

  it("13. WHEN both stacks are destroyed THEN every meeting is gone from both endpoints, the imported attendee's too", async () => {
    await cli(kiosks, ["destroy", "--yes"]);
    await cli(elsewhere, ["destroy", "--yes"]);
    expect(local.meetings()).to.deep.equal([]);
    expect(other.meetings()).to.deep.equal([]);
  });
});

/**
 * The real Pulumi engine driving the legacy Amazon Chime namespace (issue 11): a legacy Meeting with
 * tagged Attendees against chime-local's `/legacy` dialect, through `@aws-sdk/client-chime@3.699.0`.
 * Preview, up, a tag change in place, refresh, drift corrected by `up --refresh`, destroy; the state
 * audit covers it. The steps run in order on one stack.
 */

import { join } from "node:path";
import { ChimeClient, TagAttendeeCommand, UntagAttendeeCommand } from "@aws-sdk/client-chime";
import type { OutputMap } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { CREDENTIALS } from "../emulator/helpers";
import { auditOutput, auditState } from "./support/audit";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { previewPlan, refreshWithDrift, upWithOps } from "./support/plan";

const BOT_TAG_KEY = "recorder-role-e2e-key";
const BOT_TAG_VALUE = "recorder-role-e2e-value";

describe("End to end on the Pulumi engine: the legacy namespace, a meeting with tagged attendees", function () {
  this.timeout(240_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  let printed = "";
  const seenSecrets = new Set<string>([BOT_TAG_KEY, BOT_TAG_VALUE]);
  const attendeesConfig = (kioskTags: Record<string, string>) =>
    JSON.stringify([
      { name: "kiosk", externalUserId: "kiosk-lobby", tags: kioskTags },
      // Tag keys and values are sensitive in the legacy model: distinctive ones, for the audits below.
      { name: "bot", externalUserId: "bot-1", tags: { [BOT_TAG_KEY]: BOT_TAG_VALUE } },
    ]);
  const live = () => local.legacy.meetings();
  const attendee = (externalUserId: string) => {
    const [meeting] = live();
    return local.legacy.attendees(meeting.meetingId).find((a) => a.externalUserId === externalUserId);
  };
  const remember = () => {
    for (const m of live()) {
      for (const a of local.legacy.attendees(m.meetingId)) {
        seenSecrets.add(a.joinToken);
        seenSecrets.add(a.attendeeId);
      }
    }
  };

  before(async () => {
    requireEngine();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "legacy-tagged-attendees"), local, backend.url, {
      "chime:legacyEndpoint": local.legacy.endpointUrl,
      meetingTags: JSON.stringify({ floor: "1" }),
    });
    // Secret config, as a program whose tags are sensitive keeps them: the engine records the stack
    // config in state, so a plain value would put the tags there in plaintext whatever the resources do.
    await program.stack.setConfig("attendees", { value: attendeesConfig({ site: "lobby" }), secret: true });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
  });

  it("1. GIVEN nothing exists WHEN previewed THEN it plans the creates and makes zero API calls", async () => {
    const plan = await previewPlan(program, [], (out) => {
      printed += out;
    });
    expect(plan).to.deep.equal({
      meeting: "create",
      "meeting-tags": "create",
      kiosk: "create",
      bot: "create",
    });
    expect(local.totalRequests()).to.equal(0);
  });

  let outputs: OutputMap;
  it("2. WHEN up THEN the legacy endpoint has the meeting and the attendees with their tags, and the outputs are its secrets", async () => {
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    outputs = up.outputs;
    expect(up.ops).to.deep.equal({
      meeting: "create",
      "meeting-tags": "create",
      kiosk: "create",
      bot: "create",
    });
    const [meeting] = live();
    expect(meeting.tags).to.deep.equal({ floor: "1" });
    expect(outputs.meetingId.value).to.equal(meeting.meetingId);
    const kiosk = attendee("kiosk-lobby");
    expect(kiosk?.tags).to.deep.equal({ site: "lobby" });
    expect(attendee("bot-1")?.tags).to.deep.equal({ [BOT_TAG_KEY]: BOT_TAG_VALUE });
    expect(outputs.kioskAttendeeId).to.deep.equal({ value: kiosk?.attendeeId, secret: true });
    expect(outputs.kioskJoinToken).to.deep.equal({ value: kiosk?.joinToken, secret: true });
    // Secret: the legacy model marks a tag's Key and Value sensitive.
    expect(outputs.kioskTags).to.deep.equal({ value: { site: "lobby" }, secret: true });
    // Only the legacy namespace was called.
    expect(local.counters().CreateMeeting + local.counters().CreateAttendee).to.equal(0);
    remember();
    auditState(backend.dir, [...seenSecrets], local.url);
  });

  it("3. WHEN an attendee's tags change THEN the preview plans an update of that attendee only, and up makes it in place", async () => {
    await program.stack.setConfig("attendees", {
      value: attendeesConfig({ site: "hall", door: "north" }),
      secret: true,
    });
    const plan = await previewPlan(program, [], (out) => {
      printed += out;
    });
    expect(plan).to.deep.equal({ meeting: "same", "meeting-tags": "same", kiosk: "update", bot: "same" });
    local.resetCounters();
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(plan);
    expect(attendee("kiosk-lobby")?.tags).to.deep.equal({ site: "hall", door: "north" });
    const counters = local.legacy.counters();
    expect([counters.CreateAttendee, counters.DeleteAttendee, counters.TagAttendee]).to.deep.equal([0, 0, 1]);
    expect(up.outputs.kioskJoinToken.value).to.equal(outputs.kioskJoinToken.value);
    expect(up.outputs.kioskTags.value).to.deep.equal({ site: "hall", door: "north" });
  });

  it("4. WHEN refreshed THEN nothing changes, and a preview after it plans nothing", async () => {
    const refresh = await refreshWithDrift(program);
    printed += refresh.stdout + refresh.stderr;
    expect(refresh.drift).to.deep.equal({});
    expect(refresh.summary.resourceChanges).to.deep.equal({ same: 5 });
    const plan = await previewPlan(program);
    expect(plan).to.deep.equal({ meeting: "same", "meeting-tags": "same", kiosk: "same", bot: "same" });
  });

  it("5. GIVEN tags changed out of band (TagAttendee / UntagAttendee on the endpoint) WHEN up --refresh THEN the declared tags are restored in place", async () => {
    const [meeting] = live();
    const kiosk = attendee("kiosk-lobby");
    const client = new ChimeClient({
      region: "us-east-1",
      endpoint: local.legacy.endpointUrl,
      credentials: CREDENTIALS,
    });
    try {
      await client.send(
        new UntagAttendeeCommand({
          MeetingId: meeting.meetingId,
          AttendeeId: kiosk?.attendeeId,
          TagKeys: ["door"],
        }),
      );
      await client.send(
        new TagAttendeeCommand({
          MeetingId: meeting.meetingId,
          AttendeeId: kiosk?.attendeeId,
          Tags: [{ Key: "site", Value: "roof" }],
        }),
      );
    } finally {
      client.destroy();
    }
    expect(attendee("kiosk-lobby")?.tags).to.deep.equal({ site: "roof" });
    const plan = await previewPlan(program, ["--refresh"]);
    expect(plan).to.deep.equal({ meeting: "same", "meeting-tags": "same", kiosk: "update", bot: "same" });
    const up = await upWithOps(program, { refresh: true });
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(plan);
    expect(attendee("kiosk-lobby")?.tags).to.deep.equal({ site: "hall", door: "north" });
    expect(up.outputs.kioskAttendeeId.value).to.equal(kiosk?.attendeeId);
    const again = await previewPlan(program, ["--refresh"]);
    expect(again).to.deep.equal({ meeting: "same", "meeting-tags": "same", kiosk: "same", bot: "same" });
    // The state audit over every file of the backend (checkpoints, backups, history) so far.
    remember();
    auditState(backend.dir, [...seenSecrets], local.url);
  });

  it("6. WHEN destroyed THEN the legacy endpoint has no meeting left", async () => {
    remember();
    const destroy = await program.stack.destroy();
    printed += destroy.stdout + destroy.stderr;
    expect(destroy.summary.resourceChanges?.delete).to.equal(5);
    expect(live()).to.deep.equal([]);
  });

  it("7. THEN no JoinToken or AttendeeId appeared in anything the CLI printed", () => {
    expect(printed.length).to.be.greaterThan(1000);
    auditOutput(printed, [...seenSecrets]);
  });
});

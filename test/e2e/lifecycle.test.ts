/**
 * The real Pulumi engine driving the providers (issue 4): preview, up, refresh, destroy, drift and
 * state hygiene, against the local endpoint. The steps of a `describe` run in order on one stack.
 */

import { join } from "node:path";
import { DeleteAttendeeCommand, ListTagsForResourceCommand } from "@aws-sdk/client-chime-sdk-meetings";
import type { OutputMap } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor } from "../emulator/helpers";
import { auditOutput, auditState } from "./support/audit";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { type Ops, previewPlan, upWithOps } from "./support/plan";

const ALL = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };

/** Every JoinToken and AttendeeId the endpoint holds: what must never be seen in plaintext. */
function endpointSecrets(local: ChimeLocal): string[] {
  return local
    .meetings()
    .flatMap((m) => local.attendees(m.meetingId).flatMap((a) => [a.joinToken, a.attendeeId]));
}

describe("End to end on the Pulumi engine: a meeting and its attendees", function () {
  this.timeout(240_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  let printed = "";
  const seenSecrets = new Set<string>();
  const attendeesConfig = (b = "bot-b", caps: Record<string, string> = ALL) =>
    JSON.stringify([
      { name: "kiosk", externalUserId: "kiosk-a", capabilities: caps },
      { name: "bot", externalUserId: b },
    ]);
  const live = () => local.meetings();
  const remember = () => {
    for (const s of endpointSecrets(local)) seenSecrets.add(s);
  };
  const tagsOf = async (meetingId: string) => {
    const client = clientFor(local);
    const listed = await client.send(
      new ListTagsForResourceCommand({
        ResourceARN: `arn:aws:chime:us-east-1:123456789012:meeting/${meetingId}`,
      }),
    );
    client.destroy();
    return Object.fromEntries((listed.Tags ?? []).map((t) => [t.Key, t.Value]));
  };
  /** Every resource `same`, but those named. */
  const planned = (ops: Ops = {}): Ops => ({ meeting: "same", kiosk: "same", bot: "same", ...ops });
  /** The preview plans `expected`, then up performs exactly that plan. */
  const previewThenUp = async (expected: Ops) => {
    const plan = await previewPlan(program, [], (text) => {
      printed += text;
    });
    expect(plan, "the preview's plan").to.deep.equal(expected);
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops, "the operations up performed").to.deep.equal(expected);
    return up;
  };

  before(async () => {
    requireEngine();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "meeting-with-attendees"), local, backend.url, {
      attendees: attendeesConfig(),
    });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
  });

  it("1. GIVEN nothing exists WHEN previewed THEN it plans the creates and makes zero API calls", async () => {
    // One preview: its per-resource plan (the stack resource and the provider left out) is the summary.
    const plan = await previewPlan(program, [], (text) => {
      printed += text;
    });
    expect(plan).to.deep.equal(planned({ meeting: "create", kiosk: "create", bot: "create" }));
    expect(local.totalRequests()).to.equal(0);
  });

  let outputs: OutputMap;
  it("2. WHEN up THEN attendeeId and joinToken are secret outputs equal to what the endpoint holds", async () => {
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    outputs = up.outputs;
    expect(up.summary.resourceChanges?.create).to.equal(4);
    expect(up.ops).to.deep.equal(planned({ meeting: "create", kiosk: "create", bot: "create" }));
    const [meeting] = live();
    expect(outputs.meetingId.value).to.equal(meeting.meetingId);
    expect(outputs.meetingId.secret).to.equal(false);
    const onServer = local.attendees(meeting.meetingId);
    const kiosk = onServer.find((a) => a.externalUserId === "kiosk-a");
    expect(outputs.kioskAttendeeId).to.deep.equal({ value: kiosk?.attendeeId, secret: true });
    expect(outputs.kioskJoinToken).to.deep.equal({ value: kiosk?.joinToken, secret: true });
    expect(outputs.botJoinToken.secret).to.equal(true);
    remember();
  });

  it("8a. THEN the stack export holds no plaintext JoinToken, AttendeeId or credential, and a small __provider", async () => {
    auditState(backend.dir, [...seenSecrets], local.url);
  });

  it("3. WHEN previewed, refreshed and previewed again THEN nothing changes", async () => {
    expect(await previewPlan(program)).to.deep.equal(planned());
    const refresh = await program.stack.refresh();
    printed += refresh.stdout + refresh.stderr;
    expect(refresh.summary.resourceChanges).to.deep.equal({ same: 4 });
    const second = await program.stack.preview();
    expect(second.changeSummary).to.deep.equal({ same: 4 });
  });

  it("4a. WHEN capabilities change THEN 1 update, 0 replaces, and the endpoint has the new capabilities", async () => {
    await program.stack.setConfig("attendees", {
      value: attendeesConfig("bot-b", { audio: "SendReceive", video: "Receive", content: "None" }),
    });
    const up = await previewThenUp(planned({ kiosk: "update" }));
    expect(up.summary.resourceChanges).to.deep.equal({ same: 3, update: 1 });
    const [meeting] = live();
    const kiosk = local.attendees(meeting.meetingId).find((a) => a.externalUserId === "kiosk-a");
    expect(kiosk?.capabilities).to.deep.equal({ Audio: "SendReceive", Video: "Receive", Content: "None" });
    expect(up.outputs.kioskJoinToken.value).to.equal(outputs.kioskJoinToken.value);
  });

  it("4b. WHEN externalUserId changes THEN the attendee is replaced and the endpoint ends with exactly the new one", async () => {
    await program.stack.setConfig("attendees", {
      value: attendeesConfig("bot-c", { audio: "SendReceive", video: "Receive", content: "None" }),
    });
    const up = await previewThenUp(planned({ bot: "replace" }));
    expect(up.summary.resourceChanges).to.deep.equal({ same: 3, replace: 1 });
    const [meeting] = live();
    expect(
      local
        .attendees(meeting.meetingId)
        .map((a) => a.externalUserId)
        .sort(),
    ).to.deep.equal(["bot-c", "kiosk-a"]);
    remember();
    auditState(backend.dir, [...seenSecrets], local.url);
  });

  it("4c. WHEN tags are added to the meeting THEN its MeetingTags child alone is created: the meeting and its attendees stay", async () => {
    const [before] = live();
    await program.stack.setConfig("tags", { value: JSON.stringify({ team: "support" }) });
    const up = await previewThenUp(planned({ "meeting-tags": "create" }));
    expect(up.summary.resourceChanges).to.deep.equal({ same: 4, create: 1 });
    expect(live().map((m) => m.meetingId)).to.deep.equal([before.meetingId]);
    expect(await tagsOf(before.meetingId)).to.deep.equal({ team: "support" });
  });

  it("4d. WHEN only the meeting's tags change THEN its MeetingTags child alone is updated: the meeting and its attendees stay", async () => {
    // Before issue 8 the preview planned the meeting updated and every attendee replaced (their
    // meetingId unknown) here, while up replaced nothing.
    const [before] = live();
    const joinToken = (await program.stack.outputs()).kioskJoinToken.value;
    await program.stack.setConfig("tags", { value: JSON.stringify({ team: "sales", tier: "gold" }) });
    expect((await program.stack.preview()).changeSummary).to.deep.equal({ same: 4, update: 1 });
    const up = await previewThenUp(planned({ "meeting-tags": "update" }));
    expect(up.summary.resourceChanges).to.deep.equal({ same: 4, update: 1 });
    expect(up.outputs.kioskJoinToken.value).to.equal(joinToken);
    expect(live().map((m) => m.meetingId)).to.deep.equal([before.meetingId]);
    expect(await tagsOf(before.meetingId)).to.deep.equal({ team: "sales", tier: "gold" });
    await program.stack.preview({ expectNoChanges: true });
  });

  it("4e. WHEN a meeting with tags is replaced THEN it and its attendees are replaced, and its MeetingTags child is updated (not replaced) onto the new meeting", async () => {
    const [before] = live();
    await program.stack.setConfig("externalMeetingId", { value: "e2e-room-2" });
    const up = await previewThenUp(
      planned({ meeting: "replace", "meeting-tags": "update", kiosk: "replace", bot: "replace" }),
    );
    expect(up.summary.resourceChanges).to.deep.equal({ same: 1, update: 1, replace: 3 });
    const [meeting, ...others] = live();
    expect(others).to.deep.equal([]);
    expect(meeting.meetingId).not.to.equal(before.meetingId);
    expect(meeting.externalMeetingId).to.equal("e2e-room-2");
    expect(await tagsOf(meeting.meetingId)).to.deep.equal({ team: "sales", tier: "gold" });
    expect(local.attendees(meeting.meetingId)).to.have.length(2);
    remember();
    await program.stack.preview({ expectNoChanges: true });
  });

  it("5a. GIVEN the meeting ends out of band WHEN refreshed THEN the meeting and its attendees leave the state", async () => {
    const [meeting] = live();
    local.endMeeting(meeting.meetingId);
    const refresh = await program.stack.refresh();
    printed += refresh.stdout + refresh.stderr;
    expect(refresh.summary.resourceChanges).to.deep.equal({ same: 1, delete: 4 });
  });

  it("5b. THEN up creates a new meeting, tagged, with the attendees in it", async () => {
    const up = await previewThenUp(
      planned({ meeting: "create", "meeting-tags": "create", kiosk: "create", bot: "create" }),
    );
    expect(up.summary.resourceChanges).to.deep.equal({ same: 1, create: 4 });
    const [meeting] = live();
    expect(up.outputs.meetingId.value).to.equal(meeting.meetingId).and.not.equal(outputs.meetingId.value);
    expect(
      local
        .attendees(meeting.meetingId)
        .map((a) => a.externalUserId)
        .sort(),
    ).to.deep.equal(["bot-c", "kiosk-a"]);
    expect(await tagsOf(meeting.meetingId)).to.deep.equal({ team: "sales", tier: "gold" });
    remember();
  });

  it("5c. GIVEN an attendee deleted out of band WHEN refreshed THEN it leaves the state, and up recreates it", async () => {
    const [meeting] = live();
    const bot = local.attendees(meeting.meetingId).find((a) => a.externalUserId === "bot-c");
    const client = clientFor(local);
    await client.send(
      new DeleteAttendeeCommand({ MeetingId: meeting.meetingId, AttendeeId: bot?.attendeeId }),
    );
    client.destroy();
    const refresh = await program.stack.refresh();
    expect(refresh.summary.resourceChanges).to.deep.equal({ same: 4, delete: 1 });
    const up = await previewThenUp(planned({ "meeting-tags": "same", bot: "create" }));
    expect(up.summary.resourceChanges).to.deep.equal({ same: 4, create: 1 });
    expect(local.attendees(meeting.meetingId)).to.have.length(2);
    remember();
    auditState(backend.dir, [...seenSecrets], local.url);
  });

  it("6a. WHEN destroyed THEN the endpoint has no meeting and no attendee left", async () => {
    const destroy = await program.stack.destroy();
    printed += destroy.stdout + destroy.stderr;
    expect(destroy.summary.resourceChanges?.delete).to.equal(5);
    expect(live()).to.deep.equal([]);
  });

  it("6b. GIVEN everything was deleted out of band WHEN destroyed (no refresh) THEN destroy succeeds", async () => {
    await program.stack.up();
    remember();
    const [meeting] = live();
    local.endMeeting(meeting.meetingId);
    const destroy = await program.stack.destroy();
    printed += destroy.stdout + destroy.stderr;
    expect(destroy.summary.result).to.equal("succeeded");
    // Nothing is left in the state to point at the gone meeting and attendees.
    expect((await program.stack.exportStack()).deployment.resources ?? []).to.deep.equal([]);
  });

  it("8b. THEN no JoinToken or AttendeeId appeared in anything the CLI printed", () => {
    expect(printed.length).to.be.greaterThan(1000);
    auditOutput(printed, [...seenSecrets]);
  });
});

describe("End to end on the Pulumi engine: bad input", function () {
  this.timeout(120_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;

  before(async () => {
    requireEngine();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "attendees-in-existing-meeting"), local, backend.url, {
      meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
      attendees: JSON.stringify([{ name: "bad", externalUserId: "a" }]),
    });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
  });

  it("7. GIVEN an invalid externalUserId WHEN previewed THEN it fails naming the property and the rule, and nothing is called", async () => {
    let message = "";
    try {
      await program.stack.preview();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).to.include("externalUserId must be 2 to 64 characters long");
    expect(local.totalRequests()).to.equal(0);
  });

  // Regression (issue 9, item 5): the engine printed nested failures as `property capabilities.audio
  // value {<nil>} has a problem: ...`.
  it("7b. GIVEN an invalid capabilities.audio WHEN previewed THEN the failure names the nested property by its path, with no `value {<nil>}`", async () => {
    await program.stack.setConfig("attendees", {
      value: JSON.stringify([
        {
          name: "nested",
          externalUserId: "nested-1",
          capabilities: { audio: "Loud", video: "SendReceive", content: "SendReceive" },
        },
      ]),
    });
    let message = "";
    try {
      await program.stack.preview();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).to.include("capabilities.audio must be one of").and.include('got "Loud"');
    expect(message).not.to.include("<nil>");
    expect(local.totalRequests()).to.equal(0);
  });
});

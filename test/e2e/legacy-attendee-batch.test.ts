/**
 * The real Pulumi engine driving an AttendeeBatch in the legacy Amazon Chime namespace (issue 17,
 * item 4): tagged bots of a legacy Meeting against chime-local's `/legacy` dialect, through
 * `@aws-sdk/client-chime@3.699.0`. Up (one BatchCreateAttendee, a member's tags beyond the 10 its
 * item carries set by TagAttendee), a member added and one removed, tags changed in place, refresh,
 * drift out of band corrected by `up --refresh`, destroy; the state audit looks for the tokens,
 * AttendeeIds and the tags (secret in the legacy namespace). The steps run in order on one stack.
 */

import { join } from "node:path";
import { ChimeClient, DeleteAttendeeCommand, TagAttendeeCommand } from "@aws-sdk/client-chime";
import type { OutputMap } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { CREDENTIALS } from "../emulator/helpers";
import { auditOutput, auditState } from "./support/audit";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { previewPlan, refreshWithDrift, upWithOps } from "./support/plan";

/** A distinctive tag key and value: sensitive in the legacy model, so never in plaintext in state or output. */
const TAG_KEY = "batch-recorder-e2e-key";
const TAG_VALUE = "batch-recorder-e2e-value";
/** 12 tags: 10 go in the BatchCreateAttendee item (the model's AttendeeTagList holds 10), 2 by TagAttendee. */
const TWELVE = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`label-${i}`, `twelve-${i}`]));

type Member = { externalUserId: string; tags?: Record<string, string> };

describe("End to end on the Pulumi engine: an AttendeeBatch of tagged attendees in the legacy namespace", function () {
  this.timeout(300_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  let printed = "";
  const seenSecrets = new Set<string>([TAG_KEY, TAG_VALUE, "twelve-11"]);
  const meetingId = () => {
    const [meeting] = local.legacy.meetings();
    return meeting?.meetingId ?? "";
  };
  const onEndpoint = () =>
    Object.fromEntries(local.legacy.attendees(meetingId()).map((a) => [a.externalUserId, a]));
  const tagsOnEndpoint = () =>
    Object.fromEntries(Object.entries(onEndpoint()).map(([id, a]) => [id, a.tags]));
  const remember = () => {
    for (const a of Object.values(onEndpoint())) {
      seenSecrets.add(a.joinToken);
      seenSecrets.add(a.attendeeId);
    }
  };
  const audit = () => {
    remember();
    auditState(backend.dir, [...seenSecrets], local.url);
  };
  // Secret config, as a program whose tags are sensitive keeps them (the engine records config in state).
  const setBots = (bots: Member[]) =>
    program.stack.setConfig("bots", { value: JSON.stringify(bots), secret: true });
  const legacyClient = () =>
    new ChimeClient({ region: "us-east-1", endpoint: local.legacy.endpointUrl, credentials: CREDENTIALS });

  before(async () => {
    requireEngine();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "legacy-attendee-batch"), local, backend.url, {
      "chime:legacyEndpoint": local.legacy.endpointUrl,
    });
    await setBots([
      { externalUserId: "bot-1", tags: { [TAG_KEY]: TAG_VALUE } },
      { externalUserId: "bot-2", tags: TWELVE },
      { externalUserId: "bot-3" },
    ]);
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
    expect(plan).to.deep.equal({ meeting: "create", bots: "create" });
    expect(local.totalRequests()).to.equal(0);
  });

  let outputs: OutputMap;
  it("2. WHEN up THEN one BatchCreateAttendee makes the 3 bots with their tags (12 tags: 10 in the item, 2 by one TagAttendee), and joinInfo is a secret equal to the endpoint's", async () => {
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    outputs = up.outputs;
    expect(up.ops).to.deep.equal({ meeting: "create", bots: "create" });
    expect(tagsOnEndpoint()).to.deep.equal({
      "bot-1": { [TAG_KEY]: TAG_VALUE },
      "bot-2": TWELVE,
      "bot-3": {},
    });
    const counters = local.legacy.counters();
    expect([counters.BatchCreateAttendee, counters.CreateAttendee, counters.TagAttendee]).to.deep.equal([
      1, 0, 1,
    ]);
    // Only the legacy namespace was called.
    expect(local.counters().BatchCreateAttendee + local.counters().CreateMeeting).to.equal(0);
    const bot1 = onEndpoint()["bot-1"];
    expect(outputs.joinInfo.secret).to.equal(true);
    expect(outputs.joinInfo.value["bot-1"]).to.deep.equal({
      attendeeId: bot1?.attendeeId,
      joinToken: bot1?.joinToken,
      tags: { [TAG_KEY]: TAG_VALUE },
    });
    expect(outputs.joinInfo.value["bot-2"].tags).to.deep.equal(TWELVE);
    // The attendees output holds the tags: secret too.
    expect(outputs.attendees.secret).to.equal(true);
    audit();
  });

  it("3. WHEN one member is added and one removed THEN the plan updates the batch in place, and up creates one and deletes one", async () => {
    await setBots([
      { externalUserId: "bot-1", tags: { [TAG_KEY]: TAG_VALUE } },
      { externalUserId: "bot-2", tags: TWELVE },
      { externalUserId: "bot-4", tags: { role: "late" } },
    ]);
    const plan = await previewPlan(program, [], (out) => {
      printed += out;
    });
    expect(plan).to.deep.equal({ meeting: "same", bots: "update" });
    local.resetCounters();
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(plan);
    expect(tagsOnEndpoint()).to.deep.equal({
      "bot-1": { [TAG_KEY]: TAG_VALUE },
      "bot-2": TWELVE,
      "bot-4": { role: "late" },
    });
    const counters = local.legacy.counters();
    expect([counters.BatchCreateAttendee, counters.DeleteAttendee, counters.TagAttendee]).to.deep.equal([
      1, 1, 0,
    ]);
    // The kept members keep their attendees.
    expect(up.outputs.joinInfo.value["bot-1"].joinToken).to.equal(outputs.joinInfo.value["bot-1"].joinToken);
    outputs = up.outputs;
    audit();
  });

  it("4. WHEN members' tags change THEN the plan updates the batch, and up tags and untags in place, keeping every attendee", async () => {
    const twelveLess = Object.fromEntries(Object.entries(TWELVE).filter(([key]) => key !== "label-0"));
    await setBots([
      { externalUserId: "bot-1", tags: { [TAG_KEY]: `${TAG_VALUE}-2` } },
      { externalUserId: "bot-2", tags: twelveLess },
      { externalUserId: "bot-4", tags: { role: "late" } },
    ]);
    seenSecrets.add(`${TAG_VALUE}-2`);
    const plan = await previewPlan(program, [], (out) => {
      printed += out;
    });
    expect(plan).to.deep.equal({ meeting: "same", bots: "update" });
    local.resetCounters();
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(plan);
    expect(tagsOnEndpoint()).to.deep.equal({
      "bot-1": { [TAG_KEY]: `${TAG_VALUE}-2` },
      "bot-2": twelveLess,
      "bot-4": { role: "late" },
    });
    const counters = local.legacy.counters();
    expect([
      counters.BatchCreateAttendee,
      counters.DeleteAttendee,
      counters.TagAttendee,
      counters.UntagAttendee,
    ]).to.deep.equal([0, 0, 1, 1]);
    for (const id of ["bot-1", "bot-2", "bot-4"]) {
      expect(up.outputs.joinInfo.value[id].joinToken).to.equal(outputs.joinInfo.value[id].joinToken);
    }
    outputs = up.outputs;
    audit();
  });

  it("5. WHEN refreshed THEN nothing changes, and a preview after it plans nothing", async () => {
    const refresh = await refreshWithDrift(program);
    printed += refresh.stdout + refresh.stderr;
    expect(refresh.drift).to.deep.equal({});
    expect(refresh.summary.resourceChanges).to.deep.equal({ same: 3 });
    expect(await previewPlan(program)).to.deep.equal({ meeting: "same", bots: "same" });
  });

  it("6. GIVEN a member's tags changed and another member deleted out of band WHEN up --refresh THEN the tags are restored in place and the member created again", async () => {
    const before = onEndpoint();
    const client = legacyClient();
    try {
      await client.send(
        new TagAttendeeCommand({
          MeetingId: meetingId(),
          AttendeeId: before["bot-1"]?.attendeeId,
          Tags: [{ Key: TAG_KEY, Value: "tampered" }],
        }),
      );
      await client.send(
        new DeleteAttendeeCommand({ MeetingId: meetingId(), AttendeeId: before["bot-4"]?.attendeeId }),
      );
    } finally {
      client.destroy();
    }
    const plan = await previewPlan(program, ["--refresh"]);
    expect(plan).to.deep.equal({ meeting: "same", bots: "update" });
    const up = await upWithOps(program, { refresh: true });
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal(plan);
    const after = onEndpoint();
    expect(after["bot-1"]?.tags).to.deep.equal({ [TAG_KEY]: `${TAG_VALUE}-2` });
    expect(after["bot-1"]?.attendeeId).to.equal(before["bot-1"]?.attendeeId);
    expect(after["bot-4"]?.tags).to.deep.equal({ role: "late" });
    expect(after["bot-4"]?.attendeeId).to.not.equal(before["bot-4"]?.attendeeId);
    expect(up.outputs.joinInfo.value["bot-4"].attendeeId).to.equal(after["bot-4"]?.attendeeId);
    expect(await previewPlan(program, ["--refresh"])).to.deep.equal({ meeting: "same", bots: "same" });
    audit();
  });

  it("7. WHEN destroyed THEN the legacy endpoint has no meeting left", async () => {
    remember();
    const destroy = await program.stack.destroy();
    printed += destroy.stdout + destroy.stderr;
    expect(destroy.summary.resourceChanges?.delete).to.equal(3);
    expect(local.legacy.meetings()).to.deep.equal([]);
  });

  it("8. THEN no JoinToken, AttendeeId or tag appeared in anything the CLI printed", () => {
    expect(printed.length).to.be.greaterThan(1000);
    auditOutput(printed, [...seenSecrets]);
  });
});

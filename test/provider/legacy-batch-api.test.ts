/**
 * `LegacyChimeApi`'s batch calls against the local endpoint's `/legacy` dialect, through
 * `@aws-sdk/client-chime@3.699.0`: BatchCreateAttendee with per-attendee Tags (none sends no Tags
 * member: the model's AttendeeTagList refuses an empty one), its per-attendee errors with the
 * RequestId, ListAttendees at the legacy model's page size (99), and the shared read listing dropped
 * when the batch changes the meeting.
 */
import { expect } from "chai";
import { LEGACY_PAGE_SIZE, LegacyChimeApi } from "../../provider/aws/legacy-api";
import { processInstance } from "../../provider/dynamic/process";
import { clientFor, newMeeting } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

describe("LegacyChimeApi batch calls, against the local endpoint's /legacy dialect", () => {
  const ctx = useProviderEndpoint();
  const api = () => {
    const { config } = processInstance();
    return new LegacyChimeApi(config.legacySettings(), config.clients);
  };
  const meeting = async () => {
    const client = clientFor(ctx.local, { dialect: "legacy" });
    try {
      return (await newMeeting(client)).MeetingId;
    } finally {
      client.destroy();
    }
  };
  const tagsOn = (meetingId: string) =>
    Object.fromEntries(ctx.local.legacy.attendees(meetingId).map((a) => [a.externalUserId, a.tags]));

  it("GIVEN members with tags, without, and with an empty list WHEN batch-created THEN each has its tags, in one request", async () => {
    const meetingId = await meeting();
    ctx.local.resetCounters();
    const out = await api().batchCreateAttendees(meetingId, [
      { externalUserId: "tagged", tags: [["site", "hq"]] },
      { externalUserId: "untagged" },
      { externalUserId: "empty-list", tags: [] },
    ]);
    expect(out.errors).to.deep.equal([]);
    expect(out.attendees.map((a) => a.ExternalUserId)).to.deep.equal(["tagged", "untagged", "empty-list"]);
    expect(out.attendees.every((a) => a.AttendeeId && a.JoinToken)).to.equal(true);
    expect(tagsOn(meetingId)).to.deep.equal({ tagged: { site: "hq" }, untagged: {}, "empty-list": {} });
    expect(ctx.local.legacy.counters().BatchCreateAttendee).to.equal(1);
  });

  it("GIVEN an item the endpoint refuses (11 tags) WHEN batch-created THEN its error comes back beside the others, with the RequestId", async () => {
    const meetingId = await meeting();
    const eleven = Array.from({ length: 11 }, (_, i): [string, string] => [`k${i}`, `v${i}`]);
    const out = await api().batchCreateAttendees(meetingId, [
      { externalUserId: "fine" },
      { externalUserId: "too-many", tags: eleven },
    ]);
    expect(out.attendees.map((a) => a.ExternalUserId)).to.deep.equal(["fine"]);
    expect(out.errors).to.have.lengthOf(1);
    expect(out.errors[0]).to.include({ ExternalUserId: "too-many", ErrorCode: "BadRequest" });
    expect(out.requestId).to.match(/^[0-9a-f-]{36}$/);
  });

  it(`lists a meeting of 250 attendees in pages of ${LEGACY_PAGE_SIZE} (the legacy model's most: 100 is refused)`, async () => {
    const meetingId = await meeting();
    for (const from of [0, 100, 200]) {
      const count = from === 200 ? 50 : 100;
      await api().batchCreateAttendees(
        meetingId,
        Array.from({ length: count }, (_, i) => ({ externalUserId: `bot-${from + i}` })),
      );
    }
    ctx.local.resetCounters();
    const listed = await api().listAttendees(meetingId);
    expect(listed).to.have.lengthOf(250);
    expect(ctx.local.legacy.counters().ListAttendees).to.equal(3);
    // findAttendee lists the same way (it asked for 100 a page, which the legacy model refuses).
    expect((await api().findAttendee(meetingId, "bot-249"))?.ExternalUserId).to.equal("bot-249");
  });

  it("GIVEN a shared read listing WHEN the batch creates or deletes an attendee THEN the next read lists again and sees it", async () => {
    const meetingId = await meeting();
    await api().batchCreateAttendees(meetingId, [{ externalUserId: "first" }]);
    ctx.local.resetCounters();
    const before = await api().meetingAttendees(meetingId);
    const shared = await api().meetingAttendees(meetingId);
    expect(ctx.local.legacy.counters().ListAttendees).to.equal(1);
    expect(shared).to.equal(before);
    const created = await api().batchCreateAttendees(meetingId, [{ externalUserId: "second" }]);
    expect((await api().meetingAttendees(meetingId))?.map((a) => a.ExternalUserId)).to.deep.equal([
      "first",
      "second",
    ]);
    await api().deleteAttendee(meetingId, created.attendees[0]?.AttendeeId ?? "");
    expect((await api().meetingAttendees(meetingId))?.map((a) => a.ExternalUserId)).to.deep.equal(["first"]);
    expect(ctx.local.legacy.counters().ListAttendees).to.equal(3);
  });

  // Regression (issue 24): the legacy CreateAttendee did not drop the meeting's shared listing, as the
  // Chime SDK Meetings one does, so a read of the batch within the listing's window missed the attendee.
  it("GIVEN a shared read listing WHEN an Attendee is created in the meeting (CreateAttendee) or the meeting deleted THEN the next read lists again", async () => {
    const meetingId = await meeting();
    await api().batchCreateAttendees(meetingId, [{ externalUserId: "bot" }]);
    ctx.local.resetCounters();
    expect((await api().meetingAttendees(meetingId))?.map((a) => a.ExternalUserId)).to.deep.equal(["bot"]);
    await api().createAttendee(meetingId, "kiosk", undefined);
    expect((await api().meetingAttendees(meetingId))?.map((a) => a.ExternalUserId)).to.deep.equal([
      "bot",
      "kiosk",
    ]);
    expect(ctx.local.legacy.counters().ListAttendees).to.equal(2);
    await api().deleteMeeting(meetingId);
    expect(await api().meetingAttendees(meetingId)).to.equal(undefined);
  });

  // Regression: a legacy Attendee with 11 to 50 tags failed at create, CreateAttendee sending them all.
  it("GIVEN 30 tags WHEN CreateAttendee THEN its Tags member carries the first 10 (AttendeeTagList's most), for the caller to set the rest", async () => {
    const meetingId = await meeting();
    const tags = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, `v${i}`]));
    const created = await api().createAttendee(meetingId, "kiosk", tags);
    expect(created.AttendeeId).to.be.a("string");
    expect(Object.keys(tagsOn(meetingId).kiosk ?? {})).to.deep.equal(Object.keys(tags).slice(0, 10));
  });

  it("GIVEN a meeting that has ended WHEN read THEN the listing says it is gone (undefined)", async () => {
    const meetingId = await meeting();
    ctx.local.legacy.endMeeting(meetingId);
    expect(await api().meetingAttendees(meetingId)).to.equal(undefined);
  });
});

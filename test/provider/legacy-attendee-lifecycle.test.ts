/**
 * The Attendee provider in the legacy Amazon Chime namespace (`namespace: "legacy"`), against the
 * local endpoint's `/legacy` dialect through `@aws-sdk/client-chime@3.699.0`: the seed's contract
 * (MeetingId, ExternalUserId, Tags → ExternalUserId, AttendeeId, JoinToken), tags in place, drift,
 * adoption, and the legacy error names.
 */
import { BatchCreateAttendeeCommand } from "@aws-sdk/client-chime";
import { expect } from "chai";
import type { FaultOptions } from "../../emulator";
import type {
  AnyAttendeeInputs,
  LegacyAttendeeInputs,
  LegacyAttendeeOutputs,
  LegacyAttendeeState,
} from "../../provider/attendee/attendee-state";
import { ChimeRequestError } from "../../provider/aws/errors";
import { AttendeeProvider } from "../../provider/dynamic/providers";
import { clientFor, GUID, newAttendee, newMeeting } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const provider = new AttendeeProvider();

/** Inputs as the engine stores them: through `check`, with no failures. */
async function checked(news: Record<string, unknown>): Promise<LegacyAttendeeInputs> {
  const { inputs, failures } = await provider.check(
    {} as AnyAttendeeInputs,
    { namespace: "legacy", ...news } as unknown as AnyAttendeeInputs,
  );
  expect(failures).to.deep.equal([]);
  return inputs as LegacyAttendeeInputs;
}

async function create(inputs: LegacyAttendeeInputs): Promise<{ id: string; outs: LegacyAttendeeOutputs }> {
  const { id, outs } = await provider.create(inputs);
  return { id, outs: outs as LegacyAttendeeOutputs };
}

async function rejection(call: Promise<unknown>): Promise<ChimeRequestError> {
  try {
    await call;
  } catch (error) {
    expect(error).to.be.instanceOf(ChimeRequestError);
    return error as ChimeRequestError;
  }
  throw new Error("expected the call to fail");
}

describe("Attendee provider, legacy namespace, against the local endpoint", () => {
  const ctx = useProviderEndpoint();
  const legacyClient = () => clientFor(ctx.local, { dialect: "legacy" });
  const meeting = async () => (await newMeeting(legacyClient())).MeetingId;

  describe("lifecycle: create with tags → read → tags in place → read → delete", () => {
    let meetingId: string;
    let id: string;
    let outs: LegacyAttendeeOutputs;

    before(async () => {
      meetingId = await meeting();
    });

    it("GIVEN a live legacy meeting WHEN created with tags THEN the legacy endpoint has the attendee with those tags and the outputs carry its secrets", async () => {
      ctx.local.resetCounters();
      const created = await create(
        await checked({ meetingId, externalUserId: "kiosk-lobby-1", tags: { site: "lobby", floor: "1" } }),
      );
      id = created.id;
      outs = created.outs;
      const [onServer] = ctx.local.legacy.attendees(meetingId);
      expect(onServer.tags).to.deep.equal({ site: "lobby", floor: "1" });
      expect(outs).to.deep.equal({
        namespace: "legacy",
        meetingId,
        externalUserId: "kiosk-lobby-1",
        tags: { site: "lobby", floor: "1" },
        region: "us-east-1",
        attendeeId: onServer.attendeeId,
        joinToken: onServer.joinToken,
      });
      // The legacy endpoint, not the Chime SDK Meetings one.
      expect(ctx.local.legacy.counters().CreateAttendee).to.equal(1);
      expect(ctx.local.counters().CreateAttendee).to.equal(0);
      expect(id).to.match(GUID).and.not.equal(outs.attendeeId);
    });

    it("WHEN read THEN the outputs are unchanged (GetAttendee + ListAttendeeTags) and the inputs hold no secret", async () => {
      const read = await provider.read(id, outs);
      expect(read.props).to.deep.equal(outs);
      expect(read.inputs).to.deep.equal({
        namespace: "legacy",
        meetingId,
        externalUserId: "kiosk-lobby-1",
        tags: { site: "lobby", floor: "1" },
        region: "us-east-1",
      });
    });

    it("WHEN tags change THEN the diff is in place, and UntagAttendee + TagAttendee make the change", async () => {
      const news = await checked({
        meetingId,
        externalUserId: "kiosk-lobby-1",
        tags: { site: "hall", door: "n" },
      });
      const diff = await provider.diff(id, outs, news);
      expect(diff).to.include({ changes: true, deleteBeforeReplace: false });
      expect(diff.replaces).to.deep.equal([]);
      ctx.local.resetCounters();
      const updated = await provider.update(id, outs, news);
      const counters = ctx.local.legacy.counters();
      expect([counters.UntagAttendee, counters.TagAttendee, counters.CreateAttendee]).to.deep.equal([
        1, 1, 0,
      ]);
      expect(ctx.local.legacy.attendees(meetingId)[0].tags).to.deep.equal({ site: "hall", door: "n" });
      expect(updated.outs).to.deep.equal({ ...outs, tags: { site: "hall", door: "n" } });
      outs = updated.outs as LegacyAttendeeOutputs;
    });

    it("THEN a read sees the new tags, the same AttendeeId and JoinToken", async () => {
      const read = await provider.read(id, outs);
      expect(read.props).to.deep.equal(outs);
    });

    it("WHEN deleted THEN the meeting has no attendee; deleting again succeeds; a read says gone", async () => {
      await provider.delete(id, outs);
      expect(ctx.local.legacy.attendees(meetingId)).to.deep.equal([]);
      await provider.delete(id, outs);
      expect((await provider.read(id, outs)).id).to.equal("");
    });
  });

  it("GIVEN 15 new tags WHEN updated THEN TagAttendee is sent in chunks of at most 10 (the API's limit)", async () => {
    const meetingId = await meeting();
    const inputs = await checked({ meetingId, externalUserId: "many-tags" });
    const { id, outs } = await create(inputs);
    const tags = Object.fromEntries(Array.from({ length: 15 }, (_, n) => [`k${n}`, `v${n}`]));
    ctx.local.resetCounters();
    await provider.update(id, outs, { ...inputs, tags });
    expect(ctx.local.legacy.counters().TagAttendee).to.equal(2);
    expect(ctx.local.legacy.attendees(meetingId)[0].tags).to.deep.equal(tags);
    ctx.local.resetCounters();
    await provider.update(id, { ...outs, tags }, inputs);
    expect(ctx.local.legacy.counters().UntagAttendee).to.equal(2);
    expect(ctx.local.legacy.attendees(meetingId)[0].tags).to.deep.equal({});
  });

  describe("drift", () => {
    it("GIVEN tags changed out of band WHEN read THEN the state shows them, and the diff and update restore the declared ones", async () => {
      const meetingId = await meeting();
      const inputs = await checked({ meetingId, externalUserId: "drifter", tags: { site: "lobby" } });
      const { id, outs } = await create(inputs);
      ctx.local.legacy.setAttendeeTags(meetingId, outs.attendeeId, { site: "roof", extra: "x" });
      const read = await provider.read(id, outs);
      expect((read.props as LegacyAttendeeState).tags).to.deep.equal({ site: "roof", extra: "x" });
      const drifted = read.props as LegacyAttendeeOutputs;
      const diff = await provider.diff(id, drifted, inputs);
      expect(diff.changes).to.equal(true);
      expect(diff.replaces).to.deep.equal([]);
      await provider.update(id, drifted, inputs);
      expect(ctx.local.legacy.attendees(meetingId)[0].tags).to.deep.equal({ site: "lobby" });
    });

    it("GIVEN an attendee WHEN its meeting ends out of band THEN read reports it gone and delete succeeds", async () => {
      const meetingId = await meeting();
      const { id, outs } = await create(await checked({ meetingId, externalUserId: "bot-1" }));
      expect(ctx.local.legacy.endMeeting(meetingId)).to.equal(true);
      expect((await provider.read(id, outs)).id).to.equal("");
      await provider.delete(id, outs);
    });
  });

  describe("adoption (CreateAttendee is idempotent on ExternalUserId)", () => {
    it("GIVEN an attendee with other tags WHEN declared THEN it is adopted (same AttendeeId and JoinToken) and its tags become the declared ones", async () => {
      const meetingId = await meeting();
      const existing = await newAttendee(legacyClient(), meetingId, "kiosk-door", [
        { Key: "old", Value: "1" },
        { Key: "site", Value: "gate" },
      ]);
      const { outs } = await create(
        await checked({ meetingId, externalUserId: "kiosk-door", tags: { site: "door" } }),
      );
      expect(outs.attendeeId).to.equal(existing.AttendeeId);
      expect(outs.joinToken).to.equal(existing.JoinToken);
      expect(ctx.local.legacy.attendees(meetingId)).to.have.length(1);
      expect(ctx.local.legacy.attendees(meetingId)[0].tags).to.deep.equal({ site: "door" });
      expect(outs.tags).to.deep.equal({ site: "door" });
    });

    it("WHEN setting the adopted attendee's tags fails THEN the attendee is recorded without secrets, and update completes it", async () => {
      const meetingId = await meeting();
      const existing = await newAttendee(legacyClient(), meetingId, "kiosk-roof");
      const inputs = await checked({ meetingId, externalUserId: "kiosk-roof", tags: { site: "roof" } });
      ctx.local.setFaults({ failureRate: 1, operations: ["legacy:TagAttendee"] });
      let failure: (Error & { id?: string; properties?: Record<string, unknown> }) | undefined;
      try {
        await provider.create(inputs);
      } catch (error) {
        failure = error as typeof failure;
      } finally {
        ctx.local.setFaults(undefined);
      }
      expect(failure?.message).to.include("TagAttendee").and.include("legacy Amazon Chime namespace");
      // The engine prints an init failure's reasons, not its message: they carry the AWS message too.
      expect((failure as { reasons?: string[] } | undefined)?.reasons).to.deep.equal([
        `the attendee exists but its tags could not be set: ${failure?.message}`,
      ]);
      expect(failure?.id).to.match(GUID);
      expect(failure?.properties).to.deep.equal(inputs);
      expect(JSON.stringify(failure?.properties))
        .not.to.include(existing.JoinToken)
        .and.not.to.include(existing.AttendeeId);
      const recorded = failure?.properties as unknown as LegacyAttendeeState;
      expect((await provider.diff(failure?.id as string, recorded, inputs)).changes).to.equal(true);
      const completed = await provider.update(failure?.id as string, recorded, inputs);
      expect(completed.outs).to.include({ attendeeId: existing.AttendeeId, joinToken: existing.JoinToken });
      expect(ctx.local.legacy.attendees(meetingId)[0].tags).to.deep.equal({ site: "roof" });
    });
  });

  describe("errors, with the legacy names", () => {
    it("WHEN the meeting has ended THEN create says so: operation, namespace, meeting, NotFoundException, RequestId, what to do", async () => {
      const meetingId = await meeting();
      ctx.local.legacy.endMeeting(meetingId);
      const error = await rejection(provider.create(await checked({ meetingId, externalUserId: "late" })));
      expect(error.awsError).to.equal("NotFoundException");
      expect(error.message)
        .to.include("CreateAttendee (legacy Amazon Chime namespace)")
        .and.include(meetingId)
        .and.include("pulumi up --refresh");
      expect(error.message).to.include(error.requestId as string);
    });

    it("WHEN the meeting is full THEN ResourceLimitExceededException is reported after one request, not retried", async () => {
      const meetingId = await meeting();
      const client = legacyClient();
      for (const from of [0, 100, 200]) {
        await client.send(
          new BatchCreateAttendeeCommand({
            MeetingId: meetingId,
            Attendees: Array.from({ length: from === 200 ? 50 : 100 }, (_, i) => ({
              ExternalUserId: `user-${from + i}`,
            })),
          }),
        );
      }
      ctx.local.resetCounters();
      const error = await rejection(
        provider.create(await checked({ meetingId, externalUserId: "one-too-many" })),
      );
      expect(error.awsError).to.equal("ResourceLimitExceededException");
      expect(error.message).to.include("meeting is full");
      expect(ctx.local.legacy.counters().CreateAttendee).to.equal(1);
    });

    it("WHEN GetAttendee answers 404 THEN the AttendeeId AWS echoes is masked", async () => {
      const meetingId = await meeting();
      const { outs } = await create(await checked({ meetingId, externalUserId: "masked" }));
      await provider.delete("x", outs);
      const { LegacyChimeApi } = await import("../../provider/aws/legacy-api");
      const { processInstance } = await import("../../provider/dynamic/process");
      const { config } = processInstance();
      const error = await rejection(
        new LegacyChimeApi(config.legacySettings(), config.clients).getAttendee(meetingId, outs.attendeeId),
      );
      expect(error.awsError).to.equal("NotFoundException");
      expect(error.message).not.to.include(outs.attendeeId);
    });
  });
});

describe("Attendee provider, legacy namespace: transient failures never duplicate", () => {
  const ctx = useProviderEndpoint();

  // [fault, what it stands for]
  const faults: [FaultOptions, string][] = [
    [{ unavailableRate: 1, retryAfterSeconds: 0 }, "503 ServiceUnavailableException"],
    [{ failureRate: 1 }, "500 ServiceFailureException"],
    [
      { resetRate: 1, resetAfterExecution: true },
      "a reset after the attendee was created (the response is lost)",
    ],
  ];
  for (const [fault, name] of faults) {
    it(`GIVEN ${name} on the first two attempts WHEN created THEN the retry succeeds with exactly one attendee`, async () => {
      const meetingId = (await newMeeting(clientFor(ctx.local, { dialect: "legacy" }))).MeetingId;
      ctx.local.setFaults({ ...fault, count: 2, operations: ["legacy:CreateAttendee"] });
      try {
        const { outs } = await provider.create(
          await checked({ meetingId, externalUserId: "flaky", tags: { a: "1" } }),
        );
        const onServer = ctx.local.legacy.attendees(meetingId);
        expect(onServer).to.have.length(1);
        expect((outs as LegacyAttendeeOutputs).attendeeId).to.equal(onServer[0].attendeeId);
        expect(ctx.local.legacy.counters().CreateAttendee).to.be.at.least(3);
      } finally {
        ctx.local.setFaults(undefined);
        ctx.local.resetCounters();
      }
    });
  }
});

describe("Attendee provider, legacy namespace, at the rate quota", () => {
  // The endpoint throttles at 4 requests per second per operation (ThrottledClientException, 429);
  // the provider is told the same quota.
  const ctx = useProviderEndpoint({ rateLimit: 4 }, { "chime:maxRequestsPerSecond": "4" });

  it("GIVEN 8 attendees created at once WHEN paced THEN none is throttled and each is created by one request", async () => {
    const meetingId = (await newMeeting(clientFor(ctx.local, { dialect: "legacy" }))).MeetingId;
    ctx.local.resetCounters();
    const inputs = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        checked({ meetingId, externalUserId: `bot-${n}`, tags: { n: `${n}` } }),
      ),
    );
    await Promise.all(inputs.map((i) => provider.create(i)));
    expect(ctx.local.legacy.counters().CreateAttendee).to.equal(8);
    expect(ctx.local.legacy.attendees(meetingId)).to.have.length(8);
  });
});

describe("Attendee provider, legacy namespace: the endpoint from AWS_ENDPOINT_URL_CHIME", () => {
  // No chime:legacyEndpoint (an empty value counts as unset): the SDK's own variable applies.
  const ctx = useProviderEndpoint({}, { "chime:legacyEndpoint": "" });
  let saved: string | undefined;
  before(() => {
    saved = process.env.AWS_ENDPOINT_URL_CHIME;
    process.env.AWS_ENDPOINT_URL_CHIME = ctx.local.legacy.endpointUrl;
  });
  after(() => {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_CHIME;
    else process.env.AWS_ENDPOINT_URL_CHIME = saved;
  });

  it("GIVEN only AWS_ENDPOINT_URL_CHIME WHEN an attendee is created THEN it goes to that endpoint", async () => {
    const meetingId = (await newMeeting(clientFor(ctx.local, { dialect: "legacy" }))).MeetingId;
    const { outs } = await create(await checked({ meetingId, externalUserId: "via-env", tags: { a: "1" } }));
    expect(ctx.local.legacy.attendees(meetingId).map((a) => a.attendeeId)).to.deep.equal([outs.attendeeId]);
  });
});

import {
  DeleteAttendeeCommand,
  GetAttendeeCommand,
  UpdateAttendeeCapabilitiesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import type { FaultOptions } from "../../emulator";
import type { AttendeeInputs, AttendeeOutputs, AttendeeState } from "../../provider/attendee/attendee-state";
import { ChimeRequestError } from "../../provider/aws/errors";
import { AttendeeProvider } from "../../provider/dynamic/providers";
import { GUID, newAttendee, newMeeting } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const provider = new AttendeeProvider();

/** Inputs as the engine stores them: through `check`, with no failures. */
async function checked(news: Record<string, unknown>): Promise<AttendeeInputs> {
  const { inputs, failures } = await provider.check({} as AttendeeInputs, news as unknown as AttendeeInputs);
  expect(failures).to.deep.equal([]);
  return inputs as AttendeeInputs;
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

describe("Attendee provider against the local endpoint", () => {
  const ctx = useProviderEndpoint();

  describe("lifecycle: create → read → update → read → delete", () => {
    let meetingId: string;
    let id: string;
    let outs: AttendeeOutputs;

    before(async () => {
      meetingId = (await newMeeting(ctx.client)).MeetingId;
    });

    it("GIVEN a live meeting WHEN created THEN Chime has the attendee and the outputs carry its secrets", async () => {
      const inputs = await checked({ meetingId, externalUserId: "kiosk-lobby-1" });
      const created = await provider.create(inputs);
      id = created.id;
      outs = created.outs as AttendeeOutputs;
      const [onServer] = ctx.local.attendees(meetingId);
      expect(outs.attendeeId).to.equal(onServer.attendeeId);
      expect(outs.joinToken).to.equal(onServer.joinToken);
      expect(outs.capabilities).to.deep.equal({
        audio: "SendReceive",
        video: "SendReceive",
        content: "SendReceive",
      });
      expect(outs.region).to.equal("us-east-1");
    });

    it("THEN the resource id is opaque: a UUID that is not the AttendeeId", () => {
      expect(id).to.match(GUID);
      expect(id).not.to.equal(outs.attendeeId);
    });

    it("WHEN read THEN outputs equal what GetAttendee returns, and inputs equal the checked inputs", async () => {
      const read = await provider.read(id, outs);
      const viaSdk = await ctx.client.send(
        new GetAttendeeCommand({ MeetingId: meetingId, AttendeeId: outs.attendeeId }),
      );
      expect(read.id).to.equal(id);
      expect(read.props).to.deep.equal(outs);
      expect(read.props?.joinToken).to.equal(viaSdk.Attendee?.JoinToken);
      expect(read.inputs).to.deep.equal({
        ...(await checked({ meetingId, externalUserId: "kiosk-lobby-1" })),
        capabilities: outs.capabilities,
      });
    });

    it("WHEN capabilities change THEN UpdateAttendeeCapabilities runs in place and all outputs come back", async () => {
      const news = await checked({
        meetingId,
        externalUserId: "kiosk-lobby-1",
        capabilities: { audio: "SendReceive", video: "Receive", content: "None" },
      });
      expect((await provider.diff(id, outs, news)).replaces).to.deep.equal([]);
      const before = ctx.local.counters();
      const updated = await provider.update(id, outs, news);
      expect(ctx.local.counters().UpdateAttendeeCapabilities - before.UpdateAttendeeCapabilities).to.equal(1);
      expect(updated.outs).to.deep.equal({ ...outs, capabilities: news.capabilities });
      expect(ctx.local.attendees(meetingId)[0].capabilities).to.deep.equal({
        Audio: "SendReceive",
        Video: "Receive",
        Content: "None",
      });
      outs = updated.outs as AttendeeOutputs;
    });

    it("THEN a read sees the new capabilities and the same JoinToken", async () => {
      const read = await provider.read(id, outs);
      expect((read.props as AttendeeState | undefined)?.capabilities).to.deep.equal({
        audio: "SendReceive",
        video: "Receive",
        content: "None",
      });
      expect(read.props?.joinToken).to.equal(outs.joinToken);
    });

    it("WHEN deleted THEN the meeting has no attendee; deleting again succeeds", async () => {
      await provider.delete(id, outs);
      expect(ctx.local.attendees(meetingId)).to.deep.equal([]);
      await provider.delete(id, outs);
      expect((await provider.read(id, outs)).id).to.equal("");
    });
  });

  describe("drift", () => {
    it("GIVEN an attendee WHEN its meeting ends out of band THEN read reports it gone and delete succeeds", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      const { id, outs } = await provider.create(await checked({ meetingId, externalUserId: "bot-1" }));
      expect(ctx.local.endMeeting(meetingId)).to.equal(true);
      expect((await provider.read(id, outs)).id).to.equal("");
      await provider.delete(id, outs);
    });

    it("GIVEN an attendee WHEN deleted out of band THEN read reports it gone", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      const { id, outs } = await provider.create(await checked({ meetingId, externalUserId: "bot-2" }));
      await ctx.client.send(new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: outs.attendeeId }));
      expect((await provider.read(id, outs)).id).to.equal("");
    });

    it("GIVEN declared capabilities WHEN changed out of band THEN read shows it and diff plans an update", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      const inputs = await checked({
        meetingId,
        externalUserId: "bot-3",
        capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" },
      });
      const { id, outs } = await provider.create(inputs);
      await ctx.client.send(
        new UpdateAttendeeCapabilitiesCommand({
          MeetingId: meetingId,
          AttendeeId: outs.attendeeId,
          Capabilities: { Audio: "None", Video: "None", Content: "None" },
        }),
      );
      const read = await provider.read(id, outs);
      expect((read.props as AttendeeOutputs | undefined)?.capabilities).to.deep.equal({
        audio: "None",
        video: "None",
        content: "None",
      });
      const diff = await provider.diff(id, read.props as AttendeeOutputs, inputs);
      expect(diff.changes).to.equal(true);
      expect(diff.replaces).to.deep.equal([]);
    });
  });

  describe("adoption (CreateAttendee is idempotent on ExternalUserId)", () => {
    it("GIVEN an existing attendee WHEN declared THEN it is adopted: same AttendeeId and JoinToken, no second attendee", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      const existing = await newAttendee(ctx.client, meetingId, "kiosk-door");
      const { outs } = await provider.create(await checked({ meetingId, externalUserId: "kiosk-door" }));
      expect(outs.attendeeId).to.equal(existing.AttendeeId);
      expect(outs.joinToken).to.equal(existing.JoinToken);
      expect(ctx.local.attendees(meetingId)).to.have.length(1);
    });

    it("GIVEN an existing attendee with other capabilities WHEN declared THEN its capabilities are set", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      await newAttendee(ctx.client, meetingId, "kiosk-hall");
      const wanted = { audio: "Receive", video: "None", content: "None" } as const;
      const outs = (
        await provider.create(
          await checked({ meetingId, externalUserId: "kiosk-hall", capabilities: wanted }),
        )
      ).outs as AttendeeOutputs;
      expect(outs.capabilities).to.deep.equal(wanted);
      expect(ctx.local.attendees(meetingId)[0].capabilities).to.deep.equal({
        Audio: "Receive",
        Video: "None",
        Content: "None",
      });
    });

    it("WHEN setting the adopted attendee's capabilities fails THEN the attendee is recorded (id, no secrets), and update completes it", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      const existing = await newAttendee(ctx.client, meetingId, "kiosk-roof");
      const inputs = await checked({
        meetingId,
        externalUserId: "kiosk-roof",
        capabilities: { audio: "Send", video: "None", content: "None" },
      });
      ctx.local.setFaults({ failureRate: 1, operations: ["UpdateAttendeeCapabilities"] });
      let failure: (Error & { id?: string; properties?: Record<string, unknown> }) | undefined;
      try {
        await provider.create(inputs);
      } catch (error) {
        failure = error as typeof failure;
      } finally {
        ctx.local.setFaults(undefined);
      }
      // The engine prints an init failure's reasons, not its message: they carry the AWS message too.
      expect((failure as { reasons?: string[] } | undefined)?.reasons).to.deep.equal([
        `the attendee exists but its capabilities could not be set: ${failure?.message}`,
      ]);
      expect(failure?.id).to.match(GUID);
      expect(failure?.properties).to.include({ meetingId, externalUserId: "kiosk-roof" });
      expect(JSON.stringify(failure?.properties))
        .not.to.include(existing.JoinToken)
        .and.not.to.include(existing.AttendeeId);
      const recorded = failure?.properties as unknown as AttendeeState;
      expect((await provider.diff(failure?.id as string, recorded, inputs)).changes).to.equal(true);
      const completed = await provider.update(failure?.id as string, recorded, inputs);
      expect(completed.outs).to.include({ attendeeId: existing.AttendeeId, joinToken: existing.JoinToken });
      expect(ctx.local.attendees(meetingId)[0].capabilities.Audio).to.equal("Send");
    });
  });

  describe("errors", () => {
    it("WHEN the meeting has ended THEN create says so, with the AWS error, RequestId and what to do", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      ctx.local.endMeeting(meetingId);
      const error = await rejection(provider.create(await checked({ meetingId, externalUserId: "late" })));
      expect(error.awsError).to.equal("NotFoundException");
      expect(error.message)
        .to.include("CreateAttendee")
        .and.include(meetingId)
        .and.include("pulumi up --refresh");
      expect(error.requestId).to.match(GUID);
      expect(error.message).to.include(error.requestId as string);
    });

    it("WHEN the meeting is full THEN LimitExceededException is reported after one request, not retried", async () => {
      const meetingId = (await newMeeting(ctx.client, { MeetingFeatures: { Attendee: { MaxCount: 1 } } }))
        .MeetingId;
      await newAttendee(ctx.client, meetingId, "first");
      const before = ctx.local.counters().CreateAttendee;
      const error = await rejection(provider.create(await checked({ meetingId, externalUserId: "second" })));
      expect(error.awsError).to.equal("LimitExceededException");
      expect(error.message).to.include("meeting is full");
      expect(ctx.local.counters().CreateAttendee - before).to.equal(1);
    });

    it("GIVEN an audio-only meeting WHEN an attendee declares no capabilities THEN Chime's default for that meeting applies", async () => {
      const meetingId = (
        await newMeeting(ctx.client, {
          MeetingFeatures: { Video: { MaxResolution: "None" }, Content: { MaxResolution: "None" } },
        })
      ).MeetingId;
      const outs = (await provider.create(await checked({ meetingId, externalUserId: "listener" })))
        .outs as AttendeeOutputs;
      const [onServer] = ctx.local.attendees(meetingId);
      expect(outs.capabilities).to.deep.equal({
        audio: onServer.capabilities.Audio,
        video: onServer.capabilities.Video,
        content: onServer.capabilities.Content,
      });
      expect(outs.capabilities.video).to.equal("None");
    });

    it("WHEN the meeting forbids video THEN Chime's 400 names the member, and no attendee is made", async () => {
      const meetingId = (
        await newMeeting(ctx.client, { MeetingFeatures: { Video: { MaxResolution: "None" } } })
      ).MeetingId;
      const error = await rejection(
        provider.create(
          await checked({
            meetingId,
            externalUserId: "camera",
            capabilities: { audio: "None", video: "Send", content: "None" },
          }),
        ),
      );
      expect(error.awsError).to.equal("BadRequestException");
      expect(error.message).to.include("CreateAttendee").and.include("Capabilities.Video");
      expect(ctx.local.attendees(meetingId)).to.deep.equal([]);
    });

    it("WHEN GetAttendee answers 404 THEN the AttendeeId AWS echoes is masked", async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      const { outs } = await provider.create(await checked({ meetingId, externalUserId: "masked" }));
      await provider.delete("x", outs);
      const { ChimeApi } = await import("../../provider/aws/chime-api");
      const { processInstance } = await import("../../provider/dynamic/process");
      const { config } = processInstance();
      const error = await rejection(
        new ChimeApi(config.settingsFor("us-east-1"), config.clients).getAttendee(
          meetingId,
          (outs as AttendeeOutputs).attendeeId,
        ),
      );
      expect(error.message).not.to.include((outs as AttendeeOutputs).attendeeId);
    });
  });
});

describe("Attendee provider: transient failures never duplicate", () => {
  const ctx = useProviderEndpoint();

  // [fault, what it stands for]
  const faults: [FaultOptions, string][] = [
    [{ unavailableRate: 1, retryAfterSeconds: 0 }, "503 ServiceUnavailable"],
    [{ failureRate: 1 }, "500 ServiceFailure"],
    [{ resetRate: 1 }, "a connection reset before the request ran"],
    [
      { resetRate: 1, resetAfterExecution: true },
      "a reset after the attendee was created (the response is lost)",
    ],
  ];
  for (const [fault, name] of faults) {
    it(`GIVEN ${name} on the first two attempts WHEN created THEN the retry succeeds with exactly one attendee`, async () => {
      const meetingId = (await newMeeting(ctx.client)).MeetingId;
      ctx.local.setFaults({ ...fault, count: 2, operations: ["CreateAttendee"] });
      try {
        const { outs } = await provider.create(await checked({ meetingId, externalUserId: "flaky" }));
        const onServer = ctx.local.attendees(meetingId);
        expect(onServer).to.have.length(1);
        expect(outs.attendeeId).to.equal(onServer[0].attendeeId);
        expect(ctx.local.counters().CreateAttendee).to.be.at.least(3);
      } finally {
        ctx.local.setFaults(undefined);
        ctx.local.resetCounters();
      }
    });
  }

  it("GIVEN failures beyond the retries WHEN created THEN it fails saying so, and a second up adopts what was made", async () => {
    const meetingId = (await newMeeting(ctx.client)).MeetingId;
    const inputs = await checked({ meetingId, externalUserId: "stubborn" });
    ctx.local.setFaults({
      resetRate: 1,
      resetAfterExecution: true,
      count: 5,
      operations: ["CreateAttendee"],
    });
    try {
      const error = await rejection(provider.create(inputs));
      expect(error.message).to.include("CreateAttendee").and.include("could not be reached");
    } finally {
      ctx.local.setFaults(undefined);
    }
    expect(ctx.local.attendees(meetingId)).to.have.length(1);
    const { outs } = await provider.create(inputs);
    expect(ctx.local.attendees(meetingId).map((a) => a.attendeeId)).to.deep.equal([outs.attendeeId]);
  });
});

describe("Attendee provider at the AWS rate quota", () => {
  // The endpoint throttles at 4 requests per second per operation, as AWS does at 10; the provider
  // is told the same quota.
  const ctx = useProviderEndpoint({ rateLimit: 4 }, { "chime:maxRequestsPerSecond": "4" });

  it("GIVEN 12 attendees created at once WHEN paced THEN none is throttled and each is created by one request", async () => {
    const meetingId = (await newMeeting(ctx.client)).MeetingId;
    ctx.local.resetCounters();
    const inputs = await Promise.all(
      Array.from({ length: 12 }, (_, n) => checked({ meetingId, externalUserId: `bot-${n}` })),
    );
    await Promise.all(inputs.map((i) => provider.create(i)));
    expect(ctx.local.counters().CreateAttendee).to.equal(12);
    expect(ctx.local.attendees(meetingId)).to.have.length(12);
  });
});

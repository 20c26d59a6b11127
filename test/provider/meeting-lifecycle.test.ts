import { GetMeetingCommand, ListTagsForResourceCommand } from "@aws-sdk/client-chime-sdk-meetings";
import type { FinalizeHandlerArguments, HttpRequest } from "@smithy/types";
import { expect } from "chai";
import { meetingsClient } from "../../provider/aws/chime-api";
import { processInstance } from "../../provider/dynamic/process";
import { MeetingProvider } from "../../provider/dynamic/providers";
import type { MeetingInputs, MeetingOutputs, MeetingState } from "../../provider/meeting/meeting-state";
import {
  legacyMeetingOutputs,
  mediaPlacementFromSdk,
  meetingInputsOf,
  meetingOutputs,
  withoutUndefined,
} from "../../provider/meeting/meeting-state";
import { GUID } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";
import * as fixtures from "../support/resource-fixtures";
import { table } from "../support/rule-table";

const provider = new MeetingProvider();

async function checked(news: Record<string, unknown>, olds?: MeetingInputs): Promise<MeetingInputs> {
  const { inputs, failures } = await provider.check(
    olds ?? ({} as MeetingInputs),
    news as unknown as MeetingInputs,
  );
  expect(failures).to.deep.equal([]);
  return inputs as MeetingInputs;
}

/**
 * Records the ClientRequestToken of every CreateMeeting attempt the provider's own client sends (the
 * SDK's retries included: the middleware runs below the retry step), for as long as `during` runs.
 */
async function createMeetingTokens(during: () => Promise<unknown>): Promise<(string | undefined)[]> {
  const { config } = processInstance();
  const client = meetingsClient(config.settingsFor("us-east-1"), config.clients);
  const tokens: (string | undefined)[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = (args as FinalizeHandlerArguments<object>).request as HttpRequest;
      if (request.method === "POST" && request.path === "/meetings") {
        const body = typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
        tokens.push(JSON.parse(body).ClientRequestToken);
      }
      return next(args);
    },
    { step: "deserialize", name: "recordCreateMeetingTokens" },
  );
  try {
    await during();
  } finally {
    client.middlewareStack.remove("recordCreateMeetingTokens");
  }
  return tokens;
}

describe("Meeting provider against the local endpoint", () => {
  const ctx = useProviderEndpoint();
  const tagsOf = async (meetingArn: string) => {
    const listed = await ctx.client.send(new ListTagsForResourceCommand({ ResourceARN: meetingArn }));
    return Object.fromEntries((listed.Tags ?? []).map((t) => [t.Key, t.Value]));
  };

  describe("lifecycle: create → read → delete", () => {
    let id: string;
    let outs: MeetingOutputs;
    let inputs: MeetingInputs;

    it("GIVEN valid inputs with tags WHEN created THEN Chime has the meeting with its features, tagged on creation", async () => {
      inputs = await checked({
        externalMeetingId: "standup-room",
        mediaRegion: "us-east-1",
        meetingFeatures: { audio: { echoReduction: "AVAILABLE" }, attendee: { maxCount: 10 } },
        tags: { team: "support" },
      });
      ctx.local.resetCounters();
      const created = await provider.create(inputs);
      id = created.id;
      outs = created.outs as MeetingOutputs;
      expect(id).to.match(GUID);
      expect(outs.meetingId).to.match(GUID);
      expect(outs.meetingArn).to.equal(`arn:aws:chime:us-east-1:123456789012:meeting/${outs.meetingId}`);
      expect(outs.mediaPlacement.audioHostUrl).to.be.a("string");
      const viaSdk = await ctx.client.send(new GetMeetingCommand({ MeetingId: outs.meetingId }));
      expect(viaSdk.Meeting?.ExternalMeetingId).to.equal("standup-room");
      expect(viaSdk.Meeting?.MeetingFeatures?.Attendee?.MaxCount).to.equal(10);
      // CreateMeeting itself carried the tags: no TagResource after it.
      expect(await tagsOf(outs.meetingArn)).to.deep.equal({ team: "support" });
      expect(ctx.local.counters().TagResource).to.equal(0);
    });

    it("THEN the outputs do not carry the tags (the MeetingTags child's outputs do) nor any ClientRequestToken", () => {
      expect(outs).not.to.have.property("tags");
      expect(outs).not.to.have.property("clientRequestToken");
      expect(inputs).not.to.have.property("clientRequestToken");
    });

    it("WHEN read THEN outputs are unchanged, no inputs come back (the engine keeps the recorded ones, issue 21), and a refresh shows no diff", async () => {
      const read = await provider.read(id, outs);
      expect(read.props).to.deep.equal(outs);
      expect(read).not.to.have.property("inputs");
      expect((await provider.diff(id, read.props as MeetingOutputs, inputs)).changes).to.equal(false);
    });

    it("WHEN only its tags change THEN the meeting has no change, and no in-place update exists", async () => {
      const news = await checked({ ...inputs, tags: { team: "sales" } }, inputs);
      expect(await provider.diff(id, outs, news)).to.deep.equal({
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
      });
      const error = await provider.update(id, outs, news).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).to.include("cannot change in place");
    });

    it("WHEN deleted THEN the meeting is gone; deleting again succeeds", async () => {
      await provider.delete(id, outs);
      expect(ctx.local.meetings().map((m) => m.meetingId)).not.to.include(outs.meetingId);
      await provider.delete(id, outs);
    });
  });

  it("GIVEN the response to CreateMeeting is lost after the meeting was made WHEN the SDK retries THEN the retry carries the same ClientRequestToken and the same meeting comes back", async () => {
    const inputs = await checked({ externalMeetingId: "lost-response-room", mediaRegion: "us-east-1" });
    ctx.local.setFaults({ resetRate: 1, resetAfterExecution: true, count: 1, operations: ["CreateMeeting"] });
    let outs: MeetingOutputs | undefined;
    try {
      const tokens = await createMeetingTokens(async () => {
        outs = (await provider.create(inputs)).outs as MeetingOutputs;
      });
      expect(tokens).to.have.length(2);
      expect(tokens[0])
        .to.be.a("string")
        .and.match(/^[-_a-zA-Z0-9]{2,64}$/);
      expect(tokens[1]).to.equal(tokens[0]);
    } finally {
      ctx.local.setFaults(undefined);
    }
    const made = ctx.local.meetings().filter((m) => m.externalMeetingId === "lost-response-room");
    expect(made.map((m) => m.meetingId)).to.deep.equal([outs?.meetingId]);
  });

  it("GIVEN a meeting WHEN created again from the same inputs (a replacement forced with `pulumi up --replace`) THEN a new meeting is made, not the one about to be deleted", async () => {
    // Guards the hazard a ClientRequestToken stored in state caused (README Known limits until issue 8):
    // CreateMeeting handed back the meeting being replaced, which was then deleted.
    const inputs = await checked({ externalMeetingId: "replaced-room", mediaRegion: "us-east-1" });
    const first = await provider.create(inputs);
    const tokens = await createMeetingTokens(async () => {
      const second = await provider.create(inputs);
      expect(second.outs.meetingId).not.to.equal(first.outs.meetingId);
      await provider.delete(first.id, first.outs);
      expect(ctx.local.meetings().map((m) => m.meetingId)).to.include(second.outs.meetingId);
    });
    expect(tokens).to.have.length(1);
  });

  it("GIVEN the state of v0.1.0 (tags and a ClientRequestToken stored) WHEN read and diffed THEN both leave the state with no diff", async () => {
    const inputs = await checked({
      externalMeetingId: "v010-room",
      mediaRegion: "us-east-1",
      tags: { team: "a" },
    });
    const { id, outs } = await provider.create(inputs);
    const token = "9a791af1-1422-45ab-a8fd-34501ebb474d";
    const v010: MeetingState = { ...outs, tags: { team: "a" }, clientRequestToken: token };
    const news = await checked({ ...inputs }, { ...inputs, clientRequestToken: token } as MeetingInputs);
    expect((await provider.diff(id, v010, news)).changes).to.equal(false);
    const read = await provider.read(id, v010);
    expect(read.props).to.deep.equal(outs);
    expect(JSON.stringify(read)).not.to.include(token);
    expect((await provider.diff(id, read.props as MeetingState, news)).changes).to.equal(false);
  });

  it("GIVEN a meeting WHEN AWS ends it (idle) THEN read reports it gone and delete succeeds", async () => {
    const { id, outs } = await provider.create(
      await checked({ externalMeetingId: "idle-room", mediaRegion: "us-east-1" }),
    );
    ctx.local.endMeeting(outs.meetingId);
    expect((await provider.read(id, outs)).id).to.equal("");
    await provider.delete(id, outs);
  });

  it("GIVEN a meeting WHEN 24 hours pass THEN read reports it gone", async () => {
    const { id, outs } = await provider.create(
      await checked({ externalMeetingId: "day-room", mediaRegion: "us-east-1" }),
    );
    ctx.local.advanceClock(24 * 60 * 60 * 1000 + 1);
    expect((await provider.read(id, outs)).id).to.equal("");
  });
});

// Rows first written against surviving mutants (formerly test/provider/mutants-resources.test.ts): kept with this behaviour's tests.
{
  const { outcome, MEETING, meetingInputs, meetingState } = fixtures;

  // biome-ignore format: one case per line keeps the table readable as a specification
  table("Meeting state: outputs from Chime's answers", [
  ["every media placement URL", () => mediaPlacementFromSdk({ MediaPlacement: { AudioHostUrl: "1", AudioFallbackUrl: "2", SignalingUrl: "3", TurnControlUrl: "4", ScreenDataUrl: "5", ScreenViewingUrl: "6", ScreenSharingUrl: "7", EventIngestionUrl: "8" } }), { audioHostUrl: "1", audioFallbackUrl: "2", signalingUrl: "3", turnControlUrl: "4", screenDataUrl: "5", screenViewingUrl: "6", screenSharingUrl: "7", eventIngestionUrl: "8" }],
  ["no media placement", () => withoutUndefined(mediaPlacementFromSdk({})), {}],
  ["outputs: the inputs but tags, with id, ARN and placement", () => meetingOutputs(meetingInputs({ tags: { a: "1" } }), { MeetingId: MEETING, MeetingArn: "arn:m", MediaPlacement: { AudioHostUrl: "h" } }), { externalMeetingId: "m1", mediaRegion: "us-east-1", region: "us-east-1", meetingId: MEETING, meetingArn: "arn:m", mediaPlacement: { audioHostUrl: "h" } }],
  ["outputs without a MeetingId", () => outcome(() => meetingOutputs(meetingInputs(), { MeetingArn: "arn:m" })), "throws: Chime returned a meeting without MeetingId or MeetingArn"],
  ["outputs without a MeetingArn", () => outcome(() => meetingOutputs(meetingInputs(), { MeetingId: MEETING })), "throws: Chime returned a meeting without MeetingId or MeetingArn"],
  ["legacy outputs: no ARN", () => legacyMeetingOutputs(meetingInputs({ namespace: "legacy", tags: { a: "1" } }), { MeetingId: MEETING, MediaPlacement: { AudioHostUrl: "h" } }), { namespace: "legacy", externalMeetingId: "m1", mediaRegion: "us-east-1", region: "us-east-1", meetingId: MEETING, mediaPlacement: { audioHostUrl: "h" } }],
  ["legacy outputs without a MeetingId", () => outcome(() => legacyMeetingOutputs(meetingInputs(), {})), "throws: Chime returned a meeting without MeetingId"],
  ["inputs of a state: no outputs, tags or v0.1.0 token", () => meetingInputsOf(meetingState({ tags: { a: "1" }, clientRequestToken: "tok", meetingHostId: undefined })), { externalMeetingId: "m1", mediaRegion: "us-east-1", region: "us-east-1" }],
]);
}

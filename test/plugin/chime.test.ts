import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { expect } from "chai";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import { startChimeLocal } from "../../emulator";
import { ChimeConfig } from "../../provider/aws/config";
import { CONFIG_PROPERTIES, checkConfig, chimePlugin, configSource } from "../../provider/plugin/chime";
import { UNKNOWN } from "../../provider/validation/rules";
import { clientFor, newAttendee, newMeeting } from "../emulator/helpers";
import { rejection, secret, servedChimePlugin, struct, usePluginOnLocalEndpoint } from "./grpc";

// The chime plugin as the engine drives it: its config (CheckConfig's messages, the precedence of
// config over environment), and its resources served over real gRPC from the real core against the
// local endpoint: secrets wrapped, ids opaque, import by id.

const urn = (type: string, name: string) => `urn:pulumi:dev::proj::chime:index:${type}::${name}`;

describe("chime plugin: provider config", () => {
  const RATE = "stack config chime:maxRequestsPerSecond must be a positive number of requests per second";
  const cases: [string, Record<string, unknown>, string[]][] = [
    ["nothing set", {}, []],
    ["a rate as stack config gives it (a string)", { maxRequestsPerSecond: "5" }, []],
    ["a rate as an explicit provider's argument (a number)", { maxRequestsPerSecond: 5 }, []],
    ["a rate that is not a number", { maxRequestsPerSecond: "zero" }, [RATE]],
    ["a rate of 0", { maxRequestsPerSecond: 0 }, [RATE]],
    ["an endpoint without a scheme", { endpoint: "127.0.0.1:4566" }, ["stack config chime:endpoint must be"]],
    ["an endpoint not known yet (preview)", { endpoint: UNKNOWN }, []],
    ["a region that is not a string", { region: 7 }, ["stack config chime:region must be a string; got 7"]],
    ["keys the plugin does not read (other stack config, version)", { canarySecret: "x", version: "1" }, []],
  ];
  for (const [name, config, reasons] of cases) {
    it(`${name}: ${reasons.length === 0 ? "no failure" : "fails"}`, () => {
      const failures = checkConfig(config, {});
      expect(failures.map((f) => f.property)).to.deep.equal(reasons.map(() => ""));
      reasons.forEach((reason, i) => {
        expect(failures[i].reason).to.include(reason);
      });
    });
  }

  it("reads each config property as its stack config key, config before environment", () => {
    expect(Object.keys(CONFIG_PROPERTIES)).to.have.members(
      Object.keys((JSON.parse(chimePlugin().schema) as { config: { variables: object } }).config.variables),
    );
    const env = { AWS_REGION: "eu-west-1" };
    expect(ChimeConfig.from(configSource({ region: "ap-south-1" }), env).defaultRegion).to.equal(
      "ap-south-1",
    );
    expect(ChimeConfig.from(configSource({}), env).defaultRegion).to.equal("eu-west-1");
    const source = configSource({ endpoint: "http://127.0.0.1:1", maxRequestsPerSecond: 4 });
    expect([source.get("chime:endpoint"), source.get("chime:maxRequestsPerSecond")]).to.deep.equal([
      "http://127.0.0.1:1",
      "4",
    ]);
  });
});

describe("chime plugin: resources over gRPC against the local endpoint", () => {
  const plugin = usePluginOnLocalEndpoint();

  /** A meeting made out of band, and an attendee in it. */
  async function outOfBand(externalUserId: string) {
    const client = clientFor(plugin.local);
    const meeting = await newMeeting(client, { ExternalMeetingId: "out-of-band" });
    await newAttendee(client, meeting.MeetingId, externalUserId);
    client.destroy();
    return { meetingId: meeting.MeetingId, attendee: plugin.local.attendees(meeting.MeetingId)[0] };
  }

  it("GIVEN the plugin WHEN asked THEN its version is the package's and its schema is schema.json", async () => {
    const info = await plugin.rpc.getPluginInfo(new emptyproto.Empty());
    expect(info.getVersion()).to.equal(require("../../package.json").version);
    const schema = await plugin.rpc.getSchema(new provproto.GetSchemaRequest());
    expect(JSON.parse(schema.getSchema())).to.deep.equal(require("../../schema.json"));
  });

  it("GIVEN a declared meeting and attendee WHEN created THEN attendeeId and joinToken leave as secrets, under an opaque id", async () => {
    const meeting = await plugin.rpc.create(
      new provproto.CreateRequest()
        .setUrn(urn("Meeting", "room"))
        .setProperties(struct({ externalMeetingId: "room", mediaRegion: "us-east-1", region: "us-east-1" })),
    );
    const { meetingId } = (meeting.getProperties()?.toJavaScript() ?? {}) as { meetingId: string };
    const checked = await plugin.rpc.check(
      new provproto.CheckRequest()
        .setUrn(urn("Attendee", "kiosk"))
        .setOlds(struct({}))
        .setNews(struct({ meetingId, externalUserId: secret("kiosk-1") })),
    );
    expect(checked.getFailuresList()).to.deep.equal([]);
    const inputs = checked.getInputs()?.toJavaScript() ?? {};
    expect(inputs).to.deep.equal({ meetingId, externalUserId: secret("kiosk-1"), region: "us-east-1" });
    const created = await plugin.rpc.create(
      new provproto.CreateRequest().setUrn(urn("Attendee", "kiosk")).setProperties(checked.getInputs()),
    );
    const [attendee] = plugin.local.attendees(meetingId);
    expect(created.getProperties()?.toJavaScript()).to.deep.include({
      meetingId,
      externalUserId: secret("kiosk-1"),
      attendeeId: secret(attendee.attendeeId),
      joinToken: secret(attendee.joinToken),
    });
    expect(created.getId()).to.not.equal(attendee.attendeeId).and.not.include(attendee.attendeeId);
  });

  it("GIVEN an attendee made out of band WHEN imported by <meetingId>/<externalUserId> THEN it is read under a new opaque id, with the inputs that declare it", async () => {
    const { meetingId, attendee } = await outOfBand("walk-in/1");
    const read = await plugin.rpc.read(
      new provproto.ReadRequest().setUrn(urn("Attendee", "walkin")).setId(`${meetingId}/walk-in/1`),
    );
    expect(read.getId()).to.match(/^[0-9a-f-]{36}$/);
    expect(read.getId()).to.not.include(attendee.attendeeId);
    expect(read.getProperties()?.toJavaScript()).to.deep.equal({
      meetingId,
      externalUserId: "walk-in/1",
      capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" },
      region: "us-east-1",
      attendeeId: secret(attendee.attendeeId),
      joinToken: secret(attendee.joinToken),
    });
    expect(read.getInputs()?.toJavaScript()).to.deep.equal({
      meetingId,
      externalUserId: "walk-in/1",
      capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" },
      region: "us-east-1",
    });
  });

  it("GIVEN a meeting made out of band WHEN imported by its MeetingId THEN its inputs are what Chime reports", async () => {
    const { meetingId } = await outOfBand("someone");
    const read = await plugin.rpc.read(
      new provproto.ReadRequest().setUrn(urn("Meeting", "lobby")).setId(meetingId),
    );
    expect(read.getId())
      .to.match(/^[0-9a-f-]{36}$/)
      .and.not.equal(meetingId);
    expect(read.getInputs()?.toJavaScript()).to.deep.equal({
      externalMeetingId: "out-of-band",
      mediaRegion: "us-east-1",
      region: "us-east-1",
    });
    expect(read.getProperties()?.toJavaScript()).to.include({ meetingId });
  });

  // Issue 20.7 and 25 (importedMeetingInputs): every input a meeting was created with comes back from its
  // import, and a program that declares exactly those plans no change (what docs/plugin.md tells users).
  it("GIVEN a meeting made with features, tenant ids, a host id, a primary meeting and tags WHEN imported THEN its inputs are all of them, and declaring them checks and diffs clean", async () => {
    const client = clientFor(plugin.local);
    const primary = await newMeeting(client, { ExternalMeetingId: "primary" });
    const made = await newMeeting(client, {
      ExternalMeetingId: "featured",
      MeetingHostId: "host-7",
      PrimaryMeetingId: primary.MeetingId,
      TenantIds: ["tenant-a", "tenant-b"],
      MeetingFeatures: {
        Audio: { EchoReduction: "AVAILABLE" },
        Video: { MaxResolution: "HD" },
        Content: { MaxResolution: "FHD" },
        Attendee: { MaxCount: 50 },
      },
      Tags: [{ Key: "team", Value: "kiosks" }],
    });
    client.destroy();
    const read = await plugin.rpc.read(
      new provproto.ReadRequest().setUrn(urn("Meeting", "featured")).setId(made.MeetingId),
    );
    const inputs = read.getInputs()?.toJavaScript() as Record<string, unknown>;
    expect(inputs).to.deep.equal({
      externalMeetingId: "featured",
      mediaRegion: "us-east-1",
      meetingHostId: "host-7",
      primaryMeetingId: primary.MeetingId,
      tenantIds: ["tenant-a", "tenant-b"],
      meetingFeatures: {
        audio: { echoReduction: "AVAILABLE" },
        video: { maxResolution: "HD" },
        content: { maxResolution: "FHD" },
        attendee: { maxCount: 50 },
      },
      tags: { team: "kiosks" },
      region: "us-east-1",
    });
    const checked = await plugin.rpc.check(
      new provproto.CheckRequest()
        .setUrn(urn("Meeting", "featured"))
        .setOlds(struct(inputs))
        .setNews(struct(inputs)),
    );
    expect(checked.getFailuresList().map((f) => f.getReason())).to.deep.equal([]);
    const diff = await plugin.rpc.diff(
      new provproto.DiffRequest()
        .setUrn(urn("Meeting", "featured"))
        .setId(read.getId())
        .setOlds(read.getProperties())
        .setNews(checked.getInputs()),
    );
    expect(diff.getChanges()).to.equal(provproto.DiffResponse.DiffChanges.DIFF_NONE);
    // Declared as the import guide used to say (externalMeetingId, mediaRegion, tags): a replace.
    const { externalMeetingId, mediaRegion, tags } = inputs;
    const fewer = await plugin.rpc.check(
      new provproto.CheckRequest()
        .setUrn(urn("Meeting", "featured"))
        .setOlds(struct(inputs))
        .setNews(struct({ externalMeetingId, mediaRegion, tags })),
    );
    const replaced = await plugin.rpc.diff(
      new provproto.DiffRequest()
        .setUrn(urn("Meeting", "featured"))
        .setId(read.getId())
        .setOlds(read.getProperties())
        .setNews(fewer.getInputs()),
    );
    expect(replaced.getReplacesList()).to.have.members([
      "meetingHostId",
      "primaryMeetingId",
      "tenantIds",
      "meetingFeatures",
    ]);
  });

  // Issue 20.6: an import or `get` that finds nothing says which id it takes (the engine's own answer to
  // an empty id is "resource '…' does not exist"): `Meeting.get(name, meeting.id)` passes the opaque
  // resource id, a GUID too, where the meetingId is meant.
  it("GIVEN a meeting with some features only WHEN imported THEN its inputs name those and no others", async () => {
    const client = clientFor(plugin.local);
    const meeting = await newMeeting(client, {
      ExternalMeetingId: "audio-only",
      MeetingFeatures: { Audio: { EchoReduction: "UNAVAILABLE" } },
    });
    client.destroy();
    const read = await plugin.rpc.read(
      new provproto.ReadRequest().setUrn(urn("Meeting", "audio-only")).setId(meeting.MeetingId),
    );
    expect(read.getInputs()?.toJavaScript()).to.deep.equal({
      externalMeetingId: "audio-only",
      mediaRegion: "us-east-1",
      meetingFeatures: { audio: { echoReduction: "UNAVAILABLE" } },
      region: "us-east-1",
    });
  });

  it("GIVEN a legacy meeting made out of band WHEN imported by legacy/<meetingId> THEN its inputs are the legacy namespace's, in its one region", async () => {
    const legacy = clientFor(plugin.local, { dialect: "legacy" });
    const meeting = await newMeeting(legacy, {
      ExternalMeetingId: "legacy-out-of-band",
      MediaRegion: "us-west-2",
    });
    legacy.destroy();
    const read = await plugin.rpc.read(
      new provproto.ReadRequest().setUrn(urn("Meeting", "legacy-lobby")).setId(`legacy/${meeting.MeetingId}`),
    );
    expect(read.getInputs()?.toJavaScript()).to.deep.equal({
      namespace: "legacy",
      externalMeetingId: "legacy-out-of-band",
      mediaRegion: "us-west-2",
      region: "us-east-1",
    });
    expect(read.getProperties()?.toJavaScript()).to.include({
      meetingId: meeting.MeetingId,
      namespace: "legacy",
    });
  });

  it("GIVEN a MeetingTags import WHEN read by id THEN it fails saying to declare the tags on their Meeting", async () => {
    const { meetingId } = await outOfBand("tags-import");
    const error = await rejection(
      plugin.rpc.read(new provproto.ReadRequest().setUrn(urn("MeetingTags", "tags")).setId(meetingId)),
    );
    expect(error.details).to.include(
      "A MeetingTags resource cannot be imported: declare the tags on their Meeting instead.",
    );
  });

  it("GIVEN a Meeting's state without a meetingId WHEN read THEN it fails saying so, before any call", async () => {
    plugin.local.resetCounters();
    const error = await rejection(
      plugin.rpc.read(
        new provproto.ReadRequest()
          .setUrn(urn("Meeting", "broken"))
          .setId("3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c")
          .setProperties(struct({ externalMeetingId: "x", mediaRegion: "us-east-1", region: "us-east-1" })),
      ),
    );
    expect(error.details).to.include("A Meeting without a recorded meetingId cannot be read.");
    expect(plugin.local.totalRequests()).to.equal(0);
  });

  it("GIVEN an import id of an attendee that does not exist WHEN imported THEN the read fails saying what was looked for, where, and which id an import takes", async () => {
    const { meetingId } = await outOfBand("someone");
    const error = await rejection(
      plugin.rpc.read(
        new provproto.ReadRequest().setUrn(urn("Attendee", "ghost")).setId(`${meetingId}/nobody`),
      ),
    );
    expect(error.details).to.equal(
      `The attendee externalUserId (6 characters) of meeting "${meetingId}" was not found in region us-east-1. ` +
        'An Attendee is imported by the id "<meetingId>/<externalUserId>" ("legacy/<meetingId>/<externalUserId>" ' +
        "in the legacy Amazon Chime namespace), the same for `pulumi import`, the `import` resource option and a " +
        "`get` by id; not by the resource's own id (`.id`), which the provider makes up. If the id is right, the " +
        "meeting has ended (Chime ends a meeting 24 hours after creation or after 5 minutes without a connected " +
        "attendee), or it lives in another region: the import uses stack config chime:region.",
    );
  });

  it("GIVEN a Meeting's own resource id WHEN read by id (Meeting.get(name, meeting.id)) THEN it fails saying a Meeting is read by its meetingId", async () => {
    const created = await plugin.rpc.create(
      new provproto.CreateRequest()
        .setUrn(urn("Meeting", "standup"))
        .setProperties(
          struct({ externalMeetingId: "standup", mediaRegion: "us-east-1", region: "us-east-1" }),
        ),
    );
    const error = await rejection(
      plugin.rpc.read(
        new provproto.ReadRequest().setUrn(urn("Meeting", "standup-again")).setId(created.getId()),
      ),
    );
    expect(error.details)
      .to.include(`The meeting "${created.getId()}" was not found in region us-east-1.`)
      .and.include('A Meeting is imported by the id "<meetingId>"')
      .and.include("not by the resource's own id (`.id`)");
  });

  it("GIVEN an Attendee's own resource id WHEN read by id THEN the message says which id it takes instead", async () => {
    const error = await rejection(
      plugin.rpc.read(
        new provproto.ReadRequest()
          .setUrn(urn("Attendee", "kiosk-again"))
          .setId("5a1b9c2d-0d4e-4f5a-8b6c-7d8e9f0a1b2c"),
      ),
    );
    expect(error.details).to.include(
      "the same for `pulumi import`, the `import` resource option and a `get` by id",
    );
    expect(error.details).to.include('got an id of 36 characters without "/"');
  });

  const badIds: [string, string, string][] = [
    ["Attendee", "kiosk-1", 'got an id of 7 characters without "/"'],
    [
      "Attendee",
      "standup/kiosk-1",
      'meetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "standup"',
    ],
    [
      "Attendee",
      "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c/x",
      "externalUserId must be 2 to 64 characters long; got a value (1 characters)",
    ],
    [
      "Meeting",
      "legacy/room",
      'meetingId must be a meeting GUID such as 3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c; got "room"',
    ],
  ];
  for (const [type, id, reason] of badIds) {
    it(`a ${type} import id ${JSON.stringify(id)} fails naming the form and why, before any call`, async () => {
      plugin.local.resetCounters();
      const error = await rejection(
        plugin.rpc.read(new provproto.ReadRequest().setUrn(urn(type, "x")).setId(id)),
      );
      const form = type === "Attendee" ? "<meetingId>/<externalUserId>" : "<meetingId>";
      expect(error.details).to.include(`is imported by the id "${form}"`).and.include(reason);
      expect(plugin.local.totalRequests()).to.equal(0);
    });
  }

  it("GIVEN a legacy attendee with tags WHEN imported by legacy/<meetingId>/<externalUserId> THEN its tags are secret too", async () => {
    const client = clientFor(plugin.local, { dialect: "legacy" });
    const meeting = await newMeeting(client);
    await newAttendee(client, meeting.MeetingId, "legacy-kiosk", [{ Key: "site", Value: "lobby" }]);
    client.destroy();
    const read = await plugin.rpc.read(
      new provproto.ReadRequest()
        .setUrn(urn("Attendee", "old"))
        .setId(`legacy/${meeting.MeetingId}/legacy-kiosk`),
    );
    const [attendee] = plugin.local.legacy.attendees(meeting.MeetingId);
    expect(read.getProperties()?.toJavaScript()).to.deep.equal({
      namespace: "legacy",
      meetingId: meeting.MeetingId,
      externalUserId: "legacy-kiosk",
      tags: secret({ site: "lobby" }),
      region: "us-east-1",
      attendeeId: secret(attendee.attendeeId),
      joinToken: secret(attendee.joinToken),
    });
    expect(read.getInputs()?.toJavaScript()).to.deep.include({ tags: secret({ site: "lobby" }) });
  });
  it("legacy tags are stored as secrets (a value rule: in Chime SDK Meetings tags stay plain)", async () => {
    const client = clientFor(plugin.local, { dialect: "legacy" });
    const legacy = await newMeeting(client);
    client.destroy();
    const meetings = await outOfBand("someone");
    const tagged = async (namespace: "legacy" | undefined, meetingId: string) => {
      const checked = await plugin.rpc.check(
        new provproto.CheckRequest()
          .setUrn(urn("MeetingTags", `tags-${namespace ?? "meetings"}`))
          .setOlds(struct({}))
          .setNews(
            struct({
              ...(namespace
                ? { namespace }
                : { meetingArn: `arn:aws:chime:us-east-1:123456789012:meeting/${meetingId}` }),
              meetingId,
              tags: { site: "lobby" },
            }),
          ),
      );
      expect(checked.getFailuresList().map((f) => f.getReason())).to.deep.equal([]);
      const created = await plugin.rpc.create(
        new provproto.CreateRequest()
          .setUrn(urn("MeetingTags", `tags-${namespace ?? "meetings"}`))
          .setProperties(checked.getInputs()),
      );
      return [checked.getInputs()?.toJavaScript().tags, created.getProperties()?.toJavaScript().tags];
    };
    expect(await tagged("legacy", legacy.MeetingId)).to.deep.equal([
      secret({ site: "lobby" }),
      secret({ site: "lobby" }),
    ]);
    expect(await tagged(undefined, meetings.meetingId)).to.deep.equal([{ site: "lobby" }, { site: "lobby" }]);
  });

  it("a legacy AttendeeBatch: its members' tags are set, and its attendees (which hold them) and joinInfo are stored as secrets", async () => {
    const client = clientFor(plugin.local, { dialect: "legacy" });
    const meeting = await newMeeting(client);
    client.destroy();
    const attendees = [{ externalUserId: "bot-1", tags: { role: "recorder" } }, { externalUserId: "bot-2" }];
    const checked = await plugin.rpc.check(
      new provproto.CheckRequest()
        .setUrn(urn("AttendeeBatch", "legacy-bots"))
        .setOlds(struct({}))
        .setNews(struct({ namespace: "legacy", meetingId: meeting.MeetingId, attendees })),
    );
    expect(checked.getFailuresList().map((f) => f.getReason())).to.deep.equal([]);
    expect(checked.getInputs()?.toJavaScript().attendees).to.deep.equal(secret(attendees));
    const created = await plugin.rpc.create(
      new provproto.CreateRequest()
        .setUrn(urn("AttendeeBatch", "legacy-bots"))
        .setProperties(checked.getInputs()),
    );
    const outputs = created.getProperties()?.toJavaScript() ?? {};
    const bot1 = plugin.local.legacy.attendees(meeting.MeetingId).find((a) => a.externalUserId === "bot-1");
    expect(bot1?.tags).to.deep.equal({ role: "recorder" });
    expect(outputs.attendees).to.deep.equal(secret(attendees));
    const joinInfo = outputs.joinInfo as { value: Record<string, unknown> };
    expect(joinInfo).to.deep.equal(secret(joinInfo.value));
    expect(joinInfo.value["bot-1"]).to.deep.equal({
      attendeeId: bot1?.attendeeId,
      joinToken: bot1?.joinToken,
      tags: { role: "recorder" },
    });
  });
});

describe("chime plugin: provider instances", () => {
  it("GIVEN two configured instances (two plugin processes in the engine) THEN each creates on its own endpoint", async () => {
    const [a, b] = await Promise.all([startChimeLocal(), startChimeLocal()]);
    const saved = { ...process.env };
    process.env.AWS_ACCESS_KEY_ID = "test";
    process.env.AWS_SECRET_ACCESS_KEY = "test";
    const servers = await Promise.all([servedChimePlugin(process.env), servedChimePlugin(process.env)]);
    try {
      for (const [i, local] of [a, b].entries()) {
        await servers[i].rpc.configure(
          new provproto.ConfigureRequest().setArgs(struct({ endpoint: local.url })),
        );
      }
      for (const [i, name] of ["in-a", "in-b"].entries()) {
        await servers[i].rpc.create(
          new provproto.CreateRequest()
            .setUrn(urn("Meeting", name))
            .setProperties(
              struct({ externalMeetingId: name, mediaRegion: "us-east-1", region: "us-east-1" }),
            ),
        );
      }
      expect(a.meetings().map((m) => m.externalMeetingId)).to.deep.equal(["in-a"]);
      expect(b.meetings().map((m) => m.externalMeetingId)).to.deep.equal(["in-b"]);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      process.env = saved;
      await Promise.all([a.close(), b.close()]);
    }
  });
});

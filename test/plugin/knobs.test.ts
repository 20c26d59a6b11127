/**
 * Issue 20.3, 20.4, 20.8: every message of the plugin names the knob that the resource's provider
 * actually reads: stack config (`chime:*`, never `aws:*`, which the plugin is not handed) for a stack's
 * default provider; the provider resource's own argument, by the provider's name, for an explicit
 * `pulumi:providers:chime`. A NotFound from the endpoint says which endpoint answered, for which
 * provider. The provider's name comes from its URN, as the engine sends it to CheckConfig and Configure.
 */
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { checkConfig, chimePlugin, registryFor } from "../../provider/plugin/chime";
import { pluginWords, providerResourceWords, stackConfigWords } from "../../provider/shared/config-words";
import { ANONYMOUS } from "../../provider/shared/resource";
import { clientFor, newMeeting } from "../emulator/helpers";
import { served, struct } from "./grpc";

const DEFAULT = "default_0_1_0";
const providerUrn = (name: string) => `urn:pulumi:dev::proj::pulumi:providers:chime::${name}`;

describe("Issue 20.3/20.4: config messages name the provider's own knob, never aws:*", () => {
  // [case, provider name, config, the reason expected]
  const cases: [string, string, Record<string, unknown>, string][] = [
    [
      "default provider, rate -1",
      DEFAULT,
      { maxRequestsPerSecond: "-1" },
      'stack config chime:maxRequestsPerSecond must be a positive number of requests per second (default 10); got "-1". ' +
        "To fix it, run `pulumi config set chime:maxRequestsPerSecond 10`.",
    ],
    [
      "explicit provider, rate -1",
      "eu",
      { maxRequestsPerSecond: -1 },
      `provider "eu"'s maxRequestsPerSecond argument must be a positive number of requests per second (default 10); got "-1". ` +
        'To fix it, set maxRequestsPerSecond: 10 in the arguments of provider "eu" (pulumi:providers:chime) in the program.',
    ],
    [
      "default provider, an endpoint without a scheme",
      DEFAULT,
      { endpoint: "127.0.0.1:47001" },
      'stack config chime:endpoint must be an http:// or https:// URL such as http://127.0.0.1:4566; got "127.0.0.1:47001"',
    ],
    [
      "explicit provider, an endpoint without a scheme",
      "eu",
      { endpoint: "127.0.0.1:47001" },
      `provider "eu"'s endpoint argument must be an http:// or https:// URL such as http://127.0.0.1:4566; got "127.0.0.1:47001"`,
    ],
    [
      "explicit provider, a region that is not a string",
      "eu",
      { region: 7 },
      `provider "eu"'s region argument must be a string; got 7`,
    ],
  ];
  for (const [name, provider, config, reason] of cases) {
    it(`${name}: ${reason.slice(0, 40)}…`, () => {
      expect(checkConfig(config, {}, provider).map((f) => f.reason)).to.deep.equal([reason]);
    });
  }

  it("CheckConfig over gRPC takes the provider's name from its URN", async () => {
    const { rpc, close } = await served(chimePlugin({}));
    try {
      const failures = async (name: string) =>
        (
          await rpc.checkConfig(
            new provproto.CheckRequest()
              .setUrn(providerUrn(name))
              .setOlds(struct({}))
              .setNews(struct({ maxRequestsPerSecond: -1 })),
          )
        )
          .getFailuresList()
          .map((f) => f.getReason());
      expect((await failures("eu"))[0]).to.match(/^provider "eu"'s maxRequestsPerSecond argument/);
      expect((await failures(DEFAULT))[0]).to.match(/^stack config chime:maxRequestsPerSecond/);
    } finally {
      close();
    }
  });

  // [provider name, the reason for a Meeting without region, with no region anywhere]
  const regions: [string, string][] = [
    [
      DEFAULT,
      "region is not set: give the resource a region input, or set stack config chime:region, or the AWS_REGION environment variable",
    ],
    [
      "eu",
      'region is not set: give the resource a region input, or give provider "eu" a region argument, or set the AWS_REGION environment variable',
    ],
  ];
  for (const [provider, reason] of regions) {
    it(`a resource without a region, provider ${provider}: names ${provider === DEFAULT ? "stack config chime:region" : "the provider's region argument"}, not aws:region`, () => {
      const meeting = registryFor({}, {}, provider)["chime:index:Meeting"];
      const { failures } = meeting.check(ANONYMOUS, undefined, {
        externalMeetingId: "lobby",
        mediaRegion: "us-east-1",
      });
      expect(failures.map((f) => f.reason)).to.deep.equal([reason]);
    });
  }

  it("no word of the plugin's providers mentions aws:* config (the dynamic classes' do: they read it)", () => {
    const all = (words: ReturnType<typeof stackConfigWords>) =>
      [
        words.provider,
        words.regionSources,
        words.credentialSources,
        words.noCredentials,
        ...(["region", "endpoint", "legacyEndpoint", "maxRequestsPerSecond"] as const).flatMap((s) => [
          words.setting(s),
          words.change(s, "x"),
          words.recorded(s),
        ]),
      ].join("\n");
    expect(all(pluginWords(DEFAULT))).to.not.include("aws:");
    expect(all(pluginWords("eu"))).to.not.include("aws:");
    expect(all(pluginWords("eu"))).to.not.include("stack config");
    expect(all(providerResourceWords("eu"))).to.equal(all(pluginWords("eu")));
    expect(all(stackConfigWords(true)))
      .to.include("aws:region")
      .and.include("aws:profile");
  });
});

describe("Issue 20.8: a NotFound from another endpoint names the endpoint and the provider that answered", () => {
  let here: ChimeLocal;
  let elsewhere: ChimeLocal;
  const saved = { ...process.env };
  before(async () => {
    here = await startChimeLocal();
    elsewhere = await startChimeLocal();
    // The AWS SDK reads credentials from the process's environment.
    process.env.AWS_ACCESS_KEY_ID = "test";
    process.env.AWS_SECRET_ACCESS_KEY = "test";
  });
  after(async () => {
    process.env = saved;
    await here?.close();
    await elsewhere?.close();
  });

  it("GIVEN a meeting on one endpoint WHEN an Attendee of it is created through provider other (another endpoint) THEN the message names that endpoint and provider other's endpoint argument", async () => {
    const client = clientFor(here);
    const meeting = await newMeeting(client);
    client.destroy();
    const attendee = registryFor({ endpoint: elsewhere.url, region: "us-east-1" }, {}, "other")[
      "chime:index:Attendee"
    ];
    const { inputs, failures } = attendee.check(ANONYMOUS, undefined, {
      meetingId: meeting.MeetingId,
      externalUserId: "kiosk-1",
    });
    expect(failures).to.deep.equal([]);
    let message = "";
    await attendee.create(ANONYMOUS, inputs).catch((error: Error) => {
      message = error.message;
    });
    expect(message).to.include("NotFoundException");
    expect(message).to.include(
      ` The answer came from ${elsewhere.url} (provider "other"'s endpoint argument), the endpoint of provider ` +
        '"other": if the meeting was made through another provider (another endpoint or account), give this ' +
        "resource that provider.",
    );
    expect(message).to.not.include("stack config");
    expect(message).to.not.include("aws:");
  });
});

import { expect } from "chai";
import { ChimeConfig, type ConfigSource, defaultRegion } from "../../provider/aws/config";
import { DYNAMIC_WORDS } from "../../provider/shared/config-words";

describe("Provider settings", () => {
  let config = new ChimeConfig();
  const recordConfig = (source: ConfigSource) => {
    config = ChimeConfig.from(source);
  };
  const settingsFor = (region: string) => config.settingsFor(region);
  const legacySettings = () => config.legacySettings();
  afterEach(() => {
    config = new ChimeConfig();
  });

  // [case, config, environment, region]
  const regions: [string, Record<string, string>, NodeJS.ProcessEnv, string | undefined][] = [
    [
      "chime:region first",
      { region: "us-west-2", awsRegion: "us-east-1" },
      { AWS_REGION: "eu-central-1" },
      "us-west-2",
    ],
    ["then aws:region", { awsRegion: "ap-south-1" }, { AWS_REGION: "eu-central-1" }, "ap-south-1"],
    [
      "then AWS_REGION",
      {},
      { AWS_REGION: "eu-central-1", AWS_DEFAULT_REGION: "ca-central-1" },
      "eu-central-1",
    ],
    ["then AWS_DEFAULT_REGION", {}, { AWS_DEFAULT_REGION: "ca-central-1" }, "ca-central-1"],
    [
      "empty variables count as unset",
      {},
      { AWS_REGION: "", AWS_DEFAULT_REGION: "ca-central-1" },
      "ca-central-1",
    ],
    ["none", {}, {}, undefined],
  ];
  for (const [name, config, env, region] of regions) {
    it(`default region: ${name}`, () => {
      expect(defaultRegion(config, env)).to.equal(region);
    });
  }

  it("records only the keys it uses from the stack config given to configure", () => {
    const stack: Record<string, string> = {
      "chime:endpoint": "http://127.0.0.1:9",
      "chime:maxRequestsPerSecond": "4",
      "aws:profile": "kiosks",
      "other:secret": "s3cr3t",
    };
    recordConfig({ get: (key) => stack[key] });
    expect(settingsFor("us-east-1")).to.deep.equal({
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9",
      profile: "kiosks",
      maxRequestsPerSecond: 4,
      words: DYNAMIC_WORDS,
    });
  });

  it("legacy namespace: us-east-1, chime:legacyEndpoint (not chime:endpoint), the same profile and rate", () => {
    const stack: Record<string, string> = {
      "chime:endpoint": "http://127.0.0.1:9",
      "chime:legacyEndpoint": "http://127.0.0.1:9/legacy",
      "chime:region": "eu-central-1",
      "chime:maxRequestsPerSecond": "4",
      "aws:profile": "kiosks",
    };
    recordConfig({ get: (key) => stack[key] });
    expect(legacySettings()).to.deep.equal({
      namespace: "legacy",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9/legacy",
      profile: "kiosks",
      maxRequestsPerSecond: 4,
      words: DYNAMIC_WORDS,
    });
  });

  it("legacy namespace without chime:legacyEndpoint: no override, so the SDK's AWS_ENDPOINT_URL_CHIME applies", () => {
    recordConfig({ get: (key) => ({ "chime:endpoint": "http://127.0.0.1:9" })[key] });
    expect(legacySettings().endpoint).to.equal(undefined);
  });

  it("defaults to the AWS quota of 10 requests per second", () => {
    expect(settingsFor("us-east-1").maxRequestsPerSecond).to.equal(10);
  });

  it("rejects a rate that is not a positive number, naming the key and value", () => {
    expect(() => new ChimeConfig({ maxRequestsPerSecond: "fast" }).settingsFor("us-east-1")).to.throw(
      'chime:maxRequestsPerSecond must be a positive number; got "fast"',
    );
  });
});

describe("Provider instances", () => {
  it("GIVEN two instances' configs WHEN each makes a client for the same settings THEN each has its own client and pacer", async () => {
    const { meetingsClient } = await import("../../provider/aws/chime-api");
    const [a, b] = [new ChimeConfig({ region: "us-east-1" }), new ChimeConfig({ region: "us-east-1" })];
    const settings = a.settingsFor("us-east-1");
    try {
      expect(meetingsClient(settings, a.clients)).to.equal(meetingsClient(settings, a.clients));
      expect(meetingsClient(settings, a.clients)).not.to.equal(meetingsClient(settings, b.clients));
      expect(a.clients.pacer).not.to.equal(b.clients.pacer);
    } finally {
      a.clients.reset();
      b.clients.reset();
    }
  });
});

import { createHook } from "node:async_hooks";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { declarationInputs, NAME_KEY, SECRET_INPUTS_KEY } from "../../provider/dynamic/declaration";
import { withKindOptions } from "../../provider/dynamic/kind-options";
import { providerShim } from "../../provider/dynamic/shim";
import { KINDS } from "../../provider/kinds";
import { PACKAGE_ROOT } from "../support/program-dir";

/**
 * What the resource classes add to an engine pass in the program process, asserted by counting rather
 * than timing (issue 15; the times are `npm run bench`'s). The Node SDK tracks many of the promises a
 * resource makes (`debuggablePromise`), capturing and source-mapping a stack for each: in a pass over
 * 250 attendees that was 1.7 s. An `Attendee` has ten properties where the issue's trivial dynamic
 * resource has four, and each property costs the SDK four tracked promises; those are the API's. What
 * the class does on top of them is ours, and must be nothing: the guards below compare each class with a
 * bare `pulumi.dynamic.Resource` of the same properties, options and provider object, under Pulumi's
 * mocks (which register resources through the SDK's real registration path; only the engine is mocked).
 */

/** The SDK's promise tracker, replaced (its callers look it up on the module at each call) to count. */
const debuggable: {
  debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
} = require("@pulumi/pulumi/runtime/debuggable");

interface Cost {
  /** Promises created (async_hooks), per resource. */
  readonly promises: number;
  /** Promises the SDK tracks, each with a captured stack, per resource. */
  readonly tracked: number;
  /** `pulumi.Config#get` calls, in all. */
  readonly configReads: number;
}

/**
 * What declaring `count` resources with `declare` costs once the first such batch has run (the first
 * batch of a shape pays one-time costs: the SDK's first registration of a property, say): the least of
 * three batches, since other work of the test process can only add promises to a batch, never remove.
 */
async function steadyCostOf(count: number, declare: (n: number) => pulumi.CustomResource): Promise<Cost> {
  await costOf(count, declare);
  const costs = [await costOf(count, declare), await costOf(count, declare), await costOf(count, declare)];
  return {
    promises: Math.min(...costs.map((c) => c.promises)),
    tracked: Math.min(...costs.map((c) => c.tracked)),
    configReads: Math.min(...costs.map((c) => c.configReads)),
  };
}

/** What declaring `count` resources with `declare` costs until every one is registered. */
async function costOf(count: number, declare: (n: number) => pulumi.CustomResource): Promise<Cost> {
  let promises = 0;
  let tracked = 0;
  let configReads = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === "PROMISE") promises++;
    },
  });
  const track = debuggable.debuggablePromise;
  const get = pulumi.Config.prototype.get;
  debuggable.debuggablePromise = (p, ctx) => {
    tracked++;
    return track(p, ctx);
  };
  pulumi.Config.prototype.get = function (this: pulumi.Config, ...args: Parameters<typeof get>) {
    configReads++;
    return get.apply(this, args);
  } as typeof get;
  hook.enable();
  try {
    const resources = Array.from({ length: count }, (_, n) => declare(n));
    await Promise.all(resources.map((r) => new Promise((resolve) => r.id.apply(resolve))));
  } finally {
    hook.disable();
    debuggable.debuggablePromise = track;
    pulumi.Config.prototype.get = get;
  }
  return { promises: promises / count, tracked: tracked / count, configReads };
}

const MEETING_ID = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
let names = 0;
/** A fresh resource name (the mocks' URNs must not collide). */
const fresh = (prefix: string) => `${prefix}-${++names}`;

/** An Attendee's properties as its class hands them to `pulumi.dynamic.Resource`, with given hidden inputs. */
function attendeeProps(
  meetingId: pulumi.Input<string>,
  externalUserId: string,
  secretInputs: pulumi.Input<string[]>,
): Record<string, unknown> {
  return {
    namespace: undefined,
    meetingId,
    externalUserId,
    capabilities: undefined,
    tags: undefined,
    region: undefined,
    attendeeId: undefined,
    joinToken: undefined,
    [NAME_KEY]: externalUserId,
    [SECRET_INPUTS_KEY]: secretInputs,
  };
}

/** `pulumi.dynamic.Resource` itself, which its types declare abstract. */
class Bare extends pulumi.dynamic.Resource {}

/** The bare dynamic resource an `Attendee` is, without its class. */
function bareAttendee(props: Record<string, unknown>): pulumi.CustomResource {
  return new Bare(
    providerShim("attendee"),
    fresh("bare"),
    props,
    withKindOptions(KINDS.attendee, undefined, undefined),
    "chime",
    "Attendee",
  );
}

describe("What the resource classes add to an engine pass (issue 15; Pulumi mocks, counted, not timed)", () => {
  before(async () => {
    pulumi.runtime.setMocks(
      { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
      "project",
      "stack",
      false,
    );
    // Warm up: the first resource of a kind serializes its provider (once per process, by object).
    const { Attendee, AttendeeBatch } = await import("../../provider");
    await costOf(1, () => new Attendee(fresh("warm"), { meetingId: MEETING_ID, externalUserId: "warm" }));
    await costOf(
      1,
      () => new AttendeeBatch(fresh("warm"), { meetingId: MEETING_ID, attendees: [{ externalUserId: "w" }] }),
    );
  });

  it("GIVEN plain inputs WHEN Attendees are declared THEN each costs what a bare dynamic resource of the same properties costs", async () => {
    const { Attendee } = await import("../../provider");
    const bare = await steadyCostOf(10, (n) => bareAttendee(attendeeProps(MEETING_ID, `bot-${n}`, [])));
    const attendee = await steadyCostOf(
      10,
      (n) => new Attendee(fresh("bot"), { meetingId: MEETING_ID, externalUserId: `bot-${n}` }),
    );
    expect({ promises: attendee.promises, tracked: attendee.tracked }).to.deep.equal({
      promises: bare.promises,
      tracked: bare.tracked,
    });
  });

  it("GIVEN the meeting's meetingId Output shared by the attendees WHEN they are declared THEN each costs what a bare resource whose hidden input awaits that Output costs", async () => {
    const { Attendee } = await import("../../provider");
    const meetingId = pulumi.output(MEETING_ID);
    // The least a hidden input that depends on the Output's secrecy can be: one promise chained to it.
    const secrecy = pulumi.isSecret(meetingId);
    const bare = await steadyCostOf(10, (n) =>
      bareAttendee(
        attendeeProps(
          meetingId,
          `bot-${n}`,
          Promise.all([secrecy.then((s) => (s ? ["meetingId"] : []))]).then((k) => k.flat()),
        ),
      ),
    );
    // The first batch asks the Output's secrecy once for all; the second is what is compared.
    const attendee = await steadyCostOf(
      10,
      (n) => new Attendee(fresh("bot"), { meetingId, externalUserId: `bot-${n}` }),
    );
    expect({ promises: attendee.promises, tracked: attendee.tracked }).to.deep.equal({
      promises: bare.promises,
      tracked: bare.tracked,
    });
  });

  it("GIVEN plain inputs WHEN an AttendeeBatch is declared THEN it costs what a bare dynamic resource of the same properties costs", async () => {
    const { AttendeeBatch } = await import("../../provider");
    const attendees = [{ externalUserId: "bot-1" }, { externalUserId: "bot-2", capabilities: undefined }];
    const bare = await steadyCostOf(
      5,
      (n) =>
        new Bare(
          providerShim("attendeeBatch"),
          fresh("bare-batch"),
          {
            namespace: undefined,
            meetingId: MEETING_ID,
            attendees,
            region: undefined,
            joinInfo: undefined,
            [NAME_KEY]: `batch-${n}`,
            [SECRET_INPUTS_KEY]: [],
          },
          withKindOptions(KINDS.attendeeBatch, undefined, undefined),
          "chime",
          "AttendeeBatch",
        ),
    );
    const batch = await steadyCostOf(
      5,
      () => new AttendeeBatch(fresh("batch"), { meetingId: MEETING_ID, attendees }),
    );
    expect({ promises: batch.promises, tracked: batch.tracked }).to.deep.equal({
      promises: bare.promises,
      tracked: bare.tracked,
    });
  });

  it("reads stack config at most once per process (the default region), however many resources", async () => {
    const { Attendee, Meeting } = await import("../../provider");
    const { configReads } = await costOf(20, (n) =>
      n % 2 === 0
        ? new Attendee(fresh("bot"), { meetingId: MEETING_ID, externalUserId: `bot-${n}` })
        : new Meeting(fresh("meeting"), { externalMeetingId: `room-${n}`, mediaRegion: "us-east-1" }),
    );
    // `chime:region` and `aws:region`, once; none at all when an earlier test read them already.
    expect(configReads).to.be.at.most(2);
  });
});

describe("Hidden input __secretInputs: which inputs the program marked secret", () => {
  const secretInputsOf = async (args: object): Promise<unknown> => {
    const value: pulumi.Input<string[]> = declarationInputs("r", args)[SECRET_INPUTS_KEY];
    return pulumi.Output.isInstance(value) ? new Promise((resolve) => value.apply(resolve)) : await value;
  };

  const cases: [string, object, string[]][] = [
    ["plain values", { meetingId: MEETING_ID, externalUserId: "bot", capabilities: { audio: "None" } }, []],
    ["undefined inputs", { meetingId: MEETING_ID, region: undefined }, []],
    ["a secret input", { meetingId: pulumi.secret(MEETING_ID), externalUserId: "bot" }, ["meetingId"]],
    ["a plain Output", { meetingId: pulumi.output(MEETING_ID), externalUserId: "bot" }, []],
    [
      "a secret inside an object",
      { capabilities: { audio: pulumi.secret("None") }, externalUserId: "bot" },
      ["capabilities"],
    ],
    ["a secret inside a list", { attendees: [{ externalUserId: pulumi.secret("bot") }] }, ["attendees"]],
    ["an Output holding a secret inside", { tags: pulumi.output({ site: pulumi.secret("hq") }) }, ["tags"]],
    ["a Promise of a plain value", { meetingId: Promise.resolve(MEETING_ID) }, []],
    [
      "two secrets",
      { meetingId: pulumi.secret(MEETING_ID), externalUserId: pulumi.secret("bot") },
      ["meetingId", "externalUserId"],
    ],
  ];
  for (const [what, args, expected] of cases) {
    it(`GIVEN ${what} THEN __secretInputs is ${JSON.stringify(expected)}`, async () => {
      expect(await secretInputsOf(args)).to.deep.equal(expected);
    });
  }

  it("GIVEN only plain values THEN __secretInputs is a plain list: no Output, no promise", () => {
    const value = declarationInputs("r", { meetingId: MEETING_ID, capabilities: { audio: "None" } })[
      SECRET_INPUTS_KEY
    ];
    expect(value).to.deep.equal([]);
  });
});

describe("Region warnings from the resource classes (Pulumi mocks)", () => {
  let warnings: string[] = [];
  const warn = console.warn;

  before(() => {
    pulumi.runtime.setMocks(
      { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
      "project",
      "stack",
      false,
    );
  });
  beforeEach(() => {
    warnings = [];
    // Under mocks there is no engine: `pulumi.log.warn` writes to console.warn.
    console.warn = (message: string) => warnings.push(message);
  });
  afterEach(() => {
    console.warn = warn;
  });

  /** Declares, waits for registration and for the warnings' turn. */
  async function declared(declare: () => pulumi.CustomResource): Promise<string[]> {
    const resource = declare();
    await new Promise((resolve) => resource.id.apply(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    return warnings.filter((w) => w.includes("region"));
  }

  const cases: [string, pulumi.Input<string>, boolean][] = [
    ["a region this version does not know, plain", "eu-south-9", true],
    ["a region this version does not know, an Output", pulumi.output("eu-south-9"), true],
    ["a region this version does not know, a Promise", Promise.resolve("eu-south-9"), true],
    ["a known region, plain", "us-east-1", false],
    ["a known region, an Output", pulumi.output("us-east-1"), false],
  ];
  for (const [what, region, warns] of cases) {
    it(`GIVEN an Attendee with ${what} THEN it ${warns ? "warns" : "does not warn"}`, async () => {
      const { Attendee } = await import("../../provider");
      const printed = await declared(
        () => new Attendee(fresh("bot"), { meetingId: MEETING_ID, externalUserId: "bot", region }),
      );
      expect(printed.length).to.equal(warns ? 1 : 0);
      if (warns) expect(printed[0]).to.include('region "eu-south-9" is not one of the Chime SDK Meetings');
    });
  }

  it("GIVEN a Meeting whose mediaRegion this version does not know THEN it warns about the mediaRegion", async () => {
    const { Meeting } = await import("../../provider");
    const printed = await declared(
      () => new Meeting(fresh("meeting"), { externalMeetingId: "room", mediaRegion: "eu-south-9" }),
    );
    expect(
      printed.some((w) => w.includes('mediaRegion "eu-south-9" is not one of the Chime SDK media regions')),
    ).to.equal(true);
  });
});

describe("What the program process loads", () => {
  it("GIVEN a program that declares resources THEN it loads no AWS I/O: no AWS SDK, no Smithy module, nothing of provider/aws or provider/namespaces", () => {
    // A fresh Node process on the compiled package, as a user's program loads it; the classes resolve
    // the default region (for their warnings) from a pure rule, not from the provider's AWS floor.
    const script = `
      require(${JSON.stringify(join(PACKAGE_ROOT, "dist", "provider", "index.js"))});
      console.log(JSON.stringify(Object.keys(require.cache).filter((k) =>
        /@aws-sdk[\\\\/]|@smithy[\\\\/]|dist[\\\\/]provider[\\\\/](aws|namespaces)[\\\\/]/.test(k))));`;
    const loaded = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { cwd: PACKAGE_ROOT, encoding: "utf8" }),
    );
    expect(loaded).to.deep.equal([]);
  });
});

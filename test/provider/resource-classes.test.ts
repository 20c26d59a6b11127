import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { expect } from "chai";
import type { AttendeeArgs, MeetingArgs } from "../../provider";
import { KIND_KEYS, KINDS, type KindKey } from "../../provider/kinds";
import type { Namespace } from "../../provider/shared/namespace";
import { readSchema, type SchemaProperty } from "../../scripts/gen/schema";

/**
 * What each resource class adds to what the program passes it, as the engine would receive it: the
 * RegisterResource request the Node SDK sends (type token, options, the serialized provider, hidden
 * inputs, which inputs are secret). Pulumi's mocks stand in for the engine (they never call the
 * provider); the request is read off the mock monitor, not off the mocks' `newResource` arguments,
 * which drop the options and the secret markings. The mocks answer with outputs of their own (never
 * an echo of the inputs), so that what a class exposes is seen to come from the engine's answer. What
 * the engine does with the resource is tested on the real engine in test/e2e.
 */

/** A RegisterResource request, as far as these tests read it. */
interface Request {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProtect(): boolean;
  getIgnorechangesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getDeletebeforereplace(): boolean;
  getDeletebeforereplacedefined(): boolean;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}

interface Registration {
  readonly type: string;
  readonly parent: string;
  readonly custom: boolean;
  readonly protect: boolean;
  readonly ignoreChanges: string[];
  readonly additionalSecretOutputs: string[];
  /** `deleteBeforeReplace` as sent; undefined when the class left it to the engine's default. */
  readonly deleteBeforeReplace: boolean | undefined;
  /** The inputs on the wire: a secret is `{ [specialSigKey]: specialSecretSig, value }`. */
  readonly inputs: Record<string, unknown>;
}

const MEETING_ID = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
/** Outputs the mock engine answers with, per type: values no test passes as an input. */
const ENGINE_OUTPUTS: Record<string, Record<string, unknown>> = {
  "pulumi-nodejs:dynamic/chime:Meeting": {
    meetingId: "meeting-id-from-the-engine",
    meetingArn: "meeting-arn-from-the-engine",
    region: "region-from-the-engine",
  },
  "pulumi-nodejs:dynamic/chime:MeetingTags": { tags: { answeredBy: "the MeetingTags child" } },
  "pulumi-nodejs:dynamic/chime:Attendee": { attendeeId: "attendee-id-from-the-engine" },
  "pulumi-nodejs:dynamic/chime:AttendeeBatch": { joinInfo: {} },
};

const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });
const resolved = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

describe("Resource classes: what each adds to the program's arguments (Pulumi mocks)", () => {
  const registrations = new Map<string, Registration>();
  const urns = new Map<string, string>();

  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => ({ id: `${args.name}-id`, state: ENGINE_OUTPUTS[args.type] ?? {} }),
        call: () => ({}),
      },
      "project",
      "stack",
      false,
    );
    const monitor = pulumi.runtime.getMonitor() as unknown as {
      registerResource(req: Request, callback: (error: unknown, response: unknown) => void): Promise<void>;
    };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      registrations.set(req.getName(), {
        type: req.getType(),
        parent: req.getParent(),
        custom: req.getCustom(),
        protect: req.getProtect(),
        ignoreChanges: req.getIgnorechangesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
        inputs: req.getObject()?.toJavaScript() ?? {},
      });
      return register(req, (error, response) => {
        const urn = (response as { getUrn?(): string } | undefined)?.getUrn?.();
        if (urn) urns.set(req.getName(), urn);
        callback(error, response);
      });
    };
  });

  /** Declares a resource, waits for its registration and returns it. */
  async function registered(resource: pulumi.CustomResource, name: string): Promise<Registration> {
    await resolved(resource.urn);
    const registration = registrations.get(name);
    if (!registration) throw new Error(`${name} was not registered`);
    return registration;
  }

  async function attendee(name: string, args: AttendeeArgs, opts?: pulumi.CustomResourceOptions) {
    const { Attendee } = await import("../../provider");
    const resource = new Attendee(name, args, opts);
    return { resource, registration: await registered(resource, name) };
  }

  async function meeting(name: string, args: MeetingArgs) {
    const { Meeting } = await import("../../provider");
    const resource = new Meeting(name, args);
    const registration = await registered(resource, name);
    if (resource.meetingTags) await resolved(resource.meetingTags.urn);
    return { resource, registration };
  }

  async function batch(name: string) {
    const { AttendeeBatch } = await import("../../provider");
    const resource = new AttendeeBatch(name, {
      meetingId: MEETING_ID,
      attendees: [{ externalUserId: "bot-1" }],
    });
    return { resource, registration: await registered(resource, name) };
  }

  describe("type token, serialized provider and options, per class", () => {
    const cases: Array<{
      what: string;
      declare: () => Promise<{ registration: Registration }>;
      /** The name the registration goes by (a Meeting's tags child is `<name>-tags`). */
      name?: string;
      type: string;
      kind: string;
      additionalSecretOutputs: string[];
      deleteBeforeReplace: boolean | undefined;
    }> = [
      {
        what: "an Attendee: its AttendeeId and JoinToken are secret; replacement deletes first",
        declare: () => attendee("kiosk", { meetingId: MEETING_ID, externalUserId: "kiosk-1" }),
        type: "pulumi-nodejs:dynamic/chime:Attendee",
        kind: "attendee",
        additionalSecretOutputs: ["attendeeId", "joinToken"],
        deleteBeforeReplace: true,
      },
      {
        what: "a legacy Attendee: its tags are secret outputs too (a refresh can bring back undeclared ones)",
        declare: () =>
          attendee("legacy-kiosk", {
            namespace: "legacy",
            meetingId: MEETING_ID,
            externalUserId: "kiosk-2",
            tags: { site: "hq" },
          }),
        type: "pulumi-nodejs:dynamic/chime:Attendee",
        kind: "attendee",
        additionalSecretOutputs: ["attendeeId", "joinToken", "tags"],
        deleteBeforeReplace: true,
      },
      {
        what: "an AttendeeBatch: its joinInfo is secret; replacement deletes first",
        declare: () => batch("bots"),
        type: "pulumi-nodejs:dynamic/chime:AttendeeBatch",
        kind: "attendeeBatch",
        additionalSecretOutputs: ["joinInfo"],
        deleteBeforeReplace: true,
      },
      {
        what: "a Meeting: no secret output, the engine's default replacement order",
        declare: () => meeting("standup", { externalMeetingId: "standup-room", mediaRegion: "us-east-1" }),
        type: "pulumi-nodejs:dynamic/chime:Meeting",
        kind: "meeting",
        additionalSecretOutputs: [],
        deleteBeforeReplace: undefined,
      },
      {
        what: "a Meeting's MeetingTags child: no secret output",
        declare: () =>
          meeting("tagged", {
            externalMeetingId: "tagged-room",
            mediaRegion: "us-east-1",
            tags: { team: "a" },
          }),
        name: "tagged-tags",
        type: "pulumi-nodejs:dynamic/chime:MeetingTags",
        kind: "meetingTags",
        additionalSecretOutputs: [],
        deleteBeforeReplace: undefined,
      },
      {
        what: "a legacy Meeting's MeetingTags child: its tags are secret outputs",
        declare: () =>
          meeting("legacy-tagged", {
            namespace: "legacy",
            externalMeetingId: "legacy-room",
            mediaRegion: "us-east-1",
            tags: { team: "a" },
          }),
        name: "legacy-tagged-tags",
        type: "pulumi-nodejs:dynamic/chime:MeetingTags",
        kind: "meetingTags",
        additionalSecretOutputs: ["tags"],
        deleteBeforeReplace: undefined,
      },
    ];
    for (const c of cases) {
      it(`${c.what}: ${c.type}, the shim of kind "${c.kind}"`, async () => {
        const declared = await c.declare();
        const registration = c.name ? registrations.get(c.name) : declared.registration;
        expect(registration?.type).to.equal(c.type);
        expect(registration?.custom).to.equal(true);
        expect(registration?.additionalSecretOutputs).to.have.members(c.additionalSecretOutputs);
        expect(registration?.additionalSecretOutputs).to.have.length(c.additionalSecretOutputs.length);
        expect(registration?.deleteBeforeReplace ?? undefined).to.equal(c.deleteBeforeReplace);
        // The provider the engine runs is the shim, which loads the package's runtime by name.
        const provider = registration?.inputs.__provider;
        expect(provider).to.be.a("string").and.include('require("pulumi-chime-sdk/provider-runtime")[kind]');
        expect(provider).to.include(`kind: "${c.kind}"`);
      });
    }

    it("an Attendee keeps the caller's options: its own secret outputs added to the class's, deleteBeforeReplace: false, protect, ignoreChanges", async () => {
      const { registration } = await attendee(
        "caller-options",
        { meetingId: MEETING_ID, externalUserId: "kiosk-3" },
        {
          additionalSecretOutputs: ["capabilities"],
          deleteBeforeReplace: false,
          protect: true,
          ignoreChanges: ["capabilities"],
        },
      );
      expect(registration.additionalSecretOutputs).to.have.members([
        "capabilities",
        "attendeeId",
        "joinToken",
      ]);
      expect(registration.deleteBeforeReplace).to.equal(false);
      expect(registration.protect).to.equal(true);
      expect(registration.ignoreChanges).to.deep.equal(["capabilities"]);
    });
  });

  describe("every input schema.json declares reaches the engine (issue 24: the classes forward each one)", () => {
    const schema = readSchema();
    /** Inputs that a namespace does not have (the class's argument type declares them `never` there). */
    const NOT_IN: Partial<Record<KindKey, Partial<Record<Namespace, string[]>>>> = {
      attendee: { meetings: ["tags"], legacy: ["capabilities"] },
    };
    /** A value of the schema's type (the mocks never check it). */
    const sample = (name: string, property: SchemaProperty, namespace: Namespace): unknown => {
      if (name === "namespace") return namespace;
      if (property.type === "array")
        return property.items?.$ref ? [{ externalUserId: "sample" }] : ["sample"];
      if (property.type === "object") return { key: "value" };
      if (property.$ref) return {};
      return property.type === "string" ? "sample" : 1;
    };
    for (const key of KIND_KEYS) {
      const kind = KINDS[key];
      it(`${kind.name}: every schema input, in the namespaces that have it, is an input of the registration`, async () => {
        const pkg = (await import("../../provider")) as unknown as Record<
          string,
          new (
            name: string,
            args: object,
          ) => pulumi.CustomResource
        >;
        const Class = pkg[kind.name];
        if (!Class) throw new Error(`the package exports no ${kind.name}`);
        const inputs = schema.resources[kind.token]?.inputProperties ?? {};
        const forwarded = new Set<string>();
        for (const namespace of ["meetings", "legacy"] as const) {
          const name = `all-inputs-${key}-${namespace}`;
          const args = Object.fromEntries(
            Object.entries(inputs)
              .filter(([input]) => !NOT_IN[key]?.[namespace]?.includes(input))
              .map(([input, property]) => [input, sample(input, property, namespace)]),
          );
          const registration = await registered(new Class(name, args), name);
          for (const input of Object.keys(registration.inputs)) forwarded.add(input);
        }
        expect([...forwarded]).to.include.members(Object.keys(inputs));
      });
    }
  });

  it("GIVEN two attendees WHEN declared THEN they share one shim object, serialized at most once (issue 15)", async () => {
    const { Attendee } = await import("../../provider");
    // Pulumi caches a dynamic provider's serialization by object: one object per kind is serialized
    // once per program, a new object per resource once per resource.
    const closure: {
      serializeFunction: (f: () => unknown, ...rest: unknown[]) => unknown;
    } = require("@pulumi/pulumi/runtime/closure/serializeClosure");
    const original = closure.serializeFunction;
    const serialized: unknown[] = [];
    closure.serializeFunction = (f, ...rest) => {
      serialized.push(f());
      return original(f, ...rest);
    };
    try {
      const declared = ["shim-a", "shim-b"].map(
        (name) => new Attendee(name, { meetingId: MEETING_ID, externalUserId: name }),
      );
      await Promise.all(declared.map((a) => resolved(a.urn)));
    } finally {
      closure.serializeFunction = original;
    }
    expect(serialized.length).to.be.at.most(1);
    const { providerShim } = await import("../../provider/dynamic/shim");
    expect(providerShim("attendee")).to.equal(providerShim("attendee"));
    expect(providerShim("attendee")).not.to.equal(providerShim("meeting"));
  });

  describe("hidden inputs (which `check` removes) and secret inputs", () => {
    it("an Attendee sends its name and, as __secretInputs, the inputs the program wrapped in pulumi.secret", async () => {
      const { registration } = await attendee("secret-user", {
        meetingId: MEETING_ID,
        externalUserId: pulumi.secret("kiosk-4"),
      });
      expect(registration.inputs.__declaredName).to.equal("secret-user");
      expect(registration.inputs.__secretInputs).to.deep.equal(["externalUserId"]);
      expect(registration.inputs.externalUserId).to.deep.equal(secret("kiosk-4"));
      expect(registration.inputs.meetingId).to.equal(MEETING_ID);
    });

    it("an Attendee with no secret input sends an empty __secretInputs", async () => {
      const { registration } = await attendee("plain-user", {
        meetingId: MEETING_ID,
        externalUserId: "kiosk-5",
      });
      expect(registration.inputs.__declaredName).to.equal("plain-user");
      expect(registration.inputs.__secretInputs).to.deep.equal([]);
    });

    it("a Meeting sends its name and its secret inputs", async () => {
      const { registration } = await meeting("hosted", {
        externalMeetingId: "hosted-room",
        mediaRegion: "us-east-1",
        meetingHostId: pulumi.secret("host-1"),
      });
      expect(registration.inputs.__declaredName).to.equal("hosted");
      expect(registration.inputs.__secretInputs).to.deep.equal(["meetingHostId"]);
    });

    it("an AttendeeBatch sends its name", async () => {
      const { registration } = await batch("named-bots");
      expect(registration.inputs.__declaredName).to.equal("named-bots");
      expect(registration.inputs.__secretInputs).to.deep.equal([]);
    });

    // The legacy model marks a tag's Key and Value sensitive; Chime SDK Meetings' does not.
    const legacyMeeting = (name: string) =>
      meeting(name, {
        namespace: "legacy",
        externalMeetingId: `${name}-room`,
        mediaRegion: "us-east-1",
        tags: { site: "hq" },
      });
    const plainMeeting = (name: string) =>
      meeting(name, { externalMeetingId: `${name}-room`, mediaRegion: "us-east-1", tags: { site: "hq" } });
    const tagCases: Array<{
      what: string;
      declare: () => Promise<unknown>;
      /** The registration to read. */
      name: string;
      secret: boolean;
      /** __secretInputs as sent; MeetingTags (made by the Meeting, not by a program) sends none. */
      secretInputs: string[] | undefined;
    }> = [
      {
        what: "a legacy Attendee's tags",
        declare: () =>
          attendee("legacy-tags", {
            namespace: "legacy",
            meetingId: MEETING_ID,
            externalUserId: "kiosk-6",
            tags: { site: "hq" },
          }),
        name: "legacy-tags",
        secret: true,
        secretInputs: ["tags"],
      },
      {
        what: "a legacy Meeting's tags",
        declare: () => legacyMeeting("legacy-meeting"),
        name: "legacy-meeting",
        secret: true,
        secretInputs: ["tags"],
      },
      {
        what: "a legacy Meeting's MeetingTags child's tags",
        declare: () => legacyMeeting("legacy-parent"),
        name: "legacy-parent-tags",
        secret: true,
        secretInputs: undefined,
      },
      {
        what: "a Meeting's tags (Chime SDK Meetings)",
        declare: () => plainMeeting("plain-meeting"),
        name: "plain-meeting",
        secret: false,
        secretInputs: [],
      },
      {
        what: "a Meeting's MeetingTags child's tags (Chime SDK Meetings)",
        declare: () => plainMeeting("plain-parent"),
        name: "plain-parent-tags",
        secret: false,
        secretInputs: undefined,
      },
    ];
    for (const c of tagCases) {
      it(`${c.what} are sent ${c.secret ? "as a secret" : "plain"}`, async () => {
        await c.declare();
        const registration = registrations.get(c.name);
        expect(registration?.inputs.tags).to.deep.equal(c.secret ? secret({ site: "hq" }) : { site: "hq" });
        expect(registration?.inputs.__secretInputs).to.deep.equal(c.secretInputs);
      });
    }
  });

  describe("outputs", () => {
    it("an Attendee exposes every output, the output-only attendeeId and joinToken included, from the engine's answer", async () => {
      const { resource } = await attendee("bot-1", { meetingId: MEETING_ID, externalUserId: "bot-1" });
      for (const output of [
        "meetingId",
        "externalUserId",
        "capabilities",
        "region",
        "attendeeId",
        "joinToken",
      ]) {
        expect(
          pulumi.Output.isInstance((resource as unknown as Record<string, unknown>)[output]),
          output,
        ).to.equal(true);
      }
      expect(await resolved(resource.attendeeId)).to.equal("attendee-id-from-the-engine");
    });

    it("an AttendeeBatch exposes joinInfo", async () => {
      const { resource } = await batch("join-info-bots");
      expect(pulumi.Output.isInstance(resource.joinInfo)).to.equal(true);
    });

    it("a Meeting exposes every output", async () => {
      const { resource } = await meeting("outputs", {
        externalMeetingId: "outputs-room",
        mediaRegion: "us-east-1",
      });
      for (const output of [
        "meetingId",
        "meetingArn",
        "mediaPlacement",
        "mediaRegion",
        "externalMeetingId",
        "tags",
      ]) {
        expect(
          pulumi.Output.isInstance((resource as unknown as Record<string, unknown>)[output]),
          output,
        ).to.equal(true);
      }
    });

    // Regression (issue 9, item 5): meetingFeatures fields did not accept Outputs.
    it("GIVEN meetingFeatures whose groups and fields are Outputs THEN the engine gets them resolved", async () => {
      const { registration } = await meeting("features", {
        externalMeetingId: "features-room",
        mediaRegion: "us-east-1",
        meetingFeatures: {
          video: { maxResolution: pulumi.output("FHD" as const) },
          content: pulumi.output({ maxResolution: "UHD" as const }),
          attendee: { maxCount: pulumi.output(25) },
        },
      });
      expect(registration.inputs.meetingFeatures).to.deep.equal({
        video: { maxResolution: "FHD" },
        content: { maxResolution: "UHD" },
        attendee: { maxCount: 25 },
      });
    });

    it("GIVEN a Meeting without tags THEN it has no MeetingTags child and its tags are undefined", async () => {
      const { resource } = await meeting("untagged", {
        externalMeetingId: "untagged-room",
        mediaRegion: "us-east-1",
      });
      expect(resource.meetingTags).to.equal(undefined);
      expect(registrations.has("untagged-tags")).to.equal(false);
      expect(await resolved(resource.tags)).to.equal(undefined);
    });

    it("GIVEN a Meeting with tags THEN it sends them to CreateMeeting, and its MeetingTags child (its parent the meeting) gets the engine's meetingId, meetingArn and region of the meeting; the meeting's tags are the child's outputs", async () => {
      const { resource, registration } = await meeting("with-child", {
        externalMeetingId: "with-child-room",
        mediaRegion: "us-east-1",
        tags: { team: "support" },
      });
      expect(registration.inputs.tags).to.deep.equal({ team: "support" });
      const child = registrations.get("with-child-tags");
      expect(child?.parent).to.equal(urns.get("with-child"));
      expect(child?.inputs).to.deep.include({
        meetingId: "meeting-id-from-the-engine",
        meetingArn: "meeting-arn-from-the-engine",
        region: "region-from-the-engine",
        tags: { team: "support" },
      });
      expect(await resolved(resource.tags)).to.deep.equal({ answeredBy: "the MeetingTags child" });
    });
  });
});

/**
 * The kinds table (`provider/kinds.ts`, issue 24) is the one list of resource kinds: these tests hold
 * it against schema.json (tokens, secret outputs, delete-before-replace, import ids), the package's
 * exports, both front-ends, and each kind's diff rule (the inputs whose change replaces it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import * as pkg from "../../provider";
import { diffAttendee } from "../../provider/attendee/attendee-diff";
import { diffBatch } from "../../provider/attendee-batch/batch-diff";

import providers = require("../../provider/dynamic/runtime");

import {
  KIND_KEYS,
  KINDS,
  type Kind,
  type KindKey,
  kindOfToken,
  secretOutputsOf,
} from "../../provider/kinds";
import { diffMeeting } from "../../provider/meeting/meeting-diff";
import { diffMeetingTags } from "../../provider/meeting-tags/tags-diff";
import { DELETE_BEFORE_REPLACE, TYPES } from "../../provider/plugin/chime";
import { PACKAGE_ROOT } from "../support/program-dir";

interface SchemaProperty {
  readonly type?: string;
  readonly $ref?: string;
  readonly secret?: boolean;
}
interface SchemaResource {
  readonly description: string;
  readonly inputProperties: Record<string, SchemaProperty>;
  readonly properties: Record<string, SchemaProperty>;
}
const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, "schema.json"), "utf8")) as {
  resources: Record<string, SchemaResource>;
};

const MEETING_ID = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";

/** A stored state and the inputs that declare it unchanged, per kind: the diff rule's baseline. */
const BASELINE: Record<
  KindKey,
  { state: Record<string, unknown>; diff: (olds: never, news: never) => unknown }
> = {
  meeting: {
    state: {
      externalMeetingId: "room",
      mediaRegion: "us-east-1",
      region: "us-east-1",
      meetingId: MEETING_ID,
    },
    diff: diffMeeting,
  },
  meetingTags: {
    state: { meetingId: MEETING_ID, meetingArn: "arn:m", tags: { a: "1" }, region: "us-east-1" },
    diff: diffMeetingTags,
  },
  attendee: {
    state: {
      meetingId: MEETING_ID,
      externalUserId: "kiosk",
      region: "us-east-1",
      capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" },
      attendeeId: "a",
      joinToken: "t",
    },
    diff: diffAttendee,
  },
  attendeeBatch: {
    state: {
      meetingId: MEETING_ID,
      attendees: [{ externalUserId: "bot" }],
      region: "us-east-1",
      joinInfo: { bot: { attendeeId: "a", joinToken: "t" } },
    },
    diff: diffBatch,
  },
};

/** Another value for an input, of the schema's type. */
function anotherValue(name: string, property: SchemaProperty, old: unknown): unknown {
  if (name === "namespace") return "legacy";
  if (name === "capabilities") return { audio: "Receive", video: "Receive", content: "Receive" };
  if (typeof old === "string") return `${old}-other`;
  if (property.type === "string") return "other";
  if (property.type === "array") return [{ externalUserId: "other" }];
  return { other: "value" };
}

function secretProperties(resource: SchemaResource): string[] {
  return Object.entries(resource.properties)
    .filter(([, property]) => property.secret === true)
    .map(([name]) => name)
    .sort();
}

describe("the kinds table (provider/kinds.ts) is the one list of resource kinds (issue 24)", () => {
  it("has one row per schema resource, each token `chime:index:<name>`", () => {
    expect(KIND_KEYS.map((key) => KINDS[key].token).sort()).to.deep.equal(
      Object.keys(schema.resources).sort(),
    );
    for (const key of KIND_KEYS) expect(KINDS[key].token).to.equal(`chime:index:${KINDS[key].name}`);
  });

  it("the package exports one resource class per kind, named as the kind, and no other", () => {
    expect(Object.keys(pkg).sort()).to.deep.equal(KIND_KEYS.map((key) => KINDS[key].name).sort());
  });

  it("the dynamic runtime has one provider per kind, by the kind's key", () => {
    expect(Object.keys(providers).sort()).to.deep.equal([...KIND_KEYS].sort());
  });

  it("the plugin serves every token with the kind's core resource, deleting first where the kind says", () => {
    expect(TYPES).to.deep.equal(
      Object.fromEntries(KIND_KEYS.map((k) => [KINDS[k].token, KINDS[k].core.plugin])),
    );
    expect([...DELETE_BEFORE_REPLACE].sort()).to.deep.equal(
      KIND_KEYS.filter((k) => KINDS[k].deleteBeforeReplace)
        .map((k) => KINDS[k].token)
        .sort(),
    );
  });

  it("kindOfToken finds a kind by token, and nothing for another token", () => {
    expect(kindOfToken("chime:index:Attendee")).to.equal(KINDS.attendee);
    expect(kindOfToken("chime:index:Nothing")).to.equal(undefined);
  });

  it("secretOutputsOf: the legacy namespace's list for 'legacy', the Chime SDK Meetings one otherwise", () => {
    expect(secretOutputsOf(KINDS.attendee, "legacy")).to.deep.equal(["attendeeId", "joinToken", "tags"]);
    expect(secretOutputsOf(KINDS.attendee, undefined)).to.deep.equal(["attendeeId", "joinToken"]);
    expect(secretOutputsOf(KINDS.attendee, "meetings")).to.deep.equal(["attendeeId", "joinToken"]);
  });

  for (const key of KIND_KEYS) {
    const kind: Kind = KINDS[key];
    describe(kind.name, () => {
      const resource = schema.resources[kind.token] as SchemaResource;

      it("its secret outputs are schema outputs: the schema's secret ones across namespaces, and those every namespace has among them", () => {
        const lists = Object.values(kind.secretOutputs);
        const all = [...new Set(lists.flat())];
        for (const name of all) expect(resource.properties, name).to.have.property(name);
        expect(all).to.include.members(secretProperties(resource));
        const everywhere = all.filter((name) => lists.every((list) => list.includes(name)));
        expect(secretProperties(resource)).to.include.members(everywhere);
      });

      it(`deletes before replacing: ${kind.deleteBeforeReplace}, as the schema's description tells a program`, () => {
        expect(resource.description.includes("`deleteBeforeReplace: true`")).to.equal(
          kind.deleteBeforeReplace,
        );
      });

      it("its import id is the one the schema's description documents (or it says it cannot be imported)", () => {
        if ("form" in kind.importId) {
          expect(resource.description).to.include(`pulumi import ${kind.token} `);
          expect(resource.description).to.include(` ${kind.importId.form}\n`);
        } else {
          // Issue 20: a kind that cannot be imported says so in its Import section, with the alternative.
          expect(resource.description).not.to.include("pulumi import ");
          expect(resource.description).to.match(/## Import\n\n[^#]*cannot be imported/);
        }
      });

      it("replaceOn names exactly the inputs whose change alone makes the diff rule replace it", () => {
        for (const name of kind.replaceOn) expect(resource.inputProperties, name).to.have.property(name);
        const { state, diff } = BASELINE[key];
        const replacing = Object.entries(resource.inputProperties)
          .filter(([name, property]) => {
            const news = { ...state, [name]: anotherValue(name, property, state[name]) };
            const result = diff(state as never, news as never) as { replaces: string[] };
            return result.replaces.includes(name);
          })
          .map(([name]) => name);
        expect(replacing.sort()).to.deep.equal([...kind.replaceOn].sort());
      });
    });
  }
});

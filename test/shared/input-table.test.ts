/**
 * One table of inputs (input-table.ts), three judges that must give each row its verdict:
 * (a) the provider's pure checks (checkAttendee, checkBatch, checkMeeting, checkMeetingTags), which
 *     `pulumi preview` runs before any AWS call;
 * (b) chime-local, through the official AWS SDK clients (Chime SDK Meetings, and the legacy
 *     @aws-sdk/client-chime 3.699.0 on /legacy): a BadRequestException (or a per-item error of a batch)
 *     is a rejection;
 * (c) the AWS model: its length bounds and its pattern, asked of java.util.regex (the model's patterns
 *     are Java regular expressions), plus the documented rules model-constraints.ts cites.
 * The two validators are independent code on purpose; this table is what holds both to the model.
 */
import {
  BadRequestException as LegacyBadRequest,
  BatchCreateAttendeeCommand as LegacyBatchCreateAttendee,
  CreateAttendeeCommand as LegacyCreateAttendee,
  CreateMeetingCommand as LegacyCreateMeeting,
  DeleteMeetingCommand as LegacyDeleteMeeting,
  NotFoundException as LegacyNotFound,
  TagMeetingCommand,
  UntagMeetingCommand,
} from "@aws-sdk/client-chime";
import {
  type AttendeeCapabilities,
  BadRequestException,
  BatchCreateAttendeeCommand,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  DeleteMeetingCommand,
  NotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import type { ChimeLocal } from "../../emulator";
import { checkAttendee } from "../../provider/attendee/attendee-check";
import { checkBatch } from "../../provider/attendee-batch/batch-check";
import { checkMeeting } from "../../provider/meeting/meeting-check";
import { checkMeetingTags } from "../../provider/meeting-tags/tags-check";
import type { CheckFailure } from "../../provider/validation/rules";
import { clientFor, newMeeting, useEndpoint } from "../emulator/helpers";
import { DELIBERATE_DIFFERENCES, INPUT_TABLE, type InputRow, type Verdict } from "./input-table";
import { javaMatches } from "./java-pattern";
import { type Field, type ModelConstraint, modelConstraints, type Namespace } from "./model-constraints";

const GUID = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
const MEETING_ARN = `arn:aws:chime:us-east-1:123456789012:meeting/${GUID}`;
const REGION = "us-east-1";

// ---------------------------------------------------------------------------------------------------
// (a) The provider: a check of one resource's inputs, valid but for the field under test.

interface ProviderJudge {
  /** The resource whose check this is, for messages. */
  readonly resource: string;
  /** The property a failure about the field names (or starts with). */
  readonly property: string;
  readonly check: (value: string) => CheckFailure[];
}

const attendee = (namespace: Namespace, inputs: Record<string, unknown>) =>
  checkAttendee(
    undefined,
    {
      meetingId: GUID,
      externalUserId: "kiosk-1",
      ...(namespace === "legacy" ? { namespace } : {}),
      ...inputs,
    },
    REGION,
  ).failures;
const batch = (inputs: Record<string, unknown>, member: Record<string, unknown> = {}) =>
  checkBatch(
    undefined,
    { meetingId: GUID, attendees: [{ externalUserId: "kiosk-1", ...member }], ...inputs },
    REGION,
  ).failures;
/**
 * Whether the provider serves an AttendeeBatch in `namespace`: its check keeps the namespace it was
 * given. (A legacy AttendeeBatch is being added, issue 17 item 4; from the day it is, its rows run here
 * with no change to this file.)
 */
const batchServes = (namespace: Namespace): boolean =>
  namespace === "meetings" ||
  (
    checkBatch(
      undefined,
      { namespace, meetingId: GUID, attendees: [{ externalUserId: "kiosk-1" }] } as never,
      REGION,
    ).inputs as { namespace?: string }
  ).namespace === namespace;
const batchIn = (namespace: Namespace, member: Record<string, unknown>) =>
  batch(namespace === "legacy" ? ({ namespace } as Record<string, unknown>) : {}, member);
const meeting = (namespace: Namespace, inputs: Record<string, unknown>) =>
  checkMeeting(
    undefined,
    {
      externalMeetingId: "town-hall",
      mediaRegion: REGION,
      ...(namespace === "legacy" ? { namespace } : {}),
      ...inputs,
    },
    REGION,
  ).failures;
const meetingTags = (namespace: Namespace, inputs: Record<string, unknown>) =>
  checkMeetingTags(
    undefined,
    namespace === "legacy"
      ? { namespace, meetingId: GUID, ...inputs }
      : { meetingId: GUID, meetingArn: MEETING_ARN, ...inputs },
    REGION,
  ).failures;

function providerJudges(namespace: Namespace, field: Field): ProviderJudge[] {
  const ns = namespace;
  switch (field) {
    case "externalUserId":
      return [
        {
          resource: "Attendee",
          property: "externalUserId",
          check: (v) => attendee(ns, { externalUserId: v }),
        },
        ...(batchServes(ns)
          ? [
              {
                resource: "AttendeeBatch",
                property: "attendees[0].externalUserId",
                check: (v: string) => batchIn(ns, { externalUserId: v }),
              },
            ]
          : []),
      ];
    case "externalMeetingId":
    case "meetingHostId":
      return [{ resource: "Meeting", property: field, check: (v) => meeting(ns, { [field]: v }) }];
    case "meetingId":
      return [
        { resource: "Attendee", property: "meetingId", check: (v) => attendee(ns, { meetingId: v }) },
        ...(batchServes(ns)
          ? [
              {
                resource: "AttendeeBatch",
                property: "meetingId",
                check: (v: string) => batch({ meetingId: v, ...(ns === "legacy" ? { namespace: ns } : {}) }),
              },
            ]
          : []),
        // A legacy meeting's tags go by its MeetingId (TagMeeting's path), so MeetingTags checks it.
        ...(ns === "legacy"
          ? [
              {
                resource: "MeetingTags",
                property: "meetingId",
                check: (v: string) => meetingTags(ns, { meetingId: v }),
              },
            ]
          : []),
      ];
    case "tagKey":
    case "tagValue": {
      const tags = (v: string) => ({ tags: field === "tagKey" ? { [v]: "x" } : { team: v } });
      return [
        { resource: "Meeting", property: "tags", check: (v) => meeting(ns, tags(v)) },
        { resource: "MeetingTags", property: "tags", check: (v) => meetingTags(ns, tags(v)) },
        ...(ns === "legacy"
          ? [{ resource: "Attendee", property: "tags", check: (v: string) => attendee(ns, tags(v)) }]
          : []),
        ...(ns === "legacy" && batchServes(ns)
          ? [
              {
                resource: "AttendeeBatch",
                property: "attendees[0].tags",
                check: (v: string) => batchIn(ns, tags(v)),
              },
            ]
          : []),
      ];
    }
    case "tenantId":
      return [{ resource: "Meeting", property: "tenantIds", check: (v) => meeting(ns, { tenantIds: [v] }) }];
    case "snsTopicArn":
    case "sqsQueueArn":
    case "lambdaFunctionArn":
      return [
        {
          resource: "Meeting",
          property: `notificationsConfiguration.${field}`,
          check: (v) => meeting(ns, { notificationsConfiguration: { [field]: v } }),
        },
      ];
    case "mediaRegion":
      return [
        { resource: "Meeting", property: "mediaRegion", check: (v) => meeting(ns, { mediaRegion: v }) },
      ];
    case "capability": {
      const capabilities = (v: string) => ({ audio: v, video: "SendReceive", content: "SendReceive" });
      return [
        {
          resource: "Attendee",
          property: "capabilities.audio",
          check: (v) => attendee(ns, { capabilities: capabilities(v) }),
        },
        {
          resource: "AttendeeBatch",
          property: "attendees[0].capabilities.audio",
          check: (v) => batch({}, { capabilities: capabilities(v) }),
        },
      ];
    }
  }
}

function providerVerdict(judge: ProviderJudge, value: string): Verdict {
  const failures = judge.check(value);
  for (const failure of failures) {
    // A rejection must be about the field, not about an input the table did not mean to vary.
    expect(failure.property, failure.reason).to.satisfy((p: string) => p.startsWith(judge.property));
  }
  return failures.length === 0 ? "accept" : "reject";
}

// ---------------------------------------------------------------------------------------------------
// (b) chime-local through the SDK: the call that carries the field, everything else valid.

type Tag = { Key: string; Value: string };

/**
 * The calls the table makes, in one dialect of chime-local, each through that dialect's official
 * client: the only place the two clients differ. Meeting tags go by ARN (TagResource) in Chime SDK
 * Meetings and by MeetingId (TagMeeting) in the legacy namespace.
 */
interface Dialect {
  readonly name: string;
  /** A live meeting, to which attendees and tags are added. */
  readonly meetingId: string;
  /** Capabilities only in Chime SDK Meetings, Tags only in the legacy namespace. */
  createAttendee(input: {
    MeetingId: string;
    ExternalUserId: string;
    Tags?: Tag[];
    Capabilities?: AttendeeCapabilities;
  }): Promise<unknown>;
  batchCreateAttendee(input: {
    MeetingId: string;
    Attendees: { ExternalUserId: string; Capabilities?: AttendeeCapabilities; Tags?: Tag[] }[];
  }): Promise<{
    Errors?: unknown[];
  }>;
  /** Creates a meeting (ExternalMeetingId and MediaRegion valid unless `input` says otherwise); its id. */
  createMeeting(input: Record<string, unknown>): Promise<string | undefined>;
  deleteMeeting(meetingId: string): Promise<unknown>;
  /** Tags the meeting `meetingId` (the live meeting when undefined). */
  tagMeeting(tags: Tag[], meetingId?: string): Promise<unknown>;
  untagMeeting(keys: string[]): Promise<unknown>;
}

async function dialects(local: ChimeLocal): Promise<Record<Namespace, Dialect> & { destroy(): void }> {
  const meetings = clientFor(local);
  const legacy = clientFor(local, { dialect: "legacy" });
  const live = await newMeeting(meetings);
  const liveLegacy = await newMeeting(legacy);
  const defaults = { ExternalMeetingId: "town-hall", MediaRegion: REGION };
  return {
    meetings: {
      name: "",
      meetingId: live.MeetingId,
      createAttendee: (input) => meetings.send(new CreateAttendeeCommand(input)),
      batchCreateAttendee: (input) => meetings.send(new BatchCreateAttendeeCommand(input)),
      createMeeting: async (input) =>
        (await meetings.send(new CreateMeetingCommand({ ...defaults, ...input }))).Meeting?.MeetingId,
      deleteMeeting: (id) => meetings.send(new DeleteMeetingCommand({ MeetingId: id })),
      // Chime SDK Meetings tags a meeting by ARN, so `meetingId` plays no part here.
      tagMeeting: (tags) =>
        meetings.send(new TagResourceCommand({ ResourceARN: live.MeetingArn, Tags: tags })),
      untagMeeting: (keys) =>
        meetings.send(new UntagResourceCommand({ ResourceARN: live.MeetingArn, TagKeys: keys })),
    },
    legacy: {
      name: " (legacy)",
      meetingId: liveLegacy.MeetingId,
      createAttendee: (input) => legacy.send(new LegacyCreateAttendee(input)),
      batchCreateAttendee: (input) => legacy.send(new LegacyBatchCreateAttendee(input)),
      createMeeting: async (input) =>
        (await legacy.send(new LegacyCreateMeeting({ ...defaults, ...input }))).Meeting?.MeetingId,
      deleteMeeting: (id) => legacy.send(new LegacyDeleteMeeting({ MeetingId: id })),
      tagMeeting: (tags, id = liveLegacy.MeetingId) =>
        legacy.send(new TagMeetingCommand({ MeetingId: id, Tags: tags })),
      untagMeeting: (keys) =>
        legacy.send(new UntagMeetingCommand({ MeetingId: liveLegacy.MeetingId, TagKeys: keys })),
    },
    destroy() {
      meetings.destroy();
      legacy.destroy();
    },
  };
}

interface LocalJudge {
  /** The operation, for messages. */
  readonly operation: string;
  readonly call: (dialect: Dialect, value: string) => Promise<Verdict>;
}

/** A call's verdict: BadRequest is a rejection; a NotFound only follows validation (a well-formed id). */
async function answer(call: Promise<unknown>, notFoundIsAccept = false): Promise<Verdict> {
  try {
    await call;
    return "accept";
  } catch (error) {
    if (error instanceof BadRequestException || error instanceof LegacyBadRequest) return "reject";
    if (notFoundIsAccept && (error instanceof NotFoundException || error instanceof LegacyNotFound)) {
      return "accept";
    }
    throw error;
  }
}

/** A batch answers 200 with per-item errors; an item's error is the rejection. */
async function batchAnswer(
  call: Promise<{ Errors?: unknown[] }>,
  notFoundIsAccept = false,
): Promise<Verdict> {
  let errors: unknown[] = [];
  const verdict = await answer(
    call.then((out) => {
      errors = out.Errors ?? [];
    }),
    notFoundIsAccept,
  );
  return verdict === "accept" && errors.length > 0 ? "reject" : verdict;
}

/** CreateMeeting with `input`; the meeting is deleted again when it was created. */
async function createMeeting(d: Dialect, input: Record<string, unknown>): Promise<Verdict> {
  let id: string | undefined;
  const verdict = await answer(
    d.createMeeting(input).then((created) => {
      id = created;
    }),
  );
  if (id) await d.deleteMeeting(id);
  return verdict;
}

/** Adds `tag` to the live meeting; removes it again when it was added (a meeting holds at most 50). */
async function tagMeeting(d: Dialect, tag: Tag): Promise<Verdict> {
  const verdict = await answer(d.tagMeeting([tag]));
  if (verdict === "accept") await d.untagMeeting([tag.Key]);
  return verdict;
}

const NOTIFICATION_MEMBERS: Partial<Record<Field, string>> = {
  snsTopicArn: "SnsTopicArn",
  sqsQueueArn: "SqsQueueArn",
  lambdaFunctionArn: "LambdaFunctionArn",
};

function localJudges(namespace: Namespace, field: Field): LocalJudge[] {
  const legacy = namespace === "legacy";
  const createMeetingWith = (input: (v: string) => Record<string, unknown>): LocalJudge => ({
    operation: "CreateMeeting",
    call: (d, v) => createMeeting(d, input(v)),
  });
  switch (field) {
    case "externalUserId":
      return [
        {
          operation: "CreateAttendee",
          call: (d, v) => answer(d.createAttendee({ MeetingId: d.meetingId, ExternalUserId: v })),
        },
        {
          operation: "BatchCreateAttendee",
          call: (d, v) =>
            batchAnswer(
              d.batchCreateAttendee({ MeetingId: d.meetingId, Attendees: [{ ExternalUserId: v }] }),
            ),
        },
      ];
    case "externalMeetingId":
      return [createMeetingWith((v) => ({ ExternalMeetingId: v }))];
    case "meetingHostId":
      return [createMeetingWith((v) => ({ MeetingHostId: v }))];
    case "meetingId":
      // A well-formed id of no meeting gets NotFound: it passed validation.
      return [
        {
          operation: "CreateAttendee",
          call: (d, v) => answer(d.createAttendee({ MeetingId: v, ExternalUserId: "kiosk-1" }), true),
        },
        {
          operation: "BatchCreateAttendee",
          call: (d, v) =>
            batchAnswer(
              d.batchCreateAttendee({ MeetingId: v, Attendees: [{ ExternalUserId: "kiosk-1" }] }),
              true,
            ),
        },
        ...(legacy
          ? [
              {
                operation: "TagMeeting",
                call: (d: Dialect, v: string) => answer(d.tagMeeting([{ Key: "k", Value: "v" }], v), true),
              },
            ]
          : []),
      ];
    case "tagKey":
    case "tagValue": {
      const tag = (v: string): Tag =>
        field === "tagKey" ? { Key: v, Value: "x" } : { Key: "team", Value: v };
      return [
        createMeetingWith((v) => ({ Tags: [tag(v)] })),
        { operation: legacy ? "TagMeeting" : "TagResource", call: (d, v) => tagMeeting(d, tag(v)) },
        ...(legacy
          ? [
              {
                operation: "CreateAttendee with Tags",
                call: (d: Dialect, v: string) =>
                  answer(
                    d.createAttendee({ MeetingId: d.meetingId, ExternalUserId: "tagged-1", Tags: [tag(v)] }),
                  ),
              },
              {
                operation: "BatchCreateAttendee with Tags",
                call: (d: Dialect, v: string) =>
                  batchAnswer(
                    d.batchCreateAttendee({
                      MeetingId: d.meetingId,
                      Attendees: [{ ExternalUserId: "tagged-2", Tags: [tag(v)] }],
                    }),
                  ),
              },
            ]
          : []),
      ];
    }
    case "tenantId":
      return [createMeetingWith((v) => ({ TenantIds: [v] }))];
    case "snsTopicArn":
    case "sqsQueueArn":
    case "lambdaFunctionArn":
      return [
        createMeetingWith((v) => ({ NotificationsConfiguration: { [NOTIFICATION_MEMBERS[field]!]: v } })),
      ];
    case "mediaRegion":
      return [createMeetingWith((v) => ({ MediaRegion: v }))];
    case "capability": {
      // The clients type Capabilities as the enum; the table sends what a program might write.
      const capabilities = (v: string) =>
        ({ Audio: v, Video: "SendReceive", Content: "SendReceive" }) as unknown as AttendeeCapabilities;
      return [
        {
          operation: "CreateAttendee",
          call: (d, v) =>
            answer(
              d.createAttendee({
                MeetingId: d.meetingId,
                ExternalUserId: "capable-1",
                Capabilities: capabilities(v),
              }),
            ),
        },
        {
          operation: "BatchCreateAttendee",
          call: (d, v) =>
            batchAnswer(
              d.batchCreateAttendee({
                MeetingId: d.meetingId,
                Attendees: [{ ExternalUserId: "capable-2", Capabilities: capabilities(v) }],
              }),
            ),
        },
      ];
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// (c) The model: length (in Unicode scalar values, as Smithy counts), the pattern by Java, documented rules.

interface ModelReading {
  readonly verdict: Verdict;
  readonly why: string;
}

function constraintOf(row: InputRow): ModelConstraint {
  const constraint = modelConstraints()[row.namespace][row.field];
  if (!constraint) throw new Error(`no model constraint for ${row.namespace} ${row.field}`);
  return constraint;
}

function readModel(rows: readonly InputRow[]): ModelReading[] {
  const constraints = rows.map(constraintOf);
  const asked = rows.flatMap((row, i) => {
    const pattern = constraints[i]!.pattern;
    return pattern === undefined ? [] : [{ index: i, pattern, value: row.value }];
  });
  const answers = javaMatches(asked);
  const matched = new Map(asked.map((q, n) => [q.index, answers[n]!]));
  return rows.map((row, i) => {
    const c = constraints[i]!;
    const length = [...row.value].length;
    const reasons = [
      c.min !== undefined && length < c.min ? `shorter than ${c.min}` : undefined,
      c.max !== undefined && length > c.max ? `longer than ${c.max}` : undefined,
      matched.get(i) === "no match" ? `does not match ${c.pattern} (Java)` : undefined,
      c.documented?.(row.value),
    ].filter((r) => r !== undefined);
    return reasons.length === 0
      ? { verdict: "accept", why: `${c.shape}: within its length and pattern` }
      : { verdict: "reject", why: `${c.shape}: ${reasons.join("; ")}` };
  });
}

// ---------------------------------------------------------------------------------------------------

const describeRow = (row: InputRow) => `${row.namespace} ${row.field}: ${row.label}`;

describe("one table of inputs, two validators and the AWS model agree on every row", () => {
  const ctx = useEndpoint();
  let local: Awaited<ReturnType<typeof dialects>>;
  before(async () => {
    local = await dialects(ctx.local);
  });
  after(() => local?.destroy());

  it("covers every field in both namespaces with edge rows (U+00A0, U+2028, a tab, aws:, the length bounds)", () => {
    const fields = new Set(INPUT_TABLE.map((row) => `${row.namespace} ${row.field}`));
    const constraints = modelConstraints();
    for (const namespace of ["meetings", "legacy"] as const) {
      for (const field of Object.keys(constraints[namespace])) {
        expect(fields, "a field of the model without rows").to.include(`${namespace} ${field}`);
      }
    }
    const values = INPUT_TABLE.map((row) => row.value);
    for (const edge of ["\u00a0", "\u2028", "\t"])
      expect(
        values.some((v) => v.includes(edge)),
        edge,
      ).to.equal(true);
    expect(values.some((v) => v.startsWith("aws:"))).to.equal(true);
    for (const n of [1, 2, 64, 65])
      expect(
        values.some((v) => v.length === n),
        `length ${n}`,
      ).to.equal(true);
    // Both verdicts in every field: a field whose rows all pass would prove nothing.
    for (const key of fields) {
      const verdicts = new Set(
        INPUT_TABLE.filter((r) => `${r.namespace} ${r.field}` === key).map((r) => r.verdict),
      );
      expect([...verdicts].sort(), key).to.deep.equal(["accept", "reject"]);
    }
  });

  // Said in the test's name, so that the report shows whether the legacy AttendeeBatch rows ran.
  const batchNamespaces = (["meetings", "legacy"] as const).filter(batchServes);
  it(`judges AttendeeBatch in the namespaces the provider serves it in: ${batchNamespaces.join(", ")}`, () => {
    expect(batchNamespaces).to.include("meetings");
  });

  it("(c) the model gives every row its verdict (the patterns run by java.util.regex)", () => {
    const readings = readModel(INPUT_TABLE);
    const wrong = INPUT_TABLE.flatMap((row, i) =>
      readings[i]!.verdict === row.verdict
        ? []
        : [`${describeRow(row)}: the model says ${readings[i]!.verdict} (${readings[i]!.why})`],
    );
    expect(wrong, wrong.join("\n")).to.deep.equal([]);
  });

  it("(a) the provider's checks give every row its verdict", () => {
    const wrong: string[] = [];
    for (const row of INPUT_TABLE) {
      for (const judge of providerJudges(row.namespace, row.field)) {
        const verdict = providerVerdict(judge, row.value);
        if (verdict !== row.verdict)
          wrong.push(`${describeRow(row)}: ${judge.resource} check says ${verdict}`);
      }
    }
    expect(wrong, wrong.join("\n")).to.deep.equal([]);
  });

  it("(b) chime-local, through the AWS SDK, gives every row its verdict", async () => {
    const wrong: string[] = [];
    for (const row of INPUT_TABLE) {
      for (const judge of localJudges(row.namespace, row.field)) {
        const dialect = local[row.namespace];
        const verdict = await judge.call(dialect, row.value);
        if (verdict !== row.verdict) {
          wrong.push(`${describeRow(row)}: ${judge.operation}${dialect.name} says ${verdict}`);
        }
      }
    }
    expect(wrong, wrong.join("\n")).to.deep.equal([]);
  });

  describe("the deliberate differences are exactly the recorded ones", () => {
    for (const row of DELIBERATE_DIFFERENCES) {
      it(`${describeRow(row)}: the provider says ${row.provider} (${row.why.slice(0, 60)}...)`, async () => {
        expect(readModel([row])[0]!.verdict, "the model").to.equal(row.verdict);
        for (const judge of localJudges(row.namespace, row.field)) {
          expect(await judge.call(local[row.namespace], row.value), judge.operation).to.equal(row.verdict);
        }
        for (const judge of providerJudges(row.namespace, row.field)) {
          expect(providerVerdict(judge, row.value), judge.resource).to.equal(row.provider);
        }
      });
    }
  });
});

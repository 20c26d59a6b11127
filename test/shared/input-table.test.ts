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
  type ChimeClient,
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
  BadRequestException,
  BatchCreateAttendeeCommand,
  type ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  DeleteMeetingCommand,
  NotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
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
        ...(ns === "meetings"
          ? [
              {
                resource: "AttendeeBatch",
                property: "attendees[0].externalUserId",
                check: (v: string) => batch({}, { externalUserId: v }),
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
        ...(ns === "meetings"
          ? [
              {
                resource: "AttendeeBatch",
                property: "meetingId",
                check: (v: string) => batch({ meetingId: v }),
              },
            ]
          : // A legacy meeting's tags go by its MeetingId (TagMeeting's path), so MeetingTags checks it.
            [
              {
                resource: "MeetingTags",
                property: "meetingId",
                check: (v: string) => meetingTags(ns, { meetingId: v }),
              },
            ]),
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

interface Clients {
  meetings: ChimeSDKMeetingsClient;
  legacy: ChimeClient;
  /** A live meeting of each namespace (attendees and tags are added to it). */
  meetingId: Record<Namespace, string>;
  meetingArn: string;
}

interface LocalJudge {
  /** The operation, for messages. */
  readonly operation: string;
  readonly call: (clients: Clients, value: string) => Promise<Verdict>;
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
  call: Promise<{ Errors?: { ErrorCode?: string }[] }>,
  notFoundIsAccept = false,
): Promise<Verdict> {
  let errors: { ErrorCode?: string }[] = [];
  const verdict = await answer(
    call.then((out) => {
      errors = out.Errors ?? [];
    }),
    notFoundIsAccept,
  );
  return verdict === "accept" && errors.length > 0 ? "reject" : verdict;
}

/** Creates a meeting with `input`; deletes it again when it was created. */
function createMeeting(namespace: Namespace, input: Record<string, unknown>) {
  return async (clients: Clients): Promise<Verdict> => {
    if (namespace === "meetings") {
      let id: string | undefined;
      const verdict = await answer(
        clients.meetings
          .send(new CreateMeetingCommand({ ExternalMeetingId: "town-hall", MediaRegion: REGION, ...input }))
          .then((out) => {
            id = out.Meeting?.MeetingId;
          }),
      );
      if (id) await clients.meetings.send(new DeleteMeetingCommand({ MeetingId: id }));
      return verdict;
    }
    let id: string | undefined;
    const verdict = await answer(
      clients.legacy
        .send(new LegacyCreateMeeting({ ExternalMeetingId: "town-hall", MediaRegion: REGION, ...input }))
        .then((out) => {
          id = out.Meeting?.MeetingId;
        }),
    );
    if (id) await clients.legacy.send(new LegacyDeleteMeeting({ MeetingId: id }));
    return verdict;
  };
}

function localJudges(namespace: Namespace, field: Field): LocalJudge[] {
  const legacy = namespace === "legacy";
  switch (field) {
    case "externalUserId":
      return legacy
        ? [
            {
              operation: "CreateAttendee (legacy)",
              call: (c, v) =>
                answer(
                  c.legacy.send(
                    new LegacyCreateAttendee({ MeetingId: c.meetingId.legacy, ExternalUserId: v }),
                  ),
                ),
            },
            {
              operation: "BatchCreateAttendee (legacy)",
              call: (c, v) =>
                batchAnswer(
                  c.legacy.send(
                    new LegacyBatchCreateAttendee({
                      MeetingId: c.meetingId.legacy,
                      Attendees: [{ ExternalUserId: v }],
                    }),
                  ),
                ),
            },
          ]
        : [
            {
              operation: "CreateAttendee",
              call: (c, v) =>
                answer(
                  c.meetings.send(
                    new CreateAttendeeCommand({ MeetingId: c.meetingId.meetings, ExternalUserId: v }),
                  ),
                ),
            },
            {
              operation: "BatchCreateAttendee",
              call: (c, v) =>
                batchAnswer(
                  c.meetings.send(
                    new BatchCreateAttendeeCommand({
                      MeetingId: c.meetingId.meetings,
                      Attendees: [{ ExternalUserId: v }],
                    }),
                  ),
                ),
            },
          ];
    case "externalMeetingId":
      return [
        { operation: "CreateMeeting", call: (c, v) => createMeeting(namespace, { ExternalMeetingId: v })(c) },
      ];
    case "meetingHostId":
      return [
        { operation: "CreateMeeting", call: (c, v) => createMeeting(namespace, { MeetingHostId: v })(c) },
      ];
    case "meetingId":
      // A well-formed id of no meeting gets NotFound: it passed validation.
      return legacy
        ? [
            {
              operation: "CreateAttendee (legacy)",
              call: (c, v) =>
                answer(
                  c.legacy.send(new LegacyCreateAttendee({ MeetingId: v, ExternalUserId: "kiosk-1" })),
                  true,
                ),
            },
            {
              operation: "TagMeeting (legacy)",
              call: (c, v) =>
                answer(
                  c.legacy.send(new TagMeetingCommand({ MeetingId: v, Tags: [{ Key: "k", Value: "v" }] })),
                  true,
                ),
            },
          ]
        : [
            {
              operation: "CreateAttendee",
              call: (c, v) =>
                answer(
                  c.meetings.send(new CreateAttendeeCommand({ MeetingId: v, ExternalUserId: "kiosk-1" })),
                  true,
                ),
            },
            {
              operation: "BatchCreateAttendee",
              call: (c, v) =>
                batchAnswer(
                  c.meetings.send(
                    new BatchCreateAttendeeCommand({
                      MeetingId: v,
                      Attendees: [{ ExternalUserId: "kiosk-1" }],
                    }),
                  ),
                  true,
                ),
            },
          ];
    case "tagKey":
    case "tagValue": {
      const tag = (v: string) => (field === "tagKey" ? { Key: v, Value: "x" } : { Key: "team", Value: v });
      const common: LocalJudge[] = [
        { operation: "CreateMeeting", call: (c, v) => createMeeting(namespace, { Tags: [tag(v)] })(c) },
      ];
      if (legacy) {
        return [
          ...common,
          {
            operation: "TagMeeting (legacy)",
            call: async (c, v) => {
              const t = tag(v);
              const verdict = await answer(
                c.legacy.send(new TagMeetingCommand({ MeetingId: c.meetingId.legacy, Tags: [t] })),
              );
              if (verdict === "accept") {
                await c.legacy.send(
                  new UntagMeetingCommand({ MeetingId: c.meetingId.legacy, TagKeys: [t.Key] }),
                );
              }
              return verdict;
            },
          },
          {
            operation: "CreateAttendee with Tags (legacy)",
            call: (c, v) =>
              answer(
                c.legacy.send(
                  new LegacyCreateAttendee({
                    MeetingId: c.meetingId.legacy,
                    ExternalUserId: "tagged-1",
                    Tags: [tag(v)],
                  }),
                ),
              ),
          },
        ];
      }
      return [
        ...common,
        {
          operation: "TagResource",
          call: async (c, v) => {
            const t = tag(v);
            const verdict = await answer(
              c.meetings.send(new TagResourceCommand({ ResourceARN: c.meetingArn, Tags: [t] })),
            );
            if (verdict === "accept") {
              await c.meetings.send(
                new UntagResourceCommand({ ResourceARN: c.meetingArn, TagKeys: [t.Key] }),
              );
            }
            return verdict;
          },
        },
      ];
    }
    case "tenantId":
      return [
        { operation: "CreateMeeting", call: (c, v) => createMeeting(namespace, { TenantIds: [v] })(c) },
      ];
    case "snsTopicArn":
    case "sqsQueueArn":
    case "lambdaFunctionArn": {
      const member = {
        snsTopicArn: "SnsTopicArn",
        sqsQueueArn: "SqsQueueArn",
        lambdaFunctionArn: "LambdaFunctionArn",
      }[field];
      return [
        {
          operation: "CreateMeeting",
          call: (c, v) => createMeeting(namespace, { NotificationsConfiguration: { [member]: v } })(c),
        },
      ];
    }
    case "mediaRegion":
      return [
        { operation: "CreateMeeting", call: (c, v) => createMeeting(namespace, { MediaRegion: v })(c) },
      ];
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
  const clients = {} as Clients;

  before(async () => {
    clients.meetings = clientFor(ctx.local);
    clients.legacy = clientFor(ctx.local, { dialect: "legacy" });
    const live = await newMeeting(clients.meetings);
    clients.meetingId = {
      meetings: live.MeetingId,
      legacy: (await newMeeting(clients.legacy)).MeetingId,
    };
    clients.meetingArn = live.MeetingArn;
  });
  after(() => {
    clients.meetings?.destroy();
    clients.legacy?.destroy();
  });

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
        const verdict = await judge.call(clients, row.value);
        if (verdict !== row.verdict) wrong.push(`${describeRow(row)}: ${judge.operation} says ${verdict}`);
      }
    }
    expect(wrong, wrong.join("\n")).to.deep.equal([]);
  });

  describe("the deliberate differences are exactly the recorded ones", () => {
    for (const row of DELIBERATE_DIFFERENCES) {
      it(`${describeRow(row)}: the provider says ${row.provider} (${row.why.slice(0, 60)}...)`, async () => {
        expect(readModel([row])[0]!.verdict, "the model").to.equal(row.verdict);
        for (const judge of localJudges(row.namespace, row.field)) {
          expect(await judge.call(clients, row.value), judge.operation).to.equal(row.verdict);
        }
        for (const judge of providerJudges(row.namespace, row.field)) {
          expect(providerVerdict(judge, row.value), judge.resource).to.equal(row.provider);
        }
      });
    }
  });
});

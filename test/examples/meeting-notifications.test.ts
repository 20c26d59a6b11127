import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { checkMeeting } from "../../provider/meeting/meeting-check";

/**
 * examples/meeting-notifications needs AWS (a real SQS queue), which CI does not have: here it runs
 * under Pulumi's mocks, which stand in for the engine and AWS alike, to check its wiring: what the
 * program passes from one resource to another, and that the Meeting's inputs pass its own check.
 * The other examples run for real in test/e2e/examples.test.ts.
 */
describe("examples/meeting-notifications (Pulumi mocks: it needs AWS)", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  const MEETING_ID = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
  const queueArn = (name: string) => `arn:aws:sqs:us-east-1:123456789012:${name}`;
  const queueUrl = (name: string) => `https://sqs.example/${name}`;
  const find = (type: string) => {
    const found = registered.find((r) => r.type === type);
    if (found === undefined) throw new Error(`the program registered no ${type}`);
    return found;
  };
  let program: { meetingId: pulumi.Output<string> };

  before(async () => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          // Each type gets only the outputs its provider would add: a wrong wiring reads undefined.
          const added: Record<string, Record<string, string>> = {
            "aws:sqs/queue:Queue": { arn: queueArn(args.name), url: queueUrl(args.name) },
            "pulumi-nodejs:dynamic/chime:Meeting": { meetingId: MEETING_ID },
          };
          return { id: `${args.name}-id`, state: { ...args.inputs, ...added[args.type] } };
        },
        call: () => ({}),
      },
      "meeting-notifications",
      "test",
      false,
    );
    program = await import("../../examples/meeting-notifications/index");
    await new Promise((resolve) => program.meetingId.apply(resolve));
  });

  it("sends the meeting's events to the queue it creates, with inputs the Meeting's check accepts", () => {
    const queue = find("aws:sqs/queue:Queue");
    const meeting = find("pulumi-nodejs:dynamic/chime:Meeting");
    expect(meeting.inputs.notificationsConfiguration).to.deep.equal({ sqsQueueArn: queueArn(queue.name) });
    expect(checkMeeting(undefined, meeting.inputs, "us-east-1").failures).to.deep.equal([]);
  });

  it("lets Chime (chime.amazonaws.com) send messages to that queue, and to no other", () => {
    const queue = find("aws:sqs/queue:Queue");
    const policy = find("aws:sqs/queuePolicy:QueuePolicy");
    expect(policy.inputs.queueUrl).to.equal(queueUrl(queue.name));
    expect(JSON.parse(policy.inputs.policy).Statement).to.deep.equal([
      {
        Effect: "Allow",
        Principal: { Service: "chime.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: queueArn(queue.name),
      },
    ]);
  });

  it("exports the meeting's meetingId (not its resource id)", async () => {
    expect(await new Promise((resolve) => program.meetingId.apply(resolve))).to.equal(MEETING_ID);
  });
});

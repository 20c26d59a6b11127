import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";

/**
 * examples/meeting-notifications needs AWS (a real SQS queue), which CI does not have: here it runs
 * under Pulumi's mocks, which stand in for the engine and AWS alike, to check its wiring. The other
 * examples run for real in test/e2e/examples.test.ts.
 */
describe("examples/meeting-notifications (Pulumi mocks: it needs AWS)", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];

  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          const arn = `arn:aws:sqs:us-east-1:123456789012:${args.name}`;
          const extra =
            args.type === "aws:sqs/queue:Queue" ? { arn, url: `https://sqs.example/${args.name}` } : {};
          return {
            id: `${args.name}-id`,
            state: { ...args.inputs, ...extra, meetingId: "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c" },
          };
        },
        call: () => ({}),
      },
      "meeting-notifications",
      "test",
      false,
    );
  });

  it("sends the meeting's events to the queue it creates, which lets Chime publish", async () => {
    const program = await import("../../examples/meeting-notifications/index");
    const meetingId = await new Promise((resolve) => program.meetingId.apply(resolve));
    expect(meetingId).to.equal("3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c");
    const meeting = registered.find((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting");
    expect(meeting?.inputs.notificationsConfiguration).to.deep.equal({
      sqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:meeting-events",
    });
    const policy = registered.find((r) => r.type === "aws:sqs/queuePolicy:QueuePolicy");
    expect(JSON.parse(policy?.inputs.policy).Statement[0].Principal).to.deep.equal({
      Service: "chime.amazonaws.com",
    });
  });
});

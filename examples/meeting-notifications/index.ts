// A meeting whose events (attendee joined, left, dropped; meeting ended) go to an SQS queue. Needs AWS:
// the queue is a real AWS resource, created with @pulumi/aws.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "pulumi-chime-sdk";

const queue = new aws.sqs.Queue("meeting-events", { messageRetentionSeconds: 86_400 });

// Chime publishes through the service principal chime.amazonaws.com, which the queue must let in.
new aws.sqs.QueuePolicy("meeting-events", {
  queueUrl: queue.url,
  policy: queue.arn.apply((arn) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "chime.amazonaws.com" },
          Action: "sqs:SendMessage",
          Resource: arn,
        },
      ],
    }),
  ),
});

const meeting = new Meeting("town-hall", {
  externalMeetingId: `${pulumi.getStack()}-town-hall`,
  mediaRegion: "us-east-1",
  notificationsConfiguration: { sqsQueueArn: queue.arn },
  tags: { purpose: "meeting-notifications" },
});

export const meetingId = meeting.meetingId;
export const queueUrl = queue.url;

import {
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { expectServiceError, newMeeting, UNKNOWN_ID, useEndpoint } from "./helpers";

const tagsOf = (n: number, prefix = "k") =>
  Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: `v${i}` }));

describe("emulator: tags", () => {
  const env = useEndpoint();

  it("GIVEN a meeting created with tags WHEN tags are added, overwritten and removed THEN ListTagsForResource follows", async () => {
    const meeting = await newMeeting(env.client, { Tags: [{ Key: "team", Value: "a" }] });
    const arn = meeting.MeetingArn;
    const list = async () =>
      (await env.client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags;
    expect(await list()).to.deep.equal([{ Key: "team", Value: "a" }]);

    const tagged = await env.client.send(
      new TagResourceCommand({
        ResourceARN: arn,
        Tags: [
          { Key: "team", Value: "b" },
          { Key: "env", Value: "" },
        ],
      }),
    );
    expect(tagged.$metadata.httpStatusCode).to.equal(204);
    expect(await list()).to.deep.equal([
      { Key: "team", Value: "b" },
      { Key: "env", Value: "" },
    ]);

    const untagged = await env.client.send(
      new UntagResourceCommand({ ResourceARN: arn, TagKeys: ["team", "absent"] }),
    );
    expect(untagged.$metadata.httpStatusCode).to.equal(204);
    expect(await list()).to.deep.equal([{ Key: "env", Value: "" }]);
  });

  it("answers TooManyTagsException (with ResourceName) when a meeting would have more than 50 tags", async () => {
    const meeting = await newMeeting(env.client, { Tags: tagsOf(30) });
    const error = await expectServiceError(
      env.client.send(new TagResourceCommand({ ResourceARN: meeting.MeetingArn, Tags: tagsOf(21, "x") })),
      { name: "TooManyTagsException", status: 400, message: ["51", "50"] },
    );
    expect((error as unknown as { ResourceName: string }).ResourceName).to.equal(meeting.MeetingArn);
    // Overwriting existing keys does not add tags.
    await env.client.send(new TagResourceCommand({ ResourceARN: meeting.MeetingArn, Tags: tagsOf(20) }));
    await env.client.send(new TagResourceCommand({ ResourceARN: meeting.MeetingArn, Tags: tagsOf(20, "y") }));
  });

  it("answers TooManyTagsException for a TagResource request of more than 50 tags", async () => {
    const meeting = await newMeeting(env.client);
    await expectServiceError(
      env.client.send(new TagResourceCommand({ ResourceARN: meeting.MeetingArn, Tags: tagsOf(51) })),
      { name: "TooManyTagsException", status: 400 },
    );
  });

  const unknownArns = [
    `arn:aws:chime:us-east-1:123456789012:meeting/${UNKNOWN_ID}`,
    "arn:aws:chime:us-east-1:123456789012:meeting/not-a-guid",
  ];
  for (const arn of unknownArns) {
    it(`answers ResourceNotFoundException for ${arn}`, async () => {
      const error = await expectServiceError(
        env.client.send(new ListTagsForResourceCommand({ ResourceARN: arn })),
        {
          name: "ResourceNotFoundException",
          status: 404,
          message: [arn],
        },
      );
      expect((error as unknown as { ResourceName: string }).ResourceName).to.equal(arn);
    });
  }

  it("answers ResourceNotFoundException for a live meeting's ARN in another account or region", async () => {
    const meeting = await newMeeting(env.client);
    for (const arn of [
      meeting.MeetingArn.replace("123456789012", "999999999999"),
      meeting.MeetingArn.replace("us-east-1", "us-west-2"),
    ]) {
      await expectServiceError(
        env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: tagsOf(1) })),
        {
          name: "ResourceNotFoundException",
          status: 404,
        },
      );
    }
  });

  it("answers ResourceNotFoundException once the meeting is gone", async () => {
    const meeting = await newMeeting(env.client);
    env.local.endMeeting(meeting.MeetingId);
    await expectServiceError(
      env.client.send(new UntagResourceCommand({ ResourceARN: meeting.MeetingArn, TagKeys: ["k"] })),
      { name: "ResourceNotFoundException", status: 404 },
    );
  });
});

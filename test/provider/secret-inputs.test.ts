import { expect } from "chai";
import type { AnyAttendeeInputs, AnyAttendeeState } from "../../provider/attendee/attendee-state";
import { SECRET_INPUTS_KEY } from "../../provider/dynamic/declaration";
import { AttendeeProvider } from "../../provider/dynamic/providers";
import type { Namespace } from "../../provider/shared/namespace";
import { clientFor, newMeeting, UNKNOWN_ID } from "../emulator/helpers";
import { useProviderEndpoint } from "../support/provider-endpoint";

const provider = new AttendeeProvider();

async function failureOf(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

/**
 * A meetingId the program wrapped in `pulumi.secret` is described by length in every message: the check
 * failures (see sensitive.test.ts) and, since the core knows the secret inputs in every operation, the
 * API errors of create and delete too (README "Known limits" listed this until issue 17).
 */
describe("Attendee provider: a secret meetingId in API errors", () => {
  const ctx = useProviderEndpoint();

  // [namespace, the inputs that differ, a live meeting]
  const namespaces: [Namespace, Record<string, unknown>, () => Promise<string>][] = [
    ["meetings", {}, async () => (await newMeeting(ctx.client)).MeetingId],
    [
      "legacy",
      { namespace: "legacy" },
      async () => {
        const client = clientFor(ctx.local, { dialect: "legacy" });
        try {
          return (await newMeeting(client)).MeetingId;
        } finally {
          client.destroy();
        }
      },
    ],
  ];

  for (const [namespace, extra, liveMeeting] of namespaces) {
    describe(`namespace ${namespace}`, () => {
      async function checked(meetingId: string, secret: string[]): Promise<AnyAttendeeInputs> {
        const news = { meetingId, externalUserId: "kiosk-secret", ...extra, [SECRET_INPUTS_KEY]: secret };
        const { inputs, failures } = await provider.check(
          {} as AnyAttendeeInputs,
          news as unknown as AnyAttendeeInputs,
        );
        expect(failures).to.deep.equal([]);
        return inputs as AnyAttendeeInputs;
      }

      it("GIVEN no secret input WHEN checked THEN the stored inputs are as before (no hidden input)", async () => {
        expect(await checked(UNKNOWN_ID, [])).not.to.have.property(SECRET_INPUTS_KEY);
      });

      it("GIVEN a secret meetingId of a meeting that does not exist WHEN created THEN the error describes it by length", async () => {
        const inputs = await checked(UNKNOWN_ID, ["meetingId"]);
        expect(inputs).to.have.property(SECRET_INPUTS_KEY).that.deep.equals(["meetingId"]);
        const error = await failureOf(provider.create(inputs));
        expect(error.message).to.include("CreateAttendee").and.include("meetingId (36 characters)");
        expect(error.message).not.to.include(UNKNOWN_ID);
      });

      it("GIVEN a secret meetingId WHEN delete fails THEN the error describes it by length", async () => {
        const meetingId = await liveMeeting();
        const { id, outs } = await provider.create(await checked(meetingId, ["meetingId"]));
        expect(outs).to.have.property(SECRET_INPUTS_KEY).that.deep.equals(["meetingId"]);
        const operation = namespace === "legacy" ? "legacy:DeleteAttendee" : "DeleteAttendee";
        ctx.local.setFaults({ failureRate: 1, operations: [operation] });
        let error: Error;
        try {
          error = await failureOf(provider.delete(id, outs as AnyAttendeeState));
        } finally {
          ctx.local.setFaults(undefined);
        }
        expect(error.message).to.include("DeleteAttendee").and.include("meetingId (36 characters)");
        expect(error.message).not.to.include(meetingId);
        await provider.delete(id, outs as AnyAttendeeState);
      });
    });
  }
});

import { expect } from "chai";
import { AttendeeBatchProvider, AttendeeProvider, MeetingProvider } from "../../provider/dynamic/providers";

// `pulumi import` and `Resource.get` call read with an id and no state (pulumi/pulumi#16175): each
// provider says so, and what to do instead, rather than failing on a missing property.
describe("read without state (pulumi import, get)", () => {
  const providers: [string, { read(id: string): Promise<unknown> }, string][] = [
    ["Attendee", new AttendeeProvider(), "adopts an existing attendee"],
    ["Meeting", new MeetingProvider(), "pulumi up --refresh"],
    ["AttendeeBatch", new AttendeeBatchProvider(), "adopts existing attendees"],
  ];
  for (const [name, provider, advice] of providers) {
    it(`${name}: explains that import and get cannot work, and what to do`, async () => {
      let message = "";
      try {
        await provider.read("some-id");
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message)
        .to.include("cannot be read by id alone")
        .and.include("pulumi import")
        .and.include(advice);
    });
  }
});

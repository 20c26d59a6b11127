import { expect } from "chai";
import { RequestPacer } from "../../provider/aws/request-pacer";

describe("Request pacing at the per-operation quota", () => {
  it("lets the first request go at once and spaces the next ones 1/rate apart", () => {
    let now = 1_000;
    const pacer = new RequestPacer(() => now);
    const delays = [1, 2, 3, 4].map(() => pacer.reserve("us-east-1|CreateAttendee", 10));
    expect(delays).to.deep.equal([0, 100, 200, 300]);
    now += 1_000;
    expect(pacer.reserve("us-east-1|CreateAttendee", 10)).to.equal(0);
  });

  it("keeps operations (and regions) apart: each has its own quota", () => {
    const pacer = new RequestPacer(() => 0);
    pacer.reserve("us-east-1|CreateAttendee", 10);
    expect(pacer.reserve("us-east-1|DeleteAttendee", 10)).to.equal(0);
    expect(pacer.reserve("us-west-2|CreateAttendee", 10)).to.equal(0);
  });

  it("never lets more than `rate` requests start within any one second", () => {
    const pacer = new RequestPacer(() => 0);
    const starts = Array.from({ length: 35 }, () => pacer.reserve("k", 10));
    for (const start of starts) {
      expect(starts.filter((s) => s >= start && s < start + 1000)).to.have.length.at.most(10);
    }
  });
});

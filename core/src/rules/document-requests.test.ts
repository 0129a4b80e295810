import { describe, expect, it } from "vitest";
import { documentRequestStatus as fromContracts } from "../contracts/document-requests.js";
import { documentRequestStatus, isAwaitingAnswer } from "./document-requests.js";

const request = { replyBy: "2027-05-10", answeredAt: null, closedAt: null };

describe("document request status", () => {
  it("[R2.5-4] is open up to and including its reply date, overdue the day after", () => {
    expect(documentRequestStatus(request, "2027-05-09")).toBe("open");
    expect(documentRequestStatus(request, "2027-05-10")).toBe("open");
    expect(documentRequestStatus(request, "2027-05-11")).toBe("overdue");
  });

  it("[R2.5-4] answered once answered, closed once closed, whatever the date", () => {
    const answered = { ...request, answeredAt: new Date("2027-05-20T10:00:00Z") };
    expect(documentRequestStatus(answered, "2027-06-01")).toBe("answered");
    expect(documentRequestStatus({ ...answered, closedAt: new Date() }, "2027-06-01")).toBe("closed");
    expect(documentRequestStatus({ ...request, closedAt: new Date() }, "2027-05-01")).toBe("closed");
  });

  it("[R2.5-4] the watch list follows a request while it awaits an answer", () => {
    expect(isAwaitingAnswer(request)).toBe(true);
    expect(isAwaitingAnswer({ answeredAt: new Date(), closedAt: null })).toBe(false);
    expect(isAwaitingAnswer({ answeredAt: null, closedAt: new Date() })).toBe(false);
  });

  it("is still exported from the contracts under the same name", () => {
    expect(fromContracts).toBe(documentRequestStatus);
  });
});

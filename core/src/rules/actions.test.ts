import { describe, expect, it } from "vitest";
import { isActionOverdue, isSendBack, isVerificationOverdue, mayChangeStatus, verificationDueOn } from "./actions.js";
import {
  factualReviewReplyBy,
  isProtocolEditable,
  mayApprove,
  mayComment,
  maySend,
  mayStartFactualReview,
  stateAfterEdit,
} from "./protocols.js";

describe("[R2.7-8] the action plan's rules", () => {
  it("[R2.7-8] an action is overdue the day after its deadline, never once reported done or verified", () => {
    expect(isActionOverdue({ due: "2027-03-31", status: "planned" }, "2027-03-31")).toBe(false);
    expect(isActionOverdue({ due: "2027-03-31", status: "planned" }, "2027-04-01")).toBe(true);
    expect(isActionOverdue({ due: "2027-03-31", status: "inProgress" }, "2027-04-01")).toBe(true);
    expect(isActionOverdue({ due: "2027-03-31", status: "reportedDone" }, "2027-04-01")).toBe(false);
    expect(isActionOverdue({ due: "2027-03-31", status: "verified" }, "2028-01-01")).toBe(false);
  });

  it("[R2.7-8] the verification falls due the national number of days after the report, over a month and a leap day", () => {
    expect(verificationDueOn("2027-11-27", 30)).toBe("2027-12-27");
    expect(verificationDueOn("2028-02-15", 30)).toBe("2028-03-16");
    const reported = { status: "reportedDone" as const, reportedOn: "2027-11-27" };
    expect(isVerificationOverdue(reported, "2027-12-27", 30)).toBe(false);
    expect(isVerificationOverdue(reported, "2027-12-28", 30)).toBe(true);
    expect(isVerificationOverdue({ status: "verified", reportedOn: "2027-11-27" }, "2028-06-01", 30)).toBe(false);
  });

  it("[R2.7-8] who changes which status: the municipality works, the county verifies or sends back", () => {
    expect(mayChangeStatus("municipality", "planned", "inProgress")).toBe(true);
    expect(mayChangeStatus("municipality", "inProgress", "planned")).toBe(true);
    expect(mayChangeStatus("municipality", "reportedDone", "inProgress")).toBe(false);
    expect(mayChangeStatus("municipality", "reportedDone", "verified")).toBe(false);
    expect(mayChangeStatus("county", "reportedDone", "verified")).toBe(true);
    expect(mayChangeStatus("county", "inProgress", "verified")).toBe(false);
    expect(mayChangeStatus("county", "reportedDone", "inProgress")).toBe(true);
    expect(mayChangeStatus("county", "verified", "inProgress")).toBe(false);
    expect(mayChangeStatus("county", "planned", "planned")).toBe(false);
    expect(isSendBack("reportedDone", "inProgress")).toBe(true);
    expect(isSendBack("planned", "inProgress")).toBe(false);
  });
});

describe("[R2.7-7] the protocol's course", () => {
  it("[R2.7-7] draft → factual review → approved → sent; an edit withdraws an approval; a sent protocol is not edited", () => {
    expect(mayStartFactualReview("draft")).toBe(true);
    expect(mayStartFactualReview("approved")).toBe(false);
    expect(mayComment("factualReview")).toBe(true);
    expect(mayComment("draft")).toBe(false);
    expect(mayApprove("factualReview")).toBe(true);
    expect(mayApprove("sent")).toBe(false);
    expect(maySend("approved")).toBe(true);
    expect(maySend("draft")).toBe(false);
    expect(stateAfterEdit("approved")).toBe("draft");
    expect(stateAfterEdit("factualReview")).toBe("factualReview");
    expect(isProtocolEditable("sent")).toBe(false);
    expect(factualReviewReplyBy("2026-11-27", 21)).toBe("2026-12-18");
  });
});

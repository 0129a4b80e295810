import { StatementCreate, StatementUpdate, type Precondition, type Statement } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import { contractErrors } from "../../forms/contractErrors";
import {
  checkState,
  communicationKey,
  draftFieldFor,
  draftInput,
  draftValues,
  hiddenSecretParts,
  missingFromError,
  newStatementInput,
  parseCommunicationKey,
  preconditionRows,
  preconditionSummary,
  sortStatements,
  statementFileName,
} from "./model";

const pre = (key: Precondition["key"], applies: boolean, met: boolean): Precondition => ({
  key,
  applies,
  met,
  evidence: [],
  rule: `rule of ${key}`,
});

const ID = "00000000-0000-4000-8000-000000000001";
const ID2 = "00000000-0000-4000-8000-000000000002";

describe("the preconditions checklist", () => {
  it("[R3.2-1] shows each precondition as met, missing or not applying", () => {
    expect(checkState({ applies: true, met: true })).toBe("met");
    expect(checkState({ applies: true, met: false })).toBe("missing");
    // A check that does not apply counts as met in core; it shows as "does not apply".
    expect(checkState({ applies: false, met: true })).toBe("notApplicable");
  });

  it("[R3.2-1] keeps core's order and counts what is missing among those that apply", () => {
    const list = [pre("timeToRemedy", true, false), pre("communicated", true, true), pre("savingsPlan", false, true)];
    expect(preconditionRows(list).map((r) => [r.key, r.state])).toEqual([
      ["communicated", "met"],
      ["savingsPlan", "notApplicable"],
      ["timeToRemedy", "missing"],
    ]);
    expect(preconditionSummary(list)).toEqual({ applies: 2, missing: 1 });
  });

  it("[R3.2-1] reads the missing preconditions from the server's 409 refusal, whatever its details' shape", () => {
    expect(missingFromError({ status: 409, code: "conflict", details: { missing: ["actionPlan", "x"] } })).toEqual([
      "actionPlan",
    ]);
    expect(missingFromError({ status: 409, code: "conflict", details: ["oralDialogue"] })).toEqual(["oralDialogue"]);
    expect(
      missingFromError({ status: 409, code: "conflict", details: { preconditions: [{ key: "chanceToCorrect" }] } }),
    ).toEqual(["chanceToCorrect"]);
    expect(missingFromError({ status: 409, code: "preconditionsMissing" })).toEqual([]);
    expect(missingFromError({ status: 409, code: "conflict", details: { reason: "stale" } })).toBeNull();
    expect(missingFromError({ status: 403, code: "forbidden" })).toBeNull();
    expect(missingFromError(new Error("x"))).toBeNull();
  });
});

describe("a new statement", () => {
  it("[R3.2-2] is made from the chosen grounds in core's order, with one in words", () => {
    const body = newStatementInput("0180", {
      grounds: ["wrongfulUse", "noRsaReport"],
      other: true,
      otherText: "  Kommunen har inte svarat  ",
    });
    expect(body).toEqual({
      municipality: "0180",
      grounds: ["noRsaReport", "wrongfulUse", { ground: "other", text: "Kommunen har inte svarat" }],
      text: "",
      savingsNotice: null,
    });
    expect(StatementCreate.safeParse(body).success).toBe(true);
  });

  it("[R3.3-3] from a municipality's notice needs no ground", () => {
    const body = newStatementInput("0180", { grounds: [], other: false, otherText: "" }, ID);
    expect(StatementCreate.safeParse(body).success).toBe(true);
    expect(contractErrors(StatementCreate, { ...body, savingsNotice: null }).success).toBe(false);
  });
});

describe("the draft's form", () => {
  const statement: Pick<Statement, "text" | "grounds" | "actions" | "correctionOpportunities" | "secretParts"> = {
    text: "Text",
    grounds: [
      {
        ground: "wrongfulUse",
        text: null,
        rule: "r",
        communicatedBy: [{ kind: "protocol", id: ID, label: "Protokoll", date: "2026-03-01", link: null }],
      },
    ],
    actions: [{ id: ID2, text: "Åtgärd", due: "2026-05-01", status: "overdue", link: "/x" }],
    correctionOpportunities: [],
    secretParts: [
      { text: "Hemligt", confidential: { basis: "18 kap. 13 § OSL", readableBy: [], canRead: true } },
      { text: null, confidential: { basis: "18 kap. 13 § OSL", readableBy: [], canRead: false } },
    ],
  };

  it("[R3.1-1] round-trips the statement to a valid update body", () => {
    const values = draftValues(statement);
    expect(values.grounds.map((g) => g.ground)).toEqual([
      "noRsaReport",
      "cannotAccount",
      "wrongfulUse",
      "savingsPlan",
      "repeatedFailure",
      "other",
    ]);
    expect(values.grounds.filter((g) => g.chosen).map((g) => g.ground)).toEqual(["wrongfulUse"]);
    expect(values.secretParts).toEqual([{ text: "Hemligt", basis: "18 kap. 13 § OSL" }]);
    expect(hiddenSecretParts(statement)).toBe(1);
    const body = draftInput(values, 3);
    expect(body).toEqual({
      version: 3,
      text: "Text",
      grounds: [{ ground: "wrongfulUse", text: null, communicatedBy: [{ kind: "protocol", id: ID }] }],
      secretParts: [{ text: "Hemligt", confidentialBasis: "18 kap. 13 § OSL" }],
      actions: [ID2],
      correctionOpportunities: [],
    });
    expect(StatementUpdate.safeParse(body).success).toBe(true);
  });

  it("puts a contract message about the nth chosen ground on its row of the form", () => {
    const values = draftValues(statement);
    values.grounds[5]!.chosen = true; // other
    expect(draftFieldFor("grounds.1.text", values)).toBe("grounds.5.text");
    expect(draftFieldFor("grounds.0.communicatedBy", values)).toBe("grounds.2.communicatedBy");
    expect(draftFieldFor("secretParts.0.confidentialBasis", values)).toBe("secretParts.0.basis");
    expect(draftFieldFor("text", values)).toBeUndefined();
  });

  it("keys a communication by its kind and id, and refuses a malformed key", () => {
    expect(parseCommunicationKey(communicationKey({ kind: "feedback", id: ID }))).toEqual({ kind: "feedback", id: ID });
    expect(parseCommunicationKey("letter:1")).toBeNull();
    expect(parseCommunicationKey("protocol")).toBeNull();
  });
});

describe("lists and files", () => {
  it("sorts the county's statements by municipality in Swedish order, drafts first", () => {
    const row = (name: string, status: "draft" | "approved" | "sent", updatedAt = "2026-01-01") => ({
      municipality: { name },
      status,
      updatedAt,
    });
    const sorted = sortStatements([
      row("Örebro", "draft"),
      row("Ale", "sent"),
      row("Åre", "draft"),
      row("Ale", "draft"),
    ]);
    expect(sorted.map((r) => `${r.municipality.name} ${r.status}`)).toEqual([
      "Ale draft",
      "Ale sent",
      "Åre draft",
      "Örebro draft",
    ]);
  });

  it("names a download after the municipality and the day sent", () => {
    const s = { municipality: { name: "Upplands Väsby" }, sentOn: "2026-11-27", updatedAt: "2026-11-20T10:00:00Z" };
    expect(statementFileName(s, "statement", "pdf")).toBe("yttrande-Upplands-Väsby-2026-11-27.pdf");
    expect(statementFileName({ ...s, sentOn: null }, "appendix", "docx")).toBe(
      "sekretessbilaga-Upplands-Väsby-2026-11-20.docx",
    );
  });
});

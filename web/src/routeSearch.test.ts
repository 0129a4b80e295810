import { describe, expect, it } from "vitest";
import {
  MUNICIPALITY_TABS,
  parseAuditSearch,
  parseAwaitingFeedbackSearch,
  parseClearancesSearch,
  parseCountySearch,
  parseCriteriaSearch,
  parseDocumentMatrixSearch,
  parseDocumentSearchSearch,
  parseLoginSearch,
  parseMunicipalitySearch,
  parseVisitPlanSearch,
} from "./routeSearch";

describe("route search parameters", () => {
  it("keeps well-formed values, as the router reads them (numbers arrive as numbers)", () => {
    expect(parseMunicipalitySearch({ period: 2023, flik: "dialog" })).toEqual({ period: 2023, flik: "dialog" });
    expect(parseMunicipalitySearch({ period: "2027" })).toEqual({ period: 2027 });
    expect(parseCountySearch({ q: "Upp", sort: "code", order: "desc", queue: "county" })).toEqual({
      q: "Upp",
      sort: "code",
      order: "desc",
      queue: "county",
    });
    expect(parseDocumentMatrixSearch({ status: "missing", flag: "late", type: "rsa", sort: "flagged" })).toMatchObject({
      flag: "late",
      sort: "flagged",
    });
    expect(parseLoginSearch({ redirect: "/kommun/0180", loggedOut: "true", expired: true })).toEqual({
      redirect: "/kommun/0180",
      loggedOut: true,
      expired: true,
    });
  });

  it("drops malformed values field by field instead of failing the page", () => {
    expect(parseMunicipalitySearch({ period: "abc", flik: "nope" })).toEqual({});
    expect(parseCountySearch({ q: "  ", sort: "bogus", order: "up", queue: "all" })).toEqual({});
    expect(parseAuditSearch({ from: "2026-02-31", to: "2026-03-01", page: "x", action: 5 })).toEqual({
      to: "2026-03-01",
      action: "5",
    });
    expect(parseClearancesSearch({ county: "1", municipality: "0180", inactive: "yes" })).toEqual({
      municipality: "0180",
    });
    expect(parseCriteriaSearch({ version: "not-a-uuid" })).toEqual({});
    expect(parseAwaitingFeedbackSearch({ days: 99999, mine: "true" })).toEqual({ mine: true });
    expect(parseLoginSearch({ unknown: "x", loggedOut: "false" })).toEqual({});
  });

  it("keeps a too short search query so that the page can say so", () => {
    expect(parseDocumentSearchSearch({ q: "a", page: 2 })).toEqual({ q: "a", page: 2 });
  });

  it("takes the municipality tab slugs from core's paths module", () => {
    expect(MUNICIPALITY_TABS).toEqual([
      "dokument",
      "dialog",
      "arsrapport",
      "ekonomi",
      "besok",
      "atgarder",
      "yttranden",
    ]);
  });

  it("[R2.7-3] reads the visit plan's period and drops one it cannot read", () => {
    expect(parseVisitPlanSearch({ period: 2027 })).toEqual({ period: 2027 });
    expect(parseVisitPlanSearch({ period: "x" })).toEqual({ period: undefined });
    expect(parseVisitPlanSearch({})).toEqual({ period: undefined });
  });
});

import { describe, expect, it } from "vitest";
import { parseCaseListSearch } from "./search";

describe("the case list's address", () => {
  it("[R3.3-1] keeps a status and a county it can read", () => {
    expect(parseCaseListSearch({ status: "open", lan: "01" })).toEqual({ status: "open", lan: "01" });
    expect(parseCaseListSearch({ lan: 18 })).toEqual({ lan: "18" });
  });

  it("[R3.3-1] drops values it cannot read instead of failing the page", () => {
    expect(parseCaseListSearch({ status: "closed", lan: "1" })).toEqual({});
    expect(parseCaseListSearch({})).toEqual({});
  });
});

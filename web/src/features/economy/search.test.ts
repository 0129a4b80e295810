import { describe, expect, it } from "vitest";
import { parseEconomySearch } from "./search";

describe("economy page address", () => {
  it("[R2.6-1] reads a year and drops a malformed one", () => {
    expect(parseEconomySearch({ ar: 2025 })).toEqual({ ar: 2025 });
    expect(parseEconomySearch({ ar: "2024" })).toEqual({ ar: 2024 });
    expect(parseEconomySearch({ ar: "tjugo" })).toEqual({ ar: undefined });
    expect(parseEconomySearch({ ar: 1850 })).toEqual({ ar: undefined });
    expect(parseEconomySearch({})).toEqual({});
  });
});

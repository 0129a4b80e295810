import { describe, expect, it } from "vitest";
import { placeOf } from "./model";

describe("[R1-7] the watch list's place column", () => {
  it("[R1-7] shows the municipality, or the county for an agency item without one", () => {
    const county = { code: "01", name: "Stockholms län" };
    expect(placeOf({ municipality: { code: "0180", name: "Stockholm" }, county })).toEqual({
      code: "0180",
      name: "Stockholm",
    });
    expect(placeOf({ municipality: null, county })).toEqual(county);
    expect(placeOf({ municipality: null, county: null })).toBeNull();
    expect(placeOf({ municipality: null })).toBeNull();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMPENSATION_STATUSES,
  type CompensationEntry,
  type CostEntry,
  type SavingsInput,
  type SavingsPart,
  computeSavings,
  isLargeSavings,
  receivedOf,
  savingsPlanOutcome,
  savingsShare,
  yearTotals,
} from "./savings.js";

/** Two generations of one agreement part (A → B), and money outside the agreements (X) that does not count. */
const PARTS: SavingsPart[] = [
  { code: "A", countsTowardSavings: true, predecessor: null, firstYear: 2019, lastYear: 2021 },
  { code: "B", countsTowardSavings: true, predecessor: "A", firstYear: 2022, lastYear: 2024 },
  { code: "C", countsTowardSavings: true, predecessor: null, firstYear: 2019, lastYear: null },
  { code: "X", countsTowardSavings: false, predecessor: null, firstYear: 2019, lastYear: null },
];
const FROM = 2019;
const TO = 2024;
const ELIGIBILITY = { e: "eligible", n: "notEligible", l: "limited" } as const;
const eligibility = (_year: number, category: string) => ELIGIBILITY[category as keyof typeof ELIGIBILITY];

/** An active part-year, so every generated amount lands on a row. */
const partYear = fc
  .record({ part: fc.constantFrom("A", "B", "C", "X"), year: fc.integer({ min: FROM, max: TO }) })
  .filter(({ part, year }) => {
    const p = PARTS.find((x) => x.code === part)!;
    return year >= p.firstYear && (p.lastYear === null || year <= p.lastYear);
  });
const kronor = fc.integer({ min: 0, max: 5_000_000 });
const compensation = fc.array(
  fc
    .record({
      at: partYear,
      amount: kronor,
      status: fc.constantFrom(...COMPENSATION_STATUSES),
      adjustment: fc.option(kronor, { nil: null }),
    })
    .map(({ at, ...rest }): CompensationEntry => ({ ...at, ...rest })),
  { maxLength: 20 },
);
const costs = fc.array(
  fc
    .record({ at: partYear, category: fc.constantFrom("e", "n", "l", "unknown"), amount: kronor })
    .map(({ at, ...rest }): CostEntry => ({ ...at, ...rest })),
  { maxLength: 20 },
);
const openings = fc.array(
  fc.record({ at: partYear, amount: kronor }).map(({ at, amount }) => ({ ...at, amount })),
  { maxLength: 3 },
);
const input = fc
  .record({ compensation, costs, openings })
  .map((r): SavingsInput => ({ ...r, parts: PARTS, from: FROM, to: TO, eligibility }));

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const closings = (i: SavingsInput) => computeSavings(i).map((r) => r.closing);

describe("accumulated savings (R2.6-1)", () => {
  it("[R2.6-1] sums add up across parts and years: received and costs of the rows are those of the entries", () => {
    fc.assert(
      fc.property(input, (i) => {
        const rows = computeSavings(i);
        expect(sum(rows.map((r) => r.received))).toBe(sum(i.compensation.map(receivedOf)));
        expect(sum(rows.map((r) => r.announced))).toBe(sum(i.compensation.map((e) => e.amount)));
        for (let y = FROM; y <= TO; y++) {
          const t = yearTotals(rows, y);
          const counted = rows.filter((r) => r.year === y && r.countsTowardSavings);
          expect(t.received).toBe(sum(counted.map((r) => r.received)));
          expect(t.closing).toBe(sum(counted.map((r) => r.closing ?? 0)));
          expect(t.usedCosts).toBe(sum(counted.map((r) => r.usedCosts)));
        }
      }),
    );
  });

  it("[R2.6-1] no cost is counted twice (or dropped): every cost is either used or flagged, once", () => {
    fc.assert(
      fc.property(input, (i) => {
        const rows = computeSavings(i);
        expect(sum(rows.map((r) => r.usedCosts + r.flaggedCosts))).toBe(sum(i.costs.map((c) => c.amount)));
        expect(sum(rows.map((r) => r.flaggedCosts))).toBe(
          sum(i.costs.filter((c) => c.category === "n").map((c) => c.amount)),
        );
        for (const r of rows) expect(r.limitedCosts).toBeLessThanOrEqual(r.usedCosts);
      }),
    );
  });

  it("[R2.6-1] a not-eligible cost never lowers savings", () => {
    fc.assert(
      fc.property(input, partYear, kronor, (i, at, amount) => {
        const more = { ...i, costs: [...i.costs, { ...at, category: "n", amount }] };
        expect(closings(more)).toEqual(closings(i));
      }),
    );
  });

  it("[R2.6-1] an eligible cost never raises savings", () => {
    fc.assert(
      fc.property(input, partYear, kronor, (i, at, amount) => {
        const before = closings(i);
        const after = closings({ ...i, costs: [...i.costs, { ...at, category: "e", amount }] });
        after.forEach((c, n) => expect(c ?? 0).toBeLessThanOrEqual(before[n] ?? 0));
      }),
    );
  });

  it("[R2.6-1] closing is never negative; costs beyond what is available are own funding", () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const r of computeSavings(i)) {
          if (r.countsTowardSavings) {
            expect(r.closing).toBeGreaterThanOrEqual(0);
            expect(r.closing! - r.ownFunding).toBe(r.opening! + r.received - r.usedCosts);
          } else expect(r.closing).toBeNull();
          expect(r.ownFunding).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("[R2.6-1] withheld money is never received, whatever its amount", () => {
    fc.assert(
      fc.property(input, partYear, kronor, fc.option(kronor, { nil: null }), (i, at, amount, adjustment) => {
        expect(receivedOf({ amount, status: "withheld", adjustment })).toBe(0);
        expect(receivedOf({ amount, status: "announced", adjustment })).toBe(0);
        const withheld: CompensationEntry = { ...at, amount, status: "withheld", adjustment };
        const rows = computeSavings({ ...i, compensation: [...i.compensation, withheld] });
        expect(rows.map((r) => r.closing)).toEqual(closings(i));
        expect(sum(rows.map((r) => r.received))).toBe(sum(i.compensation.map(receivedOf)));
      }),
    );
  });

  it("[R2.6-1] reduced and repaid money is received less its adjustment, never below zero", () => {
    fc.assert(
      fc.property(kronor, fc.option(kronor, { nil: null }), (amount, adjustment) => {
        for (const status of ["reduced", "repaid"] as const) {
          const r = receivedOf({ amount, status, adjustment });
          expect(r).toBe(Math.max(0, amount - (adjustment ?? 0)));
          expect(r).toBeGreaterThanOrEqual(0);
        }
        expect(receivedOf({ amount, status: "paid", adjustment })).toBe(amount);
      }),
    );
  });

  it("[R2.6-1] a predecessor's closing opens its successor; a part's closing opens its next year", () => {
    fc.assert(
      fc.property(input, (i) => {
        const noOpenings = { ...i, openings: [] };
        const rows = computeSavings(noOpenings);
        const at = (part: string, year: number) => rows.find((r) => r.part === part && r.year === year);
        expect(at("B", 2022)!.opening).toBe(at("A", 2021)!.closing);
        for (const r of rows)
          if (r.countsTowardSavings && r.year > FROM && !(r.part === "B" && r.year === 2022))
            expect(r.opening).toBe(at(r.part, r.year - 1)?.closing ?? 0);
        expect(at("A", FROM)!.opening).toBe(0);
      }),
    );
  });

  it("[R2.6-1] an opening balance the county entered replaces the carried-over closing", () => {
    const rows = computeSavings({
      parts: PARTS,
      from: 2019,
      to: 2020,
      compensation: [{ part: "C", year: 2019, amount: 1000, status: "paid", adjustment: null }],
      costs: [],
      openings: [{ part: "C", year: 2020, amount: 250 }],
      eligibility,
    });
    const c = rows.filter((r) => r.part === "C");
    expect(c.map((r) => [r.opening, r.closing])).toEqual([
      [0, 1000],
      [250, 250],
    ]);
  });

  it("[R2.6-1] parts that do not count toward savings are shown but left out of the totals", () => {
    const rows = computeSavings({
      parts: PARTS,
      from: 2019,
      to: 2019,
      compensation: [
        { part: "X", year: 2019, amount: 9000, status: "paid", adjustment: null },
        { part: "C", year: 2019, amount: 1000, status: "paid", adjustment: null },
      ],
      costs: [{ part: "X", year: 2019, category: "e", amount: 100 }],
      openings: [],
      eligibility,
    });
    expect(rows.find((r) => r.part === "X")).toMatchObject({ received: 9000, usedCosts: 100, closing: null });
    expect(yearTotals(rows, 2019)).toMatchObject({ announced: 1000, received: 1000, usedCosts: 0, closing: 1000 });
  });
});

describe("large savings (R2.6-1)", () => {
  it("[R2.6-1] the threshold: at the share is not large, just above is, just below is not", () => {
    expect(isLargeSavings({ closing: 500_000, announced: 1_000_000 }, 0.5)).toBe(false);
    expect(isLargeSavings({ closing: 500_001, announced: 1_000_000 }, 0.5)).toBe(true);
    expect(isLargeSavings({ closing: 499_999, announced: 1_000_000 }, 0.5)).toBe(false);
    expect(isLargeSavings({ closing: 0, announced: 0 }, 0.5)).toBe(false);
    expect(isLargeSavings({ closing: 1, announced: 0 }, 0.5)).toBe(true);
    expect(savingsShare({ closing: 1, announced: 0 })).toBeNull();
  });

  it("[R2.6-1] the threshold as a property: large exactly when the share of announced is above it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: -3, max: 3 }),
        (announced, percent, delta) => {
          const share = percent / 100;
          const at = Math.round(share * announced);
          const closing = Math.max(0, at + delta);
          expect(isLargeSavings({ closing, announced }, share)).toBe(closing > share * announced);
        },
      ),
    );
  });
});

describe("savings plan outcome (R2.6-2)", () => {
  const closing = (pairs: [number, number][]) => new Map(pairs);

  it("[R2.6-2] deviation at the tolerance edge: exactly (1 − tolerance) × planned used is no deviation, less is", () => {
    const plan = [{ year: 2026, plannedSavingsUse: 1_000_000 }];
    expect(
      savingsPlanOutcome(
        plan,
        closing([
          [2025, 3_000_000],
          [2026, 2_200_000],
        ]),
        0.2,
      ),
    ).toEqual([{ year: 2026, planned: 1_000_000, used: 800_000, deviation: false }]);
    expect(
      savingsPlanOutcome(
        plan,
        closing([
          [2025, 3_000_000],
          [2026, 2_200_001],
        ]),
        0.2,
      )[0]!.deviation,
    ).toBe(true);
    expect(
      savingsPlanOutcome(
        plan,
        closing([
          [2025, 3_000_000],
          [2026, 1_000_000],
        ]),
        0.2,
      )[0]!.deviation,
    ).toBe(false);
  });

  it("[R2.6-2] nothing planned is never a deviation; an unknown year has no outcome yet", () => {
    expect(
      savingsPlanOutcome(
        [{ year: 2026, plannedSavingsUse: 0 }],
        closing([
          [2025, 5],
          [2026, 9],
        ]),
        0.2,
      ),
    ).toEqual([{ year: 2026, planned: 0, used: -4, deviation: false }]);
    expect(savingsPlanOutcome([{ year: 2027, plannedSavingsUse: 10 }], closing([[2026, 9]]), 0.2)).toEqual([
      { year: 2027, planned: 10, used: null, deviation: false },
    ]);
  });

  it("[R2.6-2] deviation as a property: exactly when planned > 0 and used < (1 − tolerance) × planned", () => {
    fc.assert(
      fc.property(kronor, kronor, kronor, fc.integer({ min: 0, max: 100 }), (planned, before, after, percent) => {
        const tolerance = percent / 100;
        const [o] = savingsPlanOutcome(
          [{ year: 2026, plannedSavingsUse: planned }],
          closing([
            [2025, before],
            [2026, after],
          ]),
          tolerance,
        );
        expect(o!.used).toBe(before - after);
        expect(o!.deviation).toBe(planned > 0 && before - after < (1 - tolerance) * planned);
      }),
    );
  });
});

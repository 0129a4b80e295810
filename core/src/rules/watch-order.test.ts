import { describe, expect, it } from "vitest";
import { compareWithinKind, groupWatchItems, orderWatchItems, watchUrgency } from "./watch-order.js";

const item = (kind: string, due: string, daysLeft: number) => ({ kind, due, daysLeft, key: `${kind}:${due}` });

describe("[issue 10.10] the watch list's order", () => {
  it("[issue 10.10] due within 7 days is due soon, before that overdue, later than 7 days the rest", () => {
    expect(watchUrgency(0)).toBe("dueSoon");
    expect(watchUrgency(7)).toBe("dueSoon");
    expect(watchUrgency(8)).toBe("later");
    expect(watchUrgency(-1)).toBe("overdue");
  });

  it("[issue 10.10] within a kind: due within 7 days first, then overdue newest first, then the rest", () => {
    const items = [
      item("feedbackOwed", "2024-11-01", -766),
      item("feedbackOwed", "2026-12-30", 23),
      item("feedbackOwed", "2026-12-05", -2),
      item("feedbackOwed", "2026-12-14", 7),
      item("feedbackOwed", "2026-12-07", 0),
      item("feedbackOwed", "2026-12-15", 8),
      item("feedbackOwed", "2025-01-10", -696),
    ];
    expect([...items].sort(compareWithinKind).map((i) => i.due)).toEqual([
      "2026-12-07",
      "2026-12-14",
      "2026-12-05",
      "2025-01-10",
      "2024-11-01",
      "2026-12-15",
      "2026-12-30",
    ]);
  });

  it("[issue 10.10] groups by kind with counts; the group with the most urgent first item comes first", () => {
    const old = Array.from({ length: 26 }, (_, n) =>
      item("feedbackOwed", `2024-10-${String(n + 1).padStart(2, "0")}`, -800 + n),
    );
    const groups = groupWatchItems([...old, item("documentRequest", "2026-12-09", 2), item("visit", "2026-12-20", 13)]);
    expect(groups.map((g) => [g.kind, g.count])).toEqual([
      ["documentRequest", 1],
      ["feedbackOwed", 26],
      ["visit", 1],
    ]);
    expect(groups[1]!.items[0]!.due).toBe("2024-10-26");
  });

  it("[issue 10.10] equally urgent groups follow the kind's label; the flat order is group after group", () => {
    const a = item("b", "2026-12-09", 2);
    const b = item("a", "2026-12-09", 2);
    const labels: Record<string, string> = { a: "Örn", b: "Abborre" };
    expect(groupWatchItems([b, a], (k) => labels[k]!).map((g) => g.kind)).toEqual(["b", "a"]);
    expect(groupWatchItems([a, b]).map((g) => g.kind)).toEqual(["a", "b"]);
    expect(orderWatchItems([item("x", "2026-12-30", 23), b, item("x", "2026-12-08", 1)]).map((i) => i.due)).toEqual([
      "2026-12-08",
      "2026-12-30",
      "2026-12-09",
    ]);
    expect(groupWatchItems([])).toEqual([]);
  });
});

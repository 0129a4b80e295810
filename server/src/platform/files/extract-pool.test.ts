import { describe, expect, it } from "vitest";
import { pdfWith } from "../../../test/documents.js";
import { extractText } from "./extract.js";
import { idleExtractionChildren } from "./extract-pool.js";

/* A heap size of its own, so that no other test's children are counted here. */
const LIMITS = { timeoutMs: 30_000, maxHeapMb: 333 };

describe("extraction children", () => {
  it("[issue 10.2] a child reads one file after another; one that is killed at the time limit is replaced", async () => {
    const pdf = await pdfWith([{ heading: "Plan", body: "Kommunen har analyserat elförsörjningen." }]);
    const before = new Set(idleExtractionChildren());
    expect((await extractText(pdf, "pdf", LIMITS)).textStatus).toBe("extracted");
    const first = idleExtractionChildren().filter((pid) => !before.has(pid));
    expect(first).toHaveLength(1);
    expect((await extractText(pdf, "pdf", LIMITS)).text).toContain("elförsörjningen");
    expect(idleExtractionChildren()).toContain(first[0]);

    // Too little time: that child is killed and the file is failed; the next file gets a new child.
    expect((await extractText(pdf, "pdf", { ...LIMITS, timeoutMs: 1 })).textStatus).toBe("failed");
    expect(idleExtractionChildren()).not.toContain(first[0]);
    expect((await extractText(pdf, "pdf", LIMITS)).textStatus).toBe("extracted");
  });
});

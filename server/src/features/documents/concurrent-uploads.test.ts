import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { pdfWith, submit } from "../../../test/documents.js";

describe("concurrent uploads of one document", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("[R2.2-2] four versions uploaded at once are all kept, numbered 1 to 4, with no 500", async () => {
    const coordinator = await t.as({ role: "municipality", municipality: "1480" });
    const pdf = await pdfWith([{ heading: "Utbildnings- och övningsplan", body: "Göteborgs plan." }]);
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        submit(coordinator, "1480", { type: "trainingAndExercisePlan", files: [{ name: "plan.pdf", content: pdf }] }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    const list = (await coordinator.get("/api/v1/municipalities/1480/documents?period=2023")).json();
    const item = list.items.find((i: { type: string }) => i.type === "trainingAndExercisePlan");
    expect(item.versions.map((v: { versionNo: number }) => v.versionNo).sort()).toEqual([1, 2, 3, 4]);
  });
});

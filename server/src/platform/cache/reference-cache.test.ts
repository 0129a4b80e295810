import { describe, expect, it } from "vitest";
import type { Executor } from "../../db/client.js";
import { ReferenceCache, forgetReferenceData } from "./reference-cache.js";

const databaseA = {} as Executor;
const databaseB = {} as Executor;

describe("reference cache", () => {
  it("[issue 10.1] loads once within its time, per database", async () => {
    const cache = new ReferenceCache<number>(60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get(databaseA, "14", load)).toBe(1);
    expect(await cache.get(databaseA, "14", load)).toBe(1);
    expect(await cache.get(databaseB, "14", load)).toBe(2);
    expect(await cache.get(databaseA, "01", load)).toBe(3);
  });

  it("[issue 10.1] loads again after its time has passed", async () => {
    const cache = new ReferenceCache<number>(1);
    let loads = 0;
    await cache.get(databaseA, "14", async () => ++loads);
    await new Promise((r) => setTimeout(r, 5));
    expect(await cache.get(databaseA, "14", async () => ++loads)).toBe(2);
  });

  it("[issue 10.1] forgets everything after a write", async () => {
    const cache = new ReferenceCache<string>(60_000);
    await cache.get(databaseA, "14", async () => "before");
    forgetReferenceData();
    expect(await cache.get(databaseA, "14", async () => "after")).toBe("after");
  });

  it("[issue 10.1] does not keep a value read while a write was forgetting (it may predate the commit)", async () => {
    const cache = new ReferenceCache<string>(60_000);
    let release!: () => void;
    const slow = cache.get(
      databaseA,
      "14",
      () => new Promise<string>((r) => (release = () => r("read before commit"))),
    );
    forgetReferenceData();
    release();
    expect(await slow).toBe("read before commit");
    expect(await cache.get(databaseA, "14", async () => "read after commit")).toBe("read after commit");
  });
});

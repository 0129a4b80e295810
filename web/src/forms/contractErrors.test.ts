import { LoginBody, UserCreate } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "../api/client";
import { contractErrors, placeServerError, staleVersion } from "./contractErrors";
import { dialogueSv } from "../features/dialogue/strings";

describe("contract errors", () => {
  it("[issue 10 item 13] an empty login names each field in Swedish, with no technical path", () => {
    const result = contractErrors(LoginBody, { email: "", password: "" });
    expect(result).toEqual({
      success: false,
      errors: { email: "Ange e-postadress.", password: "Ange lösenord." },
    });
  });

  it("uses the contract's own message, else a Swedish one by issue code", () => {
    const schema = z.object({ name: z.string().min(1), count: z.number().max(3), kind: z.enum(["a", "b"]) });
    const result = contractErrors(schema, { count: 5, kind: "c" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual({
      name: "Fältet måste fyllas i.",
      count: "Värdet får vara högst 3.",
      kind: "Välj ett av alternativen.",
    });
    const user = contractErrors(UserCreate, { email: "x", name: "N", role: "admin", password: "kort" });
    expect(user.success === false && user.errors.password).toBe("Lösenordet ska ha minst 12 tecken.");
  });

  it("returns the contract's output when the input passes", () => {
    expect(contractErrors(LoginBody, { email: " A@B.se ", password: "x" })).toEqual({
      success: true,
      data: { email: "a@b.se", password: "x" },
    });
  });
});

describe("server errors on fields", () => {
  const fields = new Set(["email", "toUserId"]);
  const fieldFor = (path: string) => (fields.has(path) ? path : undefined);

  it("puts a validation issue on the field it names", () => {
    const error = new ApiError(400, "validation", "Ogiltig indata (body.email): Ange en giltig e-postadress.", "r1", {
      issues: [{ path: "body.email", message: "Ange en giltig e-postadress." }],
    });
    expect(placeServerError(error, fieldFor)).toEqual({
      fields: { email: "Ange en giltig e-postadress." },
      formError: null,
    });
  });

  it("puts a service's `{ field }` on that field", () => {
    const error = new ApiError(400, "validation", "Välj en annan handläggare att lämna över till.", "r2", {
      field: "toUserId",
    });
    expect(placeServerError(error, fieldFor).fields).toEqual({
      toUserId: "Välj en annan handläggare att lämna över till.",
    });
  });

  it("keeps other refusals on the form, without the technical path", () => {
    const error = new ApiError(400, "validation", "Ogiltig indata (body.period): Förväntade ett tal.", "r3", {
      issues: [{ path: "body.period", message: "Förväntade ett tal." }],
    });
    const placed = placeServerError(error, fieldFor);
    expect(placed.fields).toEqual({});
    expect((placed.formError as ApiError).message).toBe("Förväntade ett tal.");
    expect((placed.formError as ApiError).requestId).toBe("r3");
    const conflict = new ApiError(409, "conflict", "Finns redan.", "r4");
    expect(placeServerError(conflict, fieldFor)).toEqual({ fields: {}, formError: conflict });
  });
});

describe("[issue 9 item 10] a stale update", () => {
  it("[issue 9 item 10] reads the current version from the server's 409, and nothing else", () => {
    const stale = new ApiError(409, "conflict", "Anteckningen har ändrats sedan du öppnade den.", "r5", { version: 3 });
    expect(staleVersion(stale)).toBe(3);
    expect(staleVersion(new ApiError(409, "conflict", "Finns redan.", "r6"))).toBeNull();
    expect(staleVersion(new ApiError(400, "validation", "Ogiltig indata.", "r7", { version: 3 }))).toBeNull();
    expect(staleVersion(new Error("nätverksfel"))).toBeNull();
  });

  it("[issue 9 item 10] the dialogue form says in Swedish which version is current and that nothing was saved", () => {
    expect(dialogueSv.edit.conflict).toMatch(
      /version \{\{current\}\}.*version \{\{loaded\}\}.*inget av det du skrev har sparats/,
    );
  });
});

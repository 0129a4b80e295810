import { ApiError } from "../../api/client";
import { describe, expect, it } from "vitest";
import {
  answerText,
  choicesAnswer,
  commentsToSend,
  defaultYear,
  missingOf,
  numberAnswer,
  numberValue,
  questionAnchor,
  returnComments,
  saveBody,
  textAnswer,
  yesNoAnswer,
  yesNoValue,
  type FieldSpec,
} from "./model";

const words = { yes: "Ja", no: "Nej", none: "Ej besvarad", language: "sv" };
const spec = (type: FieldSpec["type"], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key: "fraga",
  type,
  label: "Fråga",
  required: false,
  help: "",
  ...extra,
});

describe("annual report answers ↔ field values", () => {
  it("[R2.4-2] yes/no is a boolean answer and a radio value", () => {
    expect(yesNoValue(true)).toBe("yes");
    expect(yesNoValue(false)).toBe("no");
    expect(yesNoValue(null)).toBe("");
    expect(yesNoAnswer("yes")).toBe(true);
    expect(yesNoAnswer("no")).toBe(false);
    expect(yesNoAnswer("")).toBeNull();
  });

  it("[R2.4-2] numbers and amounts: half-typed or empty input is no answer, a comma is a decimal point", () => {
    expect(numberAnswer(1234567)).toBe(1234567);
    expect(numberAnswer("")).toBeNull();
    expect(numberAnswer("-")).toBeNull();
    expect(numberAnswer("2,5")).toBe(2.5);
    expect(numberAnswer("1 234")).toBe(1234);
    expect(numberValue(null)).toBe("");
    expect(numberValue(7)).toBe(7);
  });

  it("[R2.4-2] empty text and an empty choice list are no answer (the required check counts them missing)", () => {
    expect(textAnswer("")).toBeNull();
    expect(textAnswer("Övning i mars")).toBe("Övning i mars");
    expect(choicesAnswer([])).toBeNull();
    expect(choicesAnswer(["ovning"])).toEqual(["ovning"]);
  });

  it("[R2.4-2] answers in words: Ja/Nej, choice labels, Swedish amounts and numbers", () => {
    const choices = [
      { value: "god", label: "God förmåga" },
      { value: "viss", label: "Viss förmåga" },
    ];
    expect(answerText(spec("yesNo"), false, words)).toBe("Nej");
    expect(answerText(spec("singleChoice", { choices }), "god", words)).toBe("God förmåga");
    expect(answerText(spec("multipleChoice", { choices }), ["viss", "god"], words)).toBe("Viss förmåga, God förmåga");
    expect(answerText(spec("amount"), 1234567, words)).toBe("1 234 567 kr");
    expect(answerText(spec("number"), 2.5, words)).toBe("2,5");
    expect(answerText(spec("date"), "2026-12-01", words)).toBe("2026-12-01");
    expect(answerText(spec("text"), null, words)).toBe("Ej besvarad");
    expect(answerText(spec("multipleChoice", { choices }), [], words)).toBe("Ej besvarad");
  });
});

describe("annual report autosave and submission", () => {
  it("[R2.4-2] an autosave sends the complete cost lines and waits for those without an amount", () => {
    const { body, waiting, duplicate } = saveBody(3, { krisledningOvat: true }, [
      { part: "del1", category: "personal", amount: 120000, manualCompilation: false },
      { part: "del1", category: "utbildning", amount: "", manualCompilation: true },
    ]);
    expect(body).toEqual({
      version: 3,
      answers: { krisledningOvat: true },
      costs: [{ part: "del1", category: "personal", amount: 120000, manualCompilation: false }],
    });
    expect(waiting).toBe(1);
    expect(duplicate).toBe(false);
    const twice = saveBody(3, {}, [
      { part: "del1", category: "personal", amount: 1, manualCompilation: false },
      { part: "del1", category: "personal", amount: 2, manualCompilation: false },
    ]);
    expect(twice.duplicate).toBe(true);
  });

  it("[R2.4-2] a refused submission lists every missing answer from details.missing, with its place in the form", () => {
    const missing = [
      { questionKey: "krisledningOvat", label: "Har krisledningsnämnden övats?", part: "indicators" },
      { questionKey: "handelser", label: "Händelser, rad 1: Datum", part: "events", row: 0, field: "datum" },
    ];
    const error = new ApiError(400, "invalid", "Obligatoriska svar saknas.", "req-1", { missing });
    expect(missingOf(error)).toEqual(missing);
    expect(missingOf(new ApiError(409, "conflict", "Ändrad", null))).toBeNull();
    expect(missingOf(new ApiError(400, "invalid", "Fel", null, [{ field: "answers" }]))).toBeNull();
    expect(questionAnchor("krisledningOvat")).toBe("annual-q-krisledningOvat");
    expect(questionAnchor("handelser", 0, "datum")).toBe("annual-q-handelser-0-datum");
  });

  it("[R2.4-2] the tab opens on the latest year not accepted, else the latest", () => {
    const status = { 2025: "accepted", 2026: "draft" } as const;
    expect(defaultYear([2025, 2026], (y) => status[y as 2025 | 2026])).toBe(2026);
    expect(defaultYear([2026, 2025], () => "accepted")).toBe(2026);
    expect(defaultYear([2024, 2025, 2026], (y) => (y === 2024 ? "returned" : "accepted"))).toBe(2024);
  });

  it("[R2.4-2] the county's comments: sent per question in form order, shown beside their questions when returned", () => {
    expect(
      commentsToSend({ economy: "Kostnaderna saknas.", krisledningOvat: "  Ange datum. ", rsa: " " }, [
        "krisledningOvat",
        "rsa",
        "economy",
      ]),
    ).toEqual([
      { questionKey: "krisledningOvat", text: "Ange datum." },
      { questionKey: "economy", text: "Kostnaderna saknas." },
    ]);
    const round = {
      number: 1,
      submittedAt: "2026-11-20T10:00:00Z",
      submittedBy: null,
      returnedAt: "2026-11-25T10:00:00Z",
      returnedBy: null,
      comments: [{ questionKey: "krisledningOvat", text: "Ange datum." }],
      message: "",
      acceptedAt: null,
      acceptedBy: null,
      answers: {},
    };
    expect(returnComments({ status: "returned", rounds: [round] }).get("krisledningOvat")).toEqual(["Ange datum."]);
    expect(returnComments({ status: "submitted", rounds: [round] }).size).toBe(0);
  });
});

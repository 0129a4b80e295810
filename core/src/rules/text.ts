/*
 * Characters no stored text may hold: PostgreSQL refuses NUL (U+0000) in text and jsonb, and a lone UTF-16
 * surrogate in jsonb ("unsupported Unicode escape sequence"). A surrogate pair (an emoji) is fine.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds a NUL character or a lone UTF-16 surrogate. */
export function hasForbiddenCharacter(value: string): boolean {
  return value.includes("\u0000") || LONE_SURROGATE.test(value);
}

export const FORBIDDEN_CHARACTER_MESSAGE =
  "Texten innehåller ett tecken som inte kan sparas (NUL-tecken eller ett ensamt UTF-16-surrogat).";

/** Dates the system stores: real calendar dates in this range (JavaScript takes year 0000, PostgreSQL does not). */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2100-12-31";
export const isDateInRange = (isoDate: string) => isoDate >= EARLIEST_DATE && isoDate <= LATEST_DATE;
export const DATE_RANGE_MESSAGE = `Datumet ska ligga mellan ${EARLIEST_DATE} och ${LATEST_DATE}.`;

/** Strings of the county-wide document pages, clearances and the criteria library. Same keys in both languages. */
export const oversightSv = {};
export const oversightEn: typeof oversightSv = {};

/** Swedish sort order: Å, Ä, Ö after Z. */
export const swedishCollator = new Intl.Collator("sv-SE", { sensitivity: "base", numeric: true });
export const compareSwedish = (a: string, b: string): number => swedishCollator.compare(a, b);

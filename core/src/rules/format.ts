const amountFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });

/** 1234567 → "1 234 567 kr" (with a regular space, which reads the same and copies cleanly). */
export function formatAmount(value: number): string {
  return `${amountFormat.format(value).replace(/\s/g, " ")} kr`;
}

import { formatDateTime } from "./datetime";

/** The Stockholm calendar date of an instant, e.g. "2026-11-27". */
export function formatDate(iso: string): string {
  return formatDateTime(iso).slice(0, 10);
}

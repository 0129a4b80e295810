/** How long a login key waits after its failures: none below the threshold, then base, doubling, up to max. */
export function loginThrottleDelayMs(
  failures: number,
  threshold: number,
  baseDelayMs: number,
  maxDelayMs: number,
): number | null {
  if (failures < threshold) return null;
  const doublings = Math.min(failures - threshold, 40);
  return Math.min(baseDelayMs * 2 ** doublings, maxDelayMs);
}

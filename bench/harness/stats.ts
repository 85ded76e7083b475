/** Percentile of a sample (nearest rank), in the sample's unit; null for an empty sample. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface LatencySummary {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  mean: number | null;
  max: number | null;
}

export function summarise(latencies: readonly number[]): LatencySummary {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : null,
    max: s.length ? s[s.length - 1]! : null,
  };
}

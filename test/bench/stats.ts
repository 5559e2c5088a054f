/** Exact percentiles over all samples (the benchmark keeps every one). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export function concatSorted(parts: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((n, part) => n + part.length, 0))
  let offset = 0
  for (const part of parts) {
    all.set(part, offset)
    offset += part.length
  }
  return all.sort()
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 50)
}

export interface CallTimes {
  calls: number
  totalMs: number
  p50Ms: number
  p99Ms: number
  maxMs: number
}

/** Durations of repeated calls, summarized. */
export function summarize(times: readonly number[]): CallTimes {
  const sorted = Float64Array.from(times).sort()
  return {
    calls: sorted.length,
    totalMs: sorted.reduce((a, b) => a + b, 0),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: percentile(sorted, 100),
  }
}

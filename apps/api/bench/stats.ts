// Latency statistics over per-request samples (milliseconds).

export interface Stats {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function summarize(samples: number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    n: sorted.length,
    min: round(sorted[0]!),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1)!),
    mean: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
  };
}

/**
 * Times two ways of answering the same question, interleaved: each iteration runs `a` then `b`,
 * sequentially, after `warmup` unmeasured rounds. Interleaving keeps both under the same conditions
 * (other load on the machine, caches) and keeps the HTTP keep-alive connection from idling out while
 * the other side runs.
 */
export async function measurePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  { warmup, iterations }: { warmup: number; iterations: number },
): Promise<[Stats, Stats]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let start = performance.now();
    await a();
    samplesA.push(performance.now() - start);
    start = performance.now();
    await b();
    samplesB.push(performance.now() - start);
  }
  return [summarize(samplesA), summarize(samplesB)];
}

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

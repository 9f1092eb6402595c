// Timing helpers for benchmarks: warm up, run, report percentiles.
export interface Timing {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export async function measure(
  n: number,
  fn: (i: number) => Promise<unknown>,
  warmup = Math.min(20, n),
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(times.at(-1)!),
    mean: round(times.reduce((a, b) => a + b, 0) / n),
  };
}

export async function once(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return Math.round(performance.now() - t);
}

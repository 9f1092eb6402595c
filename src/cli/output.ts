// Output helpers: --json prints machine-readable JSON; otherwise aligned text.
import { AppError } from '../platform/errors.ts';

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function printTable(rows: Record<string, unknown>[], columns?: string[]): void {
  if (rows.length === 0) {
    console.log('(không có dòng nào / no rows)');
    return;
  }
  const cols = columns ?? Object.keys(rows[0]);
  const cell = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(cols));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
}

/** Prints an error a person can act on and sets a non-zero exit code. */
export function reportError(err: unknown, json: boolean): void {
  if (err instanceof AppError) {
    if (json)
      printJson({
        type: err.type,
        status: err.status,
        title: err.title.en,
        detail: err.detail.en,
        detail_vi: err.detail.vi,
        ...err.extra,
      });
    else console.error(`Lỗi: ${err.detail.vi}\nError: ${err.detail.en}`);
    process.exitCode = err.status >= 500 ? 1 : 2;
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (json) printJson({ type: 'internal', detail: message });
  else console.error(`Lỗi / Error: ${message}`);
  process.exitCode = 1;
}

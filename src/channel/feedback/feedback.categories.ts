// The categories a citizen may choose, read once from data/channel/feedback-categories.csv (its README says what
// each column means and where each deadline comes from). The level decides which unit in force answers; the
// periods decide the due date (feedback.deadline.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export const CATEGORIES_CSV = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/channel/feedback-categories.csv',
);

const Row = z.object({
  code: z.string().regex(/^[a-z_]{1,50}$/),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  level: z.enum(['commune', 'province']),
  accept_days: z.coerce.number().int().min(0).max(60),
  answer_days: z.coerce.number().int().min(1).max(180),
  day_kind: z.enum(['working', 'calendar']),
  basis: z.string().min(1),
  verified: z.enum(['yes', 'partly', 'no']),
  source: z.string().min(1),
});
export type Category = z.infer<typeof Row>;

export function readCategories(file = CATEGORIES_CSV): Category[] {
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as unknown[];
  const out = rows.map((r, i) => {
    const parsed = Row.safeParse(r);
    if (!parsed.success) throw new Error(`${file}:${i + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
  const codes = new Set(out.map((c) => c.code));
  if (codes.size !== out.length) throw new Error(`${file}: a category code appears twice`);
  return out;
}

export const CATEGORIES: readonly Category[] = readCategories();
const BY_CODE = new Map(CATEGORIES.map((c) => [c.code, c]));

export function categoryOf(code: string): Category | undefined {
  return BY_CODE.get(code);
}

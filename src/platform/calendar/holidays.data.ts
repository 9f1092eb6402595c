// The holiday calendar shipped in data/calendar/public-holidays-vn.csv (with its sources): read and checked, so
// the test can hold the migration that seeds it (0030) to the file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { IsoDate } from '../schemas.ts';

export const HOLIDAYS_CSV = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/calendar/public-holidays-vn.csv',
);

const Row = z.object({
  day: IsoDate,
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  status: z.enum(['announced', 'provisional']),
  basis: z.string().min(1),
  source: z.string().min(1),
});
export type HolidayRow = z.infer<typeof Row>;

export function readHolidayFile(file = HOLIDAYS_CSV): HolidayRow[] {
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as unknown[];
  return rows.map((r, i) => {
    const parsed = Row.safeParse(r);
    if (!parsed.success) throw new Error(`${file}:${i + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
}

// The answer deadline of an item, fixed at submission from its category (data/channel/feedback-categories.csv):
// receipt day, then the acceptance period in working days (Luật Khiếu nại 2011 Điều 27: 10; Luật Tố cáo 2018: 7),
// then the answer period in working or calendar days as the law words it. A period in calendar days that ends on
// a weekend or a holiday ends on the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5). Working days skip
// weekends and public_holidays (data/calendar/public-holidays-vn.csv, Tết included).
import type { Db } from '../../platform/db/db.ts';
import { workingDayAfter } from '../../platform/calendar/holidays.store.ts';
import type { Category } from './feedback.categories.ts';

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export async function dueDate(
  db: Db,
  c: Pick<Category, 'accept_days' | 'answer_days' | 'day_kind'>,
  receivedOn: string,
) {
  const accepted = c.accept_days > 0 ? await workingDayAfter(db, receivedOn, c.accept_days) : receivedOn;
  if (c.day_kind === 'working') return workingDayAfter(db, accepted, c.answer_days);
  const end = addDays(accepted, c.answer_days);
  // The first working day on or after `end`.
  return workingDayAfter(db, addDays(end, -1), 1);
}

// Day arithmetic on 'YYYY-MM-DD' strings without Date objects: the engine runs
// on a million tasks, and parsing through Date (with its time zone) is both
// slower and a source of off-by-one-day bugs around midnight.

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string (proleptic Gregorian, H. Hinnant's algorithm). */
export function dayNumber(date: string): number {
  const y0 = digits(date, 0, 4),
    m = digits(date, 5, 2),
    d = digits(date, 8, 2);
  if (date.length < 10 || Number.isNaN(y0 + m + d) || m < 1 || m > 12 || d < 1 || d > 31) {
    throw new Error(`Ngày không hợp lệ / Invalid date: "${date}" (expected YYYY-MM-DD)`);
  }
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The 'YYYY-MM-DD' string of a day number (inverse of dayNumber). */
export function dateOf(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const addDays = (date: string, days: number): string => dateOf(dayNumber(date) + days);

/** Reads a fixed-width run of ASCII digits; NaN on anything else. */
function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

// Number and date formatting that follows the chosen language:
// Vietnamese writes 3.359,8 and 01/07/2025, English 3,359.8 and 01/07/2025 too
// (dates stay day-first because every legal document is dated that way).
import dayjs from 'dayjs';
import i18n from '../i18n';

function numberLocale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'vi-VN';
}

export function formatNumber(value: number | null | undefined, maxDecimals = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: maxDecimals }).format(value);
}

export function formatPct(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumber(value, 1)}%`;
}

export function formatArea(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatNumber(value, 2)} km²`;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY') : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm:ss') : value;
}

/** The API's date format for `asOf`, `from`, `to`. */
export const API_DATE = 'YYYY-MM-DD';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A reporting period as an official writes it: 2026-Q4 → "Quý IV/2026", 2026-03 → "Tháng 3/2026" (en: "Q4 2026", "03/2026"). */
export function formatPeriod(period: string | null | undefined): string {
  if (!period) return '—';
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return i18n.language === 'en' ? `Q${q[2]} ${q[1]}` : `Quý ${ROMAN[Number(q[2]) - 1]}/${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return i18n.language === 'en' ? `${m[2]}/${m[1]}` : `Tháng ${Number(m[2])}/${m[1]}`;
  return period;
}

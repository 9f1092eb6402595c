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

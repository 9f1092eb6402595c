// Appendix IA tables as CSV text for the upload tests, of any size.
import { COLUMNS } from '../../staffing/tables/tables.layout.ts';

export const HEADER = COLUMNS.join(',');

export const csvRows = (n: number, row: (i: number) => string) => {
  const parts = [HEADER];
  for (let i = 1; i <= n; i++) parts.push(row(i));
  return `${parts.join('\n')}\n`;
};

/** A consistent national-size table: a total row and `n` units under it. */
export const legitTable = (n: number) =>
  csvRows(n + 1, (i) => (i === 1 ? `,,Tổng cộng,${n},${n},0,0,,,,,,,,` : `${i - 1},,Đơn vị ${i - 1},1,1,0,,,,,,,,,`));

export type Made = 'million.csv' | 'bomb.xlsx' | 'rows.csv' | 'national.csv' | 'document.json';
/** One upload for sender.testing.ts: where, as whom, and which file it makes. */
export interface Job {
  url: string;
  headers: Record<string, string>;
  make: Made;
}

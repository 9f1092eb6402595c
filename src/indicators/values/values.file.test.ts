// Reading a values file: CSV and .xlsx give the same rows; a header without the required columns is refused.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { readValuesFile, rowInput } from './values.file.ts';

const HEADER = ['indicator', 'unit', 'period', 'value', 'status', 'source', 'known_from'];

describe('values file', () => {
  it('reads an .xlsx sheet like a CSV: numbers as their decimals, a date cell as YYYY-MM-DD', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('values');
    ws.addRow(HEADER);
    ws.addRow(['GRDP', '17', '2024', 62000.5, 'official', 'GSO', new Date(Date.UTC(2025, 2, 1))]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const csv = Buffer.from(`${HEADER.join(',')}\nGRDP,17,2024,62000.5,official,GSO,2025-03-01\n`);
    const fromXlsx = (await readValuesFile('v.xlsx', xlsx)).map((r) => rowInput(r));
    const fromCsv = (await readValuesFile('v.csv', csv)).map((r) => rowInput(r));
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromCsv).toEqual([
      {
        indicator: 'GRDP',
        unit: '17',
        period: '2024',
        value: '62000.5',
        status: 'official',
        source: 'GSO',
        known_from: '2025-03-01',
      },
    ]);
  });
  it('names the missing columns', async () => {
    const err = await readValuesFile('v.csv', Buffer.from('indicator,unit\nGRDP,17\n')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).detail.en).toContain('lacks period, status, source, known_from');
  });
});

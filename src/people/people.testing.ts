// Test helpers of the people module: a register workbook in the import layout, and rows with defaults.
import ExcelJS from 'exceljs';
import { COLUMNS } from './register/register.sheet.ts';

export type Cells = Partial<Record<(typeof COLUMNS)[number], string | number | Date>>;

export function personCells(i: number, over: Cells = {}): Cells {
  return {
    STT: i,
    'Họ và tên': `Nguyễn Văn Thử ${i}`,
    'Ngày sinh': '15/03/1970',
    'Giới tính (Nam/Nữ)': 'Nam',
    'Số định danh cá nhân': `0010700${String(i).padStart(5, '0')}`,
    'Đối tượng': 'Công chức',
    'Chức vụ': 'Chuyên viên',
    'Ngạch, chức danh': 'Chuyên viên',
    'Hệ số lương': '4,98',
    'Hệ số phụ cấp chức vụ': 0.2,
    'Phụ cấp khác (đồng/tháng)': '1.500.000',
    'Thời gian đóng BHXH bắt buộc (năm)': 25,
    'Thời gian đóng BHXH bắt buộc (tháng lẻ)': 6,
    ...over,
  };
}

export async function registerWorkbook(rows: Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow([...COLUMNS]);
  for (const r of rows) ws.addRow(COLUMNS.map((c) => r[c] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// The safety net under request validation: a PostgreSQL refusal caused by the data
// of a request (SQLSTATE class 22, data exception: a number out of range 22003, a
// date out of range 22008, a character that cannot be stored 22021, text that is
// not a number 22P02; class 23, integrity constraint violation) becomes a 4xx
// problem, with nothing saved (the transaction rolled back before the error got
// here). It still means a validation is missing, so the HTTP layer logs it as a
// warning with its SQLSTATE, and the API fuzz test (fuzz.test.ts) fails on it.
// Every other database error (a bad query, a missing table, a lost connection) is
// a genuine bug or outage and stays a 500, logged as an error.
import { AppError } from '../errors.ts';

/** The SQLSTATE of a PostgreSQL error (pg and PGlite both set `code`), when it is one of the two input classes. */
export function inputSqlState(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code) ? code : null;
}

export function databaseRefusal(err: unknown): AppError | null {
  const code = inputSqlState(err);
  if (!code) return null;
  if (code.startsWith('22') || code === '23502') {
    return new AppError(
      400,
      'database-invalid-value',
      { vi: 'Giá trị không lưu được', en: 'Value cannot be stored' },
      {
        vi: 'Một giá trị gửi lên nằm ngoài những gì cơ sở dữ liệu lưu được (số quá lớn, ngày không hợp lệ hoặc ký tự không lưu được); không có gì được lưu. Hãy kiểm tra lại các số và ngày đã nhập.',
        en: 'A value sent is outside what the database can store (a number too large, an invalid date or a character that cannot be stored); nothing was saved. Check the numbers and dates you entered.',
      },
      { sqlState: code },
    );
  }
  return new AppError(
    409,
    'database-conflict',
    { vi: 'Xung đột dữ liệu', en: 'Conflict' },
    {
      vi: 'Thay đổi này mâu thuẫn với dữ liệu đã có (trùng lặp, tham chiếu tới mục không tồn tại, hoặc trái một quy tắc của dữ liệu); không có gì được lưu. Hãy tải lại trang rồi thử lại.',
      en: 'This change conflicts with the data already there (a duplicate, a reference to something that does not exist, or a broken data rule); nothing was saved. Reload and try again.',
    },
    { sqlState: code },
  );
}

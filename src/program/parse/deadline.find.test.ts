// A deadline is taken from a task sentence only when the sentence names one
// period after a deadline word; cited documents' dates and title horizons are not deadlines.
import { describe, expect, it } from 'vitest';
import { findDeadlineInText } from './deadline.find.ts';

const REF = { referenceDate: '2025-03-10' };

describe('findDeadlineInText', () => {
  it.each([
    [
      'Strive to improve the ranking … in the top 3 countries of ASEAN and the top 30 countries in the world by 2030.',
      'by 2030',
      'year',
      '2030-01-01',
      '2030-12-31',
    ],
    [
      'Deploy a roadmap for implementing universal preschool education; by 2030, 100% of provinces will meet the standards.',
      'by 2030',
      'year',
      '2030-01-01',
      '2030-12-31',
    ],
    [
      'strive to complete the Lao Cai - Hanoi - Hai Phong railway line before 2030.',
      'before 2030',
      'year',
      '2030-01-01',
      '2030-12-31',
    ],
    [
      'Submit the draft Decree in the fourth quarter of 2026.',
      'in the fourth quarter of 2026',
      'quarter',
      '2026-10-01',
      '2026-12-31',
    ],
    [
      'Bộ Nội vụ chủ trì xây dựng Đề án, trình Thủ tướng Chính phủ trong quý IV/2026.',
      'trong quý IV/2026',
      'quarter',
      '2026-10-01',
      '2026-12-31',
    ],
    ['Hoàn thành trước ngày 01/6/2026; báo cáo kết quả.', 'trước ngày 01/6/2026', 'date', '2026-06-01', '2026-06-01'],
    [
      'Review the list from now until June 30, 2025 and report.',
      'from now until June 30, 2025',
      'range',
      '2025-03-10',
      '2025-06-30',
    ],
    ['Xây dựng Quy chế phối hợp; thời hạn: tháng 6/2026.', 'tháng 6/2026', 'month', '2026-06-01', '2026-06-30'],
    ['Thời gian hoàn thành: 2026 - 2030', '2026 - 2030', 'range', '2026-01-01', '2030-12-31'],
    ['Ban hành Nghị quyết về chính sách hỗ trợ (quý II/2027).', 'quý II/2027', 'quarter', '2027-04-01', '2027-06-30'],
    [
      'Số hóa hồ sơ lưu trữ, hoàn thành trong 6 tháng cuối năm 2027.',
      'hoàn thành trong 6 tháng cuối năm 2027',
      'half',
      '2027-07-01',
      '2027-12-31',
    ],
    [
      'Complete the survey by June 1, 2026, then publish it by June 1, 2026.',
      'by June 1, 2026',
      'date',
      '2026-06-01',
      '2026-06-01',
    ],
  ])('%s', (sentence, phrase, kind, start, end) => {
    expect(findDeadlineInText(sentence, REF)).toEqual({ kind, start, end, text: phrase });
  });

  it.each([
    ['national defense in the period of 2026 - 2030, with a vision to 2045.'],
    ['Implementing Resolution No. 71/NQ-CP, dated April 1, 2025 of the Government.'],
    ['Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học.'],
    ['Chiến lược phát triển ngành đến năm 2030, tầm nhìn đến năm 2045.'],
    ['Attract 45 - 50 million international tourists.'],
    ['Reach 2 million enterprises by 2030 and 3 million by 2035.'],
    ['The plan adopted in 2024 is implemented.'],
    ['payroll of the political system in the period of 2026 - 2031.'],
    ['Báo cáo kết quả thực hiện hằng năm.'],
    ['(There is a list of accompanying projects and tasks).'],
  ])('finds no confident deadline in %j', (sentence) => {
    expect(findDeadlineInText(sentence, REF)).toBeNull();
  });

  it('can be limited to one language', () => {
    const sentence = 'Trình Chính phủ trong quý IV/2026.';
    expect(findDeadlineInText(sentence, { lang: 'en' })).toBeNull();
    expect(findDeadlineInText(sentence, { lang: 'vi' })?.kind).toBe('quarter');
  });
});

// Redaction of what is published: the ways people write phones, e-mails and ID numbers, the reporter's name in
// any case, and ordinary numbers (house numbers, dates, decrees, amounts) left alone. Also the tracking codes.
import { describe, expect, it } from 'vitest';
import { MASKS, carriesPersonalData, redact } from './feedback.redact.ts';
import { CODE_PATTERN, newTrackingCode, normaliseCode } from './feedback.code.ts';

describe('redact', () => {
  it.each([
    ['gọi 0912345678 nhé', `gọi ${MASKS.phone} nhé`],
    ['gọi 0912 345 678', `gọi ${MASKS.phone}`],
    ['gọi 0912.345.678', `gọi ${MASKS.phone}`],
    ['gọi +84 912 345 678', `gọi ${MASKS.phone}`],
    ['máy bàn 024 3823 4567', `máy bàn ${MASKS.phone}`],
    ['thư an.nguyen+pa@example.gov.vn ạ', `thư ${MASKS.email} ạ`],
    ['CCCD 001204012345', `CCCD ${MASKS.id}`],
    ['CCCD 0012 0401 2345', `CCCD ${MASKS.id}`],
  ])('masks %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
    expect(carriesPersonalData(text)).toBe(true);
  });

  it.each([
    'Số nhà 12, ngõ 345 phố Kim Mã',
    'Từ ngày 01/07/2025 theo Nghị định 120/2025/NĐ-CP',
    'Số tiền 1.500.000 đồng, diện tích 250,5 m2',
    'Năm 2026 có 5 ngày Tết',
  ])('leaves ordinary numbers alone: %s', (text) => {
    expect(redact(text)).toBe(text);
    expect(carriesPersonalData(text)).toBe(false);
  });

  it("masks the reporter's own name in any case, and nothing shorter than two letters", () => {
    expect(redact('Tôi là NGUYỄN VĂN AN, nhà ông Nguyễn Văn An', ['Nguyễn Văn An'])).toBe(
      `Tôi là ${MASKS.name}, nhà ông ${MASKS.name}`,
    );
    expect(redact('A b c', ['a', '', null])).toBe('A b c');
  });
});

describe('tracking codes', () => {
  it('are random, well formed, and read back however they are typed', () => {
    const codes = new Set(Array.from({ length: 1000 }, newTrackingCode));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(CODE_PATTERN);
    expect(normaliseCode(' pa 1o2i-3l4k-5678 ')).toBe('PA-1021-314K-5678');
  });
});

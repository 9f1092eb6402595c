// Redaction of what is published: the ways people write phones, e-mails and ID numbers, the reporter's name in
// any case, and ordinary numbers (house numbers, dates, decrees, amounts) left alone.
import { describe, expect, it } from 'vitest';
import { MASKS, carriesPersonalData, redact, redactCounted } from './redact.ts';

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

describe('redactCounted', () => {
  it('counts every mask, ID numbers in groups of three too', () => {
    const r = redactCounted('Gọi 0912 345 678, thư a@b.vn, CCCD 001 203 004 006. Năm 2025 có 3.321 xã.');
    expect(r.text).toBe(`Gọi ${MASKS.phone}, thư ${MASKS.email}, CCCD ${MASKS.id}. Năm 2025 có 3.321 xã.`);
    expect(r.count).toBe(3);
  });
});

import { describe, it, expect } from 'vitest';
import {
  canonicalFullName,
  compareNames,
  foldVietnamese,
  nameKey,
  normaliseName,
  splitPrefix,
  tidyText,
} from './vn-text.ts';

describe('foldVietnamese', () => {
  it('folds tone-mark placement, case and Unicode form the same', () => {
    const forms = ['Hòa', 'Hoà', 'HOÀ', 'HOA', 'hoa', 'Hòa'.normalize('NFD'), 'Hoà'.normalize('NFD')];
    for (const f of forms) expect(foldVietnamese(f)).toBe('hoa');
  });

  it('removes all diacritics, maps đ to d, collapses spaces and apostrophes', () => {
    expect(foldVietnamese('Đắk Lắk')).toBe('dak lak');
    expect(foldVietnamese('  Huyện  Vũng\u00A0Liêm ')).toBe('huyen vung liem');
    expect(foldVietnamese('Phường B’Lao')).toBe(foldVietnamese("Phường B'Lao"));
    expect(foldVietnamese('Ninh BÌnh')).toBe('ninh binh');
  });
});

describe('nameKey', () => {
  it('ignores tone-mark placement but keeps the tone and vowel marks', () => {
    expect(nameKey('Hòa Bình')).toBe(nameKey('Hoà Bình'));
    expect(nameKey('Tỉnh Hoà Bình'.normalize('NFD'))).toBe(nameKey('tỉnh hòa bình'));
    // Distinct communes of the same province in 2025 that folding would merge:
    expect(nameKey('Văn Lang')).not.toBe(nameKey('Văn Lăng'));
    expect(nameKey('Tân Thành')).not.toBe(nameKey('Tân Thạnh'));
    expect(nameKey('Ba Tô')).not.toBe(nameKey('Ba Tơ'));
  });
});

describe('normaliseName', () => {
  it('strips the unit prefix for matching', () => {
    expect(normaliseName('Thủ đô Hà Nội')).toBe('Hà Nội');
    expect(normaliseName('Thành phố Hà Nội')).toBe('Hà Nội');
    expect(nameKey(normaliseName('Thủ đô Hà Nội'))).toBe(nameKey(normaliseName('thành phố Hà Nội')));
    for (const [full, name] of [
      ['Tỉnh Bà Rịa - Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
      ['Quận Ba Đình', 'Ba Đình'],
      ['Huyện Côn Đảo', 'Côn Đảo'],
      ['Thị xã Sơn Tây', 'Sơn Tây'],
      ['Xã An Khánh', 'An Khánh'],
      ['Phường 4', '4'],
      ['Thị trấn Ái Tử', 'Ái Tử'],
      ['Đặc khu Phú Quốc', 'Phú Quốc'],
      ['tỉnh Cao Bằng', 'Cao Bằng'],
      ['Thị Trấn Óc Eo', 'Óc Eo'],
    ])
      expect(normaliseName(full)).toBe(name);
  });

  it('strips one prefix only, and never a syllable that merely looks like one', () => {
    expect(normaliseName('Phường Phường Đúc')).toBe('Phường Đúc'); // a Huế ward really named "Phường Đúc"
    expect(normaliseName('Xá Nhè')).toBe('Xá Nhè'); // `Xá` is not `Xã`
    expect(normaliseName('Xã Xá Nhè')).toBe('Xá Nhè');
    expect(normaliseName('Hà Nội')).toBe('Hà Nội');
    expect(normaliseName('Xã')).toBe('Xã');
  });

  it('recognises two-word prefixes written without tone marks', () => {
    expect(splitPrefix('Thi trấn Ngan Dừa')).toEqual({ prefix: 'Thị trấn', rest: 'Ngan Dừa' });
  });

  it('returns NFC for display', () => {
    const out = normaliseName('Phường Hoà Khánh'.normalize('NFD'));
    expect(out).toBe('Hoà Khánh'.normalize('NFC'));
    expect(out.normalize('NFC')).toBe(out);
    expect(tidyText('  Huyện  Vũng   Liêm ')).toBe('Huyện Vũng Liêm');
    expect(canonicalFullName('Thị Trấn Ái Tử ')).toBe('Thị trấn Ái Tử');
  });
});

describe('compareNames', () => {
  it('grades agreement between two sources', () => {
    expect(compareNames('Xã Hòa Bình', 'xã Hoà Bình')).toBe('same');
    expect(compareNames('Xã Quý Quân', 'Xã Quí Quân')).toBe('variant');
    expect(compareNames('Xã Ea Bar', 'Xã EaBar')).toBe('variant');
    expect(compareNames('Thị trấn Nông trường Liên Sơn', 'Thị trấn NT Liên Sơn')).toBe('variant');
    expect(compareNames('Xã Đặng Xá', 'Xã Cổ Bi')).toBe('different');
  });
});

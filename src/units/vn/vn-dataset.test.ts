// Against the REAL files in data/vn. The exact figures below were checked by hand against the
// files (grep / a spreadsheet); if a file or the loader changes, these must be re-verified.

import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadVnDataset, type VnDataset, type VnIssue } from './vn-dataset.ts';
import { foldVietnamese, nameKey, normaliseName } from './vn-text.ts';
import { parseVnNumber } from './vn-numbers.ts';

const DATA = resolve(import.meta.dirname, '../../../data/vn');
const ds = loadVnDataset(DATA);
const raw = loadVnDataset(DATA, { withoutCorrections: true });

const unit = (d: VnDataset, key: string) => d.units.find((u) => u.key === key)!;
const issues = (d: VnDataset, code: string, file?: string): VnIssue[] =>
  d.report.issues.filter((i) => i.code === code && (!file || i.file.endsWith(file)));
const lines = (list: VnIssue[]) => list.map((i) => i.line).sort((a, b) => a! - b!);
const TABLE = 'gso-old-to-new.csv';
const BANDO = 'bando-communes.csv';

describe('counts against the official totals', () => {
  it('has 63 / 696 / 10,035 old units and 34 / 3,321 new ones', () => {
    expect(ds.report.counts.old).toEqual({ provinces: 63, districts: 696, communes: 10035 });
    expect(ds.report.counts.new.provinces).toBe(34);
    expect(ds.report.counts.new.communes).toBe(3321);
    expect(ds.report.counts.new.byType).toEqual({
      municipality: 6,
      province: 28,
      commune: 2621,
      ward: 687,
      special_zone: 13,
    });
    expect(issues(ds, 'count_mismatch')).toEqual([]);
    expect(ds.units.length).toBe(63 + 696 + 10035 + 34 + 3321);
    expect(new Set(ds.units.map((u) => u.key)).size).toBe(ds.units.length);
  });

  it('has one event per new unit', () => {
    expect(ds.report.counts.events).toBe(34 + 3321);
    expect(new Set(ds.events.map((e) => e.toKey)).size).toBe(3355);
    expect(ds.report.counts.links).toBe(10634);
  });
});

describe('units', () => {
  it('keeps old and new units with the same code apart', () => {
    expect(unit(ds, 'old:c:00004')).toMatchObject({
      fullName: 'Phường Trúc Bạch',
      era: 'old',
      parentKey: 'old:d:001',
      type: 'ward',
      nameEn: 'Truc Bach',
    });
    expect(unit(ds, 'new:c:00004')).toMatchObject({
      fullName: 'Phường Ba Đình',
      era: 'new',
      parentKey: 'new:p:01',
      level: 3,
    });
  });

  it('types units from the GSO level, including Thủ Đức and the island districts', () => {
    expect(unit(ds, 'old:p:01').type).toBe('municipality');
    expect(unit(ds, 'old:p:02').type).toBe('province');
    expect(unit(ds, 'old:d:769')).toMatchObject({ type: 'municipal_city', fullName: 'Thành phố Thủ Đức' });
    expect(unit(ds, 'old:d:058')).toMatchObject({ type: 'provincial_city', fullName: 'Thành phố Bắc Kạn' }); // tidied "Thành Phố"
    expect(unit(ds, 'old:d:755')).toMatchObject({ type: 'rural_district', fullName: 'Huyện Côn Đảo' });
    expect(unit(ds, 'old:c:19780')).toMatchObject({ name: 'Phường Đúc', fullName: 'Phường Phường Đúc' });
    expect(unit(ds, 'new:c:26732').type).toBe('special_zone');
  });

  it('attaches bando figures, Vietnamese notation included', () => {
    expect(unit(ds, 'new:p:01')).toMatchObject({
      areaKm2: 3359.8,
      population: 8718000,
      adminCentre: 'giữ nguyên',
      lon: 105.698,
      lat: 21.0001,
    });
    expect(unit(ds, 'new:c:00004')).toMatchObject({
      areaKm2: 2.97,
      population: 65023,
      adminCentre: 'Số 2, phố Trúc Bạch, phường Ba Đình',
    });
    expect(unit(ds, 'new:c:00004').sources).toContain('2025-07-01/bando-communes.csv:3');
    // `30,509` people in Đoan Hùng (bando line 810): a thousands separator in a count
    expect(ds.units.find((u) => u.era === 'new' && u.fullName === 'Xã Đoan Hùng')!.population).toBe(30509);
    // area 0.0 is not an area: unknown, reported
    expect(unit(ds, 'new:c:06187')).toMatchObject({ areaKm2: null, population: null }); // Phường Kỳ Lừa
    expect(issues(ds, 'new_without_figures')).toEqual([]);
  });
});

describe('corrections (data/vn/corrections.csv)', () => {
  it('applies all 9 and flags none as unmatched', () => {
    expect(ds.report.correctionsApplied).toHaveLength(9);
    expect(issues(ds, 'correction_unmatched')).toEqual([]);
    expect(ds.report.correctionsApplied.map((c) => c.line).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ds.report.correctionsApplied.every((c) => c.reason.length > 40)).toBe(true);
  });

  it('flags a correction that matches nothing, or whose wrong value is not there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vn-data-'));
    for (const entry of readdirSync(DATA))
      if (entry !== 'corrections.csv') symlinkSync(join(DATA, entry), join(dir, entry));
    writeFileSync(
      join(dir, 'corrections.csv'),
      [
        'file,row_match,field,wrong_value,right_value,reason',
        '2025-07-01/gso-old-to-new.csv,Mã Xã cũ=99999,Mã Xã cũ,99999,00001,test: no such row',
        '2025-07-01/gso-old-to-new.csv,line=426,Mã Xã cũ,12345,00556,test: wrong value',
        '2025-07-01/gso-old-to-new.csv,line=912,Mã Xã cũ,01615,01651,test: applies by line',
      ].join('\n'),
    );
    const d = loadVnDataset(dir);
    expect(d.report.correctionsApplied.map((c) => c.line)).toEqual([4]);
    const unmatched = issues(d, 'correction_unmatched');
    expect(lines(unmatched)).toEqual([2, 3]);
    expect(unmatched[1].message).toContain('"00553"');
  });
});

describe('problems of the published files (loaded without corrections)', () => {
  it('finds the three old-code typos in the conversion table and names the likely code', () => {
    const found = issues(raw, 'code_mismatch', TABLE).filter((i) => i.severity === 'error');
    expect(found.map((i) => [i.line, i.data?.code, i.data?.likelyCode])).toEqual([
      [426, '00553', '00556'], // Xã Đặng Xá written with Cổ Bi's code
      [912, '01615', '01651'], // Xã Mỹ Hưng written with Hồng Quang's code
      [1260, '02485', '02482'], // Xã Phú Thịnh written with Công Đa's code
    ]);
  });

  it('finds the wrong old-province cells', () => {
    const found = issues(raw, 'code_mismatch', TABLE).filter((i) => i.severity === 'warning');
    expect(lines(found)).toEqual([9532, 10652]);
  });

  it('reports the Ba Chẽ code (06970 in the table, 06978 in units.json) from both sides', () => {
    const unplaced = issues(raw, 'unplaced_row', TABLE);
    expect(lines(unplaced)).toEqual([2688, 2689, 2690, 2691, 2692]);
    expect(unplaced.every((i) => i.data?.newCode === '06970')).toBe(true);
    expect(issues(raw, 'new_without_predecessor').map((i) => i.data?.key)).toEqual(['new:c:06978']);
  });

  it('lists exactly the old communes left without a successor', () => {
    expect(
      issues(raw, 'old_without_successor')
        .map((i) => i.data?.key)
        .sort(),
    ).toEqual(['old:c:01651', 'old:c:02482', 'old:c:06970', 'old:c:06973', 'old:c:06982', 'old:c:06988']);
  });

  it('finds GSO level cells that contradict the names', () => {
    expect(lines(issues(raw, 'type_mismatch', 'gso-communes.csv'))).toEqual([4493, 8269, 8277]);
  });
});

describe('reconciliation after corrections', () => {
  it('gives every old commune (and commune-less island district) a successor', () => {
    expect(issues(ds, 'old_without_successor')).toEqual([]);
    const from = new Set(ds.events.flatMap((e) => e.links.map((l) => l.fromKey)));
    const orphans = ds.units.filter((u) => u.era === 'old' && u.level === 3 && !from.has(u.key));
    expect(orphans).toEqual([]);
    for (const d of ['318', '471', '498', '536', '755']) expect(from.has(`old:d:${d}`)).toBe(true);
  });

  it('gives every new unit at least one predecessor', () => {
    expect(issues(ds, 'new_without_predecessor')).toEqual([]);
    expect(ds.events.filter((e) => e.links.length === 0)).toEqual([]);
    expect(issues(ds, 'unplaced_row')).toEqual([]);
  });

  it('reports the remaining real problems with exact counts', () => {
    const count: Record<string, number> = {};
    for (const i of ds.report.issues) count[`${i.code}/${i.severity}`] = (count[`${i.code}/${i.severity}`] ?? 0) + 1;
    expect(count).toEqual({
      'name_tidied/info': 14,
      'name_mismatch/info': 187,
      'name_mismatch/warning': 4,
      'incomplete_row/warning': 1,
      'type_mismatch/warning': 6,
      'area_without_code/info': 1,
      'inconsistent_links/warning': 1,
      'implausible_value/warning': 14,
      'value_unknown/info': 68,
      'province_mismatch/warning': 1,
      'duplicate_figures/warning': 133,
    });
    expect(lines(issues(ds, 'name_mismatch', TABLE).filter((i) => i.severity === 'warning'))).toEqual([
      1368, 5724, 6238, 9500,
    ]);
    expect(lines(issues(ds, 'type_mismatch', BANDO))).toEqual([390, 395, 3217, 3231]);
    expect(lines(issues(ds, 'incomplete_row'))).toEqual([3035]); // stray "Tỉnh Bắc Ninh (24)" row
    expect(lines(issues(ds, 'area_without_code'))).toEqual([4749]); // coastal alluvial area of Kim Sơn
    expect(issues(ds, 'inconsistent_links')[0].data?.key).toBe('old:c:18796'); // Kỳ Lợi: whole area, part population
    expect(lines(issues(ds, 'province_mismatch'))).toEqual([1221]); // Yên Bình: Lào Cai name, Điện Biên id
  });

  it('flags figures copied between homonymous communes', () => {
    const dup = issues(ds, 'duplicate_figures');
    expect(dup).toHaveLength(133);
    expect(dup.reduce((n, i) => n + (i.data?.keys as string[]).length, 0)).toBe(306);
    const tanThanh = dup.find((i) => i.message.includes('area 64.8 km² and population 30611'))!;
    expect((tanThanh.data?.keys as string[]).length).toBe(5);
  });
});

describe('lineage and events', () => {
  it('forms provinces per Resolution 202/2025/QH15, cross-checked with the commune links', () => {
    const hcm = ds.events.find((e) => e.toKey === 'new:p:79')!;
    expect(hcm).toMatchObject({ kind: 'merge', legalBasis: 'Nghị quyết 202/2025/QH15' });
    expect(hcm.links.map((l) => l.fromKey).sort()).toEqual(['old:p:74', 'old:p:77', 'old:p:79']);
    const hanoi = ds.events.find((e) => e.toKey === 'new:p:01')!;
    expect(hanoi).toMatchObject({
      kind: 'reassign',
      links: [{ fromKey: 'old:p:01', kind: 'unchanged', note: 'không sáp nhập' }],
    });
    expect(ds.events.filter((e) => e.toKey.startsWith('new:p:') && e.kind === 'merge')).toHaveLength(23);
    expect(issues(ds, 'province_lineage_mismatch')).toEqual([]);
  });

  it('classifies commune events', () => {
    const kinds: Record<string, number> = {};
    for (const e of ds.events) if (e.toKey.startsWith('new:c:')) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    expect(kinds).toEqual({ merge: 3181, reassign: 121, rename: 8, retype: 8, split: 3 });
    const conDao = ds.events.find((e) => e.toKey === 'new:c:26732')!;
    expect(conDao).toMatchObject({ kind: 'retype', links: [{ fromKey: 'old:d:755', kind: 'whole' }] });
    const baDinh = ds.events.find((e) => e.toKey === 'new:c:00004')!;
    expect(baDinh.legalBasis).toBe(
      'Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp ĐVHC cấp xã năm 2025 (Thành phố Hà Nội)',
    );
    expect(baDinh.links[0]).toEqual({
      fromKey: 'old:c:00004',
      toKey: 'new:c:00004',
      kind: 'whole',
      note: 'Nhập toàn bộ',
      source: '2025-07-01/gso-old-to-new.csv:4',
    });
    // A note spanning lines in the CSV keeps its words, trimmed; source cites the record's first line
    const baChe = ds.events.find((e) => e.toKey === 'new:c:06970')!;
    expect(baChe.links.map((l) => l.fromKey)).toEqual([
      'old:c:06970',
      'old:c:06973',
      'old:c:06982',
      'old:c:06988',
      'old:c:06886',
    ]);
    expect(baChe.links.at(-1)).toMatchObject({ kind: 'part', note: 'Nhập một phần' });
  });

  it('reads the note kinds, typos included', () => {
    const notes = new Map<string, string>();
    for (const e of ds.events) for (const l of e.links) notes.set(l.note, l.kind);
    expect(notes.get('Nhập toàn bộ')).toBe('whole');
    expect(notes.get('Nhâp một phần diện tích')).toBe('part');
    expect(notes.get('Giữ nguyên')).toBe('unchanged');
    expect(notes.get('Đổi tên')).toBe('renamed');
    expect(notes.get('Đổi loại hình')).toBe('retyped');
    expect(issues(ds, 'unknown_note')).toEqual([]);
  });
});

describe('helpers on real spellings', () => {
  it('matches the bando and GSO spellings of provinces', () => {
    expect(nameKey(normaliseName('Thủ đô Hà Nội'))).toBe(nameKey(normaliseName('Thành phố Hà Nội')));
    expect(nameKey(normaliseName('tỉnh Hòa Bình'))).toBe(nameKey(normaliseName('Tỉnh Hoà Bình')));
    expect(foldVietnamese(normaliseName('tỉnh Ninh BÌnh'))).toBe(foldVietnamese('Ninh Bình'));
  });

  it('parses the numbers as they appear in bando-provinces.csv', () => {
    const csv = readFileSync(join(DATA, '2025-07-01/bando-provinces.csv'), 'utf8');
    expect(csv).toContain('"3.359,80",8.718.000');
    expect(parseVnNumber('3.359,80', 'measure')).toEqual({ ok: true, value: 3359.8 });
    expect(parseVnNumber('8.718.000', 'count')).toEqual({ ok: true, value: 8718000 });
    expect(issues(ds, 'unparsed_number')).toEqual([]);
  });
});

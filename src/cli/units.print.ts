// Human-readable output of the unit commands.
import type { ImportOutcome } from '../units/import/import.service.ts';
import type { checkLineage } from '../units/registry/registry.check.ts';
import type { publicLookup } from '../units/lookup/lookup.service.ts';
import type { VnIssue } from '../units/vn/vn-types.ts';

const LINK_VI: Record<string, string> = {
  whole: 'toàn bộ',
  part: 'một phần',
  unchanged: 'giữ nguyên',
  renamed: 'đổi tên',
  retyped: 'đổi loại hình',
};

function printIssues(issues: VnIssue[]) {
  const byCode = new Map<string, VnIssue[]>();
  for (const i of issues) byCode.set(i.code, [...(byCode.get(i.code) ?? []), i]);
  for (const [code, list] of byCode) {
    console.log(`\n[${list[0].severity}] ${code}: ${list.length}`);
    for (const i of list) console.log(`  - ${i.file}${i.line ? ':' + i.line : ''} ${i.message}`);
  }
}

export function printImportReport(o: ImportOutcome) {
  const c = o.report.counts,
    e = o.report.expected;
  console.log(
    o.skipped
      ? 'Dữ liệu không đổi, không nhập lại (dùng --force để nhập lại). / Files unchanged, nothing imported (use --force).'
      : `Đã nhập / imported: ${o.units} units, ${o.events} events, ${o.links} links, ${o.agencies} agencies in ${o.ms} ms`,
  );
  console.log(
    `\nTrước 01/7/2025 / before: ${c.old.provinces} tỉnh (expected ${e.old.provinces}), ${c.old.districts} huyện (${e.old.districts}), ${c.old.communes} xã (${e.old.communes})`,
  );
  console.log(
    `Từ 01/7/2025 / from:      ${c.new.provinces} tỉnh (expected ${e.new.provinces}), ${c.new.communes} xã (${e.new.communes}) — ${Object.entries(
      c.new.byType,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`\nĐính chính đã áp dụng / corrections applied: ${o.report.correctionsApplied.length}`);
  for (const a of o.report.correctionsApplied) console.log(`  - corrections.csv:${a.line} ${a.detail} — ${a.reason}`);
  console.log(`\nVấn đề đối chiếu / reconciliation issues: ${o.report.issues.length}`);
  printIssues(o.report.issues);
}

export function printCheck(r: Awaited<ReturnType<typeof checkLineage>>) {
  console.log(`Sổ đăng ký / registry: ${r.summary.registryErrors} error(s)`);
  for (const f of r.registry) {
    console.log(`\n[${f.severity}] ${f.code}: ${f.units.length} — ${f.message}`);
    for (const u of f.units.slice(0, f.severity === 'info' ? 5 : undefined))
      console.log(`  - ${u.code} ${u.fullName}${u.provinceName ? ', ' + u.provinceName : ''}`);
    if (f.severity === 'info' && f.units.length > 5) console.log(`  … ${f.units.length - 5} more (--json for all)`);
  }
  if (!r.import) {
    console.log('\nChưa nhập dữ liệu / nothing imported yet: run `apparatus import vn`.');
    return;
  }
  console.log(
    `\nLần nhập gần nhất / last import: ${new Date(r.import.importedAt).toISOString()}, ${r.import.issues.length} reconciliation issue(s), ${r.import.correctionsApplied.length} correction(s) applied`,
  );
  // Corrected errors of the official files are inconsistencies too: list them, not only the rest.
  for (const a of r.import.correctionsApplied)
    console.log(`  [corrected] corrections.csv:${a.line} ${a.detail} — ${a.reason}`);
  printIssues(r.import.issues);
}

export function printLookup(r: Awaited<ReturnType<typeof publicLookup>>) {
  if (r.items.length === 0) {
    console.log(`Không tìm thấy "${r.query}" / nothing found.`);
    return;
  }
  for (const item of r.items) {
    const u = item.unit;
    const where = [u.districtName, u.provinceName].filter(Boolean).join(', ');
    console.log(
      `${u.fullName} (${u.code})${where ? ', ' + where : ''} ${item.current ? '— đang có hiệu lực / in force' : `— đến / until ${u.validTo}`}`,
    );
    for (const s of item.successors) {
      console.log(
        `   → ${s.unit.fullName} (${s.unit.code}), ${s.province?.name ?? ''} [${LINK_VI[s.linkKind] ?? s.linkKind}]${s.unit.adminCentre ? ' — trụ sở: ' + s.unit.adminCentre : ''}`,
      );
    }
  }
}

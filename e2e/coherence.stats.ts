// The restructuring statistics page under the coherence harness: the national
// cards and the 34 provinces' rows against SQL over units and lineage_links (an
// independent reading of the lineage, not the app's origins query), the
// percentages to the State's two decimals from their counts, and the sums:
// the provinces' communes add up to the national cards, 34 rows for 34 provinces.
import { column, query, readTable, sql, vi, watchRequests, type CoherenceScreen } from './coherence.ts';

const FROM = '2025-06-30',
  TO = '2025-07-01';
const inForce = (date: string, alias: string) =>
  sql.raw(
    `((${alias}.valid_from is null or ${alias}.valid_from <= '${date}') and (${alias}.valid_to is null or ${alias}.valid_to > '${date}'))`,
  );

export const statsScreen: CoherenceScreen = {
  name: 'restructuring statistics',
  user: { username: 'demo-viewer', password: 'demo-viewer-2025' },
  async run({ page, db, ledger }) {
    const { settled } = watchRequests(page);
    const levels = await query(
      db,
      sql<{ level: number; before: number; after: number }>`
      select l.level, (select count(*)::int from units u where u.level = l.level and ${inForce(FROM, 'u')}) as before,
                      (select count(*)::int from units u where u.level = l.level and ${inForce(TO, 'u')}) as after
        from (values (1), (2), (3)) as l(level) order by l.level`,
    );
    // Per new province: its communes on TO, and the communes of FROM they were formed from (a commune that lasted is its own origin).
    const provinces = await query(
      db,
      sql<{
        code: string;
        name: string;
        formed: number;
        before: number;
        after: number;
        area: number | null;
        population: number | null;
      }>`
      with prov as (select p.id, p.code, p.full_name, p.area_km2, p.population from units p where p.level = 1 and ${inForce(TO, 'p')}),
      newc as (select c.id, c.parent_id as prov from units c where c.level = 3 and ${inForce(TO, 'c')}),
      origins as (
        select n.prov, o.id as old_id from newc n join lineage_links l on l.to_unit_id = n.id join units o on o.id = l.from_unit_id where o.level = 3 and ${inForce(FROM, 'o')}
        union select n.prov, s.id from newc n join units s on s.id = n.id where ${inForce(FROM, 's')})
      select p.code, p.full_name as name, p.area_km2 as area, p.population,
        (select count(*)::int from newc where prov = p.id) as after,
        (select count(distinct old_id)::int from origins where prov = p.id) as before,
        (select count(*)::int from (select l.from_unit_id from lineage_links l join units o on o.id = l.from_unit_id
            where l.to_unit_id = p.id and o.level = 1 and ${inForce(FROM, 'o')}
          union select s.id from units s where s.id = p.id and ${inForce(FROM, 's')}) f) as formed
      from prov p order by p.code`,
    );
    await page.goto('/stats');
    await settled();
    const names = { 1: 'provinces', 2: 'districts', 3: 'communes' } as const;
    for (const l of levels) {
      const card = page.getByTestId(`stats-summary-${names[l.level as 1 | 2 | 3]}`);
      const at = `national ${names[l.level as 1 | 2 | 3]}`;
      ledger.figure(
        `${at}, before`,
        await card.locator('.ant-statistic-content-value').textContent(),
        vi.int(l.before),
      );
      ledger.figure(
        `${at}, after`,
        await card.locator('.ant-statistic-content-suffix b').textContent(),
        vi.int(l.after),
      );
      ledger.figure(
        `${at}, reduction`,
        await card.locator('.ant-tag').first().textContent(),
        `Giảm ${vi.pct(l.before - l.after, l.before)}`,
      );
    }
    const t = await readTable(page, page.getByTestId('stats-table'), settled);
    const [cCode, cFormed, cBefore, cAfter, cCut, cArea, cPop] = [
      'Mã',
      'Số tỉnh cũ',
      'Cấp xã trước',
      'Cấp xã sau',
      'Tỷ lệ giảm',
      'Diện tích',
      'Dân số',
    ].map((x) => column(t, x));
    ledger.agree('rows = provinces in force after (SQL)', t.rows.length, provinces.length);
    ledger.agree('rows = the provinces card\'s "after"', t.rows.length, levels[0].after);
    let before = 0,
      after = 0,
      formed = 0;
    for (const p of provinces) {
      const row = t.rows.find((r) => r[cCode] === p.code);
      const at = `${p.name}`;
      if (!row) {
        ledger.holds(`${at}: not listed`, false);
        continue;
      }
      ledger.figure(`${at}, provinces formed from`, row[cFormed], String(p.formed));
      ledger.figure(`${at}, communes before`, row[cBefore], vi.int(p.before));
      ledger.figure(`${at}, communes after`, row[cAfter], vi.int(p.after));
      ledger.figure(`${at}, reduction`, row[cCut], vi.pct(p.before - p.after, p.before));
      ledger.figure(`${at}, area`, row[cArea], vi.dec(p.area, 2));
      ledger.figure(`${at}, population`, row[cPop], vi.int(p.population));
      const shownBefore = Number(row[cBefore].replace(/\./g, '')),
        shownAfter = Number(row[cAfter].replace(/\./g, ''));
      ledger.agree(`${at}: the reduction is its own counts'`, row[cCut], vi.pct(shownBefore - shownAfter, shownBefore));
      before += shownBefore;
      after += shownAfter;
      formed += Number(row[cFormed]);
    }
    ledger.agree("the provinces' communes after add up to the communes card", vi.int(after), vi.int(levels[2].after));
    ledger.agree(
      "the provinces' communes before add up to the communes card",
      vi.int(before),
      vi.int(levels[2].before),
    );
    ledger.agree('the provinces formed from add up to the provinces card\'s "before"', formed, levels[0].before);
  },
};

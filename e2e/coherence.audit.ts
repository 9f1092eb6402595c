// The audit page under the coherence harness: the total it states and every
// row of its first page against audit_log read directly (newest first), and the
// same after a filter; the rows shown are as many as the total allows.
import {
  column,
  query,
  readTablePage,
  sql,
  vi,
  watchRequests,
  type CoherenceScreen,
  type Ledger,
} from './coherence.ts';
import type { Page } from 'playwright-core';
import type { Db } from '../src/platform/db/db.ts';
import { ACTION_WORDS, ENTITY_WORDS } from '../web/src/audit/auditWords.ts';

/** dd/mm/yyyy HH:mm:ss in Vietnam's time (UTC+7), as the page writes a timestamp for a browser there. */
const at = (d: Date) => {
  const v = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${vi.date(v.slice(0, 10))} ${v.slice(11, 19)}`;
};

async function checkPage(page: Page, db: Db, ledger: Ledger, settled: () => Promise<void>, action: string | null) {
  const label = action ? `filtered by action "${action}"` : 'unfiltered';
  const total = (
    await query(
      db,
      sql<{ n: number }>`select count(*)::int as n from audit_log where ${action}::text is null or action = ${action}`,
    )
  )[0].n;
  const latest = await query(
    db,
    sql<{
      at: Date;
      actor: string | null;
      action: string;
      entity: string;
      entity_id: string | null;
      ip: string | null;
    }>`
    select at, actor, action, entity, entity_id, ip from audit_log where ${action}::text is null or action = ${action} order by at desc, id desc limit 50`,
  );
  await settled();
  const shownTotal =
    (await page
      .locator('.ant-pagination-total-text')
      .textContent()
      .catch(() => null)) ?? '';
  ledger.figure(`${label}: the total`, shownTotal, `Tổng ${vi.int(total)}`);
  const t = await readTablePage(page.getByTestId('audit-table'));
  ledger.agree(`${label}: rows on the first page = min(total, 50)`, t.rows.length, Math.min(total, 50));
  const [cAt, cActor, cAction, cEntity, cId] = [
    'Thời điểm',
    'Người thực hiện',
    'Thao tác',
    'Đối tượng',
    'Mã đối tượng',
  ].map((x) => column(t, x));
  for (const [i, r] of latest.entries()) {
    const row = t.rows[i] ?? [];
    const w = `${label}: row ${i + 1}`;
    ledger.figure(`${w}, time`, row[cAt], at(new Date(r.at)));
    ledger.figure(`${w}, actor`, row[cActor], r.actor ?? '—');
    ledger.figure(`${w}, action`, row[cAction], ACTION_WORDS[r.action]?.vi ?? `(no words for ${r.action})`);
    ledger.figure(`${w}, entity`, row[cEntity], ENTITY_WORDS[r.entity]?.vi ?? `(no words for ${r.entity})`);
    ledger.figure(`${w}, entity id`, row[cId], r.entity_id ?? '—');
  }
}

export const auditScreen: CoherenceScreen = {
  name: 'audit log',
  user: { username: 'demo-admin', password: 'demo-admin-2025' },
  async run({ page, db, ledger }) {
    const { settled } = watchRequests(page);
    await page.goto('/audit');
    await settled();
    await checkPage(page, db, ledger, settled, null);
    await page.getByTestId('audit-filter-action').fill('staffing.present');
    await page.getByTestId('audit-apply').click();
    await checkPage(page, db, ledger, settled, 'staffing.present');
  },
};

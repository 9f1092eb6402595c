// A unit's figure for a period as known on a date: its own accepted figure; or, when the whole period lies
// before the unit existed (a province formed on 1 July 2025, read for 2024), rebuilt from the units it was
// formed from, transitively, by the indicator's rule (rebuild.rule.ts), with a "rebuilt from …" note.
import type { Db } from '../../platform/db/db.ts';
import type { Message } from '../../platform/errors.ts';
import { periodSpan, type PeriodType } from '../definitions/periods.ts';
import type { DefinitionRow, UnitRow } from '../definitions/definitions.store.ts';
import { definition } from '../definitions/definitions.store.ts';
import { officialValue } from '../values/values.store.ts';
import { directPredecessors } from './rebuild.store.ts';
import { combine, type Figure, type Piece, type RuleDefinition, type ValueStatus } from './rebuild.rule.ts';

const MAX_DEPTH = 5;

export interface UsedPredecessor {
  unit: { id: number; key: string; code: string; name: string };
  link: Piece['link'];
  share: string | null;
  shareBasis: string | null;
  figure: Figure | null;
  weight: string | null;
  how: Reading['how'];
  valueId: number | null;
}

export interface Reading {
  how: 'own' | 'rebuilt' | 'missing';
  figure: Figure | null;
  valueId: number | null;
  note: Message | null;
  predecessors: UsedPredecessor[];
}

type Unit = Pick<UnitRow, 'id' | 'code' | 'name' | 'valid_from'> & { key: string };

export async function readFigure(
  db: Db,
  def: DefinitionRow,
  unit: Unit,
  period: string,
  asOf: string,
  depth = 0,
): Promise<Reading> {
  const own = await officialValue(db, def.code, unit.id, period, asOf);
  if (own)
    return {
      how: 'own',
      figure: {
        value: own.value,
        numerator: own.numerator,
        denominator: own.denominator,
        status: own.status as ValueStatus,
      },
      valueId: own.id,
      note: null,
      predecessors: [],
    };
  const span = periodSpan(def.period_type as PeriodType, period);
  const beforeUnit = unit.valid_from !== null && span.end <= unit.valid_from;
  if (!beforeUnit || depth >= MAX_DEPTH)
    return {
      how: 'missing',
      figure: null,
      valueId: null,
      note: { vi: 'Chưa có số liệu chính thức.', en: 'No official figure yet.' },
      predecessors: [],
    };
  const preds = await directPredecessors(db, unit.id);
  const weightDef = def.weight_code ? await definition(db, def.weight_code) : undefined;
  const used: UsedPredecessor[] = [];
  for (const p of preds) {
    const pu = { id: p.id, key: p.key, code: p.code, name: p.name, valid_from: p.valid_from };
    const r = await readFigure(db, def, pu, period, asOf, depth + 1);
    const w = weightDef ? await readFigure(db, weightDef, pu, period, asOf, depth + 1) : null;
    used.push({
      unit: { id: p.id, key: p.key, code: p.code, name: p.full_name },
      link: p.link as Piece['link'],
      share: p.link === 'part' ? p.share : null,
      shareBasis: p.link === 'part' ? p.share_basis : null,
      figure: r.figure,
      weight: w?.figure?.value ?? null,
      how: r.how,
      valueId: r.valueId,
    });
  }
  const c = combine(
    def as RuleDefinition,
    used.map((u) => ({ unit: u.unit, link: u.link, share: u.share, figure: u.figure, weight: u.weight })),
  );
  const list = (lang: 'vi' | 'en') =>
    used
      .map((u) =>
        u.link === 'part'
          ? `${u.unit.name} (${lang === 'vi' ? 'một phần' : 'part'}${u.share ? `, ${u.share}` : ''})`
          : u.unit.name,
      )
      .join(', ');
  if (!c.ok)
    return {
      how: 'missing',
      figure: null,
      valueId: null,
      note: {
        vi: `Không dựng lại được từ ${list('vi')}: ${c.reason.vi}`,
        en: `Cannot be rebuilt from ${list('en')}: ${c.reason.en}`,
      },
      predecessors: used,
    };
  return {
    how: 'rebuilt',
    figure: { value: c.value, numerator: c.numerator, denominator: c.denominator, status: c.status },
    valueId: null,
    note: {
      vi: `Dựng lại từ ${list('vi')}${c.estimated ? ' — ước tính theo tỷ lệ phân bổ' : ''}.`,
      en: `Rebuilt from ${list('en')}${c.estimated ? ' — estimated by apportioning shares' : ''}.`,
    },
    predecessors: used,
  };
}

// Recording, accepting and reading indicator figures. A figure is never overwritten: a revision is a new row
// known from a later date, so "as known on" any date reads the history back. Status words: provisional,
// official, estimated, revised (a later official figure over an accepted one is stored as revised).
// Reported vs official (see indicators.policy.ts): a unit's own figure waits for the level above.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { checkRole, grantUnits, requireGrantOver, unitWithinAny } from '../../platform/policy/policy.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { INDICATORS } from '../indicators.policy.ts';
import { periodSpan, periodTypeOf, type PeriodType } from '../definitions/periods.ts';
import { requireDefinition } from '../definitions/definitions.service.ts';
import { unitByCodeOn, unitById, type DefinitionRow } from '../definitions/definitions.store.ts';
import { dec, isZero, show } from './decimal.ts';
import { valueFromParts, type RuleDefinition } from '../rebuild/rebuild.rule.ts';
import type { ValueInput } from './values.schemas.ts';
import * as store from './values.store.ts';

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The unit a figure is for: the one with that code in force on the period's last day (or a registry key). */
export async function unitOfFigure(db: Db, input: Pick<ValueInput, 'unit' | 'period'>) {
  const type = periodTypeOf(input.period);
  if (!type)
    throw badRequest({
      vi: `Kỳ "${input.period}" không đúng dạng (2024, 2024-H1, 2024-Q3, 2024-03, 2026-2030).`,
      en: `Period "${input.period}" is not written as a period (2024, 2024-H1, 2024-Q3, 2024-03, 2026-2030).`,
    });
  const lastDay = dayBefore(periodSpan(type, input.period).end);
  const unit = await unitByCodeOn(db, input.unit, lastDay);
  if (!unit)
    throw notFound({
      vi: `đơn vị mã ${input.unit} đang hiệu lực ngày ${lastDay} (ngày cuối kỳ ${input.period})`,
      en: `A unit with code ${input.unit} in force on ${lastDay} (the last day of ${input.period})`,
    });
  return { unit, type };
}

/** Checks one entered figure against its definition and finds its unit; throws a message a person can act on. */
export async function resolveValue(db: Db, input: ValueInput, found?: Awaited<ReturnType<typeof unitOfFigure>>) {
  const { unit, type } = found ?? (await unitOfFigure(db, input));
  const def = await requireDefinition(db, input.indicator);
  if (type !== def.period_type) periodSpan(def.period_type as PeriodType, input.period); // throws, naming the expected shape
  const hasParts = input.numerator !== undefined || input.denominator !== undefined;
  if (hasParts && (input.numerator === undefined || input.denominator === undefined))
    throw badRequest({
      vi: 'Cần cả tử số và mẫu số, hoặc không có cả hai.',
      en: 'Give both the numerator and the denominator, or neither.',
    });
  if (hasParts && !['ratio', 'growth', 'share'].includes(def.kind))
    throw badRequest({
      vi: `Chỉ tiêu ${def.code} là số tuyệt đối: không có tử số, mẫu số.`,
      en: `${def.code} is a level, not a ratio: it has no numerator or denominator.`,
    });
  if (hasParts && isZero(dec(input.denominator!)))
    throw badRequest({ vi: 'Mẫu số không được bằng 0.', en: 'The denominator must not be zero.' });
  let value = input.value;
  if (hasParts) {
    const derived = show(valueFromParts(def as RuleDefinition, dec(input.numerator!), dec(input.denominator!)));
    if (value === undefined) value = derived;
  }
  if (value === undefined) throw badRequest({ vi: 'Thiếu giá trị.', en: 'The value is missing.' });
  return { def, unit, value, numerator: input.numerator ?? null, denominator: input.denominator ?? null };
}

/**
 * Whether the caller's entry is official at once: the CLI and the system act for the statistics office; a user
 * holding a grant over the unit's parent is the level above; a user whose grants reach the unit only at it is
 * the unit itself, and its figure waits for acceptance.
 */
async function entersAsLevelAbove(db: Db, ctx: RequestContext, unit: { id: number; parent_id: number | null }) {
  if (!requireUser(ctx)) return true;
  if (unit.parent_id === null) return true;
  return unitWithinAny(db, unit.parent_id, grantUnits(ctx, INDICATORS['indicators.record']));
}

export async function recordValueInTrx(trx: Db, ctx: RequestContext, input: ValueInput) {
  // The unit first, then the caller's scope over it, and only then what the figure says.
  const found = await unitOfFigure(trx, input);
  await requireGrantOver(trx, ctx, INDICATORS['indicators.record'], found.unit.id, {
    vi: found.unit.full_name,
    en: found.unit.full_name,
  });
  const r = await resolveValue(trx, input, found);
  await store.lockFigure(trx, r.def.code, r.unit.id, input.period);
  const accepted = await entersAsLevelAbove(trx, ctx, r.unit);
  const previous = await store.officialValue(trx, r.def.code, r.unit.id, input.period, '9999-12-31');
  const status = previous && input.status === 'official' ? 'revised' : input.status;
  const id = await store.insertValue(trx, {
    indicator_code: r.def.code,
    unit_id: r.unit.id,
    period: input.period,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    status,
    source: input.source,
    known_from: input.known_from,
    note: input.note ?? null,
    recorded_by: ctx.user?.username ?? ctx.actorLabel,
    recorded_by_id: ctx.user?.id ?? null,
    accepted,
  });
  const after = await store.valueById(trx, id);
  await recordAudit(trx, ctx, { action: 'indicators.value.record', entity: 'indicator_value', entityId: id, after });
  return {
    ...after!,
    unit: { id: r.unit.id, key: r.unit.key, code: r.unit.code, name: r.unit.full_name },
    revises: previous?.id ?? null,
  };
}

export function recordValue(db: Db, ctx: RequestContext, input: ValueInput) {
  return db.transaction().execute((trx) => recordValueInTrx(trx, ctx, input));
}

/** The level above accepts a unit's own figure: from then on it is the official one (as known from its date). */
export function acceptValue(db: Db, ctx: RequestContext, id: number) {
  checkRole(ctx, INDICATORS['indicators.accept']);
  return db.transaction().execute(async (trx) => {
    const before = await store.valueById(trx, id);
    if (!before) throw notFound({ vi: `Số liệu số ${id}`, en: `Figure ${id}` });
    const unit = (await unitById(trx, before.unit_id))!;
    if (unit.parent_id === null)
      throw badRequest({
        vi: 'Số liệu cấp quốc gia không cần chấp nhận.',
        en: 'A national figure needs no acceptance.',
      });
    await requireGrantOver(trx, ctx, INDICATORS['indicators.accept'], unit.parent_id, {
      vi: unit.full_name,
      en: unit.full_name,
    });
    const user = requireUser(ctx);
    if (user && before.recorded_by_id === user.id)
      throw forbidden({
        vi: 'Người nhập số liệu không tự chấp nhận được: cần một người khác ở cấp trên.',
        en: 'The person who entered a figure cannot accept it: someone else at the level above must.',
      });
    if (before.accepted_at)
      throw conflict({ vi: 'Số liệu này đã được chấp nhận.', en: 'This figure has already been accepted.' });
    await store.acceptValue(trx, id, ctx.user?.username ?? ctx.actorLabel, ctx.user?.id ?? null);
    const after = await store.valueById(trx, id);
    await recordAudit(trx, ctx, {
      action: 'indicators.value.accept',
      entity: 'indicator_value',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

/** One figure's revisions, and which was the official one on `asOf`. */
export async function history(
  db: Db,
  ctx: RequestContext,
  def: DefinitionRow,
  unitId: number,
  period: string,
  asOf: string,
) {
  await requireGrantOver(db, ctx, INDICATORS['indicators.read'], unitId);
  const [rows, official] = await Promise.all([
    store.revisions(db, def.code, unitId, period),
    store.officialValue(db, def.code, unitId, period, asOf),
  ]);
  return { revisions: rows, asOf, official: official ?? null };
}

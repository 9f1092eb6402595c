// Satisfaction surveys and the index per unit, province and country, over periods (quarters, or a year).
// Anyone may answer a questionnaire about a unit's services: a known limit is that nothing stops one person from
// answering many times (no identity is asked, as SIPAS's own paper questionnaires ask none); surveys that follow
// a closed feedback item will carry its reference (`feedbackRef`, filled by the feedback module), one per item.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, notFound, todayIso } from '../../platform/errors.ts';
import {
  COMPONENTS,
  QUESTION_COMPONENT,
  QUESTIONNAIRE_VERSION,
  SATISFIED_FROM,
  SMALL_SAMPLE,
} from './satisfaction.questions.ts';
import { indexFigures, quarterOf } from './satisfaction.index.ts';
import * as store from './satisfaction.store.ts';
import type { z } from 'zod';
import type { IndexResult, SurveyBody } from './satisfaction.schemas.ts';

const dmy = (iso: string) => iso.split('-').reverse().join('/');

export function questions() {
  return {
    version: QUESTIONNAIRE_VERSION,
    scale: { min: 1 as const, max: 5 as const, satisfiedFrom: SATISFIED_FROM },
    components: COMPONENTS,
  };
}

export async function answerSurvey(
  db: Db,
  ctx: RequestContext,
  body: z.infer<typeof SurveyBody>,
  options: { today?: string } = {},
) {
  const today = options.today ?? todayIso();
  const unknown = Object.keys(body.answers).filter((k) => !QUESTION_COMPONENT.has(k));
  if (unknown.length)
    throw badRequest({
      vi: `Không có câu hỏi mã ${unknown.join(', ')} trong phiếu (xem /api/satisfaction/questions).`,
      en: `The questionnaire has no question ${unknown.join(', ')} (see /api/satisfaction/questions).`,
    });
  const answers = Object.entries(body.answers).map(([question, score]) => ({
    component: QUESTION_COMPONENT.get(question)!,
    question,
    score,
  }));
  if (answers.length === 0)
    throw badRequest({ vi: 'Hãy trả lời ít nhất một câu hỏi.', en: 'Answer at least one question.' });
  const unit = await store.unitWithProvince(db, body.unitCode, today);
  if (!unit || unit.level === 0)
    throw badRequest({
      vi: `Không có đơn vị mã ${body.unitCode} đang hiệu lực ngày ${dmy(today)}. Hãy dùng mã mới (sau sắp xếp) của đơn vị.`,
      en: `No unit with code ${body.unitCode} is in force on ${today}. Use the unit's current (post-reorganisation) code.`,
    });
  const period = quarterOf(today);
  const id = await db.transaction().execute(async (trx) => {
    const id = await store.insertSurvey(trx, {
      unitId: unit.id,
      provinceId: unit.province_id,
      answeredOn: today,
      period,
      feedbackRef: body.feedbackRef ?? null,
      answers,
    });
    await recordAudit(trx, ctx, {
      action: 'channel.satisfaction.answer',
      entity: 'satisfaction_survey',
      entityId: id,
      after: { unit: unit.code, period, answers: body.answers, feedbackRef: body.feedbackRef ?? null },
    });
    return id;
  });
  return { id, unitCode: unit.code, period, answers: answers.length };
}

type Counts = Awaited<ReturnType<typeof store.counts>>;
const figuresByKey = (c: Counts) =>
  new Map(
    c.samples.map((s) => [
      s.key,
      indexFigures(
        s.n,
        c.answers.filter((a) => a.key === s.key),
      ),
    ]),
  );

export async function satisfactionIndex(
  db: Db,
  query: { unit?: string; period?: string },
  today = todayIso(),
): Promise<IndexResult> {
  let scope: store.Scope = { kind: 'country' };
  let scopeRef: IndexResult['scope'] = { id: null, code: 'VN', name: 'Cả nước / Country', level: 0 };
  if (query.unit) {
    const u = await store.unitWithProvince(db, query.unit, today);
    if (!u)
      throw notFound({
        vi: `đơn vị mã ${query.unit} đang hiệu lực ngày ${dmy(today)}`,
        en: `A unit with code ${query.unit} in force on ${today}`,
      });
    scopeRef = { id: u.id, code: u.code, name: u.name, level: u.level };
    if (u.level === 1) scope = { kind: 'province', id: u.id };
    else if (u.level > 1) scope = { kind: 'unit', id: u.id };
  }
  const [total, series, parts] = await Promise.all([
    store.counts(db, scope, query.period, 'all', SATISFIED_FROM),
    store.counts(db, scope, query.period, 'period', SATISFIED_FROM),
    scope.kind === 'unit'
      ? Promise.resolve({ samples: [], answers: [] })
      : store.counts(db, scope, query.period, scope.kind === 'country' ? 'province' : 'unit', SATISFIED_FROM),
  ]);
  const partFigures = figuresByKey(parts);
  const ids = [...partFigures.keys()].filter((k) => k !== 'null').map(Number);
  const names = new Map((await store.unitsByIds(db, ids)).map((u) => [String(u.id), u]));
  return {
    scope: scopeRef,
    smallSampleBelow: SMALL_SAMPLE,
    questionnaire: QUESTIONNAIRE_VERSION,
    total: figuresByKey(total).get('all') ?? indexFigures(0, []),
    series: [...figuresByKey(series).entries()]
      .map(([period, f]) => ({ period, ...f }))
      .sort((a, b) => a.period.localeCompare(b.period)),
    parts: [...partFigures.entries()]
      .filter(([k]) => names.has(k))
      .map(([k, f]) => {
        const u = names.get(k)!;
        return { unit: { id: u.id, code: u.code, name: u.name, level: u.level }, ...f };
      })
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code)),
  };
}

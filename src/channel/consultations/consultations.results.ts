// Results of a consultation: overall, per section, per province and per commune of residence, from exact counts
// of confirmed participations. Each level is the sum of the one below (a commune's counts are added into its
// province and the whole), so the three always agree.
import type { Db } from '../../platform/db/db.ts';
import { todayIso } from '../../platform/errors.ts';
import { addUp, tallyOut, type Tally } from './consultations.arithmetic.ts';
import { present, requireConsultation } from './consultations.service.ts';
import * as store from './consultations.store.ts';
import type { Results } from './consultations.schemas.ts';

export async function consultationResults(db: Db, id: number, today = todayIso()): Promise<Results> {
  const c = await requireConsultation(db, id);
  const [sections, overallRows, sectionRows, people] = await Promise.all([
    store.sectionsOf(db, id),
    store.overallCounts(db, id),
    store.sectionCounts(db, id),
    store.participantCounts(db, id),
  ]);
  const confirmed = people.filter((p) => p.confirmed);
  const unitIds = [...new Set(confirmed.flatMap((p) => [p.unit_id, p.province_id]))];
  const names = new Map((await store.unitNames(db, unitIds)).map((u) => [u.id, u]));
  const ref = (uid: number) => {
    const u = names.get(uid)!;
    return { id: u.id, code: u.code, name: u.name };
  };
  const zero = (): Tally => ({ agree: 0, disagree: 0 });

  const byLevel = (level: 'unit_id' | 'province_id') => {
    const overall = addUp(overallRows, (r) => String(r[level]));
    const bySection = addUp(sectionRows, (r) => `${r[level]}:${r.section_id}`);
    const count = new Map<number, number>();
    for (const p of confirmed) count.set(p[level], (count.get(p[level]) ?? 0) + p.n);
    return [...count.entries()]
      .map(([uid, n]) => ({
        unit: ref(uid),
        participants: n,
        overall: tallyOut(overall.get(String(uid)) ?? zero()),
        sections: sections.map((s) => ({
          sectionId: s.id,
          tally: tallyOut(bySection.get(`${uid}:${s.id}`) ?? zero()),
        })),
      }))
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  };

  const all = addUp(overallRows, () => 'all').get('all') ?? zero();
  const perSection = addUp(sectionRows, (r) => String(r.section_id));
  return {
    consultation: present(c, today),
    participants: confirmed.reduce((s, p) => s + p.n, 0),
    unconfirmed: people.filter((p) => !p.confirmed).reduce((s, p) => s + p.n, 0),
    overall: tallyOut(all),
    sections: sections.map((s) => ({
      sectionId: s.id,
      position: s.position,
      heading: s.heading,
      tally: tallyOut(perSection.get(String(s.id)) ?? zero()),
    })),
    provinces: byLevel('province_id'),
    units: byLevel('unit_id'),
  };
}

/** The Word report: the results and every group of comments with the drafting body's answer. */
export async function consultationReport(db: Db, id: number, today = todayIso()) {
  const { consultationDocx } = await import('./consultations.docx.ts');
  const results = await consultationResults(db, id, today);
  const [groups, sections] = await Promise.all([store.groupsOf(db, id), store.sectionsOf(db, id)]);
  const heading = new Map(sections.map((s) => [s.id, `phần ${s.position}`]));
  return consultationDocx(
    results,
    groups.map((g) => ({
      title: g.title,
      section: g.section_id ? (heading.get(g.section_id) ?? null) : null,
      comments: g.comments ?? 0,
      answer: g.answer,
    })),
    today,
  );
}

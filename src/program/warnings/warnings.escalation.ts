// Escalation: an open warning older than its program's escalation days goes
// to the unit above the task's unit (a late review: above the reviewer's), into the inbox of that unit's writers,
// and by e-mail and webhook after the commit.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { todayIso } from '../../platform/errors.ts';
import type { Config } from '../../platform/config.ts';
import { sendEmail, type EmailResult } from '../../platform/notify/email.ts';
import {
  sendEscalationWebhooks,
  type EscalatedWarning,
  type WebhookConfig,
  type WebhookDelivery,
} from './warnings.webhooks.ts';
import { escalationDue } from './index.ts';
import { notifyUsers, type Note } from '../events/events.inbox.ts';
import { CHANNELS, publishMany } from '../events/events.publish.ts';
import { PROGRAM } from '../program.policy.ts';
import type { Role } from '../../platform/context.ts';

/** Where notifications go: SMTP for e-mail, and webhook receivers (optional, off when absent). */
export type NotifyConfig = Pick<Config, 'smtpUrl' | 'mailFrom'> & WebhookConfig;
/** The name the daily run and reevaluateAll use; it carries the webhook settings too. */
export type MailConfig = NotifyConfig;

/**
 * Escalates every open warning older than its program's escalation days to the
 * unit above the task's unit, and puts it in the inbox of that unit's writers.
 */
export async function escalateWarnings(db: Db, asOf = todayIso(), mail?: NotifyConfig) {
  const candidates = await db
    .selectFrom('program_warnings as w')
    .innerJoin('tasks as t', 't.id', 'w.task_id')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('units as reviewer', 'reviewer.id', 'u.parent_id')
    // A late review is the reviewer's (the unit above the task's): it goes to the unit above the reviewer.
    .leftJoin('units as above', (j) =>
      j.on(sql<boolean>`above.id = case when w.kind = 'review_overdue' then reviewer.parent_id else u.parent_id end`),
    )
    .select([
      'w.id',
      'w.task_id',
      'w.kind',
      'w.message_vi',
      'w.message_en',
      sql<string>`to_char(w.raised_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('raised'),
      'p.escalation_days',
      'p.id as program_id',
      'above.id as parent_id',
      't.code',
      'above.code as above_code',
      'above.name as above_name',
    ])
    .where('w.resolved_at', 'is', null)
    .where('w.escalated_at', 'is', null)
    // Only those old enough (the engine's rule below decides; this keeps a national run from reading every open warning):
    // raised before local midnight after asOf − days. The bound with the smallest days of any program uses the index.
    .where(
      sql<boolean>`w.raised_at < ((${asOf}::date - p.escalation_days + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`,
    )
    .where(
      sql<boolean>`w.raised_at < ((${asOf}::date - (select min(escalation_days) from programs) + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`,
    )
    .execute();
  const due = candidates.filter(
    (c) => c.parent_id !== null && escalationDue({ raisedAt: c.raised }, asOf, c.escalation_days),
  );
  if (due.length === 0) return { escalated: 0, emails: [] as EmailResult[], webhooks: [] as WebhookDelivery[] };
  const outbox: { to: string; subject: string; text: string }[] = [];
  const result = await db.transaction().execute(async (trx) => {
    // One statement for all of them: a national run can escalate hundreds of thousands at once.
    await sql`update program_warnings w set escalated_at = now(), escalated_to_unit = v.unit_id
      from unnest(${due.map((d) => d.id)}::bigint[], ${due.map((d) => d.parent_id)}::bigint[]) as v(id, unit_id)
      where w.id = v.id`.execute(trx);
    const writers = await trx
      .selectFrom('grants')
      .innerJoin('users', 'users.id', 'grants.user_id')
      .select(['grants.user_id', 'grants.unit_id', 'users.email'])
      .where(sql<boolean>`grants.unit_id = any(${[...new Set(due.map((d) => d.parent_id!))]}::bigint[])`)
      .where('role', 'in', [...(PROGRAM['report.review'].who as readonly Role[])])
      .execute();
    const notes: (Note & { userId: number })[] = [];
    for (const w of writers) {
      const mine = due.filter((d) => d.parent_id === w.unit_id);
      // A few: one note each. Many (a province above thousands of communes' tasks): one digest, not an inbox nobody can read.
      const batch = mine.length <= DIGEST_ABOVE ? mine.map((d) => single(d)) : [digest(mine)];
      for (const n of batch) {
        notes.push({ ...n.note, userId: w.user_id });
        if (w.email) outbox.push({ to: w.email, subject: n.subject, text: `${n.note.body.vi}\n\n${n.note.body.en}` });
      }
    }
    await notifyUsers(trx, notes);
    await publishMany(
      trx,
      [...new Set(due.map((d) => d.program_id))].map((programId) => ({
        channel: CHANNELS.warning,
        payload: { programId, taskIds: due.filter((d) => d.program_id === programId).map((d) => d.task_id) },
      })),
    );
    return { escalated: due.length };
  });
  // E-mail and webhooks go out after the commit (a rolled-back escalation must not have told anyone); the inbox already holds it.
  const escalated: EscalatedWarning[] = due.map((d) => ({
    id: d.id,
    taskId: d.task_id,
    taskCode: d.code,
    programId: d.program_id,
    kind: d.kind,
    message: { vi: d.message_vi, en: d.message_en },
    raisedOn: d.raised,
    escalationDays: d.escalation_days,
    escalatedTo: { unitId: d.parent_id!, code: d.above_code!, name: d.above_name! },
  }));
  const [emails, webhooks] = await Promise.all([
    mail ? Promise.all(outbox.map((m) => sendEmail(mail, m))) : Promise.resolve([] as EmailResult[]),
    sendEscalationWebhooks(db, mail, asOf, escalated),
  ]);
  return { ...result, emails, webhooks };
}

/** Above this many escalations for one writer in one run, they get one digest instead of one note each. */
const DIGEST_ABOVE = 10;

interface Due {
  id: number;
  code: string;
  escalation_days: number;
  message_vi: string;
  message_en: string;
}

function single(d: Due) {
  return {
    subject: `[Apparatus] Cảnh báo chuyển lên / Escalated warning: ${d.code}`,
    note: {
      kind: 'warning_escalated',
      entity: 'program_warning',
      entityId: d.id,
      title: { vi: `Cảnh báo chuyển lên: nhiệm vụ ${d.code}`, en: `Escalated warning: task ${d.code}` },
      body: {
        vi: `Chưa xử lý sau ${d.escalation_days} ngày. ${d.message_vi}`,
        en: `Unresolved after ${d.escalation_days} days. ${d.message_en}`,
      },
    } satisfies Note,
  };
}

function digest(list: Due[]) {
  const first = list.slice(0, DIGEST_ABOVE);
  const more = list.length - first.length;
  const lines = (lang: 'vi' | 'en') =>
    first.map((d) => `- ${d.code}: ${lang === 'vi' ? d.message_vi : d.message_en}`).join('\n');
  return {
    subject: `[Apparatus] ${list.length} cảnh báo chuyển lên / ${list.length} escalated warnings`,
    note: {
      kind: 'warnings_escalated',
      entity: 'program_warning',
      entityId: list[0].id,
      title: {
        vi: `${list.length} cảnh báo chuyển lên từ cấp dưới`,
        en: `${list.length} warnings escalated from the level below`,
      },
      body: {
        vi: `${list.length} cảnh báo chưa được xử lý sau thời hạn đã chuyển lên đơn vị của bạn. Ví dụ:\n${lines('vi')}${more ? `\n… và ${more} cảnh báo khác (xem danh sách cảnh báo).` : ''}`,
        en: `${list.length} warnings still unresolved after their deadline were escalated to your unit. For example:\n${lines('en')}${more ? `\n… and ${more} more (see the warnings list).` : ''}`,
      },
    } satisfies Note,
  };
}

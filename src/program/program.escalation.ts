// Escalation: an open warning older than its program's escalation days goes
// to the unit above the task's unit, into the inbox of that unit's writers,
// and by e-mail and webhook after the commit.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import { todayIso } from '../platform/errors.ts';
import type { Config } from '../platform/config.ts';
import { sendEmail, type EmailResult } from '../platform/notify/email.ts';
import { sendEscalationWebhooks, type EscalatedWarning, type WebhookConfig, type WebhookDelivery } from './program.webhooks.ts';
import { escalationDue } from './warnings/index.ts';
import { notifyUser } from './program.inbox.ts';
import { CHANNELS, publish } from './program.events.ts';
import { WRITER_ROLES } from './program.scope.ts';

/** Where notifications go: SMTP for e-mail, and webhook receivers (optional, off when absent). */
export type NotifyConfig = Pick<Config, 'smtpUrl' | 'mailFrom'> & WebhookConfig;
/** The name the daily run and reevaluateAll use; it carries the webhook settings too. */
export type MailConfig = NotifyConfig;

/**
 * Escalates every open warning older than its program's escalation days to the
 * unit above the task's unit, and puts it in the inbox of that unit's writers.
 */
export async function escalateWarnings(db: Db, asOf = todayIso(), mail?: NotifyConfig) {
  const candidates = await db.selectFrom('program_warnings as w').innerJoin('tasks as t', 't.id', 'w.task_id')
    .innerJoin('programs as p', 'p.id', 't.program_id').innerJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('units as above', 'above.id', 'u.parent_id')
    .select(['w.id', 'w.task_id', 'w.kind', 'w.message_vi', 'w.message_en', sql<string>`to_char(w.raised_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('raised'),
      'p.escalation_days', 'p.id as program_id', 'u.parent_id', 't.code', 'above.code as above_code', 'above.name as above_name'])
    .where('w.resolved_at', 'is', null).where('w.escalated_at', 'is', null)
    // Only those old enough (the engine's rule below decides; this keeps a national run from reading every open warning):
    // raised before local midnight after asOf − days. The bound with the smallest days of any program uses the index.
    .where(sql<boolean>`w.raised_at < ((${asOf}::date - p.escalation_days + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`)
    .where(sql<boolean>`w.raised_at < ((${asOf}::date - (select min(escalation_days) from programs) + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`)
    .execute();
  const due = candidates.filter((c) => c.parent_id !== null && escalationDue({ raisedAt: c.raised }, asOf, c.escalation_days));
  if (due.length === 0) return { escalated: 0, emails: [] as EmailResult[], webhooks: [] as WebhookDelivery[] };
  const outbox: { to: string; subject: string; text: string }[] = [];
  const result = await db.transaction().execute(async (trx) => {
    const writers = await trx.selectFrom('grants').innerJoin('users', 'users.id', 'grants.user_id').select(['grants.user_id', 'grants.unit_id', 'users.email'])
      .where('unit_id', 'in', [...new Set(due.map((d) => d.parent_id!))]).where('role', 'in', WRITER_ROLES).execute();
    for (const d of due) {
      await trx.updateTable('program_warnings').set({ escalated_at: new Date(), escalated_to_unit: d.parent_id }).where('id', '=', d.id).execute();
      for (const w of writers.filter((g) => g.unit_id === d.parent_id)) {
        if (w.email) outbox.push({ to: w.email, subject: `[Apparatus] Cảnh báo chuyển lên / Escalated warning: ${d.code}`,
          text: `Chưa xử lý sau ${d.escalation_days} ngày. ${d.message_vi}\n\nUnresolved after ${d.escalation_days} days. ${d.message_en}` });
        await notifyUser(trx, w.user_id, {
          kind: 'warning_escalated', entity: 'program_warning', entityId: d.id,
          title: { vi: `Cảnh báo chuyển lên: nhiệm vụ ${d.code}`, en: `Escalated warning: task ${d.code}` },
          body: { vi: `Chưa xử lý sau ${d.escalation_days} ngày. ${d.message_vi}`, en: `Unresolved after ${d.escalation_days} days. ${d.message_en}` },
        });
      }
    }
    for (const programId of new Set(due.map((d) => d.program_id))) {
      await publish(trx, CHANNELS.warning, { programId, taskIds: due.filter((d) => d.program_id === programId).map((d) => d.task_id) });
    }
    return { escalated: due.length };
  });
  // E-mail and webhooks go out after the commit (a rolled-back escalation must not have told anyone); the inbox already holds it.
  const escalated: EscalatedWarning[] = due.map((d) => ({
    id: d.id, taskId: d.task_id, taskCode: d.code, programId: d.program_id, kind: d.kind, message: { vi: d.message_vi, en: d.message_en },
    raisedOn: d.raised, escalationDays: d.escalation_days, escalatedTo: { unitId: d.parent_id!, code: d.above_code!, name: d.above_name! },
  }));
  const [emails, webhooks] = await Promise.all([
    mail ? Promise.all(outbox.map((m) => sendEmail(mail, m))) : Promise.resolve([] as EmailResult[]),
    sendEscalationWebhooks(db, mail, asOf, escalated),
  ]);
  return { ...result, emails, webhooks };
}

// Webhooks about escalated warnings: after the escalation has committed, one
// signed POST per receiver per run (in parts of at most PART_SIZE warnings),
// each retried by deliverWebhook, and every delivery stored with its attempts.
// One batch per run rather than one POST per warning: a national daily run can
// escalate thousands of warnings at once, and thousands of POSTs (each with
// retries and a timeout) would flood a receiver and hold the run for minutes;
// the receiver gets the same facts per warning either way.
import type { Db } from '../../platform/db/db.ts';
import type { Config } from '../../platform/config.ts';
import { deliverWebhook, type WebhookOptions } from '../../platform/notify/webhook.ts';

export const ESCALATED_EVENT = 'program.warnings.escalated';
const PART_SIZE = 500;

export type WebhookConfig = Partial<Pick<Config, 'webhookUrls' | 'webhookSecret'>> & {
  webhookOptions?: WebhookOptions;
};

export interface EscalatedWarning {
  id: number;
  taskId: number;
  taskCode: string;
  programId: number;
  kind: string;
  message: { vi: string; en: string };
  raisedOn: string;
  escalationDays: number;
  escalatedTo: { unitId: number; code: string; name: string };
}

export interface WebhookDelivery {
  receiver: string;
  deliveryId: string;
  ok: boolean;
  warnings: number;
  attempts: number;
  error: string | null;
}

/** The origin only: a webhook URL's path or query often carries the receiver's token. */
const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
};

export async function sendEscalationWebhooks(
  db: Db,
  config: WebhookConfig | undefined,
  asOf: string,
  warnings: EscalatedWarning[],
): Promise<WebhookDelivery[]> {
  const urls = config?.webhookUrls ?? [];
  if (urls.length === 0 || warnings.length === 0) return [];
  if (!config?.webhookSecret) throw new Error('Webhook URLs are configured without APPARATUS_WEBHOOK_SECRET');
  const parts: EscalatedWarning[][] = [];
  for (let i = 0; i < warnings.length; i += PART_SIZE) parts.push(warnings.slice(i, i + PART_SIZE));
  const sends = urls.flatMap((url, n) =>
    parts.map(async (part, p) => {
      const event = {
        type: ESCALATED_EVENT,
        asOf,
        part: p + 1,
        parts: parts.length,
        count: part.length,
        warnings: part,
      };
      const result = await deliverWebhook(url, config.webhookSecret!, event, config.webhookOptions);
      return { url, receiverNo: n + 1, part, result };
    }),
  );
  const done = await Promise.all(sends);
  await db
    .insertInto('program_webhook_deliveries')
    .values(
      done.map((d) => ({
        event: ESCALATED_EVENT,
        as_of: asOf,
        receiver: originOf(d.url),
        receiver_no: d.receiverNo,
        delivery_id: d.result.deliveryId,
        warning_ids: d.part.map((w) => w.id),
        ok: d.result.ok,
        attempts: JSON.stringify(d.result.attempts),
        error: d.result.error,
      })),
    )
    .execute();
  return done.map((d) => ({
    receiver: originOf(d.url),
    deliveryId: d.result.deliveryId,
    ok: d.result.ok,
    warnings: d.part.length,
    attempts: d.result.attempts.length,
    error: d.result.error,
  }));
}

/** The last delivery record's id, to count what a run adds after it (0 when none). */
export async function lastDeliveryId(db: Db): Promise<number> {
  const r = await db
    .selectFrom('program_webhook_deliveries')
    .select((e) => e.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** Deliveries recorded after `afterId`: for the daily run's result and the `program reevaluate` output. */
export async function deliveriesSince(db: Db, afterId: number) {
  const rows = await db.selectFrom('program_webhook_deliveries').select(['ok']).where('id', '>', afterId).execute();
  return { webhooksDelivered: rows.filter((r) => r.ok).length, webhooksFailed: rows.filter((r) => !r.ok).length };
}

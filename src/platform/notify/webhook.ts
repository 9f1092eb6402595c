// Webhook notifications: an HTTP POST of the event as JSON, signed with
// HMAC-SHA256 so the receiver can check it came from us and was not altered.
// Delivery retries transient failures a bounded number of times with doubling
// waits, each attempt under a timeout, and never rejects: the caller stores the
// result (every attempt with its status or error) as the delivery record.
import crypto from 'node:crypto';

export const SIGNATURE_HEADER = 'x-apparatus-signature';
export const TIMESTAMP_HEADER = 'x-apparatus-timestamp';
export const DELIVERY_HEADER = 'x-apparatus-delivery';

export interface WebhookOptions {
  /** Attempts in all, including the first. 4: covers a receiver restart of a few seconds, then gives up. */
  maxAttempts?: number;
  /** Per-attempt limit, connection to last byte. 5 s: a receiver should acknowledge and work later. */
  timeoutMs?: number;
  /** Wait before the 2nd attempt; doubles each time (500 ms, 1 s, 2 s), capped by maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface WebhookAttempt {
  at: string;
  status: number | null;
  error: string | null;
  ms: number;
}
export interface WebhookResult {
  ok: boolean;
  /** Same on every attempt, so a receiver can drop duplicates. */
  deliveryId: string;
  attempts: WebhookAttempt[];
  /** Why it finally failed, for the record; null when delivered. */
  error: string | null;
}

/**
 * The signature is `sha256=` + hex HMAC of `${timestamp}.${body}`: signing the timestamp too lets
 * the receiver refuse an old request replayed later (see verifyWebhook's tolerance).
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers (and tests): constant-time check of the signature and the timestamp's freshness. */
export function verifyWebhook(
  secret: string,
  signature: string,
  timestamp: number,
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** Worth another try: the network, a timeout, a server error, 408 and 429. Other answers will not change. */
const transient = (status: number | null) => status === null || status >= 500 || status === 408 || status === 429;

export async function deliverWebhook(
  url: string,
  secret: string,
  event: unknown,
  options: WebhookOptions = {},
): Promise<WebhookResult> {
  const { maxAttempts = 4, timeoutMs = 5000, backoffMs = 500, maxBackoffMs = 30_000 } = options;
  const deliveryId = crypto.randomUUID();
  const attempts: WebhookAttempt[] = [];
  const fail = (error: string): WebhookResult => ({ ok: false, deliveryId, attempts, error });
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error('only http and https');
  } catch (err) {
    return fail(`Địa chỉ webhook không hợp lệ / Invalid webhook URL "${url}": ${(err as Error).message}`);
  }
  let body: string;
  try {
    body = JSON.stringify(event);
  } catch (err) {
    return fail(`Event is not JSON: ${(err as Error).message}`);
  }

  for (let n = 1; n <= Math.max(1, maxAttempts); n++) {
    if (n > 1) await new Promise((r) => setTimeout(r, Math.min(backoffMs * 2 ** (n - 2), maxBackoffMs)));
    const attempt = await postOnce(target, secret, body, deliveryId, timeoutMs);
    attempts.push(attempt);
    if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300)
      return { ok: true, deliveryId, attempts, error: null };
    if (!transient(attempt.status)) break;
  }
  const last = attempts[attempts.length - 1];
  return fail(
    `${attempts.length} attempt${attempts.length === 1 ? '' : 's'}, last: ${last.error ?? `HTTP ${last.status}`}`,
  );
}

async function postOnce(
  url: URL,
  secret: string,
  body: string,
  deliveryId: string,
  timeoutMs: number,
): Promise<WebhookAttempt> {
  const started = Date.now();
  const timestamp = Math.floor(started / 1000); // signed per attempt, so a late retry is still fresh
  const record = (status: number | null, error: string | null): WebhookAttempt => ({
    at: new Date(started).toISOString(),
    status,
    error,
    ms: Date.now() - started,
  });
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      redirect: 'manual', // a redirect could send the signed event somewhere nobody configured
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Apparatus-Webhook/1',
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
        [TIMESTAMP_HEADER]: String(timestamp),
        [DELIVERY_HEADER]: deliveryId,
      },
    });
    await res.arrayBuffer().catch(() => {}); // drain, so the connection is reused or freed
    return record(
      res.status,
      res.status >= 300 && res.status < 400 ? `redirect to ${res.headers.get('location')} not followed` : null,
    );
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const reason = e.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    return record(null, reason);
  }
}

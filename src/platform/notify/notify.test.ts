// E-mail against a local SMTP catcher and webhooks against a local HTTP
// receiver, both on 127.0.0.1, including receivers that fail.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeEmailTransports, sendEmail } from './email.ts';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, deliverWebhook, verifyWebhook } from './webhook.ts';

// Any promise left to reject unhandled fails the test that caused it.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => {
  unhandled.push(reason);
};
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
afterEach(() => {
  expect(unhandled).toEqual([]);
});

interface Caught {
  from: string;
  to: string[];
  raw: string;
}

describe('e-mail over SMTP', () => {
  const caught: Caught[] = [];
  let rejectRecipients = false;
  const catcher = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'], // plain local catcher: no certificate to trust
    onRcptTo(address, _session, callback) {
      callback(rejectRecipients ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        caught.push({
          from: (session.envelope.mailFrom || { address: '' }).address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  let smtpUrl = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(catcher.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    closeEmailTransports();
    await new Promise<void>((resolve) => catcher.close(resolve));
  });
  beforeEach(() => {
    caught.length = 0;
    rejectRecipients = false;
  });

  it('sends text and HTML to the configured server, from the configured sender', async () => {
    const result = await sendEmail(
      { smtpUrl, mailFrom: 'Apparatus <canhbao@example.gov.vn>' },
      {
        to: ['officer@example.gov.vn', 'lead@example.gov.vn'],
        subject: 'Cảnh báo: nhiệm vụ 1.2 quá hạn',
        text: 'Task 1.2 is overdue by 3 days.',
        html: '<p>Task 1.2 is <b>overdue</b> by 3 days.</p>',
      },
    );
    expect(result).toMatchObject({
      status: 'sent',
      accepted: ['officer@example.gov.vn', 'lead@example.gov.vn'],
      rejected: [],
    });
    expect(caught).toHaveLength(1);
    expect(caught[0].from).toBe('canhbao@example.gov.vn');
    expect(caught[0].to).toEqual(['officer@example.gov.vn', 'lead@example.gov.vn']);
    expect(caught[0].raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m); // Vietnamese subject, MIME-encoded
    expect(caught[0].raw).toContain('Task 1.2 is overdue by 3 days.');
    expect(caught[0].raw).toContain('multipart/alternative');
  });

  it('is off without APPARATUS_SMTP_URL, saying so once in the log', async () => {
    const logged: string[] = [];
    const log = {
      warn: (m: string) => {
        logged.push(m);
      },
    };
    const message = { to: 'a@example.gov.vn', subject: 's', text: 't' };
    expect(await sendEmail({ smtpUrl: null, mailFrom: 'x@y' }, message, { log })).toEqual({ status: 'disabled' });
    expect(await sendEmail({ smtpUrl: null, mailFrom: 'x@y' }, message, { log })).toEqual({ status: 'disabled' });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/APPARATUS_SMTP_URL/);
    expect(caught).toHaveLength(0);
  });

  it('records a refused recipient, an unreachable server and a bad address as failures, without throwing', async () => {
    rejectRecipients = true;
    const refused = await sendEmail(
      { smtpUrl, mailFrom: 'x@example.gov.vn' },
      { to: 'gone@example.gov.vn', subject: 's', text: 't' },
    );
    expect(refused.status).toBe('failed');
    expect((refused as { error: string }).error).toMatch(/Mailbox unavailable|550/);
    const closedPort = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const unreachable = await sendEmail(
      { smtpUrl: `smtp://127.0.0.1:${closedPort}`, mailFrom: 'x@example.gov.vn' },
      { to: 'a@example.gov.vn', subject: 's', text: 't' },
    );
    expect(unreachable).toMatchObject({ status: 'failed', error: expect.stringMatching(/ECONNREFUSED/) });
    expect(
      await sendEmail({ smtpUrl, mailFrom: 'x@y' }, { to: 'not-an-address', subject: 's', text: 't' }),
    ).toMatchObject({ status: 'failed' });
    expect(caught).toHaveLength(0);
  });
});

describe('webhooks', () => {
  interface Received {
    headers: http.IncomingHttpHeaders;
    body: string;
  }
  const received: Received[] = [];
  /** What the receiver answers to each request in turn; the last answer repeats. 'hang' never answers. */
  let script: (number | 'hang')[] = [200];
  const hanging: http.ServerResponse[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const answer = script[Math.min(received.length - 1, script.length - 1)];
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(answer).end();
    });
  });
  let url = '';
  const secret = 'webhook-secret-for-tests';
  const fast = { backoffMs: 10, timeoutMs: 1000 };
  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    for (const r of hanging) r.destroy();
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  });
  beforeEach(() => {
    received.length = 0;
    script = [200];
  });

  it('posts the event as JSON with a verifiable HMAC-SHA256 signature', async () => {
    const event = { type: 'warning.raised', taskId: 12, kind: 'overdue' };
    const result = await deliverWebhook(url, secret, event, fast);
    expect(result).toMatchObject({ ok: true, error: null });
    expect(result.attempts.map((a) => a.status)).toEqual([200]);
    const [r] = received;
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body)).toEqual(event);
    const ts = Number(r.headers[TIMESTAMP_HEADER]);
    expect(verifyWebhook(secret, String(r.headers[SIGNATURE_HEADER]), ts, r.body)).toBe(true);
    expect(verifyWebhook('wrong-secret', String(r.headers[SIGNATURE_HEADER]), ts, r.body)).toBe(false);
    expect(verifyWebhook(secret, String(r.headers[SIGNATURE_HEADER]), ts, r.body.replace('12', '13'))).toBe(false);
    expect(verifyWebhook(secret, String(r.headers[SIGNATURE_HEADER]), ts, r.body, 300, (ts + 301) * 1000)).toBe(false); // replayed late
    expect(r.headers[DELIVERY_HEADER]).toBe(result.deliveryId);
  });

  it('retries a transient failure with the same delivery id, then succeeds', async () => {
    script = [503, 500, 200];
    const result = await deliverWebhook(url, secret, { type: 'x' }, fast);
    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => a.status)).toEqual([503, 500, 200]);
    expect(new Set(received.map((r) => r.headers[DELIVERY_HEADER])).size).toBe(1);
  });

  it('gives up after the bounded number of attempts against a failing receiver, and records why', async () => {
    script = [500];
    const started = Date.now();
    const result = await deliverWebhook(url, secret, { type: 'x' }, { ...fast, maxAttempts: 3 });
    expect(result.ok).toBe(false);
    expect(received).toHaveLength(3);
    expect(result.error).toBe('3 attempts, last: HTTP 500');
    expect(Date.now() - started).toBeGreaterThanOrEqual(10 + 20); // waited 10 ms, then 20 ms
  });

  it('does not retry an answer that will not change (400), nor follow a redirect', async () => {
    script = [400];
    expect((await deliverWebhook(url, secret, {}, fast)).attempts).toHaveLength(1);
    received.length = 0;
    script = [302];
    const redirected = await deliverWebhook(url, secret, {}, fast);
    expect(redirected).toMatchObject({ ok: false, error: expect.stringMatching(/redirect/) });
    expect(received).toHaveLength(1);
  });

  it('times out a receiver that never answers, and a closed port fails fast, without throwing', async () => {
    script = ['hang'];
    const slow = await deliverWebhook(url, secret, {}, { backoffMs: 10, timeoutMs: 100, maxAttempts: 2 });
    expect(slow).toMatchObject({ ok: false, error: '2 attempts, last: timeout after 100 ms' });
    const closedPort = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const refused = await deliverWebhook(`http://127.0.0.1:${closedPort}/`, secret, {}, { ...fast, maxAttempts: 2 });
    expect(refused).toMatchObject({ ok: false, error: '2 attempts, last: ECONNREFUSED' });
    expect(await deliverWebhook('ftp://example.org/', secret, {}, fast)).toMatchObject({ ok: false, attempts: [] });
  });
});

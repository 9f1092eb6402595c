// E-mail notifications over SMTP (nodemailer). Configured by APPARATUS_SMTP_URL
// and APPARATUS_MAIL_FROM; without a URL e-mail is off, said once in the log,
// and the in-app inbox carries the notification alone. Sending never throws:
// the caller records the result (sent, disabled, failed) next to the notification.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

export interface EmailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
}

export type EmailResult =
  | { status: 'sent'; messageId: string; accepted: string[]; rejected: string[] }
  | { status: 'disabled' }
  | { status: 'failed'; error: string };

type Log = Pick<Console, 'warn'>;

// One transport per server URL, kept for the life of the process: opening an SMTP session costs
// more than sending one message.
const transports = new Map<string, Transporter>();
let warnedDisabled = false;

/**
 * Timeouts far below nodemailer's defaults (2 min to connect, 10 min idle): a stuck mail server
 * must not hold a warning run for minutes. A notification can be resent; a hung worker cannot.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport({ url, ...TIMEOUTS });
    transports.set(url, t);
  }
  return t;
}

export async function sendEmail(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  message: EmailMessage,
  options: { log?: Log } = {},
): Promise<EmailResult> {
  const log = options.log ?? console;
  if (!config.smtpUrl) {
    if (!warnedDisabled) {
      log.warn(
        'E-mail notifications are off: set APPARATUS_SMTP_URL (and APPARATUS_MAIL_FROM) to send them. / Chưa cấu hình máy chủ thư (APPARATUS_SMTP_URL): không gửi thư thông báo.',
      );
      warnedDisabled = true;
    }
    return { status: 'disabled' };
  }
  const to = Array.isArray(message.to) ? message.to : [message.to];
  if (to.length === 0 || to.some((a) => !a.includes('@'))) {
    return { status: 'failed', error: `Địa chỉ nhận không hợp lệ / Invalid recipient: ${JSON.stringify(message.to)}` };
  }
  try {
    const info = await transportFor(config.smtpUrl).sendMail({
      from: config.mailFrom,
      to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
    });
    const addresses = (list: unknown[] | undefined) =>
      (list ?? []).map((a) => (typeof a === 'string' ? a : (a as { address: string }).address));
    return {
      status: 'sent',
      messageId: info.messageId,
      accepted: addresses(info.accepted),
      rejected: addresses(info.rejected),
    };
  } catch (err) {
    return { status: 'failed', error: (err as Error).message };
  }
}

/** Closes the cached SMTP connections (server shutdown, tests). */
export function closeEmailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

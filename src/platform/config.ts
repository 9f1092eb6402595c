// All configuration comes from environment variables, read once here so every
// entry point (server, CLI, tests, benchmarks) agrees on names and defaults.
import path from 'node:path';

export interface Config {
  /** PostgreSQL server URL; when unset the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database (PGlite) and other local state. */
  dataDir: string;
  host: string;
  port: number;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** Secure cookies need HTTPS; off by default so the local demo works over http. */
  cookieSecure: boolean;
  /** Failed logins allowed per user name and per address in the window below. */
  loginMaxAttempts: number;
  loginWindowMinutes: number;
  /** Trust X-Forwarded-For (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** Load demo users on start (npm start). */
  demo: boolean;
  logLevel: string;
  /** SMTP server for e-mail notifications (smtp:// or smtps://, credentials in the URL); null turns e-mail off. */
  smtpUrl: string | null;
  /** Sender address of notification e-mails. */
  mailFrom: string;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Environment variable ${name} must be a whole number, got "${raw}"`);
  }
  return value;
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  return {
    databaseUrl: process.env.DATABASE_URL || null,
    dataDir: path.resolve(process.env.APPARATUS_DATA_DIR || './.apparatus'),
    host: process.env.HOST || '127.0.0.1',
    port: intFromEnv('PORT', 3000),
    sessionHours: intFromEnv('APPARATUS_SESSION_HOURS', 12),
    cookieSecure: process.env.APPARATUS_COOKIE_SECURE === '1',
    loginMaxAttempts: intFromEnv('APPARATUS_LOGIN_MAX_ATTEMPTS', 10),
    loginWindowMinutes: intFromEnv('APPARATUS_LOGIN_WINDOW_MINUTES', 15),
    trustProxy: process.env.APPARATUS_TRUST_PROXY === '1',
    demo: process.env.APPARATUS_DEMO === '1',
    logLevel: process.env.LOG_LEVEL || 'warn',
    smtpUrl: process.env.APPARATUS_SMTP_URL || null,
    mailFrom: process.env.APPARATUS_MAIL_FROM || 'Apparatus <no-reply@localhost>',
    ...overrides,
  };
}

// All configuration comes from environment variables, read once here so every
// entry point (server, CLI, tests, benchmarks) agrees on names and defaults.
import path from 'node:path';

export interface Config {
  /** PostgreSQL server URL the server works through (the app role); when unset the embedded PGlite database is used. */
  databaseUrl: string | null;
  /**
   * PostgreSQL URL of the role that owns the schema, used only to apply migrations and grant the app
   * role what it needs (README, "PostgreSQL roles"): with it, the server's own role may only read and
   * append to audit_log. Unset: one role does both (the only way on PGlite, which has one user).
   */
  migrateUrl: string | null;
  /** Folder of the embedded database (PGlite) and other local state. */
  dataDir: string;
  host: string;
  port: number;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** Secure cookies need HTTPS; off by default so the local demo works over http. */
  cookieSecure: boolean;
  /** Failed logins allowed per (address, user name) in the window below; then blocked, twice as long each time. */
  loginMaxAttempts: number;
  /** Failed logins allowed per address whatever the user name (an office behind one NAT address shares it). */
  loginMaxAttemptsPerAddress: number;
  loginWindowMinutes: number;
  /** Lifetime of a new API token when none is asked for, and the longest one may ask for, in days. */
  tokenDefaultDays: number;
  tokenMaxDays: number;
  /** Trust X-Forwarded-For (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** Load demo users on start (npm start). */
  demo: boolean;
  logLevel: string;
  /** SMTP server for e-mail notifications (smtp:// or smtps://, credentials in the URL); null turns e-mail off. */
  smtpUrl: string | null;
  /** Sender address of notification e-mails. */
  mailFrom: string;
  /** Receivers of webhook notifications (escalated warnings), http(s) URLs; empty turns webhooks off. */
  webhookUrls: string[];
  /** Shared secret of the HMAC-SHA256 signature on every webhook; required when webhookUrls is set. */
  webhookSecret: string | null;
  /** Where uploaded files (photos, scans) are kept: see FilesConfig. */
  files: FilesConfig;
}

/**
 * APPARATUS_FILES=disk (default): files under `<dataDir>/files` (APPARATUS_FILES_DIR to put them elsewhere),
 * enough for one machine. APPARATUS_FILES=s3: an S3-compatible bucket shared by every server process, from
 * S3_BUCKET (required), S3_REGION, S3_ENDPOINT (any S3-compatible server; unset for AWS), S3_PREFIX,
 * S3_FORCE_PATH_STYLE (1 by default when S3_ENDPOINT is set) and the credentials S3_ACCESS_KEY_ID +
 * S3_SECRET_ACCESS_KEY, or else the AWS SDK's own (AWS_ACCESS_KEY_ID…, a profile, an instance role).
 */
export type FilesConfig =
  | { kind: 'disk'; dir: string | null }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint: string | null;
      forcePathStyle: boolean;
      prefix: string;
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
    };

function filesFromEnv(): FilesConfig {
  const kind = process.env.APPARATUS_FILES || 'disk';
  if (kind === 'disk') {
    const dir = process.env.APPARATUS_FILES_DIR;
    return { kind, dir: dir ? path.resolve(dir) : null };
  }
  if (kind !== 's3') throw new Error(`Environment variable APPARATUS_FILES must be "disk" or "s3", got "${kind}"`);
  const bucket = process.env.S3_BUCKET;
  if (!bucket) throw new Error('APPARATUS_FILES=s3 needs S3_BUCKET: the bucket that keeps the files');
  const endpoint = process.env.S3_ENDPOINT || null;
  if (endpoint && !/^https?:\/\//.test(endpoint)) {
    throw new Error(`Environment variable S3_ENDPOINT must be an http:// or https:// URL, got "${endpoint}"`);
  }
  const id = process.env.S3_ACCESS_KEY_ID;
  const secret = process.env.S3_SECRET_ACCESS_KEY;
  if (Boolean(id) !== Boolean(secret)) {
    throw new Error(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (the AWS SDK then finds them)',
    );
  }
  const prefix = process.env.S3_PREFIX ?? '';
  return {
    kind,
    bucket,
    region: process.env.S3_REGION || 'us-east-1',
    endpoint,
    forcePathStyle: (process.env.S3_FORCE_PATH_STYLE ?? (endpoint ? '1' : '0')) === '1',
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    credentials: id && secret ? { accessKeyId: id, secretAccessKey: secret } : null,
  };
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

/** APPARATUS_WEBHOOK_URLS: comma-separated; each must be an http(s) URL, and a secret must sign them. */
function webhooksFromEnv(): { webhookUrls: string[]; webhookSecret: string | null } {
  const urls = (process.env.APPARATUS_WEBHOOK_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  for (const u of urls) {
    let protocol = '';
    try {
      protocol = new URL(u).protocol;
    } catch {
      /* reported below */
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new Error(
        `Environment variable APPARATUS_WEBHOOK_URLS must list http:// or https:// URLs separated by commas, got "${u}"`,
      );
    }
  }
  const secret = process.env.APPARATUS_WEBHOOK_SECRET || null;
  if (urls.length > 0 && !secret) {
    throw new Error(
      'APPARATUS_WEBHOOK_URLS is set but APPARATUS_WEBHOOK_SECRET is not: receivers could not check that a webhook came from this platform',
    );
  }
  return { webhookUrls: urls, webhookSecret: secret };
}

function tokenDaysFromEnv(): { tokenDefaultDays: number; tokenMaxDays: number } {
  const tokenMaxDays = intFromEnv('APPARATUS_TOKEN_MAX_DAYS', 90);
  const tokenDefaultDays = intFromEnv('APPARATUS_TOKEN_DEFAULT_DAYS', Math.min(90, tokenMaxDays));
  if (tokenMaxDays < 1 || tokenDefaultDays < 1 || tokenDefaultDays > tokenMaxDays) {
    throw new Error(
      `APPARATUS_TOKEN_DEFAULT_DAYS (${tokenDefaultDays}) must be at least 1 and at most APPARATUS_TOKEN_MAX_DAYS (${tokenMaxDays})`,
    );
  }
  return { tokenDefaultDays, tokenMaxDays };
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  return {
    databaseUrl: process.env.DATABASE_URL || null,
    migrateUrl: process.env.DATABASE_MIGRATE_URL || null,
    dataDir: path.resolve(process.env.APPARATUS_DATA_DIR || './.apparatus'),
    host: process.env.HOST || '127.0.0.1',
    port: intFromEnv('PORT', 3000),
    sessionHours: intFromEnv('APPARATUS_SESSION_HOURS', 12),
    cookieSecure: process.env.APPARATUS_COOKIE_SECURE === '1',
    loginMaxAttempts: intFromEnv('APPARATUS_LOGIN_MAX_ATTEMPTS', 10),
    loginMaxAttemptsPerAddress: intFromEnv('APPARATUS_LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 100),
    loginWindowMinutes: intFromEnv('APPARATUS_LOGIN_WINDOW_MINUTES', 15),
    ...tokenDaysFromEnv(),
    trustProxy: process.env.APPARATUS_TRUST_PROXY === '1',
    demo: process.env.APPARATUS_DEMO === '1',
    logLevel: process.env.LOG_LEVEL || 'warn',
    smtpUrl: process.env.APPARATUS_SMTP_URL || null,
    mailFrom: process.env.APPARATUS_MAIL_FROM || 'Apparatus <no-reply@localhost>',
    ...webhooksFromEnv(),
    files: filesFromEnv(),
    ...overrides,
  };
}

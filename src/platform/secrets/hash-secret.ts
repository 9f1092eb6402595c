// The server's secret for keyed hashes of personal data that must be matched but never read back (a submitter's
// network address for the rate limit, a participant's e-mail address). A plain SHA-256 of an IPv4 address is
// reversed by hashing all 2^32 addresses; an HMAC under a secret that never leaves the server is not.
//
// APPARATUS_HASH_SECRET when set (required when several server machines share one database: they must agree);
// otherwise a random secret generated once per data folder in `<APPARATUS_DATA_DIR>/hash-secret` (mode 0600),
// like the embedded database that lives beside it. Changing or losing it makes earlier hashes unmatched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

/** Reads the secret file, or creates it atomically (link fails if a parallel process made it first). */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'hash-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}`;
    fs.writeFileSync(tmp, crypto.randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.unlinkSync(tmp);
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The secret, read once per process. */
export function serverHashSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.APPARATUS_HASH_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < 32)
      throw new Error('APPARATUS_HASH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)');
    cached = fromEnv;
  } else {
    cached = localSecret(path.resolve(process.env.APPARATUS_DATA_DIR || './.apparatus'));
  }
  return cached;
}

/** HMAC-SHA256 (hex) of `purpose:value`: the purpose keeps hashes of one value for different uses apart. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return crypto.createHmac('sha256', secret).update(`${purpose}:${value}`).digest('hex');
}

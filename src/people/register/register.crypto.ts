// Identity numbers (số định danh cá nhân, 12 digits) are personal data (Decree 13/2023/NĐ-CP): stored only
// encrypted, AES-256-GCM (node:crypto), with a keyed hash (HMAC-SHA256) so a person is found by number without
// decrypting anyone. Both keys derive (HKDF-SHA256, two labels) from one secret in APPARATUS_PII_KEY: 32 bytes as
// 64 hex characters or base64. A leaked database without the secret gives neither numbers nor a way to test a
// guessed number against the hashes.
//
// Without the variable, development and tests use DEV_PII_KEY below: it is public (it is in this file), so
// numbers encrypted with it are not protected. With NODE_ENV=production and no key, every write of personal data
// is refused (503) instead of falling back to the public key; reads that need no number keep working.
import crypto from 'node:crypto';
import { AppError } from '../../platform/errors.ts';

/** The documented development key: NOT secret, for tests and the local demo only. */
export const DEV_PII_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

interface Keys {
  enc: Buffer;
  hash: Buffer;
  dev: boolean;
}
let cached: { raw: string | undefined; keys: Keys } | null = null;

function noKey(detail: { vi: string; en: string }) {
  return new AppError(
    503,
    'pii-key-missing',
    { vi: 'Chưa cấu hình khóa dữ liệu cá nhân', en: 'No personal-data key' },
    detail,
  );
}

function parseSecret(raw: string): Buffer {
  const s = raw.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (bytes.length !== 32)
    throw noKey({
      vi: 'APPARATUS_PII_KEY phải là 32 byte: 64 ký tự hexa hoặc base64 (tạo bằng: openssl rand -hex 32).',
      en: 'APPARATUS_PII_KEY must be 32 bytes: 64 hex characters or base64 (make one with: openssl rand -hex 32).',
    });
  return bytes;
}

/** The keys, or a refusal in production without APPARATUS_PII_KEY. Read from the environment at each call (tests set it). */
export function piiKeys(): Keys {
  const raw = process.env.APPARATUS_PII_KEY || undefined;
  if (!raw && process.env.NODE_ENV === 'production')
    throw noKey({
      vi: 'Máy chủ chạy ở chế độ vận hành (NODE_ENV=production) mà chưa đặt APPARATUS_PII_KEY: không ghi số định danh cá nhân bằng khóa công khai dành cho phát triển. Hãy đặt khóa bí mật 32 byte rồi khởi động lại.',
      en: 'The server runs in production mode (NODE_ENV=production) without APPARATUS_PII_KEY: identity numbers are not written with the public development key. Set a secret 32-byte key and restart.',
    });
  if (cached && cached.raw === raw) return cached.keys;
  const secret = parseSecret(raw ?? DEV_PII_KEY);
  const derive = (label: string) =>
    Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), `apparatus people ${label}`, 32));
  const keys = { enc: derive('id-encryption'), hash: derive('id-lookup'), dev: !raw };
  cached = { raw, keys };
  return keys;
}

export function encryptId(id: string): string {
  const { enc } = piiKeys();
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', enc, iv);
  const body = Buffer.concat([c.update(id, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}

export function decryptId(stored: string): string {
  const { enc } = piiKeys();
  const b = Buffer.from(stored, 'base64');
  const d = crypto.createDecipheriv('aes-256-gcm', enc, b.subarray(0, 12));
  d.setAuthTag(b.subarray(12, 28));
  try {
    return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
  } catch {
    throw new AppError(
      500,
      'pii-key-mismatch',
      { vi: 'Khóa dữ liệu cá nhân không khớp', en: 'Personal-data key mismatch' },
      {
        vi: 'Không giải mã được số định danh: APPARATUS_PII_KEY khác khóa đã dùng khi ghi. Hãy đặt lại đúng khóa.',
        en: 'An identity number could not be decrypted: APPARATUS_PII_KEY differs from the key it was written with. Set the right key.',
      },
    );
  }
}

/** The lookup hash of a 12-digit number (keyed: without the secret a guessed number cannot be tested). */
export function idHash(id: string): string {
  return crypto.createHmac('sha256', piiKeys().hash).update(id).digest('hex');
}

/** On screen, even for HR: only the last 3 digits. */
export const maskId = (id: string) => `${'*'.repeat(Math.max(0, id.length - 3))}${id.slice(-3)}`;

export const isIdNumber = (s: string) => /^\d{12}$/.test(s);

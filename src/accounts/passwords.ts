// Password hashing with argon2id (OWASP's first choice), and random tokens.
import crypto from 'node:crypto';
import argon2 from 'argon2';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

// Verifying against a fixed hash when the user does not exist keeps the
// response time the same, so timing does not reveal which user names exist.
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('apparatus-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

export function randomToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export const MIN_PASSWORD_LENGTH = 10;

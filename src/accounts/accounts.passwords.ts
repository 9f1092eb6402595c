// Password hashing with argon2id (OWASP's first choice), and random tokens.
import crypto from 'node:crypto';
import argon2 from 'argon2';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

let verifications = 0;
/**
 * How many argon2 verifications this process started. Sign-in spends exactly one whatever the user
 * name (unknown, inactive or real), so timing says nothing; tests count these instead of timing.
 */
export function passwordVerifications(): number {
  return verifications;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

// Verifying against a fixed hash when the user does not exist keeps the
// response time the same, so timing does not reveal which user names exist.
// The hash is made with the same parameters as real ones (argon2's defaults).
let dummyHash: Promise<string> | null = null;
/** Made when the server starts, so the first unknown name does not also pay for a hash. */
export function prepareDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('apparatus-timing-equaliser');
  return dummyHash;
}
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(await prepareDummyHash(), password);
}

export function randomToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export const MIN_PASSWORD_LENGTH = 10;

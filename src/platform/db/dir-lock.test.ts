import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './dir-lock.ts';

describe('embedded database folder lock', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'apparatus-lock-'));

  it('keeps a second process out while the owner lives, and frees the folder on release', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'apparatus.lock'), '1'); // pid 1 is always alive
    expect(() => lockDataDir(d)).toThrow(/in use by process 1.*DATABASE_URL/);
    fs.unlinkSync(path.join(d, 'apparatus.lock'));
    const release = lockDataDir(d);
    expect(fs.readFileSync(path.join(d, 'apparatus.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(d, 'apparatus.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that died', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'apparatus.lock'), '2147483646');
    const release = lockDataDir(d);
    expect(fs.readFileSync(path.join(d, 'apparatus.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});

// The file store: time to store a large upload and the memory it costs, on the disk store and on a real
// S3-compatible server (s3rver, on this machine), against the naive way (the whole upload in one Buffer,
// hashed, then written). The claim to check: a streamed put costs about the same memory whatever the
// file's size. Each way runs in its own process. Run: npx tsx bench/files.ts [megabytes]
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DiskStore } from '../src/platform/files/files.disk.ts';
import { startTestS3 } from '../src/platform/files/files.s3.testing.ts';
import type { BlobStore } from '../src/platform/files/files.blob.ts';

const MB = Number(process.argv[2] ?? 128);
const CHUNK = 64 * 1024;

/** `MB` megabytes of a "PNG" in 64 KiB chunks, as a network upload arrives (never one big buffer). */
function upload(seed: number): Readable {
  const total = MB * 1024 * 1024;
  return Readable.from(
    (function* () {
      const chunk = crypto.randomBytes(CHUNK);
      for (let sent = 0; sent < total; sent += CHUNK) {
        const c = Buffer.from(chunk);
        if (sent === 0) Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(c);
        c.writeUInt32LE(sent ^ seed, 8); // every chunk differs, so no two runs store the same file
        yield c;
      }
    })(),
  );
}

/** Runs `fn`, sampling the resident memory; gives seconds and the peak rise over the start, in MB. */
async function measure(fn: () => Promise<unknown>): Promise<{ s: number; peakMb: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  await fn();
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { s, peakMb: (peak - start) / (1024 * 1024) };
}

const put = (store: BlobStore, seed: number) => () =>
  store.put(upload(seed), { mediaType: 'image/png', allowed: ['image/png'], maxBytes: (MB + 1) * 1024 * 1024 });

async function naive(dir: string, seed: number) {
  const parts: Buffer[] = [];
  for await (const c of upload(seed)) parts.push(c as Buffer);
  const all = Buffer.concat(parts);
  const sha = crypto.createHash('sha256').update(all).digest('hex');
  await fs.promises.writeFile(path.join(dir, sha), all);
}

const WAYS = {
  naive: 'naive: whole upload in one Buffer, hashed, written',
  disk: 'disk store: streamed, hashed, fsync, rename',
  s3: 'S3 store on s3rver: multipart (8 MB parts, 2 in flight), copy',
} as const;
type Way = keyof typeof WAYS;

/** One way in this process (its memory is not the other ways' leftovers). */
async function runOne(way: Way) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apparatus-bench-files-'));
  const s3 = way === 's3' ? await startTestS3() : null;
  try {
    const disk = await new DiskStore(path.join(dir, 'store')).open();
    const r = await measure(way === 'naive' ? () => naive(dir, 1) : put(s3 ? s3.store : disk, 2));
    console.log(`| ${WAYS[way]} | ${r.s.toFixed(2)} | ${(MB / r.s).toFixed(0)} | ${r.peakMb.toFixed(0)} |`);
  } finally {
    await s3?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const way = process.argv[3] as Way | undefined;
if (way) {
  await runOne(way);
} else {
  console.log(
    `${MB} MB upload, Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log('| way | seconds | MB/s | peak memory rise (MB) |\n|---|---|---|---|');
  for (const w of Object.keys(WAYS) as Way[]) {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', process.argv[1], String(MB), w]);
    process.stdout.write(out);
  }
}

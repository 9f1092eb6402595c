// Heavy parsing off the event loop: a small pool of worker threads (piscina)
// with a bounded queue, and at most one heavy upload per user at a time. A
// million-row CSV or a zip bomb then costs one worker, never the requests of
// everyone else (before: one 1M-row CSV held the event loop 14 s). The pool
// runs functions of the server's own modules by module URL and export name,
// so no module's parsing code lives in platform.
import os from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../errors.ts';
import type { RequestContext } from '../context.ts';

export interface PoolOptions {
  /** Worker threads; default: the machine's cores, at most 4 (parsing is CPU-bound). */
  threads?: number;
  /** Tasks waiting for a thread before new ones get 503. */
  maxQueue?: number;
  /** Heavy uploads one user may run at once. */
  perUser?: number;
  /** Heap of one worker, MB: a file that needs more is refused, the server lives on. */
  workerHeapMb?: number;
}

const defaults: Required<PoolOptions> = {
  threads: Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length)),
  maxQueue: 16,
  perUser: 1,
  workerHeapMb: 512,
};
let options = { ...defaults };
let pool: Piscina | null = null;
const running = new Map<string, number>();

/** Set before the first heavy task (tests use a smaller pool). */
export function configureHeavyPool(o: PoolOptions): void {
  options = { ...defaults, ...o };
}

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: options.threads,
    maxQueue: options.maxQueue,
    // Threads end when idle, so a CLI or a test does not stay alive for them.
    idleTimeout: 10_000,
    // Tasks await streams (unzip, XML): a thread must not block in Atomics.wait between them.
    atomics: 'disabled',
    resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb },
    // Parsing threads yield the CPU to the event loop (Linux: nice per thread), so requests keep being answered.
    niceIncrement: 10,
  });
  return pool;
}

export async function closeHeavyPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

/** What worker.mjs returns: bytes as they are (moved, not copied), any other value wrapped, or a refusal. */
type Outcome<T> =
  | Uint8Array
  | { value: T }
  | {
      appError: {
        status: number;
        type: string;
        title: AppError['title'];
        detail: AppError['detail'];
        extra: Record<string, unknown>;
      };
    };

const busy = () =>
  new AppError(
    503,
    'busy',
    { vi: 'Máy chủ đang bận', en: 'Server busy' },
    {
      vi: 'Máy chủ đang đọc nhiều tệp khác; tệp của bạn chưa được đọc. Vui lòng gửi lại sau ít giây.',
      en: 'The server is reading many other files; yours was not read. Please send it again in a few seconds.',
    },
    { retryAfterSeconds: 5 },
  );

/** Runs `fn` of `module` (a URL of one of the server's modules) in a worker thread; refusals come back as AppErrors. */
export async function runOffLoop<T>(module: URL, fn: string, args: unknown[]): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await thePool().run({ module: module.href, fn, args });
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.message === 'Task queue is at limit') throw busy();
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new AppError(
        413,
        'upload-too-large',
        { vi: 'Tệp vượt giới hạn', en: 'File over a limit' },
        {
          vi: 'Đọc tệp này cần nhiều bộ nhớ hơn mức cho phép nên đã dừng; không có gì được lưu. Hãy chia tệp thành nhiều tệp nhỏ hơn.',
          en: 'Reading this file needed more memory than allowed, so it was stopped; nothing was saved. Split it into smaller files.',
        },
        { limit: 'memory', max: options.workerHeapMb * 1024 * 1024 },
      );
    }
    throw err;
  }
  if (outcome instanceof Uint8Array) return Buffer.from(outcome.buffer, outcome.byteOffset, outcome.byteLength) as T;
  if ('value' in outcome) return outcome.value;
  const { status, type, title, detail, extra } = outcome.appError;
  throw new AppError(status, type, title, detail, extra);
}

const who = (ctx: RequestContext) => (ctx.user ? `user:${ctx.user.id}` : `ip:${ctx.ip ?? ctx.actorLabel}`);

/**
 * Holds one of the caller's heavy-upload slots while `work` runs; a second
 * heavy upload from the same user meanwhile gets 429 with Retry-After before
 * its body is read. Counted per server process: the work it protects (CPU and
 * memory of this process) is per process too.
 */
export async function withHeavySlot<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  const key = who(ctx);
  const n = running.get(key) ?? 0;
  if (n >= options.perUser) {
    throw new AppError(
      429,
      'too-many-uploads',
      { vi: 'Đang xử lý tệp trước', en: 'Previous file still running' },
      {
        vi: 'Tệp bạn gửi trước đó vẫn đang được đọc; mỗi lần chỉ xử lý một tệp của một người. Vui lòng chờ tệp đó xong rồi gửi lại.',
        en: 'The file you sent before is still being read; one file per person is processed at a time. Wait for it to finish, then send again.',
      },
      { retryAfterSeconds: 5 },
    );
  }
  running.set(key, n + 1);
  try {
    return await work();
  } finally {
    const left = (running.get(key) ?? 1) - 1;
    if (left > 0) running.set(key, left);
    else running.delete(key);
  }
}

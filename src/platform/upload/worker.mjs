// A worker thread of the upload pool (pool.ts): runs one exported function of
// one of the server's own TypeScript modules, through tsx as the server does.
// An AppError (a refusal with its sentences) crosses back as plain data, since
// a thread boundary keeps only an Error's message; anything else is a bug.
// Bytes (a Uint8Array result, e.g. a response already written as JSON) are
// moved to the main thread, not copied.
import { move } from 'piscina';
import { register } from 'tsx/esm/api';

register();

/** Structured clone turns a Buffer into a Uint8Array: give functions the Buffer they expect. */
const asBuffer = (v) =>
  v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v;

export default async function run({ module, fn, args }) {
  const m = await import(module);
  if (typeof m[fn] !== 'function') throw new Error(`${module} has no function ${fn}`);
  try {
    const value = await m[fn](...args.map(asBuffer));
    // A Buffer may be a view on a shared pool: move a copy that owns its memory.
    if (value instanceof Uint8Array) return move(new Uint8Array(value));
    return { value };
  } catch (err) {
    if (err && typeof err.status === 'number' && err.status < 500 && err.title && err.detail) {
      return {
        appError: { status: err.status, type: err.type, title: err.title, detail: err.detail, extra: err.extra ?? {} },
      };
    }
    throw err;
  }
}

// Exact decimal arithmetic on figures as PostgreSQL numeric sends them (text). Sums and
// products of shares stay exact; only a division is rounded, half away from zero, to
// DIVISION_SCALE places, and the rounding is said where it is shown. A float would turn
// 0.1 + 0.2 into 0.30000000000000004 in a statistics table.
export interface Dec {
  n: bigint; // the digits
  s: number; // how many of them are decimals
}

export const DIVISION_SCALE = 12;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export function dec(text: string | number | bigint): Dec {
  const t = String(text).trim();
  const m = DECIMAL.exec(t);
  if (!m) throw new Error(`not a decimal number: ${t}`);
  const frac = m[3] ?? '';
  const n = BigInt(m[2] + frac);
  return { n: m[1] ? -n : n, s: frac.length };
}

const scaleTo = (a: Dec, s: number): bigint => a.n * 10n ** BigInt(s - a.s);

export function add(a: Dec, b: Dec): Dec {
  const s = Math.max(a.s, b.s);
  return { n: scaleTo(a, s) + scaleTo(b, s), s };
}

export const sub = (a: Dec, b: Dec): Dec => add(a, { n: -b.n, s: b.s });

export const mul = (a: Dec, b: Dec): Dec => ({ n: a.n * b.n, s: a.s + b.s });

export const isZero = (a: Dec) => a.n === 0n;

export function cmp(a: Dec, b: Dec): number {
  const s = Math.max(a.s, b.s);
  const d = scaleTo(a, s) - scaleTo(b, s);
  return d === 0n ? 0 : d > 0n ? 1 : -1;
}

/** a / b rounded half away from zero to `scale` decimals. */
export function div(a: Dec, b: Dec, scale = DIVISION_SCALE): Dec {
  if (b.n === 0n) throw new Error('division by zero');
  // a/b = (a.n / 10^a.s) / (b.n / 10^b.s); result digits r with r / 10^scale
  let num = a.n * 10n ** BigInt(scale + b.s + 1);
  let den = b.n * 10n ** BigInt(a.s);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den; // one extra digit, truncated toward zero
  const r = (q + (q >= 0n ? 5n : -5n)) / 10n;
  return { n: r, s: scale };
}

export const sum = (xs: Dec[]): Dec => xs.reduce(add, { n: 0n, s: 0 });

/** Plain text without trailing zeros: '1234.5', '-0.25', '7'. */
export function show(a: Dec): string {
  const neg = a.n < 0n;
  let digits = (neg ? -a.n : a.n).toString().padStart(a.s + 1, '0');
  let int = digits.slice(0, digits.length - a.s);
  let frac = a.s ? digits.slice(digits.length - a.s) : '';
  frac = frac.replace(/0+$/, '');
  digits = int + (frac ? `.${frac}` : '');
  int = digits;
  return (neg && /[1-9]/.test(digits) ? '-' : '') + int;
}

/** Rounded to `places` decimals (half away from zero), for display and comparisons with published figures. */
export function round(a: Dec, places: number): Dec {
  if (a.s <= places) return a;
  return div(a, { n: 1n, s: 0 }, places);
}

export const toNumber = (a: Dec) => Number(show(a));

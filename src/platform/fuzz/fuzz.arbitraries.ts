// Request generators for the API fuzz test (fuzz.test.ts), built from the JSON
// schemas of /api/openapi.json so that every operation, present and future, is
// covered without a hand-written list. Each value is either plausible (so the
// request gets past validation and reaches the service and the database) or
// hostile: wrong types, huge numbers, NaN-like strings, NUL bytes, lone
// surrogates, impossible dates, deep or huge arrays, prototype-pollution keys
// and very long strings.
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
}

/** Values a plausible request would carry, by field name: the ids, codes and periods of the seeded data. */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

const LONG = 'Ư'.repeat(100_000);
export const HOSTILE_STRINGS: string[] = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '2025-13-01',
  '0000-01-01',
  '2025-02-30',
  '9999-12-31',
  '+275760-09-13',
  '1900-01-00',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-1e999',
  '-0',
  '0x1F',
  '1_000',
  '',
  ' ',
  '\t\n',
  '__proto__',
  'constructor',
  '%00',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '\u202e',
  '9'.repeat(400),
  LONG,
];
export const HOSTILE_NUMBERS: number[] = [
  1e18,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  -1,
  0,
  -0,
  0.001,
  1e-300,
  0.1 + 0.2,
  99.999,
  2 ** 63, // the bigint maximum as a JSON number rounds to this 12.5, 5e15 + 1,
];

/** JSON text put into a body as it is: nesting too deep to build (and serialise) as a JavaScript value. */
export class RawJson {
  constructor(readonly json: string) {}
}
const deepArray = (depth: number) => new RawJson('['.repeat(depth) + ']'.repeat(depth));
const deepObject = (depth: number) => new RawJson('{"a":'.repeat(depth) + '{}' + '}'.repeat(depth));

/** A marker that the body serialiser writes as a raw `__proto__` key (JSON.stringify would drop an inherited one). */
export const PROTO = '\u0001proto\u0001';

const STRANGE: unknown[] = [null, true, false, {}, [], [null], { $gt: '' }, ['a', 'b']];
const POLLUTION: unknown[] = [{ [PROTO]: { isAdmin: true } }, { constructor: { prototype: { isAdmin: true } } }];
const BULK: unknown[] = [deepArray(5_000), deepObject(2_000), Array.from({ length: 20_000 }, (_, i) => i)];

/** Any hostile value, for any place. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...STRANGE) },
  { weight: 1, arbitrary: fc.constantFrom(...BULK) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTION) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Hostile text for a query string or a path segment: what can travel in a URL. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...HOSTILE_NUMBERS.map(String), '1e18', '99999999999999999999', '-1', '1.5', '0'),
  },
  { weight: 1, arbitrary: fc.constant('x'.repeat(5_000)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/**
 * The sweep: each hostile value of its kind goes, once, into every place of a plausible request
 * (fuzz.test.ts), so that no field escapes any kind of hostility whatever the random draw. The kind
 * follows the plausible value found there: a string meets NUL bytes, lone surrogates, impossible dates
 * and very long text; a number meets huge, negative and over-precise numbers; every place meets wrong
 * types; arrays and objects meet deep nesting, huge arrays and prototype-pollution keys.
 */
const WRONG_TYPES: unknown[] = [null, true, [], {}, 'a\u0000b'];
const SWEEP_BY_KIND: Record<string, unknown[]> = {
  string: [
    'a\u0000b',
    'x\ud800',
    '\udfffy',
    '2025-13-01',
    '0000-01-01',
    '2025-02-30',
    'NaN',
    '1e999',
    '',
    'Ư'.repeat(100_000),
    1e18,
    null,
    [],
    {},
  ],
  number: [1e18, 1e308, -1, 0.001, 2 ** 31, 1.5, 'NaN', '12', null, true, [], 'a\u0000b'],
  boolean: ['true', 1, ...WRONG_TYPES],
  array: [
    deepArray(5_000),
    Array.from({ length: 20_000 }, (_, i) => i),
    [null],
    ['a\u0000b'],
    ...WRONG_TYPES.filter((v) => !Array.isArray(v)),
  ],
  object: [
    deepObject(2_000),
    { constructor: { prototype: { isAdmin: true } } },
    { 'a\u0000b': 1, 'x\ud800': 2 },
    ...WRONG_TYPES.filter((v) => !(v && typeof v === 'object' && !Array.isArray(v))),
  ],
  proto: [{ isAdmin: true }],
};
export function sweepFor(plausibleValue: unknown, isProtoKey: boolean): unknown[] {
  if (isProtoKey) return SWEEP_BY_KIND.proto;
  const kind = Array.isArray(plausibleValue)
    ? 'array'
    : plausibleValue === null || plausibleValue === undefined
      ? 'string'
      : typeof plausibleValue;
  return SWEEP_BY_KIND[kind] ?? SWEEP_BY_KIND.string;
}

/** The same for text in a URL (query and path): what can travel there. */
export const SWEEP_TEXT: string[] = [
  'a\u0000b',
  'x\ud800',
  '2025-13-01',
  '0000-01-01',
  '2025-02-30',
  'NaN',
  'Infinity',
  '1e999',
  '1e18',
  '-1',
  '0.001',
  '2147483648',
  '',
  'x'.repeat(5_000),
  '__proto__',
];

const exclusive = (e: number | boolean | undefined, bound: number | undefined) =>
  typeof e === 'number' ? e : e === true ? bound : undefined;

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin = exclusive(s.exclusiveMinimum, s.minimum),
    exMax = exclusive(s.exclusiveMaximum, s.maximum);
  let min = exMin !== undefined ? exMin + (integer ? 1 : 0.01) : (s.minimum ?? -1000);
  let max = exMax !== undefined ? exMax - (integer ? 1 : 0.01) : (s.maximum ?? 1_000_000);
  if (min < -1e6) min = -1e6;
  if (max > 1e6) max = Math.max(min, 1e6);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  // Round to two decimals: the database keeps most figures with at most two.
  return fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((x) => Math.min(max, Math.max(min, Math.round(x * 100) / 100)));
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    // Real dates only: impossible ones are among the hostile values.
    if (s.pattern.includes('\\d{4}-\\d{2}-\\d{2}'))
      return fc.constantFrom('2025-07-01', '2026-03-31', '2026-12-31', '2030-12-31', '2022-01-01');
    return fc.stringMatching(re).filter((x) => x.length <= (s.maxLength ?? 500));
  }
  if (s.format === 'email') return fc.constantFrom('a@example.gov.vn', 'can.bo@hanoi.gov.vn');
  return fc.string({ minLength: Math.max(1, s.minLength ?? 0), maxLength: Math.min(s.maxLength ?? 40, 40) });
}

function variants(s: JsonSchema): JsonSchema[] | null {
  const list = s.anyOf ?? s.oneOf;
  return list && list.length > 0 ? list : null;
}

/** A plausible value for the schema (hints by field name first). */
export function plausible(s: JsonSchema, hints: Hints, name = '', full = false): fc.Arbitrary<unknown> {
  if (name && hints[name]) return hints[name];
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = variants(s);
  if (alts) {
    const chosen = full ? alts.filter((a) => a.type !== 'null') : alts; // the sweep wants a value to replace, not null
    return fc.oneof(...(chosen.length ? chosen : alts).map((a) => plausible(a, hints, name, full)));
  }
  if (s.allOf && s.allOf.length > 0) return plausible(Object.assign({}, ...s.allOf), hints, name, full);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'integer':
        return numberArb(s, true);
      case 'number':
        return numberArb(s, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'string':
        return stringArb(s);
      case 'array':
        return fc.array(plausible(s.items ?? {}, hints, singular(name), full), {
          minLength: full ? Math.max(1, s.minItems ?? 0) : (s.minItems ?? 0),
          maxLength: Math.max(1, s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
        });
      case 'object':
        return objectArb(s, hints, full);
      default:
        return fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: 0, max: 100 }));
    }
  })();
  return s.nullable && !full ? fc.option(base, { nil: null, freq: 6 }) : base;
}

const singular = (name: string) => (name.endsWith('Ids') ? name.slice(0, -1) : name);

/** `full`: every optional field present too, so that the sweep reaches each of them. */
function objectArb(s: JsonSchema, hints: Hints, full: boolean): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const entries = Object.entries(props).map(
    ([k, v]) =>
      [
        k,
        required.has(k) || full
          ? plausible(v, hints, k, full)
          : fc.option(plausible(v, hints, k), { nil: undefined, freq: 3 }),
      ] as const,
  );
  return fc
    .record(Object.fromEntries(entries))
    .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

/** Every place in a value where a hostile value can go: the value itself, each field and item, and a new field of each object. */
export function places(
  value: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => places(v, [...path, i], out));
  else if (value && typeof value === 'object' && !(value instanceof RawJson)) {
    for (const [k, v] of Object.entries(value)) places(v, [...path, k], out);
    out.push([...path, PROTO]);
  }
  return out;
}

export function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return { ...obj, [head]: replaceAt(obj[head as string], rest, replacement) };
}

/**
 * The value with `replacement` at `path`, everything else as small as `minimal` allows: along the path
 * each object keeps only its required fields (from `minimal`) plus the branch that leads to the place,
 * taken from `full`. So an optional field is tried alone, and the hostile value is what decides.
 */
export function replaceAlong(
  minimal: unknown,
  full: unknown,
  path: (string | number)[],
  replacement: unknown,
): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  // An array keeps one item: the plausible one on the path, whole (its required fields included).
  if (Array.isArray(full)) return [replaceAlong(full[head as number], full[head as number], rest, replacement)];
  const base = (minimal && typeof minimal === 'object' && !Array.isArray(minimal) ? minimal : {}) as Record<
    string,
    unknown
  >;
  const from = (full && typeof full === 'object' ? full : {}) as Record<string, unknown>;
  const child = head === PROTO ? undefined : base[head as string];
  return { ...base, [head]: replaceAlong(child, from[head as string], rest, replacement) };
}

/**
 * A request value for the schema: mostly plausible with exactly one hostile value
 * somewhere in it (so the hostile value is what decides the answer), sometimes
 * wholly plausible (so the service and the database see real work), sometimes
 * hostile as a whole.
 */
export function requestValue(s: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  const ok = plausible(s, hints);
  const oneHostile = fc.tuple(ok, hostileValue, fc.nat()).map(([v, h, n]) => {
    const all = places(v);
    return replaceAt(v, all[n % all.length], h);
  });
  return fc.oneof(
    { weight: 5, arbitrary: oneHostile },
    { weight: 3, arbitrary: ok },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** JSON text of a body; the PROTO marker becomes a literal "__proto__" key, as an attacker would send it. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text =
    JSON.stringify(value, (_k, v) => {
      if (v instanceof RawJson) {
        raws.push(v.json);
        return `__raw_${raws.length - 1}__`;
      }
      return v && typeof v === 'object' && !Array.isArray(v) && PROTO in v
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k === PROTO ? '__proto_marker__' : k, x]))
        : v;
    }) ?? 'null';
  return text
    .replaceAll('"__proto_marker__"', '"__proto__"')
    .replace(/"__raw_(\d+)__"/g, (_m, i: string) => raws[Number(i)]);
}

/** A query or path value as text: plausible values printed, hostile ones as they are. */
export function textValue(s: JsonSchema, hints: Hints, name: string): fc.Arbitrary<string | string[]> {
  const ok = plausible(s, hints, name).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return fc.oneof(
    { weight: 4, arbitrary: ok },
    { weight: 3, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.array(ok, { minLength: 2, maxLength: 3 }) },
  );
}

/** Percent-encodes text for a URL; a lone surrogate goes out as the bytes a broken client would send (WTF-8). */
export function encodeText(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff)
      out +=
        `%${(0xe0 | (cp >> 12)).toString(16)}%${(0x80 | ((cp >> 6) & 0x3f)).toString(16)}%${(0x80 | (cp & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

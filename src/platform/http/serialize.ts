// Answers are serialised through each operation's response schema (zod encode): a field the schema does not
// name is dropped silently. Under test (and with APPARATUS_STRICT_RESPONSES=1) a dropped field is a failure
// naming the operation and the field, so a schema that falls behind its service shows up in the tests that
// call it, not on a screen with a blank column.
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';

export const strictResponses = () => process.env.VITEST !== undefined || process.env.APPARATUS_STRICT_RESPONSES === '1';

/** The paths present in `sent` (plain JSON) and missing from `kept` (what the schema let through). */
export function droppedPaths(sent: unknown, kept: unknown, at = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(kept))
    return sent.flatMap((v, i) => droppedPaths(v, kept[i], `${at}[${i}]`)).slice(0, 10);
  if (!sent || typeof sent !== 'object' || !kept || typeof kept !== 'object' || Array.isArray(sent)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(sent)) {
    const path = at ? `${at}.${key}` : key;
    if (!(key in kept)) out.push(path);
    else out.push(...droppedPaths(value, (kept as Record<string, unknown>)[key], path));
    if (out.length >= 10) break;
  }
  return out;
}

export function responseSerializer(strict = strictResponses()): FastifySerializerCompiler<unknown> {
  return (route) => {
    const serialize = (serializerCompiler as FastifySerializerCompiler<unknown>)(route);
    if (!strict) return serialize;
    return (data) => {
      const text = serialize(data);
      const dropped = droppedPaths(JSON.parse(JSON.stringify(data) ?? 'null'), JSON.parse(text));
      if (dropped.length > 0)
        throw new Error(
          `${route.method} ${route.url} ${route.httpStatus}: the response schema drops ${dropped.join(', ')}`,
        );
      return text;
    };
  };
}

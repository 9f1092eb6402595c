// Tracking codes: random, readable aloud, and accepted however a citizen types them back.
import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, newTrackingCode, normaliseCode } from '../../channel/feedback/feedback.code.ts';

describe('tracking codes', () => {
  it('are random, well formed, and read back however they are typed', () => {
    const codes = new Set(Array.from({ length: 1000 }, newTrackingCode));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(CODE_PATTERN);
    expect(normaliseCode(' pa 1o2i-3l4k-5678 ')).toBe('PA-1021-314K-5678');
  });
});

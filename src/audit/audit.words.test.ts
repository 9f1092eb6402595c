// Every audit action the platform declares has words on the audit screen (issue 10, item 7), in both languages,
// so a new action is never shown to an official as a code such as `program.report.accept`.
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './audit.actions.ts';
import { ACTION_WORDS, ENTITY_WORDS, fieldChanges } from '../../web/src/audit/auditWords.ts';

describe('audit words', () => {
  it('name every declared action and entity in Vietnamese and English', () => {
    const missing = [
      ...AUDIT_ACTIONS.filter((a) => !ACTION_WORDS[a.action]?.vi || !ACTION_WORDS[a.action]?.en).map(
        (a) => `action ${a.action}`,
      ),
      ...AUDIT_ACTIONS.filter((a) => !ENTITY_WORDS[a.entity]?.vi || !ENTITY_WORDS[a.entity]?.en).map(
        (a) => `entity ${a.entity}`,
      ),
    ];
    expect([...new Set(missing)], 'add them to web/src/audit/auditWords.ts').toEqual([]);
  });

  it('list changed fields first, then the unchanged ones, for creations and deletions too', () => {
    expect(
      fieldChanges({ due: '2026-12-31', weight: 1, title: 'A' }, { due: '2027-06-30', weight: 1, title: 'A' }).map(
        (c) => [c.field, c.changed],
      ),
    ).toEqual([
      ['due', true],
      ['weight', false],
      ['title', false],
    ]);
    expect(fieldChanges(null, { id: 7 })).toEqual([{ field: 'id', before: undefined, after: 7, changed: true }]);
    expect(fieldChanges({ id: 7 }, null)).toEqual([{ field: 'id', before: 7, after: undefined, changed: true }]);
  });
});

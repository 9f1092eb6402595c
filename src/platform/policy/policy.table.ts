// The access policy as a table a person can read: every operation of the API with its rule, rendered
// from the rules the routes declare (docs/access-policy.md is this output; a test keeps it current).
import type { RouteRule } from './policy.ts';
import { ROLE_NAMES } from './policy.ts';

const ON: Record<string, string> = {
  none: '—',
  self: 'chính mình / own',
  unit: 'đơn vị trong phạm vi / unit in scope',
  assignee: 'đơn vị được giao / the assignee unit',
  assigner: 'cấp giao / the assigning level',
  reviewer: 'cấp trên, không phải người lập / level above, not the author',
  giver: 'cấp giao biên chế / the giving level',
};

const who = (r: RouteRule['rule']) =>
  r.who === 'anyone'
    ? 'mọi người / anyone'
    : r.who === 'signed-in'
      ? 'đã đăng nhập / signed in'
      : r.who.map((role) => ROLE_NAMES[role].vi).join(', ');

export function renderPolicyTable(routes: RouteRule[]): string {
  // The documentation viewer's own files (scripts, styles) are one entry: GET /api/docs.
  const sorted = routes
    .filter((r) => !r.url.startsWith('/api/docs/'))
    .sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
  const lines = [
    '# Access policy / Chính sách truy cập',
    '',
    'Generated from the rules the routes declare (`src/*/*.policy.ts`); do not edit by hand: run `npm run docs:policy`.',
    'Deny by default: a route without a rule stops the server at start-up. "Who" is checked before the body is read;',
    '"On" is checked by the service once it has read the resource (a grant covers its unit\'s subtree).',
    'Read-only API tokens are refused every operation marked as writing. `src/platform/policy/policy.matrix.test.ts` walks every',
    'operation × role × a resource in and out of scope against this table.',
    '',
    '| operation | action | who / ai | on / trên | writes | what / nội dung |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of sorted) {
    lines.push(
      `| \`${r.method} ${r.url}\` | \`${r.rule.action}\` | ${who(r.rule)} | ${ON[r.rule.on]} | ${r.rule.writes ? 'yes' : ''} | ${r.rule.what.vi} / ${r.rule.what.en} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

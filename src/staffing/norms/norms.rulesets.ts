// Rule sets are data: data/staffing/rule-sets/*.json, validated on load. The
// evaluators (norms.arithmetic.ts) hold only arithmetic; every figure a law sets
// comes from these files, with its legal basis and validity dates.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { badRequest, notFound } from '../../platform/errors.ts';
import { CommuneByType, ProvinceDistribution, ProvinceReduction, RuleSet } from '../staffing.schemas.ts';

export const RULE_SET_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/staffing/rule-sets',
);

// The file format is the rule-sets answer's schema too (GET /staffing/rule-sets): defined once, in the shared schemas.
export { CommuneByType, ProvinceDistribution, ProvinceReduction, RuleSet };

export function listRuleSets(dir = RULE_SET_DIR): RuleSet[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = RuleSet.safeParse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success)
        throw badRequest({
          vi: `Tệp quy tắc ${f} không hợp lệ: ${parsed.error.message}`,
          en: `Rule-set file ${f} is invalid: ${parsed.error.message}`,
        });
      return parsed.data;
    });
}

export function loadRuleSet(id: string, dir = RULE_SET_DIR): RuleSet {
  const found = listRuleSets(dir)
    .filter((r) => r.id === id)
    .sort((a, b) => b.version - a.version)[0];
  if (!found) throw notFound({ vi: `bộ quy tắc "${id}"`, en: `Rule set "${id}"` });
  return found;
}

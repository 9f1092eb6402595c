// Rule sets are data: data/staffing/rule-sets/*.json, validated on load. The
// evaluators (norms.arithmetic.ts) hold only arithmetic; every figure a law sets
// comes from these files, with its legal basis and validity dates.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { badRequest, notFound } from '../../platform/errors.ts';

export const RULE_SET_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/staffing/rule-sets',
);

const Common = {
  id: z.string(),
  version: z.number().int().positive(),
  title: z.object({ vi: z.string(), en: z.string() }),
  legalBasis: z.array(z.string()).min(1),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: z.string().optional(),
};
const Classes = z.object({ I: z.number(), II: z.number(), III: z.number() });
const Standard = z.object({ population: z.number().positive(), areaKm2: z.number().positive() });

export const CommuneByType = z.object({
  ...Common,
  kind: z.literal('commune_by_type'),
  parameters: z.object({
    base: z.object({ ward: Classes, commune: Classes, township: Classes }),
    nonProfessional: Classes,
    standards: z.object({
      commune_mountainous: Standard,
      commune: Standard,
      township: Standard,
      ward_urban_district: Standard,
      ward_city: Standard,
      ward_town: Standard,
    }),
    populationStepShare: z.object({ ward_urban_district: z.number().positive(), default: z.number().positive() }),
    areaStepShare: z.number().positive(),
  }),
});
export const ProvinceDistribution = z.object({
  ...Common,
  kind: z.literal('province_distribution'),
  parameters: z.object({
    averagePerCommune: z.number().positive(),
    weights: z.object({
      equal: z.number().min(0),
      population: z.number().min(0),
      area: z.number().min(0),
      special: z.number().min(0),
    }),
    specialFactorScores: z.record(z.string(), z.number().min(0)),
    unitTypesWithFactor: z.record(z.string(), z.string()),
  }),
});
export const ProvinceReduction = z.object({
  ...Common,
  kind: z.literal('province_reduction'),
  parameters: z.object({
    baselinePeriod: z.string(),
    baselineCategory: z.string(),
    cutPercentByProvincesFormedFrom: z.record(z.string(), z.number().min(0).max(100)),
    centralBody: z.object({ merged: z.number(), notMerged: z.number() }),
    rounding: z.string(),
  }),
});
export const RuleSet = z.discriminatedUnion('kind', [CommuneByType, ProvinceDistribution, ProvinceReduction]);
export type RuleSet = z.infer<typeof RuleSet>;

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

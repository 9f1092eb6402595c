// Indicator definitions: declared by central roles (or loaded from data/indicators by the CLI), with audit.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import { INDICATORS } from '../indicators.policy.ts';
import * as store from './definitions.store.ts';
import type { DefinitionInput } from './definitions.schemas.ts';

export async function requireDefinition(db: Db, code: string) {
  const d = await store.definition(db, code);
  if (!d) throw notFound({ vi: `Chỉ tiêu mã ${code}`, en: `Indicator ${code}` });
  return d;
}

export async function listDefinitions(db: Db, ctx: RequestContext) {
  checkRole(ctx, INDICATORS['indicators.reference']);
  return store.definitions(db);
}

export async function defineIndicator(db: Db, ctx: RequestContext, input: DefinitionInput) {
  checkRole(ctx, INDICATORS['indicators.define']);
  return db.transaction().execute(async (trx) => {
    if (input.weight_code && !(await store.definition(trx, input.weight_code)))
      throw badRequest({
        vi: `Chỉ tiêu quyền số ${input.weight_code} chưa được khai báo: hãy khai báo nó trước.`,
        en: `The weight indicator ${input.weight_code} is not defined: define it first.`,
      });
    const before = (await store.definition(trx, input.code)) ?? undefined;
    await store.upsertDefinition(trx, input);
    const after = await store.definition(trx, input.code);
    // Loading the same definitions again (indicators load-national twice) changes nothing: an audit row would
    // claim a change that never happened and bury the real ones.
    if (before && JSON.stringify(before) === JSON.stringify(after)) return after!;
    await recordAudit(trx, ctx, {
      action: 'indicators.define',
      entity: 'indicator',
      entityId: input.code,
      before,
      after,
    });
    return after!;
  });
}

import type { School } from '@kehou/shared';
import { type ActionContext, AppError, chinaToday, findById, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import type { ManagementRulesDoc, RulesOverview } from '@kehou/shared/committee';
import { rulesIdOf } from '@kehou/shared/committee';
import { RULES_ADOPTER_LABELS, type RulesAdopter } from '@kehou/shared/policy';
import { rulesOverview, rulesVersions } from './rules';

/**
 * Records that `by` adopted a version of the school's rules on `date`. Only the newest version is
 * adopted (an older text is history); an adoption once recorded stays as it is.
 */
export async function recordAdoption(
  ctx: ActionContext,
  school: School,
  by: RulesAdopter,
  input: { version: number; date: string; note: string },
): Promise<RulesOverview> {
  if (input.date > chinaToday(ctx)) throw new AppError('INVALID_INPUT', '通过日期不能晚于今天');
  const id = rulesIdOf(school._id, input.version);
  const doc = await findById<ManagementRulesDoc>(ctx, 'managementRules', id);
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这一版管理制度');
  const [latest] = (await ctx.collection('managementRules').where({ schoolId: school._id }).orderBy('version', 'desc').limit(1).get())
    .data as ManagementRulesDoc[];
  if (latest && latest.version !== doc.version) throw invalidState(`第 ${doc.version} 版已不是最新版本，请审议第 ${latest.version} 版`);
  await writeAudited(ctx, async (t) => {
    const current = await txGet<ManagementRulesDoc>(t, 'managementRules', id);
    if (!current || current.adoptions[by]) return { result: undefined, note: null };
    await t
      .collection('managementRules')
      .doc(id)
      .update({ data: { adoptions: ctx._.set({ ...current.adoptions, [by]: { date: input.date, note: input.note, recordedAt: isoNow(ctx) } }) } });
    return {
      result: undefined,
      note: { targets: [{ collection: 'managementRules', id }], summary: `${RULES_ADOPTER_LABELS[by]}通过管理制度第 ${doc.version} 版` },
    };
  });
  return rulesOverview(school, await rulesVersions(ctx, school._id));
}

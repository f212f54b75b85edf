import { formatCitation, getProfile } from '@kehou/shared/policy';
import type { World } from './driver';

/**
 * The school admin opens the term's plan from the school home and, marking the youth centre as not
 * vetted, sees the violation beside the club it runs, with the clause of the school's own policy
 * (suifenhe-2021). Nothing is saved: the plan as filed is untouched.
 */
export async function adminSeesAViolationWithItsClause(world: World) {
  const clause = formatCitation(getProfile('suifenhe-2021').providers.vettingRequired);
  const admin = await world.as('赵主任');
  await admin.tap('.role-admin');
  await admin.see('绥芬河市第一小学', '.school-card');
  await admin.keep('admin-home');
  await admin.tap('.plan-link');
  await admin.see('服务机构');
  expect(await admin.count('.violation')).toBe(0);

  // The second provider is the youth centre (the first: the school's own staff).
  await admin.within('.provider-card', { index: 1 }).tap('.chip', '已审核');
  const violation = admin.within('.violation', '未经审核');
  await violation.see(`依据：${clause}`);
  await admin.keep('admin-plan');

  await admin.within('.provider-card', { index: 1 }).tap('.chip', '已审核');
  await admin.gone('.violation');
}

import type { IsoDate } from '../core/calendar';
import { formatYuan } from '../core/money';
import { inForceOn } from '../core/parameter';
import { type Violation, violation } from '../core/violation';
import type { PolicyProfile } from '../profiles/types';
import type { PlanInput } from '../schemas';

/**
 * budget.external-share and budget.per-student (xxcity 003 五(二), 六(一)): courses bought from
 * social institutions (the profile's external provider types: nonprofit and company bodies) may
 * not exceed the share of total cost; school staff, volunteers and individually engaged outside
 * teachers do not count toward it. Total cost per participating student may not exceed the
 * annual control figure.
 */
export function budgetViolations(profile: PolicyProfile, input: PlanInput, on: IsoDate): Violation[] {
  const budget = profile.budget;
  if (!budget) return [];
  const totalFen = input.activities.reduce((sum, activity) => sum + activity.costFen, 0);
  const external = new Set<string>(budget.externalProviderTypes.value);
  const externalFen = input.activities.filter((activity) => external.has(activity.provider.type)).reduce((sum, activity) => sum + activity.costFen, 0);
  const violations: Violation[] = [];

  const maxShare = inForceOn(budget.externalShareMaxPercent, on);
  if (externalFen * 100 > totalFen * maxShare.value) {
    const share = ((externalFen / totalFen) * 100).toFixed(1);
    violations.push(
      violation(
        'budget.external-share',
        `向社会机构购买的课程费用 ${formatYuan(externalFen)}，占总费用 ${formatYuan(totalFen)} 的 ${share}%，超过 ${maxShare.value}% 的上限。`,
        maxShare.citation,
        'activities',
      ),
    );
  }

  const perStudent = inForceOn(budget.perStudentAnnualFen, on);
  if (input.students !== undefined && totalFen > perStudent.value * input.students) {
    const average = input.students > 0 ? `每生每年 ${formatYuan(Math.round(totalFen / input.students))}` : '没有参与学生';
    violations.push(
      violation(
        'budget.per-student',
        `课后服务总费用 ${formatYuan(totalFen)}，按 ${input.students} 名参与学生计${average}，超过每生每年 ${formatYuan(perStudent.value)} 的控制数。`,
        perStudent.citation,
        'students',
      ),
    );
  }
  return violations;
}

import { forbiddenContentViolation } from '../content/forbidden-content';
import { homeworkViolation } from '../content/homework';
import type { Violation } from '../core/violation';
import { getProfile } from '../profiles/registry';
import type { PolicyProfile } from '../profiles/types';
import type { Activity, PlanInput } from '../schemas';
import { budgetViolations } from './budget-rules';
import { providerViolations } from './provider-rules';

/** Every rule a school year's plan breaks: per activity (with its path), then the budget. */
export function checkPlan(input: PlanInput): Violation[] {
  return checkPlanUnder(getProfile(input.policy), input);
}

export function checkPlanUnder(profile: PolicyProfile, input: PlanInput): Violation[] {
  const on = input.date ?? profile.document.inForce.from;
  return [
    ...input.activities.flatMap((activity, index) => activityViolations(profile, activity, `activities[${index}]`)),
    ...budgetViolations(profile, input, on),
  ];
}

function activityViolations(profile: PolicyProfile, activity: Activity, path: string): Violation[] {
  const what = activity.name || '未命名项目';
  const found = [
    forbiddenContentViolation(profile, activity.category, what, `${path}.category`),
    homeworkViolation(profile, activity.assignsHomework, what, `${path}.assignsHomework`),
  ].filter((v): v is Violation => v !== null);
  return [...found, ...providerViolations(profile, activity, `${path}.provider`)];
}

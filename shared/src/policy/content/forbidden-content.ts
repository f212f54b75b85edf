import { type RuleId, type Violation, violation } from '../core/violation';
import { type Category, type ForbiddenCategory, isForbiddenCategory } from '../domain';
import type { PolicyProfile } from '../profiles/types';

const RULE_OF: Record<ForbiddenCategory, RuleId> = {
  'subject-teaching': 'content.subject-teaching',
  'competition-training': 'content.competition-training',
  commercial: 'content.commercial',
};

const WHY: Record<ForbiddenCategory, string> = {
  'subject-teaching': '属于学科类集体教学、集体补课或讲新课，课后服务不得开展',
  'competition-training': '属于奥数等竞赛培训，课后服务不得开展',
  commercial: '属于商业活动，课后服务时段不得开展',
};

/** content.*: group subject lessons, competition training and commercial activity are forbidden. */
export function forbiddenContentViolation(profile: PolicyProfile, category: Category, what: string, path: string): Violation | null {
  if (!isForbiddenCategory(category)) return null;
  return violation(RULE_OF[category], `「${what}」${WHY[category]}。`, profile.content.forbidden[category], path);
}

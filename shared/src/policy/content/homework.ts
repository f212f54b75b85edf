import { type Violation, violation } from '../core/violation';
import type { PolicyProfile } from '../profiles/types';

/** content.homework-assigned: after-school activities may not set homework. */
export function homeworkViolation(profile: PolicyProfile, assignsHomework: boolean, what: string, path: string): Violation | null {
  if (!assignsHomework) return null;
  return violation(
    'content.homework-assigned',
    `「${what}」给学生布置了作业；课后服务不得布置作业、增加学生课业负担。`,
    profile.content.homeworkForbidden,
    path,
  );
}

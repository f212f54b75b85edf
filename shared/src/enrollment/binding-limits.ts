import { maskName } from '../domain/mask';
import type { GuardianshipStatus } from '../domain/people';

/**
 * How many binding attempts may fail in a day (China time). A match needs the child's exact name,
 * student number and the class code: without a limit, the masked name on the public list and a few
 * hundred guesses would give a stranger a child's full name. Per caller, so one person cannot keep
 * guessing; per class, so many accounts together cannot either (a class's parents mistyping now and
 * then stay far below it). Attempts past the limit are refused without being checked.
 */
export const BIND_FAILURES_PER_CALLER_PER_DAY = 5;
export const BIND_FAILURES_PER_CLASS_PER_DAY = 20;

/** What the bind page says about the limit. */
export const BIND_LIMIT_TEXT = `为保护孩子的信息，每人每天最多核对失败 ${BIND_FAILURES_PER_CALLER_PER_DAY} 次。`;

export const bindAttemptIds = (openid: string, classId: string | null, day: string) => ({
  caller: `caller:${day}:${openid}`,
  klass: classId ? `class:${day}:${classId}` : null,
});

/** A child's name as a guardian sees it: in full once the class teacher confirmed the binding, masked before. */
export function childNameForGuardian(name: string, status: GuardianshipStatus): string {
  return status === 'confirmed' ? name : maskName(name);
}

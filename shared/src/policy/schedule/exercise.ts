import { inForceOn } from '../core/parameter';
import { type Violation, violation } from '../core/violation';
import type { PolicyProfile } from '../profiles/types';
import type { ScheduleInput } from '../schemas';

/** schedule.exercise-too-short: the day's `sports` blocks must reach the profile's minimum. */
export function exerciseViolations(profile: PolicyProfile, input: ScheduleInput): Violation[] {
  const timeline = profile.schedule.minimumExerciseMinutes;
  if (!timeline) return [];
  const minimum = inForceOn(timeline, input.date);
  const exercise = input.blocks.reduce((sum, block) => sum + (block.category === 'sports' ? block.minutes : 0), 0);
  if (exercise >= minimum.value) return [];
  return [violation('schedule.exercise-too-short', `当天体育锻炼安排了 ${exercise} 分钟，每天至少应有 ${minimum.value} 分钟。`, minimum.citation, 'blocks')];
}

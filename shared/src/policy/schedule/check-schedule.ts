import { forbiddenContentViolation } from '../content/forbidden-content';
import type { Violation } from '../core/violation';
import { CATEGORY_LABELS } from '../domain';
import { getProfile } from '../profiles/registry';
import type { PolicyProfile } from '../profiles/types';
import type { ScheduleInput } from '../schemas';
import { exerciseViolations } from './exercise';
import { schoolDayViolations } from './school-day';
import { serviceTimeViolations } from './service-times';

type ScheduleRule = (profile: PolicyProfile, input: ScheduleInput) => Violation[];

const blockContentViolations: ScheduleRule = (profile, input) =>
  input.blocks.flatMap((block, index) => {
    const found = forbiddenContentViolation(profile, block.category, CATEGORY_LABELS[block.category], `blocks[${index}].category`);
    return found ? [found] : [];
  });

const SCHEDULE_RULES: readonly ScheduleRule[] = [schoolDayViolations, serviceTimeViolations, exerciseViolations, blockContentViolations];

/** Every rule one service day's timetable breaks under the profile; [] means allowed. */
export function checkSchedule(input: ScheduleInput): Violation[] {
  return checkScheduleUnder(getProfile(input.policy), input);
}

export function checkScheduleUnder(profile: PolicyProfile, input: ScheduleInput): Violation[] {
  return SCHEDULE_RULES.flatMap((rule) => rule(profile, input));
}

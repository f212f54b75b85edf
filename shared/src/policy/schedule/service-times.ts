import { minutesOfDay } from '../core/clock';
import { inForceOn } from '../core/parameter';
import { type Violation, violation } from '../core/violation';
import { STAGE_LABELS } from '../domain';
import type { PolicyProfile } from '../profiles/types';
import type { ScheduleInput } from '../schemas';

/**
 * schedule.start-time / end-too-early / end-too-late: the stage's times in force on the day
 * (yueyang 001 三2 with the winter timetable; suifenhe 004 三(二), trial and after).
 */
export function serviceTimeViolations(profile: PolicyProfile, input: ScheduleInput): Violation[] {
  const timeline = profile.schedule.serviceTimes;
  if (!timeline) return [];
  const version = inForceOn(timeline, input.date);
  const times = version.value[input.stage];
  const stage = STAGE_LABELS[input.stage];
  const end = minutesOfDay(input.end);
  const violations: Violation[] = [];

  if (times.start !== undefined && input.start !== times.start) {
    violations.push(violation('schedule.start-time', `${stage}课后服务应于 ${times.start} 开始，当前为 ${input.start}。`, version.citation, 'start'));
  }
  if (times.earliestEnd !== undefined && end < minutesOfDay(times.earliestEnd)) {
    violations.push(violation('schedule.end-too-early', `${stage}课后服务结束时间 ${input.end} 早于规定的 ${times.earliestEnd}。`, version.citation, 'end'));
  }
  const winter = input.winter && times.latestEndInWinter !== undefined;
  const latestEnd = winter ? times.latestEndInWinter : times.latestEnd;
  if (latestEnd !== undefined && end > minutesOfDay(latestEnd)) {
    violations.push(
      violation(
        'schedule.end-too-late',
        `${stage}课后服务结束时间 ${input.end} 晚于${winter ? '冬季作息' : ''}规定的最晚结束时间 ${latestEnd}。`,
        version.citation,
        'end',
      ),
    );
  }
  return violations;
}

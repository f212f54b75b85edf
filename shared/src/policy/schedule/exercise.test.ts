import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import type { Block } from '../schemas';
import { scheduleInput } from '../test-support';
import { exerciseViolations } from './exercise';

const day = (blocks: Block[]) => scheduleInput({ policy: 'suifenhe-2021', stage: 'primary', date: '2021-10-12', start: '15:30', end: '17:30', blocks });

describe('schedule.exercise-too-short', () => {
  it('004 三(三): 保证至少 30 分钟体育锻炼时间 — 30 minutes of sports, across blocks, are enough', () => {
    expect(exerciseViolations(suifenhe2021, day([{ category: 'sports', minutes: 30 }]))).toEqual([]);
    expect(
      exerciseViolations(
        suifenhe2021,
        day([
          { category: 'sports', minutes: 15 },
          { category: 'homework', minutes: 60 },
          { category: 'sports', minutes: 15 },
        ]),
      ),
    ).toEqual([]);
  });

  it('004 三(三): 29 minutes, or none, break the rule', () => {
    expect(exerciseViolations(suifenhe2021, day([{ category: 'sports', minutes: 29 }]))).toEqual([
      expect.objectContaining({ ruleId: 'schedule.exercise-too-short', path: 'blocks' }),
    ]);
    expect(exerciseViolations(suifenhe2021, day([{ category: 'games', minutes: 60 }]))).toHaveLength(1);
  });

  it('only suifenhe sets a daily minimum', () => {
    expect(exerciseViolations(qijiang2020, day([]))).toEqual([]);
  });
});

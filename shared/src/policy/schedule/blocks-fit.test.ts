import { getProfile } from '../profiles/registry';
import { blocksOverServiceTime, blocksOverTimeViolation } from './blocks-fit';

/** Today (UTC calendar date is near enough: it only picks the version of the service times in force). */
const today = new Date().toISOString().slice(0, 10);
const day = (minutes: number[], end = '17:30', winterEnd?: string) => ({
  start: '15:30',
  end,
  ...(winterEnd ? { winter: { end: winterEnd } } : {}),
  blocks: minutes.map((m) => ({ minutes: m })),
});

describe('schedule.blocks-over-time: the day’s blocks fit in the service time', () => {
  it('blocks that add up to the service time fit; one minute more does not', () => {
    expect(blocksOverServiceTime(day([60, 30, 30]))).toBeNull();
    expect(blocksOverServiceTime(day([60, 30, 31]))).toEqual({ planned: 121, available: 120, start: '15:30', end: '17:30', winter: false });
    expect(blocksOverServiceTime(day([]))).toBeNull();
  });

  it('the earlier winter end counts too', () => {
    expect(blocksOverServiceTime(day([60, 30, 30], '18:00', '17:00'))).toMatchObject({ available: 90, winter: true, end: '17:00' });
    expect(blocksOverServiceTime(day([60, 30], '18:00', '17:00'))).toBeNull();
  });

  it('carries the clause of the service time: the profile’s times where it sets them, else its disclosure rule', () => {
    const suifenhe = blocksOverTimeViolation(getProfile('suifenhe-2021'), day([100, 30]), today);
    expect(suifenhe).toMatchObject({ ruleId: 'schedule.blocks-over-time', path: 'blocks', citation: { section: expect.stringContaining('三(二)') } });
    expect(suifenhe?.message).toBe('一天的安排合计 130 分钟，超过了服务时间 15:30—17:30 的 120 分钟，请缩短或删去时段。');
    const qijiang = blocksOverTimeViolation(getProfile('qijiang-2020'), day([100, 30]), today);
    expect(qijiang?.citation).toEqual(getProfile('qijiang-2020').disclosureItems.find((d) => d.key === 'service-time')?.citation);
    expect(blocksOverTimeViolation(getProfile('qijiang-2020'), day([60]), today)).toBeNull();
  });
});

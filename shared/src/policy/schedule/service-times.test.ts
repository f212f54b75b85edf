import type { RuleId } from '../core/violation';
import type { Stage } from '../domain';
import { qijiang2020 } from '../profiles/qijiang-2020';
import type { ProfileId } from '../profiles/registry';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import type { PolicyProfile } from '../profiles/types';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { scheduleInput } from '../test-support';
import { serviceTimeViolations } from './service-times';

const broken = (profile: PolicyProfile<ProfileId>, stage: Stage, date: string, start: string, end: string, winter = false): RuleId[] =>
  serviceTimeViolations(profile, scheduleInput({ policy: profile.id, stage, date, start, end, winter, blocks: [] })).map((v) => v.ruleId);

const TRIAL = '2021-10-12';
const AFTER = '2022-10-11';

describe('service times', () => {
  it('001 三2: 结束时间原则上不晚于 18:00 — yueyang', () => {
    expect(broken(yueyang2019, 'primary', '2020-10-13', '16:00', '18:00')).toEqual([]);
    expect(broken(yueyang2019, 'junior', '2020-10-13', '16:00', '18:01')).toEqual(['schedule.end-too-late']);
  });

  it('001 三2: 执行冬季作息时间不晚于 17:30 — yueyang in winter', () => {
    expect(broken(yueyang2019, 'primary', '2020-12-08', '16:00', '17:30', true)).toEqual([]);
    expect(broken(yueyang2019, 'primary', '2020-12-08', '16:00', '17:45', true)).toEqual(['schedule.end-too-late']);
  });

  it('001 三2: yueyang fixes no start and no earliest end', () => {
    expect(broken(yueyang2019, 'primary', '2020-10-13', '14:10', '15:00')).toEqual([]);
  });

  it('004 三(二) 试行期间: primary 15:30 to 17:30 exactly', () => {
    expect(broken(suifenhe2021, 'primary', TRIAL, '15:30', '17:30')).toEqual([]);
    expect(broken(suifenhe2021, 'primary', TRIAL, '15:30', '18:00')).toEqual(['schedule.end-too-late']);
    expect(broken(suifenhe2021, 'primary', TRIAL, '15:30', '17:00')).toEqual(['schedule.end-too-early']);
    expect(broken(suifenhe2021, 'primary', TRIAL, '16:00', '17:30')).toEqual(['schedule.start-time']);
  });

  it('004 三(二) 试行期间: junior non-final 17:00–18:00, final year 17:00–18:30, senior 17:00 to ≤ 20:30', () => {
    expect(broken(suifenhe2021, 'junior', TRIAL, '17:00', '18:00')).toEqual([]);
    expect(broken(suifenhe2021, 'junior', TRIAL, '17:00', '18:30')).toEqual(['schedule.end-too-late']);
    expect(broken(suifenhe2021, 'junior', TRIAL, '17:00', '17:45')).toEqual(['schedule.end-too-early']);
    expect(broken(suifenhe2021, 'junior-final', TRIAL, '17:00', '18:30')).toEqual([]);
    expect(broken(suifenhe2021, 'junior-final', TRIAL, '17:00', '19:00')).toEqual(['schedule.end-too-late']);
    expect(broken(suifenhe2021, 'senior', TRIAL, '17:00', '19:00')).toEqual([]);
    expect(broken(suifenhe2021, 'senior', TRIAL, '16:30', '20:45')).toEqual(['schedule.start-time', 'schedule.end-too-late']);
  });

  it('004 三(二)1: after the trial, primary starts 15:30 and ends between 17:30 and 18:30', () => {
    expect(broken(suifenhe2021, 'primary', AFTER, '15:30', '18:00')).toEqual([]);
    expect(broken(suifenhe2021, 'primary', AFTER, '15:30', '18:30')).toEqual([]);
    expect(broken(suifenhe2021, 'primary', AFTER, '15:30', '18:31')).toEqual(['schedule.end-too-late']);
    expect(broken(suifenhe2021, 'primary', AFTER, '15:30', '17:29')).toEqual(['schedule.end-too-early']);
  });

  it('004 三(二)2: after the trial, junior ends ≤ 18:30; final-year junior and senior ≤ 20:30', () => {
    expect(broken(suifenhe2021, 'junior', AFTER, '17:00', '18:30')).toEqual([]);
    expect(broken(suifenhe2021, 'junior', AFTER, '17:00', '17:40')).toEqual([]);
    expect(broken(suifenhe2021, 'junior', AFTER, '17:00', '19:00')).toEqual(['schedule.end-too-late']);
    expect(broken(suifenhe2021, 'junior-final', AFTER, '17:00', '20:30')).toEqual([]);
    expect(broken(suifenhe2021, 'senior', AFTER, '17:00', '20:31')).toEqual(['schedule.end-too-late']);
    expect(broken(suifenhe2021, 'junior', AFTER, '17:10', '18:00')).toEqual(['schedule.start-time']);
  });

  it('004 三(二): the trial starts 2021-04-01 and ends 2022-02-28', () => {
    expect(broken(suifenhe2021, 'primary', '2022-02-28', '15:30', '18:00')).toEqual(['schedule.end-too-late']);
    expect(broken(suifenhe2021, 'primary', '2022-03-01', '15:30', '18:00')).toEqual([]);
  });

  it('000 三(一) and 003 三(二): qijiang and xxcity leave the times to the school', () => {
    expect(broken(qijiang2020, 'primary', '2020-11-10', '16:40', '19:30')).toEqual([]);
    expect(broken(xxcity2024, 'junior', '2024-11-12', '16:00', '17:40')).toEqual([]);
  });
});

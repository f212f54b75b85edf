import type { StageSchedule } from '../domain/plan';
import type { ApplicationDoc } from '../enrollment/types';
import { computeCharge } from '../policy';
import {
  activeWindow,
  attendsOn,
  buildChargeInput,
  type ChargeFacts,
  childSessions,
  isActiveOn,
  noticeIdOf,
  noticeLines,
  periodsPerDay,
  rowsDigest,
  scheduledSessions,
  serviceMinutes,
  unrecordedDays,
} from './billing';

const TERM = { startDate: '2026-09-01', endDate: '2027-01-15', name: '2026—2027 学年第一学期' };
const PRIMARY: StageSchedule = { stage: 'primary', weekdays: [1, 2, 3, 4, 5], start: '15:30', end: '17:30', blocks: [] };
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

const history = (...entries: [string, string][]) => entries.map(([status, at]) => ({ status, at, by: 'x', byName: 'x' })) as ApplicationDoc['history'];

const app = (overrides: Partial<ApplicationDoc> = {}) =>
  ({
    status: 'active',
    history: history(['submitted', '2026-08-30T01:00:00Z'], ['active', '2026-09-01T01:00:00Z']),
    ...overrides,
  }) as Pick<ApplicationDoc, 'status' | 'history' | 'withdrawal'>;

const facts = (overrides: Partial<ChargeFacts> = {}): ChargeFacts => ({
  profileId: 'suifenhe-2021',
  stage: 'primary',
  hardship: 'none',
  feeSettings: {},
  planApproved: true,
  period: NOVEMBER,
  enrolled: NOVEMBER,
  sessions: scheduledSessions(PRIMARY, TERM, NOVEMBER),
  attendance: new Map(),
  ...overrides,
});

describe('the schedule of the published plan becomes dated sessions', () => {
  it('every weekday of the schedule between from and to within the term; minutes = end − start', () => {
    const sessions = scheduledSessions(PRIMARY, TERM, NOVEMBER);
    expect(sessions).toHaveLength(21); // November 2026: 21 Monday–Friday dates
    expect(sessions[0]).toEqual({ date: '2026-11-02', minutes: 120, periods: 3 });
    expect(scheduledSessions({ ...PRIMARY, weekdays: [2, 4] }, TERM, { from: '2026-11-01', to: '2026-11-07' }).map((s) => s.date)).toEqual([
      '2026-11-03',
      '2026-11-05',
    ]);
    expect(scheduledSessions(PRIMARY, TERM, { from: '2026-08-28', to: '2026-09-01' }).map((s) => s.date)).toEqual(['2026-09-01']);
  });

  it('periods per day default to the whole 40-minute lessons that fit, unless the plan says', () => {
    expect(periodsPerDay(PRIMARY)).toBe(3);
    expect(periodsPerDay({ ...PRIMARY, end: '17:00' })).toBe(2);
    expect(periodsPerDay({ ...PRIMARY, periodsPerDay: 2 })).toBe(2);
  });

  it('001 三2: on winter-timetable dates the winter end time gives the minutes', () => {
    const winter = { ...PRIMARY, end: '18:00', winter: { end: '17:30', from: '2026-11-15', to: '2027-02-28' } };
    expect(serviceMinutes(winter, '2026-11-02')).toBe(150);
    expect(serviceMinutes(winter, '2026-11-16')).toBe(120);
  });
});

describe('the enrolment window comes from the application', () => {
  it('004 三(六): a child is enrolled from the day the agreement made the application active (China date)', () => {
    const late = app({ history: history(['submitted', '2026-10-01T01:00:00Z'], ['active', '2026-11-09T17:30:00Z']) });
    expect(activeWindow(late, TERM)).toEqual({ from: '2026-11-10', to: '2027-01-15' });
    expect(isActiveOn(late, TERM, '2026-11-09')).toBe(false);
    expect(isActiveOn(late, TERM, '2026-11-10')).toBe(true);
  });

  it('004 三(六): an approved withdrawal ends the enrolment the day before it takes effect', () => {
    const left = app({
      status: 'withdrawn',
      withdrawal: { effectiveDate: '2026-11-16', reason: '', requestedAt: '', requestedBy: '', previousStatus: 'active', decision: 'approved' },
    });
    expect(activeWindow(left, TERM)).toEqual({ from: '2026-09-01', to: '2026-11-15' });
  });

  it('never active, or not active yet: no window', () => {
    expect(activeWindow(app({ status: 'listed', history: history(['submitted', '2026-08-30T01:00:00Z']) }), TERM)).toBeNull();
    expect(
      activeWindow(app({ status: 'submitted', history: history(['active', '2026-09-01T01:00:00Z'], ['submitted', '2026-10-01T01:00:00Z']) }), TERM),
    ).toBeNull();
  });
});

describe('only the days and items the family chose', () => {
  const items = [
    { id: 'basic-care', weekdays: [1, 2, 3, 4, 5] as const },
    { id: 'club-calligraphy', weekdays: [3] as const },
  ].map((i) => ({ ...i, weekdays: [...i.weekdays] as (1 | 2 | 3 | 4 | 5)[] }));
  const week = { from: '2026-11-02', to: '2026-11-08' }; // Monday to Sunday

  it('a child who chose Wednesday and Friday comes on those days only', () => {
    const dates = childSessions(PRIMARY, TERM, week, { days: [3, 5], itemIds: ['basic-care'] }, items).map((s) => s.date);
    expect(dates).toEqual(['2026-11-04', '2026-11-06']);
    expect(attendsOn({ days: [3, 5], itemIds: ['basic-care'] }, items, '2026-11-02')).toBe(false);
  });

  it('a child who chose only the Wednesday club comes on Wednesday, whatever days were ticked', () => {
    expect(childSessions(PRIMARY, TERM, week, { days: [3, 5], itemIds: ['club-calligraphy'] }, items).map((s) => s.date)).toEqual(['2026-11-04']);
  });

  it('items the plan no longer has are ignored; the chosen days then decide', () => {
    expect(childSessions(PRIMARY, TERM, week, { days: [1], itemIds: ['gone'] }, items).map((s) => s.date)).toEqual(['2026-11-02']);
  });
});

describe('notice ids and the preview digest', () => {
  it('one id per enrolment and period key; corrections number on', () => {
    expect(noticeIdOf('stu-1:term-1', '2026-11')).toBe('stu-1:term-1:2026-11');
    expect(noticeIdOf('stu-1:term-1', '2026-11', 2)).toBe('stu-1:term-1:2026-11:2');
  });

  it('the digest changes with any amount or line, not with the order of the rows', () => {
    const row = (applicationId: string, chargeFen: number) => ({
      applicationId,
      state: 'new',
      grossFen: chargeFen,
      chargeFen,
      exemptFen: 0,
      governmentShareFen: 0,
      lines: [],
    });
    expect(rowsDigest([row('a', 100), row('b', 200)])).toBe(rowsDigest([row('b', 200), row('a', 100)]));
    expect(rowsDigest([row('a', 100), row('b', 200)])).not.toBe(rowsDigest([row('a', 100), row('b', 201)]));
    expect(rowsDigest([row('a', 100)])).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('ChargeInput for the engine', () => {
  it('004 三(五)2: a day under 30 attended minutes is not charged on the notice', () => {
    const attendance = new Map([
      ['2026-11-02', 120],
      ['2026-11-03', 25],
      ['2026-11-04', 90],
    ]);
    const result = computeCharge(buildChargeInput(facts({ attendance })));
    expect(result.ok && result.chargeFen).toBe(1400); // (120 + 90) min × 4 元/h = 14 元; the 25-minute day is free
    expect(result.ok && result.lines.map((l) => l.label)).toEqual(['课后服务费（每小时 4.00 元，按分钟折算）', '当天不足 30 分钟不收费']);
  });

  it('004 三(五)2 据实收取: a day the teacher never recorded is not charged', () => {
    const input = buildChargeInput(facts({ attendance: new Map([['2026-11-02', 60]]) }));
    const result = computeCharge(input);
    expect(result.ok && result.chargeFen).toBe(400);
    expect(unrecordedDays(facts().sessions, new Map([['2026-11-02', 60]]), NOVEMBER)).toBe(20);
  });

  it('004 三(五)2: a hardship child is exempt and the city bears 50 % of the exempted amount; the line does not name the hardship kind', () => {
    const attendance = new Map(facts().sessions.map((s) => [s.date, 120] as const));
    const result = computeCharge(buildChargeInput(facts({ hardship: 'registered-poor', attendance })));
    if (!result.ok) throw new Error('expected a charge');
    expect(result).toMatchObject({ grossFen: 16800, chargeFen: 0, exemptFen: 16800, governmentShareFen: 8400 });
    const lines = noticeLines(result.lines);
    expect(lines[1]).toMatchObject({
      label: '家庭经济困难：免收课后服务费',
      amountFen: -16800,
      citation: '关于做好绥芬河市中小学生课后服务工作的实施意见 三(五)2',
    });
    expect(JSON.stringify(lines)).not.toMatch(/建档立卡|低保|贫困/);
  });

  it('000 四(二): qijiang charges 2 元 per scheduled period, whatever the attendance', () => {
    const term = { from: TERM.startDate, to: TERM.endDate };
    const schedule = { ...PRIMARY, periodsPerDay: 1 };
    const sessions = scheduledSessions(schedule, TERM, term);
    const result = computeCharge(buildChargeInput(facts({ profileId: 'qijiang-2020', period: term, enrolled: term, sessions })));
    expect(result.ok && result.grossFen).toBe(Math.min(sessions.length * 200, 60000));
  });

  it('000 四(二): the school reduction reaches qijiang "other" hardship only', () => {
    const term = { from: TERM.startDate, to: TERM.endDate };
    const sessions = scheduledSessions({ ...PRIMARY, periodsPerDay: 1 }, TERM, term);
    const base = { profileId: 'qijiang-2020' as const, period: term, enrolled: term, sessions, feeSettings: { otherHardshipReductionPercent: 50 } };
    const other = computeCharge(buildChargeInput(facts({ ...base, hardship: 'other' })));
    const none = computeCharge(buildChargeInput(facts(base)));
    expect(other.ok && none.ok && other.chargeFen * 2).toBe(none.ok && none.chargeFen);
  });

  it('not enrolled in the period: no session counts', () => {
    const result = computeCharge(buildChargeInput(facts({ enrolled: null, attendance: new Map([['2026-11-02', 120]]) })));
    expect(result.ok && result.chargeFen).toBe(0);
  });
});

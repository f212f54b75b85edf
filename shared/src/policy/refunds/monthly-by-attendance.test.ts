import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { refundInput, weekdays } from '../test-support';
import { monthlyRefundByAttendance } from './monthly-by-attendance';

const rules = suifenhe2021.refunds;
if (rules.kind !== 'monthly-by-attendance') throw new Error('suifenhe refunds by attendance');
const MAY = { from: '2021-05-06', to: '2021-05-31' };
// 18 weekdays of 120 minutes: 2160 scheduled minutes, half is 1080 (9 days).
const LAST_DAYS = [
  '2021-05-17',
  '2021-05-18',
  '2021-05-19',
  '2021-05-20',
  '2021-05-21',
  '2021-05-24',
  '2021-05-25',
  '2021-05-26',
  '2021-05-27',
  '2021-05-28',
  '2021-05-31',
];

const refund = (absent: string[], paidFen = 14400, attendedMinutes?: number) =>
  monthlyRefundByAttendance(
    rules.halfRefundMaxAttendedPercent,
    refundInput({
      policy: 'suifenhe-2021',
      student: { stage: 'primary' },
      period: MAY,
      paidFen,
      sessions: [weekdays(MAY.from, MAY.to, 120, { absent, attendedMinutes })],
    }),
  );

describe('suifenhe refund of a month paid in advance (004 三(五)3(2))', () => {
  it('004 三(五)3(2): 整月未上课的全额退费', () => {
    expect(refund([], 14400, 0)).toMatchObject({ ok: true, refundFen: 14400 });
  });

  it('004 三(五)3(2): 未满半月（含半月）课时退半费 — 7 of 18 days attended', () => {
    expect(refund(LAST_DAYS)).toMatchObject({ ok: true, refundFen: 7200 });
  });

  it('004 三(五)3(2): exactly half of the scheduled minutes still gets half back', () => {
    expect(refund(LAST_DAYS.slice(2))).toMatchObject({ ok: true, refundFen: 7200 });
  });

  it('004 三(五)3(2): 超过半月课时…不退费 — one day more than half gets nothing back', () => {
    expect(refund(LAST_DAYS.slice(3))).toMatchObject({ ok: true, refundFen: 0 });
  });

  it('any attended minute counts as attendance, even a day too short to be charged', () => {
    expect(refund([], 14400, 10)).toMatchObject({ ok: true, refundFen: 7200 });
  });

  it('rounds a half refund half-up to the fen and explains the count', () => {
    const result = refund(LAST_DAYS, 14401);
    expect(result).toMatchObject({ ok: true, refundFen: 7201 });
    if (result.ok) expect(result.lines[0].detail).toBe('本月排课 2160 分钟，实际参加 840 分钟；已缴 144.01 元');
  });
});

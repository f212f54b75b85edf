import { isWithin } from '../core/calendar';
import { divideRoundHalfUp, formatYuan } from '../core/money';
import { inForceOn, type Timeline } from '../core/parameter';
import type { RefundInput } from '../schemas';
import { attendedMinutesOf } from '../sessions';
import type { RefundResult } from './types';

/**
 * suifenhe 004 三(五)3(2), a month paid in advance: no attendance in the month → full refund;
 * attended at most half of the month's scheduled minutes → half; more → none. "Attendance" is
 * any attended minute, including days too short to be charged.
 */
export function monthlyRefundByAttendance(halfRefundMaxAttendedPercent: Timeline<number>, input: RefundInput): RefundResult {
  const threshold = inForceOn(halfRefundMaxAttendedPercent, input.period.from);
  let scheduled = 0;
  let attended = 0;
  for (const session of input.sessions) {
    if (!isWithin(session.date, input.period)) continue;
    scheduled += session.minutes;
    attended += attendedMinutesOf(session);
  }

  const [refundFen, rule] =
    attended === 0
      ? [input.paidFen, '整月未上课，全额退费']
      : attended * 100 <= scheduled * threshold.value
        ? [divideRoundHalfUp(input.paidFen, 2), `参加课时未超过半月（${threshold.value}%），退半费`]
        : [0, '参加课时超过半月，不退费'];

  return {
    ok: true,
    refundFen,
    lines: [
      {
        label: `应退费用：${rule}`,
        amountFen: refundFen,
        citation: threshold.citation,
        detail: `本月排课 ${scheduled} 分钟，实际参加 ${attended} 分钟；已缴 ${formatYuan(input.paidFen)}`,
      },
    ],
  };
}

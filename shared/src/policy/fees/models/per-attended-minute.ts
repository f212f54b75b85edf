import { isWithin } from '../../core/calendar';
import { divideRoundHalfUp, formatYuan } from '../../core/money';
import { inForceOn, valueOn } from '../../core/parameter';
import type { PerAttendedMinuteFees } from '../../profiles/types';
import type { ChargeInput } from '../../schemas';
import { attendedMinutesOf } from '../../sessions';
import { enrolledPartOfPeriod } from '../enrolment';
import type { AmountLine, GrossFee } from '../types';

const BASIS_POINTS = 10_000;

/**
 * suifenhe 004 三(五)2: a price per hour pro-rated by attended minutes; a day with fewer than
 * the minimum attended minutes is not charged; billed by actual attendance, rounded half-up
 * once on the period's total. Attendance outside the enrolment does not count.
 */
export function perAttendedMinuteFee(model: PerAttendedMinuteFees, input: ChargeInput): GrossFee {
  const on = input.period.from;
  const rate = inForceOn(model.ratePerHourFen, on);
  const minimumPerDay = inForceOn(model.minimumChargeableMinutesPerDay, on);
  const markupPercent = input.student.stage === 'senior' ? input.school.seniorMarkupPercent : 0;

  const days = attendedMinutesByDay(input);
  let chargedDays = 0;
  let chargedMinutes = 0;
  let freeDays = 0;
  let freeMinutes = 0;
  for (const minutes of days.values()) {
    if (minutes >= minimumPerDay.value) {
      chargedDays += 1;
      chargedMinutes += minutes;
    } else if (minutes > 0) {
      freeDays += 1;
      freeMinutes += minutes;
    }
  }

  const markupBasisPoints = Math.round(markupPercent * 100);
  const grossFen = divideRoundHalfUp(chargedMinutes * rate.value * (BASIS_POINTS + markupBasisPoints), 60 * BASIS_POINTS);
  const markupNote = markupBasisPoints > 0 ? `；高中上浮 ${markupPercent}%（${valueOn(model.seniorMarkupMaxPercent, on)}% 以内）` : '';
  const lines: AmountLine[] = [
    {
      label: `课后服务费（每小时 ${formatYuan(rate.value)}，按分钟折算）`,
      amountFen: grossFen,
      citation: rate.citation,
      detail: `按实际参加时间计费：${chargedDays} 天共 ${chargedMinutes} 分钟${markupNote}`,
    },
  ];
  if (freeDays > 0) {
    lines.push({
      label: `当天不足 ${minimumPerDay.value} 分钟不收费`,
      amountFen: 0,
      citation: minimumPerDay.citation,
      detail: `${freeDays} 天共 ${freeMinutes} 分钟未计费`,
    });
  }
  return { ok: true, grossFen, lines };
}

function attendedMinutesByDay(input: ChargeInput): Map<string, number> {
  const days = new Map<string, number>();
  const enrolled = enrolledPartOfPeriod(input);
  if (!enrolled) return days;
  for (const session of input.sessions) {
    if (!isWithin(session.date, enrolled)) continue;
    days.set(session.date, (days.get(session.date) ?? 0) + attendedMinutesOf(session));
  }
  return days;
}

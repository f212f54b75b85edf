import { earlierOf, isWithin, laterOf, mondayOf, sundayOf } from '../../core/calendar';
import { formatYuan } from '../../core/money';
import { inForceOn } from '../../core/parameter';
import { STAGE_LABELS } from '../../domain';
import type { PerPeriodFees } from '../../profiles/types';
import type { ChargeInput, DateWindow } from '../../schemas';
import { coversWholePeriod, enrolledPartOfPeriod } from '../enrolment';
import type { AmountLine, GrossFee } from '../types';

/**
 * qijiang 000 四(二): a price per scheduled period, capped per term. Joining or leaving mid-term
 * is settled by week: every Monday–Sunday week overlapping the enrolment counts whole, and the
 * schedule counts, not the student's absences.
 */
export function perPeriodFee(model: PerPeriodFees, input: ChargeInput): GrossFee {
  const on = input.period.from;
  const rate = inForceOn(model.ratePerPeriodFen, on);
  const cap = inForceOn(model.termCapFen, on);
  const enrolled = enrolledPartOfPeriod(input);
  const weeks = enrolled && { from: mondayOf(enrolled.from), to: sundayOf(enrolled.to) };

  let periods = 0;
  if (weeks) {
    for (const session of input.sessions) {
      if (isWithin(session.date, input.period) && isWithin(session.date, weeks)) periods += session.periods;
    }
  }

  const fullFee = periods * rate.value;
  const capFen = cap.value[input.student.stage];
  const lines: AmountLine[] = [
    {
      label: `课后服务费（每课时 ${formatYuan(rate.value)}）`,
      amountFen: fullFee,
      citation: rate.citation,
      detail: describePeriods(periods, weeks && clippedTo(weeks, input.period), coversWholePeriod(input)),
    },
  ];
  if (fullFee > capFen) {
    lines.push({
      label: `学期收费上限（${STAGE_LABELS[input.student.stage]}每生每期最高 ${formatYuan(capFen)}）`,
      amountFen: capFen - fullFee,
      citation: cap.citation,
    });
  }
  return { ok: true, grossFen: Math.min(fullFee, capFen), lines };
}

function clippedTo(weeks: DateWindow, period: DateWindow): DateWindow {
  return { from: laterOf(weeks.from, period.from), to: earlierOf(weeks.to, period.to) };
}

function describePeriods(periods: number, weeks: DateWindow | null, wholePeriod: boolean): string {
  if (!weeks) return '报名时段不在本收费期内，不收费';
  const counted = `按课表共 ${periods} 课时（按排课计算，不因个人缺勤减少）`;
  if (wholePeriod) return counted;
  return `${counted}；中途参加或退出按周结算：计入 ${weeks.from} 至 ${weeks.to} 各周的全部课时`;
}

import type { IsoDate } from '../core/calendar';
import { formatYuan, percentOf } from '../core/money';
import { inForceOn } from '../core/parameter';
import { HARDSHIP_LABELS } from '../domain';
import type { ExemptionRules } from '../profiles/types';
import type { Student } from '../schemas';
import type { AmountLine } from './types';

export interface Exemption {
  readonly exemptFen: number;
  readonly governmentShareFen: number;
  readonly line: AmountLine | null;
}

const NONE: Exemption = { exemptFen: 0, governmentShareFen: 0, line: null };

/**
 * The waiver for a student's hardship: a full exemption for the hardship kinds the profile names,
 * otherwise the school's percentage reduction where the profile lets the school grant one. The
 * government bears its share of whatever is waived.
 */
export function exemptionFor(rules: ExemptionRules, student: Student, grossFen: number, on: IsoDate): Exemption {
  const waiver = waiverFor(rules, student, grossFen);
  if (!waiver || waiver.exemptFen === 0) return NONE;

  const share = rules.governmentSharePercent && inForceOn(rules.governmentSharePercent, on);
  const governmentShareFen = share ? percentOf(waiver.exemptFen, share.value) : 0;
  const detail = share
    ? `免收 ${formatYuan(waiver.exemptFen)}，其中 ${formatYuan(governmentShareFen)}（${share.value}%）由政府统筹解决（${share.citation.section}），其余由学校承担`
    : waiver.detail;
  return {
    exemptFen: waiver.exemptFen,
    governmentShareFen,
    line: { label: waiver.label, amountFen: -waiver.exemptFen, citation: waiver.citation, ...(detail ? { detail } : {}) },
  };
}

function waiverFor(rules: ExemptionRules, student: Student, grossFen: number) {
  if (rules.fullExemption?.value.includes(student.hardship)) {
    return {
      exemptFen: grossFen,
      label: `${HARDSHIP_LABELS[student.hardship]}：免收课后服务费`,
      citation: rules.fullExemption.citation,
      detail: undefined,
    };
  }
  const reduction = rules.schoolReduction;
  const eligible =
    reduction !== null && (reduction.value === 'any-student' || (reduction.value === 'other-hardship' && student.hardship === 'other'));
  if (!reduction || !eligible || student.reductionPercent === 0) return null;
  return {
    exemptFen: percentOf(grossFen, student.reductionPercent),
    label: student.reductionPercent === 100 ? '学校减免：免收课后服务费' : `学校减免 ${student.reductionPercent}%`,
    citation: reduction.citation,
    detail: undefined,
  };
}

import type { IsoDate } from '../core/calendar';
import type { Citation } from '../core/citation';
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

  const line: AmountLine = { label: waiver.label, amountFen: -waiver.exemptFen, citation: waiver.citation };
  if (!rules.governmentSharePercent) return { exemptFen: waiver.exemptFen, governmentShareFen: 0, line };

  const share = inForceOn(rules.governmentSharePercent, on);
  const governmentShareFen = percentOf(waiver.exemptFen, share.value);
  const detail = `免收 ${formatYuan(waiver.exemptFen)}，其中 ${formatYuan(governmentShareFen)}（${share.value}%）由政府统筹解决（${share.citation.section}），其余由学校承担`;
  return { exemptFen: waiver.exemptFen, governmentShareFen, line: { ...line, detail } };
}

interface Waiver {
  readonly exemptFen: number;
  readonly label: string;
  readonly citation: Citation;
}

function waiverFor(rules: ExemptionRules, student: Student, grossFen: number): Waiver | null {
  const full = rules.fullExemption;
  if (full?.value.includes(student.hardship)) {
    return { exemptFen: grossFen, label: `${HARDSHIP_LABELS[student.hardship]}：免收课后服务费`, citation: full.citation };
  }
  const reduction = rules.schoolReduction;
  if (!reduction || student.reductionPercent === 0) return null;
  if (reduction.value === 'other-hardship' && student.hardship !== 'other') return null;
  return {
    exemptFen: percentOf(grossFen, student.reductionPercent),
    label: student.reductionPercent === 100 ? '学校减免：免收课后服务费' : `学校减免 ${student.reductionPercent}%`,
    citation: reduction.citation,
  };
}

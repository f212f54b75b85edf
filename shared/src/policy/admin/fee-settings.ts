import type { IsoDate } from '../core/calendar';
import type { Citation } from '../core/citation';
import { inForceOn, type Unit } from '../core/parameter';
import type { PolicyProfile } from '../profiles/types';
import type { SchoolSettings, Student } from '../schemas';

export interface EditableFeeSetting {
  readonly key: keyof Pick<SchoolSettings, 'termFeeFen' | 'seniorMarkupPercent'> | keyof Pick<Student, 'reductionPercent'>;
  /** Chinese label for the school admin's settings page. */
  readonly label: string;
  readonly unit: Unit | 'fen';
  readonly min: number;
  readonly max?: number;
  readonly citation: Citation;
}

/** The fee settings a school may change under the profile, with their allowed range. */
export function editableFeeSettings(profile: PolicyProfile, on: IsoDate = profile.document.inForce.from): EditableFeeSetting[] {
  const settings: EditableFeeSetting[] = [];
  const model = profile.fees.model;
  if (model.kind === 'per-term') {
    settings.push({ key: 'termFeeFen', label: '经审核同意的每生每期收费标准', unit: 'fen', min: 0, citation: model.oncePerTerm });
  }
  if (model.kind === 'per-attended-minute') {
    const max = inForceOn(model.seniorMarkupMaxPercent, on);
    settings.push({ key: 'seniorMarkupPercent', label: '高中收费上浮比例', unit: 'percent', min: 0, max: max.value, citation: max.citation });
  }
  const reduction = profile.fees.exemptions.schoolReduction;
  if (reduction) {
    const label = reduction.value === 'other-hardship' ? '其他贫困学生减免比例' : '学校给予个别学生的减免比例';
    settings.push({ key: 'reductionPercent', label, unit: 'percent', min: 0, max: 100, citation: reduction.citation });
  }
  return settings;
}

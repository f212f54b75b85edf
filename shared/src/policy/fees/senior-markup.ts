import type { IsoDate } from '../core/calendar';
import { inForceOn } from '../core/parameter';
import { type Violation, violation } from '../core/violation';
import type { PolicyProfile } from '../profiles/types';
import type { SchoolSettings } from '../schemas';

/**
 * fees.markup-too-high: the school's senior surcharge may not exceed the profile's maximum
 * (suifenhe 004 三(五)2: 上浮 10%). The setting itself is wrong, so it is refused for every
 * student of the school, whatever their stage.
 */
export function seniorMarkupViolation(profile: PolicyProfile, school: SchoolSettings, on: IsoDate): Violation | null {
  const model = profile.fees.model;
  if (model.kind !== 'per-attended-minute') return null;
  const maximum = inForceOn(model.seniorMarkupMaxPercent, on);
  if (school.seniorMarkupPercent <= maximum.value) return null;
  return violation(
    'fees.markup-too-high',
    `高中收费上浮比例设为 ${school.seniorMarkupPercent}%，超过政策允许的最高 ${maximum.value}%，请修改学校收费设置。`,
    maximum.citation,
    'school.seniorMarkupPercent',
  );
}

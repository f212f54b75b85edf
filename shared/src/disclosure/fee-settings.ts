import type { PlanContent } from '../domain/plan';
import { editableFeeSettings, type PolicyProfile } from '../policy';
import type { FeeSettingView, PlanIssue } from './types';

type FeeSettingKey = keyof PlanContent['feeSettings'];

/** The engine names the school's reduction after the student setting; the plan keeps it school-wide. */
const PLAN_KEY: Record<string, FeeSettingKey> = {
  termFeeFen: 'termFeeFen',
  seniorMarkupPercent: 'seniorMarkupPercent',
  reductionPercent: 'otherHardshipReductionPercent',
};

export const FEE_SETTING_LABELS: Record<FeeSettingKey, string> = {
  termFeeFen: '每生每期收费标准',
  seniorMarkupPercent: '高中收费上浮比例',
  otherHardshipReductionPercent: '减免比例',
};

/** The fee settings this profile lets a school choose, with their range and clause (from the engine). */
export function feeSettingsFor(profile: PolicyProfile, termStart: string): FeeSettingView[] {
  return editableFeeSettings(profile, termStart).map((setting) => ({
    key: PLAN_KEY[setting.key],
    label: setting.label,
    unit: setting.unit === 'fen' ? 'fen' : 'percent',
    min: setting.min,
    ...(setting.max === undefined ? {} : { max: setting.max }),
    citation: setting.citation,
  }));
}

/** Fee settings the school filled in although its profile does not let it choose them. */
export function disallowedFeeSettings(profile: PolicyProfile, termStart: string, settings: PlanContent['feeSettings']): FeeSettingKey[] {
  const allowed = new Set(feeSettingsFor(profile, termStart).map((s) => s.key));
  return (Object.keys(settings) as FeeSettingKey[]).filter((key) => settings[key] !== undefined && !allowed.has(key));
}

/** Range and presence problems of the allowed settings, beside their field. */
export function feeSettingIssues(profile: PolicyProfile, termStart: string, settings: PlanContent['feeSettings']): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const key of disallowedFeeSettings(profile, termStart, settings)) {
    issues.push({
      ruleId: 'fees.setting-not-allowed',
      message: `本地政策不允许学校自行设置「${FEE_SETTING_LABELS[key]}」。`,
      path: `feeSettings.${key}`,
    });
  }
  for (const setting of feeSettingsFor(profile, termStart)) {
    const value = settings[setting.key];
    const path = `feeSettings.${setting.key}`;
    if (value === undefined) {
      if (setting.key === 'termFeeFen') {
        issues.push({ ruleId: 'plan.incomplete', message: '请填写经审核同意的每生每期收费标准。', citation: setting.citation, path });
      }
      continue;
    }
    if (setting.max !== undefined && value > setting.max) {
      issues.push({
        ruleId: setting.key === 'seniorMarkupPercent' ? 'fees.markup-too-high' : 'fees.setting-out-of-range',
        message: `${setting.label}设为 ${value}%，超过政策允许的最高 ${setting.max}%。`,
        citation: setting.citation,
        path,
      });
    }
  }
  return issues;
}

import { formatYuanShort as yuan } from '../domain/money';
import type { PlanContent, Publication } from '../domain/plan';
import { type Citation, formatCitation, HARDSHIP_LABELS, inForceOn, type PolicyProfile, valueOn } from '../policy';

export { yuan };

type FeeLine = Publication['fees']['lines'][number];

const line = (label: string, text: string, citation: Citation): FeeLine => ({ label, text, citation: formatCitation(citation) });

/**
 * The fee standard and refund method in plain words for the public page and the article, each
 * with its clause: read from the profile (the rates in force at the term's start) and the school's
 * own settings where the profile lets it choose.
 */
export function publicationFees(profile: PolicyProfile, settings: PlanContent['feeSettings'], termStart: string): Publication['fees'] {
  return {
    lines: [...standardLines(profile, settings, termStart), ...exemptionLines(profile, settings, termStart)],
    refundMethod: refundMethod(profile, termStart),
  };
}

function standardLines(profile: PolicyProfile, settings: PlanContent['feeSettings'], on: string): FeeLine[] {
  const model = profile.fees.model;
  switch (model.kind) {
    case 'per-period': {
      const rate = inForceOn(model.ratePerPeriodFen, on);
      const caps = inForceOn(model.termCapFen, on);
      const capText = `小学每生每期最高 ${yuan(caps.value.primary)}，中学每生每期最高 ${yuan(caps.value.junior)}`;
      return [
        line('收费标准', `每生每课时 ${yuan(rate.value)}`, rate.citation),
        line('收费上限', capText, caps.citation),
        line('中途参加或退出', '以周为单位据实结算', model.weeklySettlement),
      ];
    }
    case 'per-term': {
      const amount = settings.termFeeFen === undefined ? '以教育主管部门审核同意的标准为准' : `每生每期 ${yuan(settings.termFeeFen)}`;
      return [line('收费标准', `${amount}；每生每期只收取一次费用，不论参加几个项目`, model.oncePerTerm)];
    }
    case 'free':
      return [line('收费标准', '免费：课后服务经费由政府保障，学校不向家长收取任何费用', model.citation)];
    case 'per-attended-minute': {
      const rate = inForceOn(model.ratePerHourFen, on);
      const minimum = valueOn(model.minimumChargeableMinutesPerDay, on);
      const lines = [
        line('收费标准', `每生每小时 ${yuan(rate.value)}，超过或不足 1 小时按分钟折算；当天不足 ${minimum} 分钟不收费`, rate.citation),
        line('收取方式', '每月按实际参加课后服务的时间据实收取', model.monthlyByAttendance),
      ];
      if (settings.seniorMarkupPercent) {
        lines.push(line('高中上浮', `高中收费上浮 ${settings.seniorMarkupPercent}%`, inForceOn(model.seniorMarkupMaxPercent, on).citation));
      }
      return lines;
    }
  }
}

function exemptionLines(profile: PolicyProfile, settings: PlanContent['feeSettings'], on: string): FeeLine[] {
  const rules = profile.fees.exemptions;
  const lines: FeeLine[] = [];
  if (rules.fullExemption) {
    const who = rules.fullExemption.value.map((h) => (h === 'other' ? '其他家庭经济困难学生' : HARDSHIP_LABELS[h])).join('、');
    const share = rules.governmentSharePercent ? `，免收额度的 ${valueOn(rules.governmentSharePercent, on)}% 由政府统筹解决` : '';
    lines.push(line('免收', `${who}免收${share}`, rules.fullExemption.citation));
  }
  if (rules.schoolReduction) {
    const percent = settings.otherHardshipReductionPercent;
    const amount = percent ? `，本校减免 ${percent}%` : '';
    const who = rules.schoolReduction.value === 'other-hardship' ? '其他家庭经济困难学生适当减免' : '对学习困难、家庭贫困的学生可给予减免';
    lines.push(line('减免', `${who}${amount}；申请方式请咨询学校`, rules.schoolReduction.citation));
  }
  return lines;
}

function refundMethod(profile: PolicyProfile, on: string): string {
  const rules = profile.refunds;
  switch (rules.kind) {
    case 'monthly-by-attendance': {
      const half = inForceOn(rules.halfRefundMaxAttendedPercent, on);
      return `因故退费向学校申请：整月未参加的全额退费；参加未超过当月课时 ${half.value}%（含）的退半费；超过的不退费。转学按同样办法办理。（${formatCitation(half.citation)}）`;
    }
    case 'settle-by-week':
      return `中途参加或退出的学生，以周为单位据实结算，多缴的费用退还。（${formatCitation(rules.citation)}）`;
    case 'refund-everything':
      return `课后服务不向家长收费；如有误收，全额退还。（${formatCitation(rules.citation)}）`;
    case 'no-method':
      return `本地政策规定每生每期只收取一次费用，未规定退费办法；退费按学校与家长签订的课后服务协议办理。（${formatCitation(rules.citation)}）`;
  }
}

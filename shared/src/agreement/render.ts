import { WEEKDAY_LABELS } from '../enrollment/types';
import { sha256 } from './sha256';
import { templateContentHash } from './template';
import type { AgreementFill, AgreementTemplateDoc, PermitFill, SignatureDoc, VerificationResult } from './types';

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];

const days = (fill: { days: readonly number[] }) =>
  [...fill.days]
    .sort((a, b) => a - b)
    .map((d) => WEEKDAY_LABELS[d as keyof typeof WEEKDAY_LABELS])
    .join('、');

function itemLine(item: AgreementFill['items'][number]): string {
  if (item.placement === 'placed') return `${item.name}（已录取）`;
  if (item.placement === 'waiting') return `${item.name}（候补中，递补成功后参加）`;
  return item.name;
}

function pickupLine(fill: AgreementFill): string {
  if (fill.pickup.mode === 'alone') return '学生服务结束后独自回家（须另行签署《独自回家证》）';
  return `由以下人员到校接送：${fill.pickup.pickers.map((p) => `${p.name}（${p.relation}，${p.phone}）`).join('；')}。以上人员以外的人员接孩子，须由乙方提前告知班主任。`;
}

/**
 * The exact text a parent reads and signs: the template's sections, then the child's choices.
 * Deterministic: the same template and fill always give the same text (and so the same hash).
 */
export function renderAgreement(
  template: Pick<AgreementTemplateDoc, 'schoolName' | 'termName' | 'version' | 'planVersion' | 'sections'>,
  fill: AgreementFill,
): string {
  const lines: string[] = [
    `${template.schoolName}课后服务协议书`,
    `${template.termName} · 第 ${template.version} 版${template.planVersion ? `（依据课后服务方案第 ${template.planVersion} 版）` : ''}`,
    '',
    `甲方（学校）：${template.schoolName}`,
    `乙方（家长）：${fill.guardianName}（${fill.relation}）`,
    `学生：${fill.childName}（${fill.className}）`,
    '',
    '乙方自愿为学生申请参加甲方的课后服务，双方约定如下。',
  ];
  template.sections.forEach((section, i) => {
    lines.push('', `${CHINESE_NUMBERS[i]}、${section.heading}`, section.body);
  });
  const n = template.sections.length;
  lines.push(
    '',
    `${CHINESE_NUMBERS[n]}、乙方为学生自愿选择的内容`,
    `参加日：${days(fill)}`,
    `参加项目：${fill.items.map(itemLine).join('；')}`,
    `接送安排：${pickupLine(fill)}`,
    '',
    `${CHINESE_NUMBERS[n + 1]}、其他`,
    '本协议以电子方式签署，签署记录保存协议版本、全文摘要（SHA-256）、签署人、签署时间和学生，甲乙双方可随时查看和核验。协议签署后不再改动；甲方发布新版本协议时，乙方需重新签署。乙方可按学校规定申请退出课后服务。',
  );
  return lines.join('\n');
}

/** The go-home-alone permit (独自回家证, 003 §七3): a document of its own, with its own hash. */
export function renderPermit(fill: PermitFill): string {
  return [
    '独自回家证',
    `${fill.schoolName} · ${fill.termName}`,
    '',
    `学生：${fill.childName}（${fill.className}）`,
    `监护人：${fill.guardianName}（${fill.relation}）`,
    '',
    '本人作为学生的监护人，同意孩子在每天课后服务结束后独自离校回家，并确认：',
    '1. 已与孩子约定回家路线，告知交通安全和自我保护的注意事项；',
    '2. 孩子离校后的安全由监护人负责；',
    '3. 孩子每天随身携带本证，离校时由看护教师确认；',
    '4. 接送方式改变时，提前告知班主任。',
  ].join('\n');
}

export function renderSigned(signature: Pick<SignatureDoc, 'kind' | 'fill'>, template: AgreementTemplateDoc | null): string | null {
  if (signature.kind === 'permit') return renderPermit(signature.fill as PermitFill);
  return template ? renderAgreement(template, signature.fill as AgreementFill) : null;
}

/**
 * Checks a signature: the stored text is the text that was hashed, re-rendering the template with
 * the stored choices gives that very text, and the template was not altered since publication.
 */
export function verifySignatureRecord(signature: SignatureDoc, template: AgreementTemplateDoc | null): VerificationResult {
  const checks = [{ label: '协议全文与签署时的摘要一致', ok: sha256(signature.text) === signature.textHash }];
  if (signature.kind === 'agreement') {
    const templateOk = !!template && template.version === signature.version && templateContentHash(template) === template.contentHash;
    checks.push({ label: `协议模板第 ${signature.version} 版未被改动`, ok: templateOk });
  }
  const rerendered = renderSigned(signature, template);
  checks.push({ label: '按模板和所选内容重新生成的全文与签署的全文一致', ok: rerendered !== null && sha256(rerendered) === signature.textHash });
  return { valid: checks.every((c) => c.ok), checks };
}

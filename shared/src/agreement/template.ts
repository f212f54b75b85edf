import { STAGE_LABELS } from '../domain/people';
import type { Publication } from '../domain/plan';
import { WEEKDAY_LABELS } from '../enrollment/types';
import { sha256 } from './sha256';
import { type AgreementSection, EDITABLE_SECTIONS, type EditableSection, SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from './types';

/** Suggested wording for the sections the school writes; the school edits it before publishing. */
export const DEFAULT_EDITABLE_TEXT: Record<EditableSection, string> = {
  rules:
    '本校课后服务管理制度经教职工代表大会和家长委员会审议通过，主要包括：考勤制度、看护与值班交接制度、门卫登记制度、安全应急预案、服务人员管理制度、收费公示与退费制度。课后服务坚持家长自愿参加，不得以任何方式强制或变相强制学生参加。',
  'school-duties':
    '学校负责制定并公开课后服务方案，安排经审核的服务人员，落实考勤、看护、交接和安全措施；不得组织学科类集体教学、集体补课或讲新课，不布置作业；按公示的标准收费、退费，接受家长和家长委员会监督。学校有权对违反管理制度的情况进行提醒和教育。',
  'staff-duties':
    '服务人员按时到岗，清点人数并做好考勤，全程看护学生，不得擅离岗位；按规定在校门口与接送人交接；不得进行有偿补课或推销活动。服务人员按规定获得相应报酬。',
  'student-duties':
    '学生有权自愿参加课后服务项目，有权获得安全、适宜的看护与活动；应遵守纪律，服从服务人员的管理，未经允许不得擅自离开；身体不适时及时告知老师。',
  'parent-duties':
    '家长有权自愿选择参加的时间和项目，有权了解服务内容、收费和退费办法，有权提出意见和建议；应按约定的时间和方式接送孩子，接送人员变化时提前告知班主任；孩子因故不能参加时及时请假；按公示的标准缴费。',
};

const pad = (text: string) => text.trim() || '（未填写）';

/** The sections drawn from the school's published plan: not editable, they restate what was disclosed. */
export function planSections(publication: Publication): Record<Exclude<SectionKey, EditableSection>, string> {
  const { content } = publication;
  const itemLines = content.items.map((item, i) => {
    const days = item.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、');
    const capacity = item.kind === 'club' && item.capacity ? `，限 ${item.capacity} 人，额满后按审核顺序候补` : '';
    const kind = item.kind === 'basic' ? '基础托管，不限人数' : '自愿选择的社团';
    return `${i + 1}. ${item.name}（${kind}${capacity}；${days}）：${item.description}`;
  });
  const scheduleLines = content.schedules.map((s) => {
    const days = s.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、');
    const blocks = s.blocks.map((b) => `${b.title ?? b.category} ${b.minutes} 分钟`).join('，');
    return `${STAGE_LABELS[s.stage]}：${days} ${s.start}—${s.end}。${blocks}。`;
  });
  const feeLines = publication.fees.lines.map((l) => `${l.label}：${l.text}（依据：${l.citation}）`);
  return {
    content: itemLines.join('\n'),
    form: `在校内进行，以看护、作业辅导答疑、体育锻炼和社团活动为主，不进行学科类集体教学，不布置作业。\n${scheduleLines.join('\n')}`,
    pickup: `接送时间：${content.pickup.pickupTime}。${content.pickup.arrangement}`,
    safety: `${content.safety.measures}\n${content.safety.emergencyPlan}`,
    fees: [...feeLines, `退费办法：${publication.fees.refundMethod}`].join('\n'),
  };
}

/** All sections in order: the plan's and the school's own text. */
export function buildSections(publication: Publication, editable: Record<EditableSection, string>): AgreementSection[] {
  const drawn = planSections(publication);
  return SECTION_KEYS.map((key) => ({
    key,
    heading: SECTION_HEADINGS[key],
    body: (EDITABLE_SECTIONS as readonly string[]).includes(key) ? pad(editable[key as EditableSection]) : drawn[key as Exclude<SectionKey, EditableSection>],
  }));
}

/** The hash of a template's content, to show it was not altered after publication. */
export function templateContentHash(template: {
  schoolName: string;
  termName: string;
  version: number;
  planVersion?: number;
  sections: AgreementSection[];
}): string {
  const sections = template.sections.map((s) => [s.key, s.heading, s.body]);
  // Older templates (no plan version) keep the hash they were published with.
  const plan = template.planVersion === undefined ? [] : [template.planVersion];
  return sha256(JSON.stringify([template.schoolName, template.termName, template.version, sections, ...plan]));
}

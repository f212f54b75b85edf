import type { PlanContent } from '@kehou/shared';
import { AppError, isFileIn } from '@kehou/shared/cloud';
import { chinaDate, disallowedFeeSettings, FEE_SETTING_LABELS, type PlanRecord, type PlanVersion, type VersionSummary } from '@kehou/shared/disclosure';
import type { SchoolTerm } from './load';

export const CONFLICT_MESSAGE = '方案已被他人修改，请刷新后再试';

/** Where a plan's filing attachments live in cloud storage (the weapp uploads there directly). */
export const attachmentFolder = (schoolId: string, termId: string) => `disclosure/${schoolId}/${termId}`;

/** The day the term's plan was first filed (China date), if it was. */
export function firstFiledOn(plan: PlanRecord | null, versions: PlanVersion[]): string | null {
  const first = plan?.firstSubmittedAt ?? versions[0]?.submittedAt;
  return first ? chinaDate(new Date(first)) : null;
}

export const summarize = (v: PlanVersion): VersionSummary => ({
  number: v.number,
  submittedAt: v.submittedAt,
  decision: v.decision,
  decidedAt: v.decidedAt,
  comments: v.comments,
});

/** What zod cannot know: fee settings the profile does not allow, stages, attachments of this plan. */
export function assertContentFitsSchool(st: SchoolTerm, content: PlanContent): void {
  const disallowed = disallowedFeeSettings(st.profile, st.term.startDate, content.feeSettings);
  if (disallowed.length) {
    throw new AppError('INVALID_INPUT', `本地政策不允许学校设置：${disallowed.map((k) => FEE_SETTING_LABELS[k]).join('、')}`);
  }
  const stages = new Set<string>(st.school.stages);
  if (content.schedules.some((s) => !stages.has(s.stage))) throw new AppError('INVALID_INPUT', '作息中包含本校没有的学段');
  const keys = new Set((st.profile.filing?.documents ?? []).map((d) => d.key));
  const folder = attachmentFolder(st.school._id, st.term._id);
  for (const attachment of content.attachments) {
    if (!keys.has(attachment.key)) throw new AppError('INVALID_INPUT', `「${attachment.name}」不是本地政策要求的备案材料`);
    // A file in this plan's folder itself (no `..`, no look-alike path): the bureau gets a link to it.
    if (!isFileIn(attachment.fileId, folder)) throw new AppError('INVALID_INPUT', `「${attachment.name}」不是为本方案上传的文件`);
  }
}

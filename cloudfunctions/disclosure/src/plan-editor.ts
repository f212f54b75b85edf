import { randomBytes } from 'node:crypto';
import { addAudited, AppError, conflict, defineAction, invalidState, isFileIn, updateAudited } from '@kehou/shared/cloud';
import type { PlanContent, PlanStatus } from '@kehou/shared';
import {
  FEE_SETTING_LABELS,
  MAX_ATTACHMENT_BYTES,
  chargeability,
  checkServicePlan,
  chinaDate,
  disallowedFeeSettings,
  emptyPlanContent,
  extensionOf,
  feeSettingsFor,
  filingDeadlineInfo,
  planRefSchema,
  savePlanSchema,
  uploadAttachmentSchema,
  type PlanEditorView,
  type PlanIssue,
  type PlanRecord,
  type PlanVersion,
} from '@kehou/shared/disclosure';
import { loadPlan, loadPublications, loadSchoolTerm, loadVersions, nowIso, requireAdmin, type SchoolTerm } from './load';

export const CONFLICT_MESSAGE = '方案已被他人修改，请刷新后再试';

/** The plan editor: the plan (or an empty one), its problems, the deadline and the history. */
export const getPlan = defineAction({
  input: planRefSchema,
  handler: async (ctx, { schoolId, termId }): Promise<PlanEditorView> => {
    const st = await loadSchoolTerm(ctx, schoolId, termId);
    requireAdmin(ctx, st.school);
    const { school, term, profile } = st;
    const [plan, versions, publications] = await Promise.all([
      loadPlan(ctx, st.planId),
      loadVersions(ctx, st.planId),
      loadPublications(ctx, schoolId, termId),
    ]);
    const content = plan?.content ?? emptyPlanContent(school.stages);
    const latest = versions[versions.length - 1];
    return {
      school: { schoolId, name: school.name, profileId: school.profileId, stages: school.stages, bureauName: school.bureauName },
      term: { termId, name: term.name, startDate: term.startDate, endDate: term.endDate },
      plan: plan ? withoutEditor(plan) : null,
      content,
      issues: checkServicePlan(profile, content, term),
      deadline: filingDeadlineInfo(profile, term.startDate, chinaDate(ctx.now()), firstFiledOn(plan, versions)),
      feeSettings: feeSettingsFor(profile, term.startDate),
      filingDocuments: (profile.filing?.documents ?? []).map((d) => ({
        key: d.key,
        label: d.label,
        citation: d.citation,
        whenExternalProviders: !!d.whenExternalProviders,
      })),
      latestVersion: latest
        ? { number: latest.number, submittedAt: latest.submittedAt, decision: latest.decision, decidedAt: latest.decidedAt, comments: latest.comments }
        : null,
      publications: publications.map((p) => ({ version: p.version, publishedAt: p.publishedAt, current: p.current, filedVersion: p.filedVersion })),
      chargeable: (({ chargeable, reason }) => ({ chargeable, reason }))(chargeability(plan)),
    };
  },
});

/** The plan as the editor shows it: not who saved it last (another admin's openid). */
function withoutEditor({ updatedBy: _by, ...plan }: PlanRecord): Omit<PlanRecord, 'updatedBy'> {
  return plan;
}

/** The day the term's plan was first filed (China date), if it was. */
export function firstFiledOn(plan: PlanRecord | null, versions: PlanVersion[]): string | null {
  const first = plan?.firstSubmittedAt ?? versions[0]?.submittedAt;
  return first ? chinaDate(new Date(first)) : null;
}

/**
 * Saves the plan as the admin wrote it, conditional on the revision they edited (no write is
 * lost). A submitted plan is frozen until the bureau decides. Editing an approved or published
 * plan moves it back to draft: it needs a new filing before it can be published again, and the
 * published version stays public meanwhile.
 */
export const savePlan = defineAction({
  input: savePlanSchema,
  handler: async (ctx, { schoolId, termId, revision, content }) => {
    const st = await loadSchoolTerm(ctx, schoolId, termId);
    requireAdmin(ctx, st.school);
    assertContentFitsSchool(st, content);
    const by = ctx.caller.requireSignedIn();
    const now = nowIso(ctx);
    const issues = checkServicePlan(st.profile, content, st.term);
    const plan = await loadPlan(ctx, st.planId);

    if (!plan) {
      if (revision !== 0) throw conflict(CONFLICT_MESSAGE);
      const doc: PlanRecord = {
        _id: st.planId,
        schoolId,
        termId,
        profileId: st.school.profileId,
        status: 'draft',
        revision: 1,
        content,
        submissions: 0,
        publishedVersion: 0,
        updatedAt: now,
        updatedBy: by,
      };
      if (!(await addAudited(ctx, 'plans', doc, '新建课后服务方案'))) throw conflict(CONFLICT_MESSAGE);
      return { revision: 1, status: 'draft' as PlanStatus, issues };
    }

    if (plan.status === 'submitted') throw invalidState('方案已提交备案，审核结束前不能修改');
    if (plan.revision !== revision) throw conflict(CONFLICT_MESSAGE);
    const status: PlanStatus = plan.status === 'returned' ? 'returned' : 'draft';
    const reopened = plan.status === 'approved' || plan.status === 'published';
    const saved = await updateAudited(
      ctx,
      'plans',
      st.planId,
      { revision },
      { content: ctx._.set(content), revision: revision + 1, status, updatedAt: now, updatedBy: by },
      reopened ? '修改已通过备案的方案：方案回到草稿，需重新提交备案' : '保存课后服务方案',
    );
    if (!saved) throw conflict(CONFLICT_MESSAGE);
    return { revision: revision + 1, status, issues };
  },
});

/** What zod cannot know: fee settings the profile does not allow, stages, attachments of this plan. */
function assertContentFitsSchool(st: SchoolTerm, content: PlanContent): void {
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

/** Where a plan's filing attachments live in cloud storage (the weapp uploads there directly). */
export const attachmentFolder = (schoolId: string, termId: string) => `disclosure/${schoolId}/${termId}`;

/**
 * Stores one filing attachment sent as base64. The H5 client has no cloud storage, so it uploads
 * through here; the mini-program uploads with wx.cloud.uploadFile into the same folder instead
 * (WeChat advises against call data over 256 KB). Returns the attachment to put in the plan.
 */
export const uploadAttachment = defineAction({
  input: uploadAttachmentSchema,
  handler: async (ctx, { schoolId, termId, key, fileName, contentBase64 }) => {
    const st = await loadSchoolTerm(ctx, schoolId, termId);
    requireAdmin(ctx, st.school);
    const document = st.profile.filing?.documents.find((d) => d.key === key);
    if (!document) throw new AppError('INVALID_INPUT', '本地政策没有要求这项备案材料');
    const fileContent = Buffer.from(contentBase64, 'base64');
    if (!fileContent.length) throw new AppError('INVALID_INPUT', '文件是空的');
    if (fileContent.length > MAX_ATTACHMENT_BYTES) throw new AppError('INVALID_INPUT', '文件不能超过 2 MB');
    const cloudPath = `${attachmentFolder(schoolId, termId)}/${key}-${Date.now()}-${randomBytes(4).toString('hex')}.${extensionOf(fileName)}`;
    const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent });
    await ctx.audit([{ collection: 'plans', id: st.planId }], `上传备案材料「${document.label}」：${fileName}`);
    return { key, name: fileName, fileId: fileID };
  },
});

export type SaveResult = { revision: number; status: PlanStatus; issues: PlanIssue[] };

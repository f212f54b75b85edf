import { AppError, auditIn, conflict, defineAction, getAll, invalidState, notFound, txGet, type ActionContext } from '@kehou/shared/cloud';
import { planReviewResultMessage } from '@kehou/shared';
import {
  checkServicePlan,
  planRefSchema,
  publicationFees,
  returnSchema,
  reviewSchema,
  submitPlanSchema,
  toPublicContent,
  type PlanRecord,
  type PlanVersion,
  type PublicationRecord,
} from '@kehou/shared/disclosure';
import { loadSchoolTerm, nowIso, publicationIdOf, requireAdmin, requireReviewer, versionIdOf } from './load';
import { CONFLICT_MESSAGE } from './plan-editor';
import { txCreate } from './transaction';

/**
 * The school files its plan: refused while any problem remains (POLICY_VIOLATION, the problems in
 * `details.issues`). One transaction writes the immutable version `${planId}:s${n}`, moves the
 * plan to submitted and records the audit entry, so a crash never leaves one without the others. A retry of a submission that
 * went through answers with the same version.
 */
export const submitPlan = defineAction({
  input: submitPlanSchema,
  handler: async (ctx, { schoolId, termId, revision }) => {
    const st = await loadSchoolTerm(ctx, schoolId, termId);
    requireAdmin(ctx, st.school);
    const by = ctx.caller.requireSignedIn();
    const now = nowIso(ctx);
    const outcome = await ctx.db.runTransaction(async (t) => {
      const plan = await txGet<PlanRecord>(t, 'plans', st.planId);
      if (!plan) throw notFound('方案');
      if (plan.status === 'submitted' && plan.revision === revision + 1) return { number: plan.submissions, repeated: true };
      if (plan.status === 'submitted') throw invalidState('方案已提交备案，正在等待教育局审核');
      if (plan.revision !== revision) throw conflict(CONFLICT_MESSAGE);
      if (plan.status === 'approved' || plan.status === 'published') throw invalidState('方案已通过备案；修改方案后才需要重新提交');
      const issues = checkServicePlan(st.profile, plan.content, st.term);
      if (issues.length) {
        throw new AppError('POLICY_VIOLATION', `方案还有 ${issues.length} 处需要修改，改好后才能提交备案`, { issues });
      }
      const number = plan.submissions + 1;
      const version: Omit<PlanVersion, '_id'> = {
        planId: st.planId,
        schoolId,
        termId,
        number,
        content: plan.content,
        submittedAt: now,
        submittedBy: by,
        decision: 'pending',
        decidedBy: null,
        decidedAt: null,
        comments: '',
      };
      await txCreate(t, 'planVersions', versionIdOf(st.planId, number), { ...version });
      await t.collection('plans').doc(st.planId).update({
        data: { status: 'submitted', submissions: number, revision: plan.revision + 1, ...(plan.firstSubmittedAt ? {} : { firstSubmittedAt: now }) },
      });
      await auditIn(ctx, t, {
        targets: [
          { collection: 'plans', id: st.planId },
          { collection: 'planVersions', id: versionIdOf(st.planId, number) },
        ],
        summary: `提交第 ${number} 版方案备案`,
      });
      return { number, repeated: false };
    });
    return { version: outcome.number, status: 'submitted' as const, revision: revision + 1 };
  },
});

/** The bureau approves the submitted version; the school may then publish it. */
export const approvePlan = defineAction({
  input: reviewSchema,
  handler: async (ctx, input) => decide(ctx, input, 'approved'),
});

/** The bureau returns the submitted version with comments; the school revises and submits again. */
export const returnPlan = defineAction({
  input: returnSchema,
  handler: async (ctx, input) => decide(ctx, input, 'returned'),
});

async function decide(
  ctx: ActionContext,
  { schoolId, termId, version, comments }: { schoolId: string; termId: string; version: number; comments: string },
  decision: 'approved' | 'returned',
) {
  const st = await loadSchoolTerm(ctx, schoolId, termId);
  requireReviewer(ctx, st.school);
  const by = ctx.caller.requireSignedIn();
  const now = nowIso(ctx);
  const versionId = versionIdOf(st.planId, version);
  const outcome = await ctx.db.runTransaction(async (t) => {
    const plan = await txGet<PlanRecord>(t, 'plans', st.planId);
    const filed = await txGet<PlanVersion>(t, 'planVersions', versionId);
    if (!plan || !filed) throw notFound('该版本的备案');
    if (filed.decision === decision && plan.submissions === version) return { filed, repeated: true };
    if (plan.status !== 'submitted' || plan.submissions !== version || filed.decision !== 'pending') {
      throw invalidState('这一版备案已经处理过，或学校已提交了新的版本，请刷新');
    }
    await t.collection('planVersions').doc(versionId).update({ data: { decision, decidedBy: by, decidedAt: now, comments } });
    await t.collection('plans').doc(st.planId).update({ data: { status: decision, revision: plan.revision + 1 } });
    await auditIn(ctx, t, {
      targets: [
        { collection: 'plans', id: st.planId },
        { collection: 'planVersions', id: versionId },
      ],
      summary: `${decision === 'approved' ? '备案审核通过' : '备案退回修改'}（第 ${version} 版）${comments ? `：${comments}` : ''}`,
    });
    return { filed, repeated: false };
  });
  if (!outcome.repeated) {
    await ctx.notify(
      planReviewResultMessage({
        touser: outcome.filed.submittedBy,
        schoolName: st.school.name,
        approved: decision === 'approved',
        comments,
        at: ctx.now(),
        page: `school/plan/index?schoolId=${encodeURIComponent(schoolId)}&termId=${encodeURIComponent(termId)}`,
      }),
    );
  }
  return { status: decision, version };
}

/**
 * Publishes the approved version as the next publication `${planId}:v${n}`. One transaction adds it
 * as current, clears `current` on the previous ones and marks the plan published: readers never
 * see two current publications or none. A retry after success answers with the same version.
 */
export const publishPlan = defineAction({
  input: planRefSchema,
  handler: async (ctx, { schoolId, termId }) => {
    const st = await loadSchoolTerm(ctx, schoolId, termId);
    requireAdmin(ctx, st.school);
    const now = nowIso(ctx);
    const currentIds = (await getAll<PublicationRecord>(ctx.collection('publications').where({ schoolId, termId, current: true }))).map((p) => p._id);
    const outcome = await ctx.db.runTransaction(async (t) => {
      const plan = await txGet<PlanRecord>(t, 'plans', st.planId);
      if (!plan) throw notFound('方案');
      if (plan.status === 'published') return { version: plan.publishedVersion, repeated: true };
      if (plan.status !== 'approved') {
        throw invalidState(plan.status === 'submitted' ? '方案正在审核，通过备案后才能公开' : '方案需要先通过教育局备案审核，才能公开');
      }
      const filed = await txGet<PlanVersion>(t, 'planVersions', versionIdOf(st.planId, plan.submissions));
      if (!filed || filed.decision !== 'approved') throw invalidState('找不到已通过审核的备案版本');
      const version = plan.publishedVersion + 1;
      const id = publicationIdOf(st.planId, version);
      const publication: Omit<PublicationRecord, '_id'> = {
        schoolId,
        termId,
        version,
        current: true,
        profileId: st.school.profileId,
        schoolName: st.school.name,
        termName: st.term.name,
        publishedAt: now,
        content: toPublicContent(filed.content),
        fees: publicationFees(st.profile, filed.content.feeSettings, st.term.startDate),
        filedVersion: filed.number,
      };
      await txCreate(t, 'publications', id, { ...publication });
      const previous = new Set([...currentIds, ...(version > 1 ? [publicationIdOf(st.planId, version - 1)] : [])]);
      previous.delete(id);
      for (const previousId of previous) {
        if (await txGet(t, 'publications', previousId)) {
          await t.collection('publications').doc(previousId).update({ data: { current: false } });
        }
      }
      await t.collection('plans').doc(st.planId).update({ data: { status: 'published', publishedVersion: version, revision: plan.revision + 1 } });
      await auditIn(ctx, t, {
        targets: [
          { collection: 'plans', id: st.planId },
          { collection: 'publications', id },
        ],
        summary: `公开第 ${version} 版方案`,
      });
      return { version, repeated: false };
    });
    return { version: outcome.version, status: 'published' as const };
  },
});

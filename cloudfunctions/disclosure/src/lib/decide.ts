import { planReviewResultMessage, type School } from '@kehou/shared';
import { type ActionContext, auditIn, invalidState, notFound, txGet } from '@kehou/shared/cloud';
import type { PlanDecisionResult, PlanRecord, PlanVersion } from '@kehou/shared/disclosure';
import { loadTermOf, nowIso, versionIdOf } from './load';

/**
 * The bureau's decision on submitted version `version`, in one transaction with the plan's status;
 * the admin who submitted it is notified. Deciding the same way again answers the same and writes
 * nothing; a version already decided otherwise, or superseded, is refused.
 */
export async function decidePlan(
  ctx: ActionContext,
  school: School,
  { termId, version, comments }: { termId: string; version: number; comments: string },
  decision: PlanDecisionResult['status'],
): Promise<PlanDecisionResult> {
  const st = await loadTermOf(ctx, school, termId);
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
    await t
      .collection('planVersions')
      .doc(versionId)
      .update({ data: { decision, decidedBy: by, decidedAt: now, comments } });
    await t
      .collection('plans')
      .doc(st.planId)
      .update({ data: { status: decision, revision: plan.revision + 1 } });
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
        schoolName: school.name,
        approved: decision === 'approved',
        comments,
        at: ctx.now(),
        page: `school/plan/index?schoolId=${encodeURIComponent(school._id)}&termId=${encodeURIComponent(termId)}`,
      }),
    );
  }
  return { status: decision, version };
}

import { AppError, auditIn, conflict, implement, invalidState, notFound, txCreate, txGet } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { checkServicePlan, type PlanRecord, type PlanVersion } from '@kehou/shared/disclosure';
import { loadTermOf, nowIso, versionIdOf } from '../lib/load';
import { CONFLICT_MESSAGE } from '../lib/plans';

/**
 * The school files its plan: refused while any problem remains (POLICY_VIOLATION, the problems in
 * `details.issues`). One transaction writes the immutable version `${planId}:s${n}` and moves the
 * plan to submitted, so a crash never leaves one without the other. A retry of a submission that
 * went through answers with the same version.
 */
export const submitPlan = implement(disclosureContract.actions.submitPlan, async (ctx, { schoolId, termId, revision }, { doc: school }) => {
  const st = await loadTermOf(ctx, school, termId);
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
    await t
      .collection('plans')
      .doc(st.planId)
      .update({
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
});

import type { PlanStatus } from '@kehou/shared';
import { addAudited, conflict, implement, invalidState, updateAudited } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { checkServicePlan, type PlanRecord } from '@kehou/shared/disclosure';
import { loadPlan, loadTermOf, nowIso } from '../lib/load';
import { assertContentFitsSchool, CONFLICT_MESSAGE } from '../lib/plans';

/**
 * Saves the plan as the admin wrote it, conditional on the revision they edited (no write is
 * lost). A submitted plan is frozen until the bureau decides. Editing an approved or published
 * plan moves it back to draft: it needs a new filing before it can be published again, and the
 * published version stays public meanwhile.
 */
export const savePlan = implement(disclosureContract.actions.savePlan, async (ctx, { schoolId, termId, revision, content }, { doc: school }) => {
  const st = await loadTermOf(ctx, school, termId);
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
      profileId: school.profileId,
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
});

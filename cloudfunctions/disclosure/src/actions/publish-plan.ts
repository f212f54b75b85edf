import { auditIn, getAll, implement, invalidState, notFound, txCreate, txGet } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { type PlanRecord, type PlanVersion, type PublicationRecord, publicationFees, toPublicContent } from '@kehou/shared/disclosure';
import { loadTermOf, nowIso, publicationIdOf, versionIdOf } from '../lib/load';

/**
 * Publishes the approved filing as publication `${planId}:v${n}`, n its filing number: one plan
 * version number everywhere (the bureau approves 第 n 版, the public page, the article and the
 * agreement show 第 n 版); a filing returned and never published leaves a gap. One transaction adds
 * it as current, clears `current` on the previous ones and marks the plan published: readers never
 * see two current publications or none. A retry after success answers with the same version.
 */
export const publishPlan = implement(disclosureContract.actions.publishPlan, async (ctx, { schoolId, termId }, { doc: school }) => {
  const st = await loadTermOf(ctx, school, termId);
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
    if (filed?.decision !== 'approved') throw invalidState('找不到已通过审核的备案版本');
    const version = filed.number;
    const id = publicationIdOf(st.planId, version);
    const publication: Omit<PublicationRecord, '_id'> = {
      schoolId,
      termId,
      version,
      current: true,
      profileId: school.profileId,
      schoolName: school.name,
      termName: st.term.name,
      publishedAt: now,
      content: toPublicContent(filed.content),
      fees: publicationFees(st.profile, filed.content.feeSettings, st.term.startDate),
      filedVersion: filed.number,
    };
    await txCreate(t, 'publications', id, { ...publication });
    const previous = new Set([...currentIds, ...(plan.publishedVersion > 0 ? [publicationIdOf(st.planId, plan.publishedVersion)] : [])]);
    previous.delete(id);
    for (const previousId of previous) {
      if (await txGet(t, 'publications', previousId)) {
        await t
          .collection('publications')
          .doc(previousId)
          .update({ data: { current: false } });
      }
    }
    await t
      .collection('plans')
      .doc(st.planId)
      .update({ data: { status: 'published', publishedVersion: version, revision: plan.revision + 1 } });
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
});

import { type AgreementTemplateDoc, buildSections, templateContentHash } from '@kehou/shared';
import { AppError, advanceJob, countWhere, getAll, implement, invalidState, isoNow, newJob, txGet, writeAudited } from '@kehou/shared/cloud';
import { assertRulesAdopted } from '@kehou/shared/committee/server';
import { agreementContract } from '@kehou/shared/contracts';
import { currentPublication, resolveTerm } from '@kehou/shared/enrollment/server';
import { publishTemplateStep } from '../jobs/publish-template';
import { currentTemplate, templateId } from '../lib/templates';

/**
 * The school publishes a new version of the term's agreement, its content drawn from the current
 * published plan. Versions never change; parents who signed an earlier one are asked to sign again, in the
 * steps of a job (`publish-template:<templateId>`, advanced by agreement.advanceJob; a small school
 * is told at once).
 */
export const publishTemplate = implement(agreementContract.actions.publishTemplate, async (ctx, input, { doc: school }) => {
  const term = await resolveTerm(ctx, school._id, input.termId);
  if (!term) throw new AppError('NOT_FOUND', '学期不存在');
  const publication = await currentPublication(ctx, school._id, term._id);
  if (!publication) throw invalidState('请先公开本学期的服务方案，协议内容取自公开的方案');
  // A profile that asks it (suifenhe 004 §四(三)3): the rules this agreement states are adopted first.
  await assertRulesAdopted(ctx, school, input.sections);
  const previous = await currentTemplate(ctx, school._id, term._id);
  const version = (previous?.version ?? 0) + 1;
  const body = {
    schoolName: school.name,
    termName: term.name,
    version,
    planVersion: publication.version,
    sections: buildSections(publication, input.sections),
  };
  const template: AgreementTemplateDoc = {
    _id: templateId(school._id, term._id, version),
    schoolId: school._id,
    termId: term._id,
    current: true,
    publicationId: publication._id,
    ...body,
    contentHash: templateContentHash(body),
    publishedAt: isoNow(ctx),
    publishedBy: ctx.caller.openid ?? '',
  };
  const current = await getAll<AgreementTemplateDoc>(ctx.collection('agreementTemplates').where({ schoolId: school._id, termId: term._id, current: true }));
  const enrolled = await countWhere(ctx, 'applications', { schoolId: school._id, termId: term._id, status: ctx._.in(['listed', 'signed', 'active']) });
  // Telling the families is a job (publish-template:<templateId>), created with the version.
  const job = newJob(ctx, {
    kind: 'publish-template',
    scope: template._id,
    schoolId: school._id,
    termId: term._id,
    total: enrolled,
    params: { templateId: template._id, version },
    summary: '',
  });
  // The new version, the older ones no longer current, its job and the audit entry: one transaction.
  const published = await writeAudited(ctx, async (t) => {
    if (await txGet(t, 'agreementTemplates', template._id)) return { result: false, note: null };
    const { _id, ...data } = template;
    await t
      .collection('agreementTemplates')
      .doc(_id)
      .set({ data: { ...data } });
    for (const older of current.filter((c) => c._id !== template._id)) {
      if ((await txGet<AgreementTemplateDoc>(t, 'agreementTemplates', older._id))?.current) {
        await t
          .collection('agreementTemplates')
          .doc(older._id)
          .update({ data: { current: false } });
      }
    }
    const { _id: jobId, ...jobData } = job;
    await t
      .collection('jobs')
      .doc(jobId)
      .set({ data: { ...jobData } });
    return { result: true, note: { targets: [{ collection: 'agreementTemplates' as const, id: template._id }], summary: `发布协议第 ${version} 版` } };
  });
  if (!published) throw new AppError('CONFLICT', `第 ${version} 版刚刚已经发布，请刷新后查看`);

  const view = await advanceJob(ctx, job, publishTemplateStep);
  return { templateId: template._id, version, needResign: view.result.needResign ?? 0, job: view };
});

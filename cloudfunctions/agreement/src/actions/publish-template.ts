import { type AgreementTemplateDoc, type ApplicationDoc, agreementReminderMessage, buildSections, templateContentHash } from '@kehou/shared';
import { AppError, getAll, implement, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { assertRulesAdopted } from '@kehou/shared/committee/server';
import { agreementContract } from '@kehou/shared/contracts';
import { currentPublication, notifyGuardians, resolveTerm } from '@kehou/shared/enrollment/server';
import { currentTemplate, templateId } from '../lib/templates';

/**
 * The school publishes a new version of the term's agreement, its content drawn from the current
 * published plan. Versions never change; parents who signed an earlier one are asked to sign again.
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
  const body = { schoolName: school.name, termName: term.name, version, sections: buildSections(publication, input.sections) };
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
  // The new version, the older ones no longer current, and the audit entry: one transaction.
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
    return { result: true, note: { targets: [{ collection: 'agreementTemplates' as const, id: template._id }], summary: `发布协议第 ${version} 版` } };
  });
  if (!published) throw new AppError('CONFLICT', `第 ${version} 版刚刚已经发布，请刷新后查看`);

  const apps = await getAll<ApplicationDoc>(
    ctx.collection('applications').where({ schoolId: school._id, termId: term._id, status: ctx._.in(['listed', 'signed', 'active']) }),
  );
  let needResign = 0;
  for (const app of apps) {
    const resign = (app.signedVersion ?? 0) > 0 && (app.status === 'signed' || app.status === 'active');
    if (!resign && !(app.status === 'listed' && app.listFixed)) continue;
    if (resign) needResign++;
    await notifyGuardians(ctx, app.studentId, (touser) =>
      agreementReminderMessage({
        touser,
        childName: app.studentName,
        applicationId: app._id,
        note: resign ? `协议已更新为第${version}版，请重新签署` : '协议已发布，请阅读并签署',
      }),
    );
  }
  return { templateId: template._id, version, needResign };
});

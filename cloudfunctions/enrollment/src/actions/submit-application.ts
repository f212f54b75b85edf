import type { ApplicationDoc } from '@kehou/shared';
import { AppError, addAudited, implement, invalidState, isoNow } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import {
  callerGuardianship,
  checkChoices,
  checkWrittenChoices,
  cleanPickup,
  currentPublication,
  getClass,
  loadApplication,
  notifyStatus,
  resolveTerm,
  viewForGuardian,
  writeHardship,
} from '@kehou/shared/enrollment/server';

/**
 * A parent applies for a child: days, items and pick-up chosen freely (nothing pre-selected),
 * hardship optional and kept apart. One application per child and term (`${studentId}:${termId}`):
 * a retry or a double tap answers with the existing application and creates nothing.
 */
export const submitApplication = implement(enrollmentContract.actions.submitApplication, async (ctx, input, { doc: student }) => {
  const guardianship = await callerGuardianship(ctx, student._id);
  const classGroup = await getClass(ctx, student.classId);
  if (!classGroup) throw new AppError('NOT_FOUND', '班级不存在');
  const term = await resolveTerm(ctx, student.schoolId, input.termId);
  if (!term) throw new AppError('INVALID_INPUT', '学期不正确，请刷新后再试');
  const id = `${student._id}:${term._id}`;

  const answer = async (app: ApplicationDoc, existing: boolean) => ({ application: await viewForGuardian(ctx, app), existing });

  const already = await loadApplication(ctx, id);
  if (already) return answer(already, true);

  const publication = await currentPublication(ctx, student.schoolId, term._id);
  if (!publication) throw invalidState('学校还没有公布本学期的课后服务方案，暂时不能报名');
  checkChoices(publication, classGroup, input);
  await checkWrittenChoices(ctx, input);

  const now = isoNow(ctx);
  const app: ApplicationDoc = {
    _id: id,
    studentId: student._id,
    studentName: student.name,
    classId: classGroup._id,
    className: classGroup.name,
    schoolId: student.schoolId,
    termId: term._id,
    publicationId: publication._id,
    status: 'submitted',
    revision: 1,
    days: [...input.days].sort((a, b) => a - b),
    itemIds: publication.content.items.map((i) => i.id).filter((itemId) => input.itemIds.includes(itemId)),
    pickup: cleanPickup(input.pickup),
    appliedBy: guardianship.openid,
    appliedByName: guardianship.guardianName,
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, status: 'submitted', by: guardianship.openid, byName: guardianship.guardianName }],
  };
  if (!(await addAudited(ctx, 'applications', app, '提交报名'))) {
    const winner = await loadApplication(ctx, id);
    if (winner) return answer(winner, true);
    throw new AppError('CONFLICT', '这份报名刚刚提交过，请刷新');
  }
  await writeHardship(ctx, app, input.hardship ?? null);
  await notifyStatus(ctx, app, '报名已提交，等待班主任审核');
  return answer(app, false);
});

import type { ApplicationDoc } from '@kehou/shared';
import { AppError, implement, invalidState } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import {
  checkChoices,
  checkWrittenChoices,
  cleanPickup,
  currentPublication,
  getClass,
  moveApplication,
  notifyStatus,
  requireRevision,
  viewForGuardian,
  writeHardship,
} from '@kehou/shared/enrollment/server';

/**
 * The parent corrects a returned application, or applies again after withdrawing (joining
 * mid-term follows the normal flow), with the choices made anew against the current plan.
 */
export const resubmitApplication = implement(enrollmentContract.actions.resubmitApplication, async (ctx, input, { doc: app, guardianName }) => {
  requireRevision(app, input.revision);
  const classGroup = await getClass(ctx, app.classId);
  if (!classGroup) throw new AppError('NOT_FOUND', '班级不存在');
  const publication = await currentPublication(ctx, app.schoolId, app.termId);
  if (!publication) throw invalidState('学校当前没有公布的课后服务方案，暂时不能报名');
  checkChoices(publication, classGroup, input);
  await checkWrittenChoices(ctx, input);
  const rejoining = app.status === 'withdrawn';
  const set: Partial<ApplicationDoc> = {
    publicationId: publication._id,
    days: [...input.days].sort((a, b) => a - b),
    itemIds: publication.content.items.map((i) => i.id).filter((id) => input.itemIds.includes(id)),
    pickup: cleanPickup(input.pickup),
    ...(rejoining ? { round: (app.round ?? 1) + 1, signedVersion: 0, permitSigned: false } : {}),
  };
  const updated = await moveApplication(ctx, app, 'resubmit', {
    byName: guardianName,
    set,
    unset: ['returnReason', 'listingId', 'listedUntil', 'listFixed', ...(rejoining ? (['withdrawal'] as const) : [])],
    note: rejoining ? '重新报名' : '修改后重新提交',
  });
  await writeHardship(ctx, updated, input.hardship);
  await notifyStatus(ctx, updated, rejoining ? '已重新报名，等待班主任审核' : '已重新提交，等待班主任审核');
  return { application: await viewForGuardian(ctx, updated) };
});

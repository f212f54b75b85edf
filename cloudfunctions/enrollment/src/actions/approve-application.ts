import type { Publication } from '@kehou/shared';
import { findById, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { joinClubs, moveApplication, notifyStatus, requireRevision } from '@kehou/shared/enrollment/server';

/**
 * The school's review (学校审核) after the class teacher's approves the application (sending it
 * back is returnApplication). Each chosen club with a capacity gives a place in approval order, or
 * a waiting-list place with its position.
 */
export const approveApplication = implement(enrollmentContract.actions.approveApplication, async (ctx, input, { doc: app }) => {
  requireRevision(app, input.revision);
  const updated = await moveApplication(ctx, app, 'school-approve', { note: '学校审核通过' });
  const publication = await findById<Publication>(ctx, 'publications', updated.publicationId);
  const items = publication?.content.items ?? [];
  const placements = (await joinClubs(ctx, updated, items)).map((p) => ({ ...p, name: items.find((i) => i.id === p.itemId)?.name ?? '' }));
  const waiting = placements.filter((p) => p.placement === 'waiting');
  await notifyStatus(ctx, updated, waiting.length ? `审核通过；${waiting.map((p) => `${p.name}候补第${p.position}位`).join('，')}` : '审核通过，等待名单公示');
  return { applicationId: updated._id, status: updated.status, revision: updated.revision, placements };
});

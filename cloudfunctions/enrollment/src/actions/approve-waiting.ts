import type { ApplicationDoc, Publication } from '@kehou/shared';
import { AppError, countWhere, implement, updateManyAudited } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { joinClubsMany, moveApplications, notifyStatusMany, publicationCache, resolveTerm } from '@kehou/shared/enrollment/server';

/** Applications one step approves: with the club places and messages, well under WeChat's 3 s. */
const STEP = 50;

/**
 * The school's review (学校审核) of everything waiting for it, of one class or of the whole school,
 * as it was waiting when the admin loaded the desk (`asOf`): one bounded step per call, which the
 * screen repeats until `done`. Each step approves the next applications in queue order (when the
 * class teacher passed them) with one batched write, then gives their club places in that order
 * (one transaction per club: never beyond capacity, then the waiting list), then tells the
 * families. A step killed part-way is finished by the next call: approved applications whose
 * places were not given yet are placed first. Two admins running it at once approve each
 * application once.
 */
export const approveWaiting = implement(enrollmentContract.actions.approveWaiting, async (ctx, input, { doc: school }) => {
  const term = await resolveTerm(ctx, school._id, input.termId);
  if (!term) throw new AppError('NOT_FOUND', '学期不存在');
  const scope = { schoolId: school._id, termId: term._id, ...(input.classId ? { classId: input.classId } : {}) };
  const waitingWhere = { ...scope, status: 'teacher-reviewed', updatedAt: ctx._.lte(input.asOf) };
  const inQueueOrder = (where: Record<string, unknown>) =>
    ctx.collection('applications').where(where).orderBy('updatedAt', 'asc').orderBy('_id', 'asc').limit(STEP).get();

  let approved = 0;
  let batch = (await inQueueOrder({ ...scope, status: 'approved', clubsPending: true })).data as ApplicationDoc[];
  if (!batch.length) {
    const waiting = (await inQueueOrder(waitingWhere)).data as ApplicationDoc[];
    if (waiting.length) {
      const batchId = `approveWaiting:${school._id}:${input.requestId}:${waiting[0]._id}`;
      batch = await moveApplications(ctx, waiting, 'teacher-reviewed', 'school-approve', { batchId, note: '学校审核通过', set: { clubsPending: true } });
      batch.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a._id.localeCompare(b._id));
      approved = batch.length;
    }
  }

  if (batch.length) {
    // Places in approval order, per plan version the families applied to (usually one).
    const publication = publicationCache(ctx);
    const placements = new Map<string, { name: string; placement: string; position?: number }[]>();
    for (const publicationId of new Set(batch.map((a) => a.publicationId))) {
      const items = ((await publication(publicationId)) as Publication | null)?.content.items ?? [];
      const joined = await joinClubsMany(
        ctx,
        batch.filter((a) => a.publicationId === publicationId),
        items,
      );
      for (const [id, list] of joined)
        placements.set(
          id,
          list.map((p) => ({ ...p, name: items.find((i) => i.id === p.itemId)?.name ?? '' })),
        );
    }
    await notifyStatusMany(ctx, batch, (app) => {
      const waiting = (placements.get(app._id) ?? []).filter((p) => p.placement === 'waiting');
      return waiting.length ? `审核通过；${waiting.map((p) => `${p.name}候补第${p.position}位`).join('，')}` : '审核通过，等待名单公示';
    });
    const ids = batch.map((a) => a._id);
    await updateManyAudited(
      ctx,
      'applications',
      `approveWaiting:${school._id}:${input.requestId}:placed:${ids[0]}`,
      ids,
      { _id: ctx._.in(ids), clubsPending: true },
      { clubsPending: ctx._.remove() },
      `社团名额已按审核顺序分配（${ids.length} 份）`,
    );
  }

  const remaining = await countWhere(ctx, 'applications', waitingWhere);
  return { approved, placed: batch.length, remaining, done: remaining === 0 };
});

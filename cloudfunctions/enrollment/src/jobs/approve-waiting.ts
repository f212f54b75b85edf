import type { ApplicationDoc, Publication } from '@kehou/shared';
import { markingStaleAtEnd } from '@kehou/shared/bureau/server';
import { type ActionContext, countWhere, type JobStep, updateManyAudited } from '@kehou/shared/cloud';
import { joinClubsMany, moveApplications, notifyStatusMany, publicationCache } from '@kehou/shared/enrollment/server';

/** Applications one step approves: with the club places and messages, well under WeChat's 3 s. */
export const APPROVE_STEP = 50;

export interface ApproveWaitingParams {
  classId?: string;
  /** What was waiting when the admin loaded the desk: later arrivals wait for the next decision. */
  asOf: string;
}

/** When the application reached the school's queue (the class teacher passed it): approval order. */
const queuedAt = (app: ApplicationDoc) => [...app.history].reverse().find((h) => h.status === 'teacher-reviewed')?.at ?? app.updatedAt;
const inApprovalOrder = (a: ApplicationDoc, b: ApplicationDoc) => queuedAt(a).localeCompare(queuedAt(b)) || a._id.localeCompare(b._id);

/** What the job approves: of the school's term (or one class), waiting for the school as of the desk's time. */
export function waitingWhere(ctx: ActionContext, schoolId: string, termId: string, params: ApproveWaitingParams) {
  return { schoolId, termId, ...(params.classId ? { classId: params.classId } : {}), status: 'teacher-reviewed', updatedAt: ctx._.lte(params.asOf) };
}

/**
 * One step of the school's review (学校审核) of everything waiting: the next applications in queue
 * order (when the class teacher passed them) approved with one batched write, then their club
 * places given in that order (one transaction per club: never beyond capacity, then the waiting
 * list), then the families told. A step killed part-way is finished by the next: approved
 * applications whose places were not given yet are placed first. `done` (approved) is counted
 * from what is still waiting (never low after a kill); two admins at once approve each application once.
 */
export const approveWaitingStep: JobStep = markingStaleAtEnd(async (ctx, job) => {
  const params = job.params as unknown as ApproveWaitingParams;
  const termId = job.termId ?? '';
  const scope = { schoolId: job.schoolId, termId, ...(params.classId ? { classId: params.classId } : {}) };
  const waiting = waitingWhere(ctx, job.schoolId, termId, params);
  const inQueueOrder = (where: Record<string, unknown>) =>
    ctx.collection('applications').where(where).orderBy('updatedAt', 'asc').orderBy('_id', 'asc').limit(APPROVE_STEP).get();
  const batchOf = (suffix: string) => `${job._id}@${job.startedAt}:${suffix}`;

  let batch = (await inQueueOrder({ ...scope, status: 'approved', clubsPending: true })).data as ApplicationDoc[];
  if (!batch.length) {
    const next = (await inQueueOrder(waiting)).data as ApplicationDoc[];
    if (next.length) {
      batch = await moveApplications(ctx, next, 'teacher-reviewed', 'school-approve', {
        batchId: batchOf(next[0]._id),
        note: '学校审核通过',
        set: { clubsPending: true },
      });
    }
  }

  if (batch.length) {
    batch.sort(inApprovalOrder);
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
      const onList = (placements.get(app._id) ?? []).filter((p) => p.placement === 'waiting');
      return onList.length ? `审核通过；${onList.map((p) => `${p.name}候补第${p.position}位`).join('，')}` : '审核通过，等待名单公示';
    });
    // In the queue before they are marked placed and told: a step killed in between tells them when redone.
    await ctx.flushMessages();
    const ids = batch.map((a) => a._id);
    await updateManyAudited(
      ctx,
      'applications',
      batchOf(`placed:${ids[0]}`),
      ids,
      { _id: ctx._.in(ids), clubsPending: true },
      { clubsPending: ctx._.remove() },
      `社团名额已按审核顺序分配（${ids.length} 份）`,
    );
  }

  const remaining = await countWhere(ctx, 'applications', waiting);
  // Approved so far is counted from what is still waiting, not added per step: a killed step's batch is never left out.
  return { cursor: null, doneNow: Math.max(0, job.total - remaining), finished: remaining === 0 };
});

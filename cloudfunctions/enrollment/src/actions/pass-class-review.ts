import type { ApplicationDoc } from '@kehou/shared';
import { getAll, implement, invalidState, updateManyAudited } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { currentTerm, moveApplication, moveApplications, notifyStatus, notifyStatusMany } from '@kehou/shared/enrollment/server';

/**
 * The class teacher's first review (班级初审) of a whole class in one action: every application
 * they saw passes on to the school at once (one batched write), except those they send back with a
 * reason, and those they hold (in neither list: they stay waiting). An application that changed
 * since the teacher saw it is left alone and named in the answer. Sent again with the same request
 * id (a timeout, a double tap), it passes what is left and answers the same.
 */
export const passClassReview = implement(enrollmentContract.actions.passClassReview, async (ctx, input, { doc: classGroup }) => {
  const term = await currentTerm(ctx, classGroup.schoolId);
  if (!term) throw invalidState('本学期还没有开始报名');
  const batchId = `passClassReview:${classGroup._id}:${input.requestId}`;
  const ids = [...input.pass, ...input.returns].map((a) => a.applicationId);
  const found = new Map(
    (await getAll<ApplicationDoc>(ctx.collection('applications').where({ _id: ctx._.in(ids), classId: classGroup._id, termId: term._id }))).map((a) => [
      a._id,
      a,
    ]),
  );
  const unchanged = (seen: { applicationId: string; revision: number }) => {
    const app = found.get(seen.applicationId);
    return app && app.status === 'submitted' && app.revision === seen.revision ? app : null;
  };

  const toPass = input.pass.map(unchanged).filter((a): a is ApplicationDoc => !!a);
  // Answers every application this request moved, now or in an earlier try; tells the families not told yet.
  const moved = await moveApplications(ctx, toPass, 'submitted', 'teacher-pass', {
    batchId,
    note: '班主任审核通过',
    set: { notifyPending: true },
    alsoIds: input.pass.map((s) => s.applicationId),
  });
  const untold = moved.filter((a) => a.notifyPending);
  await notifyStatusMany(ctx, untold, () => '班主任已审核，等待学校审核');
  // In the queue before they are marked told: a call killed in between tells them on the retry.
  await ctx.flushMessages();
  const untoldIds = untold.map((a) => a._id);
  await updateManyAudited(
    ctx,
    'applications',
    `${batchId}:told`,
    untoldIds,
    { _id: ctx._.in(untoldIds), notifyPending: true },
    { notifyPending: ctx._.remove() },
    '已通知家长：班主任已审核',
  );
  const passed = new Set(moved.map((a) => a._id));

  let returned = 0;
  const changed = input.pass.filter((s) => !passed.has(s.applicationId)).map((s) => s.applicationId);
  for (const item of input.returns) {
    const app = unchanged(item);
    const before = found.get(item.applicationId);
    if (!app) {
      // Sent back by this very request before (a retry): counted, not reported as changed.
      if (before?.status === 'returned' && before.revision === item.revision + 1 && before.returnReason === item.reason) returned++;
      else changed.push(item.applicationId);
      continue;
    }
    const updated = await moveApplication(ctx, app, 'teacher-return', { set: { returnReason: item.reason }, note: item.reason });
    await notifyStatus(ctx, updated, `请修改：${item.reason}`);
    returned++;
  }
  return { passed: passed.size, returned, changed };
});

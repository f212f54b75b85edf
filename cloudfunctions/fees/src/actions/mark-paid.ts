import { conflict, implement, invalidState, isoNow } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';

/**
 * The school admin records that a notice was paid: what it asks (`dueFen`), conditional on the
 * notice's revision; twice is harmless. A notice that a correction replaced, or that asks for
 * nothing, cannot be paid.
 */
export const markPaid = implement(feesContract.actions.markPaid, async (ctx, _input, { doc: notice }) => {
    if (notice.status === 'paid') return { noticeId: notice._id, status: 'paid' as const, paidAt: notice.paidAt ?? null, existing: true };
    if (notice.supersededBy) throw invalidState('这份通知已被更正通知取代，请按更正后的通知收费');
    if (notice.status === 'nothing-due') throw invalidState('这份通知无需缴费');
    const paidAt = isoNow(ctx);
    const { stats } = await ctx
      .collection('feeNotices')
      .where({ _id: notice._id, status: 'issued', revision: notice.revision, supersededBy: ctx._.exists(false) })
      .update({ data: { status: 'paid', paidAt, paidFen: notice.dueFen, revision: notice.revision + 1 } });
    if (stats.updated !== 1) throw conflict('这份收费通知刚刚被其他人处理过，请刷新');
    await ctx.audit([{ collection: 'feeNotices', id: notice._id }], `已缴费：${notice.studentName}`);
    return { noticeId: notice._id, status: 'paid' as const, paidAt, existing: false };
});

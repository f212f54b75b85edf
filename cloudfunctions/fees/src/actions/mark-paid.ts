import { AppError, conflict, defineAction, findById, isoNow, updateAudited } from '@kehou/shared/cloud';
import { noticeInput, type FeeNoticeDoc } from '@kehou/shared/fees';

/** The school admin records that a notice was paid (conditional on the notice's revision; twice is harmless). */
export const markPaid = defineAction({
  input: noticeInput,
  handler: async (ctx, input) => {
    ctx.caller.requireSignedIn();
    const notice = await findById<FeeNoticeDoc>(ctx, 'feeNotices', input.noticeId);
    if (!notice) throw new AppError('NOT_FOUND', '收费通知不存在');
    ctx.caller.requireAdminOf(notice.schoolId);
    if (notice.status === 'paid') return { noticeId: notice._id, status: 'paid' as const, paidAt: notice.paidAt ?? null, existing: true };
    const paidAt = isoNow(ctx);
    const paid = await updateAudited(
      ctx,
      'feeNotices',
      notice._id,
      { status: 'issued', revision: notice.revision },
      { status: 'paid', paidAt, revision: notice.revision + 1 },
      `已缴费：${notice.studentName}`,
    );
    if (!paid) throw conflict('这份收费通知刚刚被其他人处理过，请刷新');
    return { noticeId: notice._id, status: 'paid' as const, paidAt, existing: false };
  },
});

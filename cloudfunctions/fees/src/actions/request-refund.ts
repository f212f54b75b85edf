import { AppError, asData, defineAction, findById, invalidState, isDuplicateKeyError, isoNow } from '@kehou/shared/cloud';
import type { GuardianshipRecord } from '@kehou/shared';
import { requestRefundInput, type FeeNoticeDoc, type RefundDoc } from '@kehou/shared/fees';
import { formatCitation, refundRequests } from '@kehou/shared/policy';
import { refundView } from '../lib/views';

const NOT_YOURS = '没有找到这份收费通知，或您无权办理';

/**
 * A guardian of the child applies for a refund of a paid notice, where the profile lets parents
 * apply (policy/refunds/requests.ts: suifenhe 004 三(五)3(2) 因故退费的，需向学校提出申请). Once per
 * notice: the refund's id is the notice's id, so a second application answers with the first.
 */
export const requestRefund = defineAction({
  input: requestRefundInput,
  handler: async (ctx, input) => {
    const openid = ctx.caller.requireSignedIn();
    const notice = await findById<FeeNoticeDoc>(ctx, 'feeNotices', input.noticeId);
    if (!notice) throw new AppError('NOT_FOUND', NOT_YOURS);
    const guardianship = await findById<GuardianshipRecord>(ctx, 'guardianships', `${notice.studentId}:${openid}`);
    if (!guardianship || guardianship.status !== 'confirmed') throw new AppError('NOT_FOUND', NOT_YOURS);
    const rule = refundRequests(notice.profileId);
    if (!rule.allowed) throw invalidState(`${rule.reason}（${formatCitation(rule.citation)}）`);
    const previous = await findById<RefundDoc>(ctx, 'refunds', notice._id);
    if (previous) return { refund: refundView(previous), existing: true };
    if (notice.status !== 'paid') throw invalidState('这份通知还没有缴费，不需要退费');
    if (notice.supersededBy) throw invalidState('这份通知已被更正，请在更正后的通知上办理');
    const refund: RefundDoc = {
      _id: notice._id,
      kind: 'request',
      noticeId: notice._id,
      applicationId: notice.applicationId,
      studentId: notice.studentId,
      studentName: notice.studentName,
      classId: notice.classId,
      schoolId: notice.schoolId,
      termId: notice.termId,
      profileId: notice.profileId,
      period: notice.period,
      paidFen: notice.paidFen ?? notice.dueFen,
      reason: input.reason,
      status: 'requested',
      requestedBy: openid,
      requestedAt: isoNow(ctx),
      revision: 1,
    };
    try {
      await ctx.collection('refunds').add({ data: asData(refund) });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return { refund: refundView(await findById<RefundDoc>(ctx, 'refunds', notice._id)), existing: true };
    }
    await ctx.audit([{ collection: 'refunds', id: refund._id }], `退费申请：${notice.studentName}`);
    return { refund: refundView(refund), existing: false };
  },
});

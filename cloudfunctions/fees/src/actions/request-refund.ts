import { addAudited, AppError, defineAction, findById, invalidState, isoNow } from '@kehou/shared/cloud';
import type { GuardianshipRecord } from '@kehou/shared';
import { requestRefundInput, type FeeNoticeDoc, type RefundDoc } from '@kehou/shared/fees';
import { formatCitation, getProfile } from '@kehou/shared/policy';
import { refundView } from '../lib/views';

const NOT_YOURS = '没有找到这份收费通知，或您无权办理';

/**
 * A guardian of the child applies for a refund of a paid notice (suifenhe 004 三(五)3(2): 因故退费
 * 向学校申请). Once per notice: the refund's id is the notice's id, so a second application answers
 * with the first.
 */
export const requestRefund = defineAction({
  input: requestRefundInput,
  handler: async (ctx, input) => {
    const openid = ctx.caller.requireSignedIn();
    const notice = await findById<FeeNoticeDoc>(ctx, 'feeNotices', input.noticeId);
    if (!notice) throw new AppError('NOT_FOUND', NOT_YOURS);
    const guardianship = await findById<GuardianshipRecord>(ctx, 'guardianships', `${notice.studentId}:${openid}`);
    if (!guardianship || guardianship.status !== 'confirmed') throw new AppError('NOT_FOUND', NOT_YOURS);
    const refunds = getProfile(notice.profileId).refunds;
    if (refunds.kind !== 'monthly-by-attendance') {
      const clause = 'citation' in refunds ? `（${formatCitation(refunds.citation)}）` : '';
      throw invalidState(`本地政策没有规定按月申请退费的办法，退费请按与学校签订的课后服务协议办理${clause}`);
    }
    const previous = await findById<RefundDoc>(ctx, 'refunds', notice._id);
    if (previous) return { refund: refundView(previous), existing: true };
    if (notice.status !== 'paid') throw invalidState('这份通知还没有缴费，不需要退费');
    const refund: RefundDoc = {
      _id: notice._id,
      noticeId: notice._id,
      applicationId: notice.applicationId,
      studentId: notice.studentId,
      studentName: notice.studentName,
      classId: notice.classId,
      schoolId: notice.schoolId,
      termId: notice.termId,
      profileId: notice.profileId,
      period: notice.period,
      paidFen: notice.chargeFen,
      reason: input.reason,
      status: 'requested',
      requestedBy: openid,
      requestedAt: isoNow(ctx),
      revision: 1,
    };
    if (!(await addAudited(ctx, 'refunds', refund, `退费申请：${notice.studentName}`))) {
      return { refund: refundView(await findById<RefundDoc>(ctx, 'refunds', notice._id)), existing: true };
    }
    return { refund: refundView(refund), existing: false };
  },
});

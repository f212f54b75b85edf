import { addAudited, findById, implement, invalidState, isoNow } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { noticeRefOf, type RefundDoc } from '@kehou/shared/fees';
import { formatCitation, refundRequests } from '@kehou/shared/policy';
import { refundView } from '../lib/views';

/**
 * A guardian of the child applies for a refund of a paid notice, where the profile lets parents
 * apply (policy/refunds/requests.ts: suifenhe 004 三(五)3(2) 因故退费的，需向学校提出申请). Once per
 * notice: the refund's id is the notice's id, so a second application answers with the first.
 */
export const requestRefund = implement(feesContract.actions.requestRefund, async (ctx, input, { doc: notice }) => {
  const openid = ctx.caller.requireSignedIn();
  const rule = refundRequests(notice.profileId);
  if (!rule.allowed) throw invalidState(`${rule.reason}（${formatCitation(rule.citation)}）`);
  const previous = await findById<RefundDoc>(ctx, 'refunds', notice._id);
  if (previous) return { refund: refundView(previous), existing: true };
  if (notice.status !== 'paid') throw invalidState('这份通知还没有缴费，不需要退费');
  if (notice.supersededBy) throw invalidState('这份通知已被更正，请在更正后的通知上办理');
  const refund: RefundDoc = {
    _id: notice._id,
    kind: 'request',
    ...noticeRefOf(notice),
    profileId: notice.profileId,
    period: notice.period,
    paidFen: notice.paidFen ?? notice.dueFen,
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
});

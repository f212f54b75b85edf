import { type GuardianshipRecord, refundDecisionMessage } from '@kehou/shared';
import { AppError, conflict, findById, getAll, implement, invalidState, isoNow, updateAudited } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { type FeeNoticeDoc, type NoticeLine, noticeLines, type RefundDoc } from '@kehou/shared/fees';
import { noticeChargeInput, payOutRefund } from '@kehou/shared/fees/server';
import { computeRefund, formatCitation, formatYuan } from '@kehou/shared/policy';
import { refundView } from '../lib/views';

/**
 * The school admin decides a refund application. Approving computes the amount with the engine
 * (suifenhe 004 三(五)3(2)) from the facts the notice was computed from (its sessions and attended
 * minutes, frozen at issue: a later attendance change does not move it), the paid amount being
 * what was paid on the notice; the lines keep the clause. Declining refunds nothing. Conditional
 * on the refund's revision.
 */
export const decideRefund = implement(feesContract.actions.decideRefund, async (ctx, input, { doc: refund }) => {
  if (refund.status !== 'requested') throw invalidState('这份退费申请已经处理过了');

  let refundFen = 0;
  let lines: NoticeLine[] = [];
  if (input.approve) {
    const notice = await findById<FeeNoticeDoc>(ctx, 'feeNotices', refund.noticeId);
    if (!notice) throw invalidState('找不到这份退费申请对应的收费通知');
    const result = computeRefund({ ...(await noticeChargeInput(ctx, notice)), paidFen: refund.paidFen });
    if (!result.ok) throw new AppError('POLICY_VIOLATION', `${result.violation.message}（${formatCitation(result.violation.citation)}）`);
    refundFen = result.refundFen;
    lines = noticeLines(result.lines);
  }
  const decidedAt = isoNow(ctx);
  const status = input.approve ? 'approved' : 'rejected';
  const decidedNow = await updateAudited(
    ctx,
    'refunds',
    refund._id,
    { status: 'requested', revision: refund.revision },
    { status, refundFen, lines: ctx._.set(lines), decidedAt, decidedBy: ctx.caller.openid ?? '', revision: refund.revision + 1 },
    `${input.approve ? '同意' : '不同意'}退费：${refund.studentName}`,
  );
  if (!decidedNow) throw conflict('这份退费申请刚刚被其他人处理过，请刷新');
  const decided = { ...refund, status, refundFen, lines, decidedAt, revision: refund.revision + 1 } as const;
  // Approved money goes back the way it came (WeChat Pay, or by the office for offline payments).
  if (input.approve) await payOutRefund(ctx, decided);
  const guardians = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ studentId: refund.studentId, status: 'confirmed' }));
  for (const guardian of guardians) {
    await ctx.notify(
      refundDecisionMessage({
        touser: guardian.openid,
        childName: refund.studentName,
        approved: input.approve,
        amountYuan: formatYuan(refundFen).replace(' 元', '元'),
      }),
    );
  }
  return { refund: refundView((await findById<RefundDoc>(ctx, 'refunds', refund._id)) ?? decided) };
});

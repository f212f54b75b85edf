import { defineAction, getAll } from '@kehou/shared/cloud';
import type { GuardianshipRecord } from '@kehou/shared';
import { emptyFeesInput, type FeeNoticeDoc, type ParentNoticeView, type RefundDoc } from '@kehou/shared/fees';
import { refundMethodOf } from '../lib/notices';
import { refundView } from '../lib/views';

/** A guardian's notices: those of the children they are a confirmed guardian of, every line with its clause. */
export const myNotices = defineAction({
  input: emptyFeesInput,
  handler: async (ctx): Promise<{ notices: ParentNoticeView[] }> => {
    const openid = ctx.caller.requireSignedIn();
    const guardianships = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ openid, status: 'confirmed' }));
    if (guardianships.length === 0) return { notices: [] };
    const notices = await getAll<FeeNoticeDoc>(
      ctx.collection('feeNotices').where({ studentId: ctx._.in(guardianships.map((g) => g.studentId)) }),
    );
    const refunds = notices.length
      ? await getAll<RefundDoc>(ctx.collection('refunds').where({ _id: ctx._.in(notices.map((n) => n._id)) }))
      : [];
    const views = notices.map((n): ParentNoticeView => {
      const refund = refunds.find((r) => r._id === n._id);
      const refundMethod = refundMethodOf(n.profileId);
      return {
        noticeId: n._id,
        studentName: n.studentName,
        className: n.className,
        period: n.period,
        grossFen: n.grossFen,
        chargeFen: n.chargeFen,
        exemptFen: n.exemptFen,
        governmentShareFen: n.governmentShareFen,
        lines: n.lines,
        status: n.status,
        issuedAt: n.issuedAt,
        ...(n.paidAt ? { paidAt: n.paidAt } : {}),
        refundMethod,
        canRequestRefund: !!refundMethod && n.status === 'paid' && !refund,
        refund: refundView(refund),
      };
    });
    views.sort((a, b) => b.period.from.localeCompare(a.period.from) || a.studentName.localeCompare(b.studentName, 'zh'));
    return { notices: views };
  },
});

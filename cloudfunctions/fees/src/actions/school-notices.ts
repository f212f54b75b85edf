import { defineAction, forbidden, getAll } from '@kehou/shared/cloud';
import { schoolNoticesInput, type FeeNoticeDoc, type RefundDoc, type SchoolNotices } from '@kehou/shared/fees';
import { schoolTerm } from '../lib/notices';
import { refundView } from '../lib/views';

/**
 * The term's notices. The school admin sees every notice with waivers and the government's share
 * (never the hardship kind); a class teacher sees only their classes' notices with what the family
 * owes and whether it is paid — no waiver amounts, no lines. Anyone else is refused.
 */
export const schoolNotices = defineAction({
  input: schoolNoticesInput,
  handler: async (ctx, input): Promise<SchoolNotices> => {
    ctx.caller.requireSignedIn();
    const isAdmin = ctx.caller.isAdminOf(input.schoolId);
    const classIds = ctx.caller
      .roles('teacher')
      .filter((r) => r.schoolId === input.schoolId)
      .flatMap((r) => r.classIds);
    if (!isAdmin && classIds.length === 0) throw forbidden('只有本校管理员或本班班主任可以查看收费通知');
    await schoolTerm(ctx, input.schoolId, input.termId);
    const byPeriod = (a: FeeNoticeDoc, b: FeeNoticeDoc) =>
      b.period.from.localeCompare(a.period.from) || a.className.localeCompare(b.className, 'zh') || a.studentName.localeCompare(b.studentName, 'zh');

    if (isAdmin) {
      const notices = (await getAll<FeeNoticeDoc>(ctx.collection('feeNotices').where({ schoolId: input.schoolId, termId: input.termId }))).sort(byPeriod);
      const refunds = await getAll<RefundDoc>(ctx.collection('refunds').where({ schoolId: input.schoolId, termId: input.termId }));
      const rows = notices.map((n) => ({
        noticeId: n._id,
        studentName: n.studentName,
        className: n.className,
        period: n.period,
        grossFen: n.grossFen,
        chargeFen: n.chargeFen,
        exemptFen: n.exemptFen,
        governmentShareFen: n.governmentShareFen,
        status: n.status,
        refund: refundView(refunds.find((r) => r._id === n._id)),
      }));
      const sum = (f: (n: FeeNoticeDoc) => number) => notices.reduce((t, n) => t + f(n), 0);
      return {
        as: 'admin',
        rows,
        totals: {
          grossFen: sum((n) => n.grossFen),
          chargeFen: sum((n) => n.chargeFen),
          exemptFen: sum((n) => n.exemptFen),
          governmentShareFen: sum((n) => n.governmentShareFen),
          paidFen: sum((n) => (n.status === 'paid' ? n.chargeFen : 0)),
        },
      };
    }
    const notices = (
      await getAll<FeeNoticeDoc>(ctx.collection('feeNotices').where({ schoolId: input.schoolId, termId: input.termId, classId: ctx._.in(classIds) }))
    ).sort(byPeriod);
    return {
      as: 'teacher',
      rows: notices.map((n) => ({ noticeId: n._id, studentName: n.studentName, className: n.className, period: n.period, chargeFen: n.chargeFen, status: n.status })),
      totals: { chargeFen: notices.reduce((t, n) => t + n.chargeFen, 0) },
    };
  },
});

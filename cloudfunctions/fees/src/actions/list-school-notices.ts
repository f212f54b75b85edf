import { getAll, implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { type AdminNoticeRow, type FeeNoticeDoc, noticeState, type RefundDoc, type SchoolNotices } from '@kehou/shared/fees';
import { loadSchoolTerm } from '@kehou/shared/fees/server';
import { refundView } from '../lib/views';

/**
 * The term's notices. The school admin sees every notice (corrections and the ones they replaced)
 * with waivers and the government's share (never the hardship kind); a class teacher sees only
 * the current notices of their classes with what the family owes and whether it is paid — no
 * waiver amounts, no lines. Anyone else is refused.
 */
export const listSchoolNotices = implement(feesContract.actions.listSchoolNotices, async (ctx, input, scope): Promise<SchoolNotices> => {
  const isAdmin = scope.as.includes('admin');
  const classIds = ctx.caller
    .roles('teacher')
    .filter((r) => r.schoolId === input.schoolId)
    .flatMap((r) => r.classIds);
  await loadSchoolTerm(ctx, input.schoolId, input.termId);
  const byPeriod = (a: FeeNoticeDoc, b: FeeNoticeDoc) =>
    b.period.from.localeCompare(a.period.from) ||
    a.className.localeCompare(b.className, 'zh') ||
    a.studentName.localeCompare(b.studentName, 'zh') ||
    b.sequence - a.sequence;

  if (isAdmin) {
    const notices = (await getAll<FeeNoticeDoc>(ctx.collection('feeNotices').where({ schoolId: input.schoolId, termId: input.termId }))).sort(byPeriod);
    const refunds = await getAll<RefundDoc>(ctx.collection('refunds').where({ schoolId: input.schoolId, termId: input.termId }));
    const rows = notices.map(
      (n): AdminNoticeRow => ({
        noticeId: n._id,
        studentName: n.studentName,
        className: n.className,
        periodKey: n.periodKey,
        period: n.period,
        sequence: n.sequence,
        grossFen: n.grossFen,
        chargeFen: n.chargeFen,
        exemptFen: n.exemptFen,
        governmentShareFen: n.governmentShareFen,
        dueFen: n.dueFen,
        creditFen: n.creditFen,
        state: noticeState(n),
        refund: refundView(refunds.find((r) => r._id === n._id)),
      }),
    );
    // Totals count each child's period once: the current notice of each chain.
    const current = notices.filter((n) => !n.supersededBy);
    const sum = (list: FeeNoticeDoc[], f: (n: FeeNoticeDoc) => number) => list.reduce((t, n) => t + f(n), 0);
    return {
      as: 'admin',
      rows,
      totals: {
        grossFen: sum(current, (n) => n.grossFen),
        chargeFen: sum(current, (n) => n.chargeFen),
        exemptFen: sum(current, (n) => n.exemptFen),
        governmentShareFen: sum(current, (n) => n.governmentShareFen),
        dueFen: sum(current, (n) => (n.status === 'issued' ? n.dueFen : 0)),
        paidFen: sum(notices, (n) => (n.status === 'paid' ? (n.paidFen ?? n.dueFen) : 0)),
        creditFen: sum(notices, (n) => n.creditFen),
      },
    };
  }
  const notices = (
    await getAll<FeeNoticeDoc>(ctx.collection('feeNotices').where({ schoolId: input.schoolId, termId: input.termId, classId: ctx._.in(classIds) }))
  )
    .filter((n) => !n.supersededBy)
    .sort(byPeriod);
  return {
    as: 'teacher',
    rows: notices.map((n) => ({
      noticeId: n._id,
      studentName: n.studentName,
      className: n.className,
      periodKey: n.periodKey,
      period: n.period,
      dueFen: n.dueFen,
      state: noticeState(n),
    })),
    totals: { dueFen: notices.reduce((t, n) => t + (n.status === 'issued' ? n.dueFen : 0), 0) },
  };
});

import { type ActionContext, getAll, implement, readPage } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { type AdminNoticeRow, type FeeNoticeDoc, noticeState, type RefundDoc, type SchoolNotices } from '@kehou/shared/fees';
import { loadSchoolTerm } from '@kehou/shared/fees/server';
import { refundView } from '../lib/views';

/** Newest period first, then class and child, a correction before the notice it replaced. */
const ORDER = [
  ['periodKey', 'desc'],
  ['className', 'asc'],
  ['studentName', 'asc'],
  ['sequence', 'desc'],
] as const;

/** Sums over the notices matching `where`, in the database (one round trip, whatever their number). */
async function sums(ctx: ActionContext, where: Record<string, unknown>, fields: Record<string, unknown>): Promise<Record<string, number>> {
  const { list } = await ctx
    .collection('feeNotices')
    .aggregate()
    .match(where)
    .group({ _id: null, ...fields })
    .end();
  const found = (list[0] ?? {}) as Record<string, number>;
  return Object.fromEntries(Object.keys(fields).map((key) => [key, found[key] ?? 0]));
}

/**
 * One page of the term's notices (by class, by period) with the totals of all that match. The
 * school admin sees every notice (corrections and the ones they replaced) with waivers and the
 * government's share (never the hardship kind); a class teacher sees only the current notices of
 * their classes with what the family owes and whether it is paid — no waiver amounts, no lines.
 * Anyone else is refused. Totals are summed by the database, never by reading every notice.
 */
export const listSchoolNotices = implement(feesContract.actions.listSchoolNotices, async (ctx, input, scope): Promise<SchoolNotices> => {
  const isAdmin = scope.as.includes('admin');
  const $ = ctx._.aggregate;
  const dueIfIssued = $.sum($.cond([$.eq(['$status', 'issued']), '$dueFen', 0]));
  const filters = { ...(input.periodKey ? { periodKey: input.periodKey } : {}) };
  await loadSchoolTerm(ctx, input.schoolId, input.termId);
  const notices = ctx.collection('feeNotices');

  if (isAdmin) {
    const where = { schoolId: input.schoolId, termId: input.termId, ...filters, ...(input.classId ? { classId: input.classId } : {}) };
    const [page, current, all] = await Promise.all([
      readPage<FeeNoticeDoc>(notices, where, ORDER, input),
      // Totals count each child's period once: the current notice of each chain.
      sums(
        ctx,
        { ...where, supersededBy: ctx._.exists(false) },
        {
          grossFen: $.sum('$grossFen'),
          chargeFen: $.sum('$chargeFen'),
          exemptFen: $.sum('$exemptFen'),
          governmentShareFen: $.sum('$governmentShareFen'),
          dueFen: dueIfIssued,
        },
      ),
      sums(ctx, where, {
        paidFen: $.sum($.cond([$.eq(['$status', 'paid']), $.ifNull(['$paidFen', '$dueFen']), 0])),
        creditFen: $.sum('$creditFen'),
      }),
    ]);
    const ids = page.rows.map((n) => n._id);
    const refunds = ids.length ? await getAll<RefundDoc>(ctx.collection('refunds').where({ _id: ctx._.in(ids) })) : [];
    const rows = page.rows.map(
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
    return {
      as: 'admin',
      rows,
      total: page.total,
      nextSkip: page.nextSkip,
      totals: {
        grossFen: current.grossFen,
        chargeFen: current.chargeFen,
        exemptFen: current.exemptFen,
        governmentShareFen: current.governmentShareFen,
        dueFen: current.dueFen,
        paidFen: all.paidFen,
        creditFen: all.creditFen,
      },
    };
  }
  const classIds = ctx.caller
    .roles('teacher')
    .filter((r) => r.schoolId === input.schoolId)
    .flatMap((r) => r.classIds)
    .filter((id) => !input.classId || id === input.classId);
  const where = { schoolId: input.schoolId, termId: input.termId, ...filters, classId: ctx._.in(classIds), supersededBy: ctx._.exists(false) };
  const [page, totals] = await Promise.all([
    readPage<FeeNoticeDoc>(notices, where, ORDER, input),
    sums(ctx, where, { dueFen: dueIfIssued, unpaid: $.sum($.cond([$.eq(['$status', 'issued']), 1, 0])) }),
  ]);
  return {
    as: 'teacher',
    rows: page.rows.map((n) => ({
      noticeId: n._id,
      studentName: n.studentName,
      className: n.className,
      periodKey: n.periodKey,
      period: n.period,
      dueFen: n.dueFen,
      state: noticeState(n),
    })),
    total: page.total,
    nextSkip: page.nextSkip,
    totals: { dueFen: totals.dueFen, unpaid: totals.unpaid },
  };
});

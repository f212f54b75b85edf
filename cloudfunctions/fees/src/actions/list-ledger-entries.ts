import { implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { entriesOf, type LedgerEntryRow, NOTICE_STATE_LABELS, noticeState } from '@kehou/shared/fees';
import { loadLedgerFacts } from '@kehou/shared/fees/server';
import { billingPeriodLabel, formatYuan } from '@kehou/shared/policy';

const PAGE = 50;

/** The documents behind one figure of the ledger, a page at a time (school admin). */
export const listLedgerEntries = implement(feesContract.actions.listLedgerEntries, async (ctx, input) => {
  const facts = await loadLedgerFacts(ctx, input.schoolId, input.termId, input.periodKey);
  const entries = entriesOf(facts, input.figure);
  const classOf = new Map(facts.notices.map((n) => [n._id, n.className]));
  const rows: LedgerEntryRow[] = [
    ...(entries.notices ?? []).map((n) => ({
      kind: 'notice' as const,
      id: n._id,
      studentName: n.studentName,
      className: n.className,
      periodKey: n.periodKey,
      amountFen:
        input.figure === 'waived'
          ? n.exemptFen
          : input.figure === 'outstanding'
            ? n.dueFen
            : input.figure === 'corrections'
              ? (n.difference?.differenceFen ?? 0)
              : n.chargeFen,
      detail: `${billingPeriodLabel(n.periodKey)}${n.sequence > 1 ? '（更正）' : ''} · ${NOTICE_STATE_LABELS[noticeState(n)]}`,
    })),
    ...(entries.payments ?? []).map((p) => ({
      kind: 'payment' as const,
      id: p._id,
      studentName: p.studentName,
      className: classOf.get(p.noticeId) ?? '',
      periodKey: p.periodKey,
      amountFen: p.amountFen,
      detail: p.channel === 'wechat' ? `微信支付 ${p.transactionId ?? ''}` : `${p.method === 'cash' ? '现金' : '转账'} ${p.reference ?? ''}`,
    })),
    ...(entries.refunds ?? []).map((r) => ({
      kind: 'refund' as const,
      id: r._id,
      studentName: r.studentName,
      className: classOf.get(r.noticeId) ?? '',
      periodKey: facts.notices.find((n) => n._id === r.noticeId)?.periodKey ?? '',
      amountFen: r.refundFen ?? 0,
      detail: `${r.kind === 'correction' ? '更正退费' : '退费申请'} · 已退 ${formatYuan(r.payout?.paidFen ?? 0)}`,
    })),
  ].sort((a, b) => a.className.localeCompare(b.className, 'zh') || a.studentName.localeCompare(b.studentName, 'zh'));
  return { figure: input.figure, total: rows.length, rows: rows.slice(input.skip, input.skip + PAGE) };
});

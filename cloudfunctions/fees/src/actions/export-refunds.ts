import { chinaDate } from '@kehou/shared';
import { implement, saveExport, xlsxOf } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { loadLedgerFacts, loadSchoolTerm } from '@kehou/shared/fees/server';
import { billingPeriodLabel } from '@kehou/shared/policy';

const STATUS = { requested: '待处理', approved: '已同意', rejected: '未同意' } as const;
const day = (iso?: string) => (iso ? chinaDate(iso) : null);

/** 退费清单.xlsx: every refund of the term with what was paid back and how (school admin). */
export const exportRefunds = implement(feesContract.actions.exportRefunds, async (ctx, input) => {
  const { school, term } = await loadSchoolTerm(ctx, input.schoolId, input.termId);
  const facts = await loadLedgerFacts(ctx, input.schoolId, input.termId, input.periodKey);
  const periodOf = new Map(facts.notices.map((n) => [n._id, n.periodKey]));
  const content = await xlsxOf([
    {
      name: '退费清单',
      columns: [
        { header: '收费期间', width: 12 },
        { header: '学生', width: 10 },
        { header: '类型', width: 12 },
        { header: '原因', width: 30 },
        { header: '状态', width: 10 },
        { header: '退费金额（元）', width: 14, kind: 'yuan' },
        { header: '已退回（元）', width: 12, kind: 'yuan' },
        { header: '申请日期', width: 12, kind: 'date' },
        { header: '退回日期', width: 12, kind: 'date' },
      ],
      rows: facts.refunds.map((r) => [
        billingPeriodLabel(periodOf.get(r.noticeId) ?? 'term'),
        r.studentName,
        r.kind === 'correction' ? '更正退费' : '退费申请',
        r.reason,
        STATUS[r.status],
        r.refundFen ?? 0,
        r.payout?.paidFen ?? 0,
        day(r.requestedAt),
        day(r.payout?.paidAt),
      ]),
    },
  ]);
  return saveExport(ctx, school._id, `退费清单-${term.name}.xlsx`, content);
});

import { chinaDate } from '@kehou/shared';
import { implement, saveExport, xlsxOf } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { ledgerChecks, ledgerTotals, NOTICE_STATE_LABELS, noticeState } from '@kehou/shared/fees';
import { loadLedgerFacts, loadSchoolTerm } from '@kehou/shared/fees/server';
import { billingPeriodLabel } from '@kehou/shared/policy';

const day = (iso?: string) => (iso ? chinaDate(iso) : null);

/** 收费专账.xlsx: every notice with its amounts, every payment, the totals and the checks (school admin). */
export const exportLedger = implement(feesContract.actions.exportLedger, async (ctx, input) => {
  const { school, term } = await loadSchoolTerm(ctx, input.schoolId, input.termId);
  const facts = await loadLedgerFacts(ctx, input.schoolId, input.termId, input.periodKey);
  const totals = ledgerTotals(facts);
  const notices = [...facts.notices].sort(
    (a, b) =>
      a.periodKey.localeCompare(b.periodKey) ||
      a.className.localeCompare(b.className, 'zh') ||
      a.studentName.localeCompare(b.studentName, 'zh') ||
      a.sequence - b.sequence,
  );
  const content = await xlsxOf([
    {
      name: '收费通知',
      columns: [
        { header: '收费期间', width: 12 },
        { header: '班级', width: 14 },
        { header: '学生', width: 10 },
        { header: '通知', width: 8 },
        { header: '应收（元）', width: 12, kind: 'yuan' },
        { header: '减免（元）', width: 12, kind: 'yuan' },
        { header: '其中政府承担（元）', width: 16, kind: 'yuan' },
        { header: '应缴（元）', width: 12, kind: 'yuan' },
        { header: '本次需缴（元）', width: 14, kind: 'yuan' },
        { header: '状态', width: 10 },
        { header: '发出日期', width: 12, kind: 'date' },
        { header: '缴费日期', width: 12, kind: 'date' },
      ],
      rows: [
        ...notices.map((n) => [
          billingPeriodLabel(n.periodKey),
          n.className,
          n.studentName,
          n.sequence > 1 ? `更正${n.sequence - 1}` : '原通知',
          n.grossFen,
          n.exemptFen,
          n.governmentShareFen,
          n.chargeFen,
          n.dueFen,
          NOTICE_STATE_LABELS[noticeState(n)],
          day(n.issuedAt),
          day(n.paidAt),
        ]),
        [
          '合计（现行通知）',
          null,
          null,
          null,
          totals.grossFen,
          totals.waivedFen,
          totals.governmentShareFen,
          totals.chargedFen,
          totals.outstandingFen,
          null,
          null,
          null,
        ],
      ],
    },
    {
      name: '缴费记录',
      columns: [
        { header: '收费期间', width: 12 },
        { header: '学生', width: 10 },
        { header: '方式', width: 10 },
        { header: '金额（元）', width: 12, kind: 'yuan' },
        { header: '已退回（元）', width: 12, kind: 'yuan' },
        { header: '缴费日期', width: 12, kind: 'date' },
        { header: '单号', width: 32 },
        { header: '备注', width: 20 },
      ],
      rows: facts.payments
        .filter((p) => p.status === 'paid')
        .map((p) => [
          billingPeriodLabel(p.periodKey),
          p.studentName,
          p.channel === 'wechat' ? '微信支付' : p.method === 'cash' ? '现金' : '转账',
          p.amountFen,
          p.refundedFen,
          day(p.paidAt),
          p.channel === 'wechat' ? (p.transactionId ?? p._id) : (p.reference ?? ''),
          p.duplicate ? '重复缴费，已原路退回' : '',
        ]),
    },
    {
      name: '汇总与核对',
      columns: [
        { header: '项目', width: 36 },
        { header: '金额（元）', width: 14, kind: 'yuan' },
        { header: '核对', width: 16 },
      ],
      rows: [
        ['应收合计', totals.grossFen, null],
        ['减免合计', totals.waivedFen, null],
        ['其中政府承担', totals.governmentShareFen, null],
        ['应缴合计', totals.chargedFen, null],
        ['微信支付', totals.paidWechatFen, null],
        ['线下缴费', totals.paidOfflineFen, null],
        ['待缴', totals.outstandingFen, null],
        ['更正退费', totals.correctionRefundsFen, null],
        ['按退费办法退费', totals.requestRefundsFen, null],
        ['已退回', totals.refundedFen, null],
        ['待退回', totals.refundPendingFen, null],
        ...ledgerChecks(facts, totals).map((c) => [c.label, c.leftFen, c.ok ? '相符' : `不符（${(c.rightFen / 100).toFixed(2)}）`]),
      ],
    },
  ]);
  return saveExport(ctx, school._id, `收费专账-${term.name}${input.periodKey ? `-${billingPeriodLabel(input.periodKey)}` : ''}.xlsx`, content);
});

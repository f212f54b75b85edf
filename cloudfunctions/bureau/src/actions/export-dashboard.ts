import { PLAN_STATUS_LABELS } from '@kehou/shared';
import { DEADLINE_LABELS } from '@kehou/shared/bureau';
import { implement, saveExport, xlsxOf } from '@kehou/shared/cloud';
import { bureauContract } from '@kehou/shared/contracts';
import { byUrgency, rowOf } from '../lib/rows';
import { bureausOf, summariesOf } from '../lib/summaries';

/** The dashboard as an .xlsx file: one row per school, the same figures, amounts in yuan. */
export const exportDashboard = implement(bureauContract.actions.exportDashboard, async (ctx) => {
  const bureauIds = bureausOf(ctx);
  const rows = (await summariesOf(ctx, bureauIds)).map(rowOf).sort(byUrgency);
  const file = await xlsxOf([
    {
      name: '辖区学校课后服务',
      columns: [
        { header: '学校', width: 24 },
        { header: '学期', width: 16 },
        { header: '方案状态', width: 10 },
        { header: '备案期限', width: 12, kind: 'date' },
        { header: '备案情况', width: 12 },
        { header: '在籍学生', width: 10, kind: 'number' },
        { header: '参加人数', width: 10, kind: 'number' },
        { header: '社团名额', width: 10, kind: 'number' },
        { header: '社团已报', width: 10, kind: 'number' },
        { header: '候补', width: 8, kind: 'number' },
        { header: '应收（元）', width: 12, kind: 'yuan' },
        { header: '减免（元）', width: 12, kind: 'yuan' },
        { header: '政府承担（元）', width: 14, kind: 'yuan' },
        { header: '已收（元）', width: 12, kind: 'yuan' },
        { header: '退费（元）', width: 12, kind: 'yuan' },
        { header: '待处理意见', width: 10, kind: 'number' },
        { header: '满意度', width: 8 },
        { header: '报告', width: 24 },
      ],
      rows: rows.map((r) => [
        r.schoolName,
        r.termName,
        r.plan.status === 'none' ? '未编写' : PLAN_STATUS_LABELS[r.plan.status],
        r.plan.deadline,
        DEADLINE_LABELS[r.plan.deadlineState],
        r.participation.onRoll,
        r.participation.enrolled,
        r.clubs.capacity,
        r.clubs.taken,
        r.clubs.waiting,
        r.fees.grossFen,
        r.fees.waivedFen,
        r.fees.governmentShareFen,
        r.fees.paidFen,
        r.refunds.refundFen,
        r.feedback.open,
        r.satisfaction.average === null ? '' : String(r.satisfaction.average),
        r.reports.map((p) => `${p.label} ${p.due}${p.submitted ? ' 已报' : ' 未报'}`).join('；'),
      ]),
    },
  ]);
  const saved = await saveExport(ctx, `bureau-${bureauIds.join('-')}`, '辖区课后服务看板.xlsx', file);
  await ctx.audit([], `导出辖区看板（${rows.length} 所学校）`);
  return { ...saved, rows: rows.length };
});

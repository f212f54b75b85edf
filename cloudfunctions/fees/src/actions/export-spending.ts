import { implement, saveExport, xlsxOf } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { PAYEE_TYPE_LABELS, SPENDING_CATEGORY_LABELS } from '@kehou/shared/fees';
import { loadSpending } from '@kehou/shared/fees/server';

/** 经费开支明细.xlsx for a school year (school admin): the source of the public spending disclosure. */
export const exportSpending = implement(feesContract.actions.exportSpending, async (ctx, input, { doc: school }) => {
  const rows = (await loadSpending(ctx, input.schoolId, input.year)).filter((r) => !r.voided);
  const content = await xlsxOf([
    {
      name: '开支明细',
      columns: [
        { header: '日期', width: 12, kind: 'date' },
        { header: '类别', width: 20 },
        { header: '收款方类型', width: 12 },
        { header: '收款方', width: 16 },
        { header: '用途', width: 36 },
        { header: '课时', width: 8, kind: 'number' },
        { header: '金额（元）', width: 12, kind: 'yuan' },
      ],
      rows: [
        ...rows.map((r) => [
          r.date,
          SPENDING_CATEGORY_LABELS[r.category],
          PAYEE_TYPE_LABELS[r.payeeType],
          r.payee,
          r.description,
          r.classHours ?? null,
          r.amountFen,
        ]),
        ['合计', null, null, null, null, null, rows.reduce((t, r) => t + r.amountFen, 0)],
      ],
    },
  ]);
  return saveExport(ctx, school._id, `经费开支明细-${school.name}-${input.year}学年.xlsx`, content);
});

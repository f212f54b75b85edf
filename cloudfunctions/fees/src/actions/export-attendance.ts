import type { ApplicationDoc } from '@kehou/shared';
import { getAll, implement, invalidState, saveExport, xlsxOf } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { type AttendanceDoc, activeWindow } from '@kehou/shared/fees';
import { loadTermBilling, periodOf } from '@kehou/shared/fees/server';
import { eachDay, isoWeekday } from '@kehou/shared/policy';

/**
 * 考勤表.xlsx of a month (school admin): one sheet per class, a row per child and a column per
 * service day with the minutes attended (blank: not recorded), and each child's total.
 */
export const exportAttendance = implement(feesContract.actions.exportAttendance, async (ctx, input) => {
  const billing = await loadTermBilling(ctx, input.schoolId, input.termId);
  const period = periodOf(billing, input.periodKey);
  const classes = [...billing.classes.values()].filter((c) => !input.classId || c._id === input.classId).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  if (classes.length === 0) throw invalidState('没有这个班级');
  const [apps, days] = await Promise.all([
    getAll<ApplicationDoc>(ctx.collection('applications').where({ schoolId: input.schoolId, termId: input.termId })),
    getAll<AttendanceDoc>(ctx.collection('attendance').where({ schoolId: input.schoolId, termId: input.termId, date: ctx._.gte(period.from).lte(period.to) })),
  ]);
  const dates = eachDay(period.from, period.to).filter((d) => isoWeekday(d) <= 5);
  const sheets = classes.map((classGroup) => {
    const children = apps
      .filter((a) => a.classId === classGroup._id && activeWindow(a, billing.term))
      .sort((a, b) => a.studentName.localeCompare(b.studentName, 'zh'));
    const byDate = new Map(
      days.filter((d) => d.classId === classGroup._id).map((d) => [d.date, new Map(d.entries.map((e) => [e.studentId, e.attendedMinutes]))]),
    );
    return {
      name: classGroup.name,
      columns: [
        { header: '学生', width: 10 },
        ...dates.map((d) => ({ header: d.slice(5), width: 6, kind: 'number' as const })),
        { header: '合计（分钟）', width: 12, kind: 'number' as const },
      ],
      rows: children.map((app) => {
        const minutes = dates.map((d) => byDate.get(d)?.get(app.studentId) ?? null);
        return [app.studentName, ...minutes, minutes.reduce<number>((t, m) => t + (m ?? 0), 0)];
      }),
    };
  });
  return saveExport(ctx, input.schoolId, `考勤表-${period.label}.xlsx`, await xlsxOf(sheets));
});

import { getAll, implement } from '@kehou/shared/cloud';
import { servicedayContract } from '@kehou/shared/contracts';
import { type HandoverDoc, type ServiceDayFlag, type ShiftHandoverDoc, settingsOf, toHandoverView, toShiftView } from '@kehou/shared/serviceday';

/** At most this many flags of a day are listed (a school with more has a bigger problem than a list). */
const MAX_FLAGS = 200;

/**
 * 安全提醒: the school's flags of a day for its admin: children not handed over by the end of the
 * service plus the margin (still waiting first), and shift hand-overs whose head count did not
 * match. Two queries on indexed fields, whatever the size of the school.
 */
export const listSchoolFlags = implement(servicedayContract.actions.listSchoolFlags, async (ctx, input, { doc: school }) => {
  const [handovers, shifts] = await Promise.all([
    getAll<HandoverDoc>(ctx.collection('handovers').where({ schoolId: school._id, date: input.date, flagged: true }).limit(MAX_FLAGS)),
    getAll<ShiftHandoverDoc>(ctx.collection('shiftHandovers').where({ schoolId: school._id, date: input.date, mismatch: true }).limit(MAX_FLAGS)),
  ]);
  const flagged = handovers;
  const flags: ServiceDayFlag[] = [
    ...flagged
      .sort((a, b) => Number(b.kind === 'waiting') - Number(a.kind === 'waiting') || a.className.localeCompare(b.className, 'zh'))
      .map((h) => ({
        kind: 'uncollected' as const,
        date: h.date,
        classId: h.classId,
        className: h.className,
        studentId: h.studentId,
        studentName: h.studentName,
        flaggedAt: h.flaggedAt!,
        handover: toHandoverView(h),
      })),
    ...shifts.map((s) => ({ kind: 'head-count' as const, date: s.date, classId: s.classId, className: s.className, shift: toShiftView(s) })),
  ];
  return {
    schoolId: school._id,
    date: input.date,
    settings: settingsOf(school),
    flags,
    counts: { uncollected: flagged.length, stillWaiting: flagged.filter((h) => h.kind === 'waiting').length, headCount: shifts.length },
  };
});

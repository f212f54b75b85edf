import type { DashboardRow, SchoolSummaryDoc } from '@kehou/shared/bureau';

/** Late filings first (not filed and past the deadline), then near the deadline, then the rest. */
export function urgencyOf(s: SchoolSummaryDoc): number {
  switch (s.plan.deadlineState) {
    case 'past':
      return 0;
    case 'near':
      return 1;
    case 'open':
      return 2;
    case 'filed-late':
      return 3;
    default:
      return 4;
  }
}

export function rowOf(s: SchoolSummaryDoc): DashboardRow {
  const { _id, bureauId, district, profileId, termStart, updatedAt, staleMarks, refreshedMarks, ...row } = s;
  return { ...row, urgency: urgencyOf(s) };
}

export const byUrgency = (a: DashboardRow, b: DashboardRow) =>
  a.urgency - b.urgency || (a.plan.daysLeft ?? 9999) - (b.plan.daysLeft ?? 9999) || a.schoolName.localeCompare(b.schoolName);

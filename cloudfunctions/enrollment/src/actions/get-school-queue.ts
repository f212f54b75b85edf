import type { ApplicationDoc, ApplicationStatus, HardshipDeclaration, ListingDoc } from '@kehou/shared';
import { AppError, getAll, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { clubRosters, currentPublication, hasCapacity, publicationCache, resolveTerm, toStaffRow } from '@kehou/shared/enrollment/server';

/** The school admin's enrolment desk for a term: what waits, the lists, the clubs, every application. */
export const getSchoolQueue = implement(enrollmentContract.actions.getSchoolQueue, async (ctx, input, { doc: school }) => {
  const term = await resolveTerm(ctx, school._id, input.termId);
  if (!term) throw new AppError('NOT_FOUND', '学期不存在');
  const where = { schoolId: school._id, termId: term._id };
  const [apps, hardships, listings, rosters, current] = await Promise.all([
    getAll<ApplicationDoc>(ctx.collection('applications').where(where)),
    getAll<HardshipDeclaration>(ctx.collection('hardshipDeclarations').where(where)),
    getAll<ListingDoc>(ctx.collection('listings').where(where)),
    clubRosters(ctx, term._id),
    currentPublication(ctx, school._id, term._id),
  ]);
  const publication = publicationCache(ctx);
  const rows = await Promise.all(
    apps.map(async (app) =>
      toStaffRow(
        app,
        await publication(app.publicationId),
        rosters,
        hardships.find((h) => h._id === app._id),
      ),
    ),
  );
  rows.sort((a, b) => a.className.localeCompare(b.className, 'zh') || a.studentName.localeCompare(b.studentName, 'zh'));
  const counts: Partial<Record<ApplicationStatus, number>> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  const now = ctx.now().getTime();
  return {
    schoolId: school._id,
    schoolName: school.name,
    termId: term._id,
    termName: term.name,
    open: !!current,
    counts,
    toApprove: rows.filter((r) => r.status === 'teacher-reviewed'),
    toList: rows.filter((r) => r.status === 'approved'),
    withdrawals: rows.filter((r) => r.status === 'withdrawal-requested'),
    applications: rows,
    listings: listings
      .sort((a, b) => b.postedAt.localeCompare(a.postedAt))
      .map((l) => ({
        listingId: l._id,
        postedAt: l.postedAt,
        listingDays: l.listingDays,
        listedUntil: l.listedUntil,
        count: l.count ?? l.applicationIds?.length ?? 0,
        fixed: !!l.fixedAt,
        canFix: !l.fixedAt && l.complete !== false && new Date(l.listedUntil).getTime() <= now,
      })),
    clubs: (current?.content.items ?? []).filter(hasCapacity).map((item) => ({
      itemId: item.id,
      name: item.name,
      capacity: item.capacity!,
      taken: rosters.get(item.id)?.seats.length ?? 0,
      waiting: rosters.get(item.id)?.waiting.length ?? 0,
    })),
  };
});

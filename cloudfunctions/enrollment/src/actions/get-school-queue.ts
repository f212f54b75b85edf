import type { ClassGroup, ListingDoc } from '@kehou/shared';
import { AppError, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { clubRosters, currentPublication, hasCapacity, resolveTerm, statusCounts } from '@kehou/shared/enrollment/server';

/** The newest listing batches the desk shows. */
const LISTINGS_SHOWN = 20;

/**
 * The school admin's enrolment desk for a term: how many applications are in each status, the
 * classes to filter by, the newest listing batches and the clubs. The applications themselves come
 * page by page (listSchoolApplications), so the desk stays small at any school size.
 */
export const getSchoolQueue = implement(enrollmentContract.actions.getSchoolQueue, async (ctx, input, { doc: school }) => {
  const term = await resolveTerm(ctx, school._id, input.termId);
  if (!term) throw new AppError('NOT_FOUND', '学期不存在');
  const where = { schoolId: school._id, termId: term._id };
  const [{ counts, total }, classes, listings, rosters, current] = await Promise.all([
    statusCounts(ctx, where),
    ctx.collection('classes').where({ schoolId: school._id }).orderBy('name', 'asc').limit(100).get(),
    ctx.collection('listings').where(where).orderBy('postedAt', 'desc').limit(LISTINGS_SHOWN).get(),
    clubRosters(ctx, term._id),
    currentPublication(ctx, school._id, term._id),
  ]);
  const now = ctx.now().getTime();
  return {
    schoolId: school._id,
    schoolName: school.name,
    termId: term._id,
    termName: term.name,
    open: !!current,
    counts,
    total,
    classes: (classes.data as ClassGroup[]).map((c) => ({ classId: c._id, className: c.name })),
    listings: (listings.data as ListingDoc[]).map((l) => ({
      listingId: l._id,
      postedAt: l.postedAt,
      listingDays: l.listingDays,
      listedUntil: l.listedUntil,
      count: l.applicationIds.length,
      fixed: !!l.fixedAt,
      canFix: !l.fixedAt && new Date(l.listedUntil).getTime() <= now,
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

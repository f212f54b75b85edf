import { type ActionContext, getAll, readPage } from '../../cloud';
import { APPLICATION_STATUSES, type ApplicationDoc, type ApplicationStatus, type HardshipDeclaration, type Page, type StaffApplicationRow } from '../../index';
import { clubRosters } from './clubs';
import { publicationCache } from './school';
import { toStaffRow } from './views';

/** The order staff lists show applications in: by class, then by name (the database's order, so pages never overlap). */
export const STAFF_ROW_ORDER = [
  ['className', 'asc'],
  ['studentName', 'asc'],
  ['_id', 'asc'],
] as const;

/** The staff rows of some applications of one term: hardships by their ids, the term's club rosters and the publications, a few round trips whatever the number. */
export async function staffRowsOf(ctx: ActionContext, termId: string, apps: ApplicationDoc[]): Promise<StaffApplicationRow[]> {
  if (!apps.length) return [];
  const [hardships, rosters] = await Promise.all([
    getAll<HardshipDeclaration>(ctx.collection('hardshipDeclarations').where({ _id: ctx._.in(apps.map((a) => a._id)) })),
    clubRosters(ctx, termId),
  ]);
  const byId = new Map(hardships.map((h) => [h._id, h]));
  const publication = publicationCache(ctx);
  return Promise.all(apps.map(async (app) => toStaffRow(app, await publication(app.publicationId), rosters, byId.get(app._id))));
}

/** One page of a term's applications matching `where` (a school or a class, optionally statuses), as staff see them. */
export async function staffRowPage(
  ctx: ActionContext,
  termId: string,
  where: Record<string, unknown>,
  statuses: readonly ApplicationStatus[] | undefined,
  page: { skip: number; limit: number },
): Promise<Page<StaffApplicationRow>> {
  const filter = { ...where, termId, ...(statuses?.length ? { status: statuses.length === 1 ? statuses[0] : ctx._.in([...statuses]) } : {}) };
  const found = await readPage<ApplicationDoc>(ctx.collection('applications'), filter, STAFF_ROW_ORDER, page);
  return { ...found, rows: await staffRowsOf(ctx, termId, found.rows) };
}

/** How many applications matching `where` are in each status: one count per status, read at once. */
export async function statusCounts(
  ctx: ActionContext,
  where: Record<string, unknown>,
): Promise<{ counts: Partial<Record<ApplicationStatus, number>>; total: number }> {
  const totals = await Promise.all(
    APPLICATION_STATUSES.map(
      async (status) =>
        (
          await ctx
            .collection('applications')
            .where({ ...where, status })
            .count()
        ).total,
    ),
  );
  const counts: Partial<Record<ApplicationStatus, number>> = {};
  APPLICATION_STATUSES.forEach((status, i) => {
    if (totals[i]) counts[status] = totals[i];
  });
  return { counts, total: totals.reduce((a, b) => a + b, 0) };
}

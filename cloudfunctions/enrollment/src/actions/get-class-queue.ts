import type { ApplicationDoc, ClassQueue, GuardianshipRecord, HardshipDeclaration } from '@kehou/shared';
import { getAll, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { clubRosters, currentTerm, pendingBindingViews, publicationCache, toStaffRow } from '@kehou/shared/enrollment/server';

/** The class teacher's desk: bindings to confirm, applications to review, the class's applications. */
export const getClassQueue = implement(enrollmentContract.actions.getClassQueue, async (ctx, _input, { doc: classGroup }) => {
  const term = await currentTerm(ctx, classGroup.schoolId);

  const pending = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ classId: classGroup._id, status: 'pending' }));
  const bindings = await pendingBindingViews(ctx, pending);

  let rows: ClassQueue['applications'] = [];
  if (term) {
    const apps = await getAll<ApplicationDoc>(ctx.collection('applications').where({ classId: classGroup._id, termId: term._id }));
    const hardships = await getAll<HardshipDeclaration>(ctx.collection('hardshipDeclarations').where({ classId: classGroup._id, termId: term._id }));
    const rosters = await clubRosters(ctx, term._id);
    const publication = publicationCache(ctx);
    rows = await Promise.all(
      apps.map(async (app) =>
        toStaffRow(
          app,
          await publication(app.publicationId),
          rosters,
          hardships.find((h) => h._id === app._id),
        ),
      ),
    );
    rows.sort((a, b) => a.studentName.localeCompare(b.studentName, 'zh'));
  }
  return {
    classId: classGroup._id,
    className: classGroup.name,
    schoolId: classGroup.schoolId,
    termId: term?._id ?? null,
    bindCode: classGroup.bindCode,
    bindings,
    toReview: rows.filter((r) => r.status === 'submitted'),
    applications: rows,
  };
});

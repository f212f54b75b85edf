import type { ApplicationDoc, GuardianshipRecord, HardshipDeclaration, UserDoc } from '@kehou/shared';
import { AppError, findById, implement, invalidState } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import {
  clubRosters,
  currentPublication,
  currentTerm,
  getClass,
  getSchool,
  hasCapacity,
  serviceWeekdays,
  viewForGuardian,
} from '@kehou/shared/enrollment/server';

/** What a guardian needs to apply: the published plan's days and items, and any application so far. */
export const getApplicationForm = implement(enrollmentContract.actions.getApplicationForm, async (ctx, _input, { doc: student }) => {
  const openid = ctx.caller.requireSignedIn();
  const [classGroup, school] = await Promise.all([getClass(ctx, student.classId), getSchool(ctx, student.schoolId)]);
  if (!classGroup || !school) throw new AppError('NOT_FOUND', '学生不存在');
  const term = await currentTerm(ctx, school._id);
  if (!term) throw invalidState('学校还没有设置当前学期');
  const publication = await currentPublication(ctx, school._id, term._id);
  if (!publication) throw invalidState('学校还没有公布本学期的课后服务方案，暂时不能报名');
  const app = await findById<ApplicationDoc>(ctx, 'applications', `${student._id}:${term._id}`);
  const hardship = app ? await findById<HardshipDeclaration>(ctx, 'hardshipDeclarations', app._id) : null;
  const rosters = await clubRosters(ctx, term._id);
  const guardianship = await findById<GuardianshipRecord>(ctx, 'guardianships', `${student._id}:${openid}`);
  const phone = guardianship?.phone ?? (await findById<UserDoc>(ctx, 'users', openid))?.phone ?? '';
  const schedule = publication.content.schedules.find((s) => s.stage === classGroup.stage) ?? publication.content.schedules[0];
  return {
    student: { studentId: student._id, name: student.name, className: classGroup.name, schoolId: school._id, schoolName: school.name },
    term: { termId: term._id, name: term.name },
    publication: {
      publicationId: publication._id,
      version: publication.version,
      weekdays: serviceWeekdays(publication, classGroup),
      start: schedule?.start ?? '',
      end: schedule?.end ?? '',
      items: publication.content.items.map((item) => ({
        id: item.id,
        kind: item.kind,
        name: item.name,
        description: item.description,
        weekdays: item.weekdays,
        ...(item.capacity !== undefined ? { capacity: item.capacity } : {}),
        ...(hasCapacity(item) ? { seatsTaken: rosters.get(item.id)?.seats.length ?? 0 } : {}),
      })),
      pickupTime: publication.content.pickup.pickupTime,
      pickupArrangement: publication.content.pickup.arrangement,
      feeLines: publication.fees.lines.map((l) => ({ label: l.label, text: l.text })),
    },
    application: app ? await viewForGuardian(ctx, app) : null,
    // Only to the guardian who declared it (to edit it): a co-guardian sees that it was declared
    // (application.hardshipDeclared), never the kind or the note.
    hardship: hardship && hardship.declaredBy === openid ? { kind: hardship.kind, note: hardship.note } : null,
    me: { name: guardianship?.guardianName ?? ctx.caller.user?.name ?? '', relation: guardianship?.relation ?? '', phone },
  };
});

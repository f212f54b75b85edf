import {
  BIND_FAILURES_PER_CALLER_PER_DAY,
  BIND_FAILURES_PER_CLASS_PER_DAY,
  type BindResult,
  bindAttemptIds,
  bindingRef,
  type ClassGroup,
  childNameForGuardian,
  type GuardianshipRecord,
  type Student,
} from '@kehou/shared';
import {
  type ActionContext,
  AppError,
  addAudited,
  chinaToday,
  findById,
  findOne,
  implement,
  isoNow,
  txGet,
  updateAudited,
  writeAudited,
} from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';

/** The same answer whatever did not match: it never tells whether a student exists. */
const noMatch = (left: number) =>
  `信息不匹配：请核对孩子的姓名、学号和班主任发的班级码（${left > 0 ? `今天还可以再试 ${left} 次` : '今天的核对次数已用完，请明天再试，或请班主任帮忙核对'}）`;

interface BindAttemptsDoc {
  _id: string;
  day: string;
  failures: number;
}

const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * A parent asks to be bound to a child with the child's name, student number and the class code
 * the teacher shared; the class teacher then confirms. Failed attempts are limited per caller and
 * per class and day (binding-limits.ts); until the teacher confirms, the answer and the parent's
 * pages show the child's name masked. A retry creates nothing twice.
 */
export const bindChild = implement(enrollmentContract.actions.bindChild, async (ctx, input) => {
  const openid = ctx.caller.requireSignedIn();
  const classGroup = await findOne<ClassGroup>(ctx, 'classes', { bindCode: input.bindCode.toUpperCase() });
  const student = classGroup ? await findOne<Student>(ctx, 'students', { classId: classGroup._id, studentNo: input.studentNo }) : null;
  const matched = !!classGroup && !!student && sameName(student.name, input.studentName);
  const left = await countAttempt(ctx, openid, classGroup?._id ?? null, matched);
  if (!matched || !classGroup || !student) throw new AppError('NOT_FOUND', noMatch(left), { attemptsLeft: left });

  const id = `${student._id}:${openid}`;
  const answer = (g: GuardianshipRecord, existing: boolean): BindResult => ({
    guardianshipId: g._id,
    status: g.status,
    studentName: childNameForGuardian(student.name, g.status),
    className: classGroup.name,
    existing,
  });

  const current = await findById<GuardianshipRecord>(ctx, 'guardianships', id);
  if (current && current.status !== 'rejected') return answer(current, true);
  const fields = {
    guardianName: input.guardianName,
    relation: input.relation,
    ...(input.phone ? { phone: input.phone } : {}),
    requestedAt: isoNow(ctx),
    ref: bindingRef(id),
  };
  if (current) {
    // Asked again after a rejection: back to the teacher.
    const reopened = await updateAudited(ctx, 'guardianships', id, { status: 'rejected' }, { ...fields, status: 'pending' }, '重新申请绑定');
    return answer({ ...current, ...fields, status: 'pending' }, !reopened);
  }
  const record: GuardianshipRecord = {
    _id: id,
    studentId: student._id,
    openid,
    schoolId: student.schoolId,
    classId: student.classId,
    status: 'pending',
    ...fields,
  };
  if (!(await addAudited(ctx, 'guardianships', record, '申请绑定孩子'))) {
    const again = await findById<GuardianshipRecord>(ctx, 'guardianships', id);
    return answer(again ?? record, true);
  }
  return answer(record, false);
});

/**
 * Checks the day's failed attempts of the caller and of the class before anything is answered, and
 * counts a failure, in one transaction with its audit entry: concurrent guesses cannot all pass a
 * limit each read before the others were counted. Refuses (TOO_MANY_ATTEMPTS) once a limit is
 * reached, match or not. Returns how many failures the caller has left today.
 */
async function countAttempt(ctx: ActionContext, openid: string, classId: string | null, matched: boolean): Promise<number> {
  const day = chinaToday(ctx);
  const ids = bindAttemptIds(openid, classId, day);
  return writeAudited(ctx, async (t) => {
    const byCaller = (await txGet<BindAttemptsDoc>(t, 'bindAttempts', ids.caller))?.failures ?? 0;
    const byClass = ids.klass ? ((await txGet<BindAttemptsDoc>(t, 'bindAttempts', ids.klass))?.failures ?? 0) : 0;
    if (byCaller >= BIND_FAILURES_PER_CALLER_PER_DAY) {
      throw new AppError('TOO_MANY_ATTEMPTS', `今天核对失败已达 ${BIND_FAILURES_PER_CALLER_PER_DAY} 次。为保护孩子的信息，请明天再试，或请班主任帮忙核对`);
    }
    if (byClass >= BIND_FAILURES_PER_CLASS_PER_DAY) {
      throw new AppError('TOO_MANY_ATTEMPTS', '这个班级今天核对失败的次数太多。为保护孩子们的信息，请明天再试，或请班主任帮忙核对');
    }
    if (matched) return { result: BIND_FAILURES_PER_CALLER_PER_DAY - byCaller, note: null };
    await t
      .collection('bindAttempts')
      .doc(ids.caller)
      .set({ data: { day, failures: byCaller + 1 } });
    if (ids.klass)
      await t
        .collection('bindAttempts')
        .doc(ids.klass)
        .set({ data: { day, failures: byClass + 1 } });
    const targets = [ids.caller, ...(ids.klass ? [ids.klass] : [])].map((id) => ({ collection: 'bindAttempts' as const, id }));
    return { result: BIND_FAILURES_PER_CALLER_PER_DAY - byCaller - 1, note: { targets, summary: '绑定孩子：信息不匹配' } };
  });
}

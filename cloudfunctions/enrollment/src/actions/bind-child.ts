import { AppError, implement, isDuplicateKeyError, asData, findById, findOne, isoNow } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { bindingRef, type BindResult, type ClassGroup, type GuardianshipRecord, type Student } from '@kehou/shared';

/** The same answer whatever did not match: it never tells whether a student exists. */
const NO_MATCH = '信息不匹配：请核对孩子的姓名、学号和班主任发的班级码';

/**
 * A parent asks to be bound to a child with the child's name, student number and the class code
 * the teacher shared; the class teacher then confirms. A retry creates nothing twice.
 */
export const bindChild = implement(enrollmentContract.actions.bindChild, async (ctx, input) => {
    const openid = ctx.caller.requireSignedIn();
    const classGroup = await findOne<ClassGroup>(ctx, 'classes', { bindCode: input.bindCode.toUpperCase() });
    const student = classGroup
      ? await findOne<Student>(ctx, 'students', { classId: classGroup._id, studentNo: input.studentNo })
      : null;
    if (!classGroup || !student || student.name.replace(/\s+/g, '') !== input.studentName.replace(/\s+/g, '')) {
      throw new AppError('NOT_FOUND', NO_MATCH);
    }
    const id = `${student._id}:${openid}`;
    const answer = (g: GuardianshipRecord, existing: boolean): BindResult => ({
      guardianshipId: g._id,
      status: g.status,
      studentName: student.name,
      className: classGroup.name,
      existing,
    });

    const current = await findById<GuardianshipRecord>(ctx, 'guardianships', id);
    if (current && current.status !== 'rejected') return answer(current, true);
    const now = isoNow(ctx);
    const fields = {
      guardianName: input.guardianName,
      relation: input.relation,
      ...(input.phone ? { phone: input.phone } : {}),
      requestedAt: now,
      ref: bindingRef(id),
    };
    if (current) {
      // Asked again after a rejection: back to the teacher.
      const { stats } = await ctx
        .collection('guardianships')
        .where({ _id: id, status: 'rejected' })
        .update({ data: { ...fields, status: 'pending' } });
      if (stats.updated === 1) await ctx.audit([{ collection: 'guardianships', id }], '重新申请绑定');
      return answer({ ...current, ...fields, status: 'pending' }, stats.updated !== 1);
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
    try {
      await ctx.collection('guardianships').add({ data: asData(record) });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const again = await findById<GuardianshipRecord>(ctx, 'guardianships', id);
      return answer(again ?? record, true);
    }
    await ctx.audit([{ collection: 'guardianships', id }], '申请绑定孩子');
    return answer(record, false);
});

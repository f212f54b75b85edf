import { AppError, defineAction, findById, isoNow } from '@kehou/shared/cloud';
import { decideBindingInput } from '@kehou/shared/enrollment/schemas';
import { bindingResultMessage, type GuardianshipRecord, type Student } from '@kehou/shared';

/** The class teacher confirms (or turns down) a parent's request to be bound to a child. */
export const decideBinding = defineAction({
  input: decideBindingInput,
  handler: async (ctx, input) => {
    ctx.caller.requireSignedIn();
    const guardianship = await findById<GuardianshipRecord>(ctx, 'guardianships', input.guardianshipId);
    if (!guardianship) throw new AppError('NOT_FOUND', '绑定申请不存在');
    ctx.caller.requireTeacherOf(guardianship.classId);
    const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
    if (guardianship.status === status) return { guardianshipId: guardianship._id, status };
    if (guardianship.status !== 'pending') throw new AppError('INVALID_STATE', '这条绑定申请已经处理过了');
    const { stats } = await ctx
      .collection('guardianships')
      .where({ _id: guardianship._id, status: 'pending' })
      .update({ data: { status, decidedAt: isoNow(ctx), decidedBy: ctx.caller.openid } });
    if (stats.updated !== 1) throw new AppError('CONFLICT', '这条绑定申请刚刚被处理过，请刷新');
    await ctx.audit([{ collection: 'guardianships', id: guardianship._id }], status === 'confirmed' ? '确认绑定' : '未通过绑定');
    const student = await findById<Student>(ctx, 'students', guardianship.studentId);
    await ctx.notify(bindingResultMessage({ touser: guardianship.openid, childName: student?.name ?? '', confirmed: status === 'confirmed' }));
    return { guardianshipId: guardianship._id, status };
  },
});

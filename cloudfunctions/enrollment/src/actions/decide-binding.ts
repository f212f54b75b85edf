import { AppError, defineAction, findById, findOne, forbidden, isoNow, updateAudited, type ActionContext } from '@kehou/shared/cloud';
import { decideBindingInput } from '@kehou/shared/enrollment/schemas';
import { bindingResultMessage, type ClassGroup, type GuardianshipRecord, type Student } from '@kehou/shared';
import { requestedByClassTeacher } from './staff-bindings';

/**
 * The class teacher confirms (or turns down) a parent's request to be bound to a child. A request
 * the class teacher made themselves is decided by the school admin instead.
 */
export const decideBinding = defineAction({
  input: decideBindingInput,
  handler: async (ctx, input) => {
    const openid = ctx.caller.requireSignedIn();
    // The teacher's queue hands out opaque references (bindingRef), never ids holding openids.
    const guardianship = await findOne<GuardianshipRecord>(ctx, 'guardianships', { ref: input.guardianshipId });
    // Missing and not yours answer alike.
    if (!guardianship || !(await mayDecide(ctx, guardianship))) throw forbidden('只有本班班主任可以进行此操作');
    // A teacher never confirms their own request: that would make them a guardian (sign agreements and
    // the go-home-alone permit, withdraw the child) on nobody's word but their own.
    if (guardianship.openid === openid) throw forbidden('不能处理自己提交的绑定申请，学校管理员会处理');
    const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
    if (guardianship.status === status) return { guardianshipId: input.guardianshipId, status };
    if (guardianship.status !== 'pending') throw new AppError('INVALID_STATE', '这条绑定申请已经处理过了');
    const decided = await updateAudited(
      ctx,
      'guardianships',
      guardianship._id,
      { status: 'pending' },
      { status, decidedAt: isoNow(ctx), decidedBy: ctx.caller.openid },
      status === 'confirmed' ? '确认绑定' : '未通过绑定',
    );
    if (!decided) throw new AppError('CONFLICT', '这条绑定申请刚刚被处理过，请刷新');
    const student = await findById<Student>(ctx, 'students', guardianship.studentId);
    await ctx.notify(bindingResultMessage({ touser: guardianship.openid, childName: student?.name ?? '', confirmed: status === 'confirmed' }));
    return { guardianshipId: input.guardianshipId, status };
  },
});

/** The class teacher decides; for a request by that class teacher, the school's admin does. */
async function mayDecide(ctx: ActionContext, guardianship: GuardianshipRecord): Promise<boolean> {
  if (ctx.caller.isTeacherOf(guardianship.classId)) return true;
  if (!ctx.caller.isAdminOf(guardianship.schoolId)) return false;
  const classGroup = await findById<ClassGroup>(ctx, 'classes', guardianship.classId);
  return !!classGroup && requestedByClassTeacher(guardianship, [classGroup]);
}

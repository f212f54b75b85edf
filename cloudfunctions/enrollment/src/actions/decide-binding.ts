import { bindingResultMessage, type ClassGroup, type GuardianshipStatus, type Student } from '@kehou/shared';
import { AppError, findById, forbidden, implement, isoNow, updateAudited } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { requestedByClassTeacher } from '../lib/bindings';

/**
 * The class teacher confirms (or turns down) a parent's request to be bound to a child. A request
 * the class teacher made themselves is decided by the school admin instead. The request is named
 * by its opaque reference (bindingRef): the teacher's queue never hands out ids holding openids.
 */
export const decideBinding = implement(enrollmentContract.actions.decideBinding, async (ctx, input, { as, doc: guardianship }) => {
  const openid = ctx.caller.requireSignedIn();
  if (!as.includes('teacher')) {
    const classGroup = await findById<ClassGroup>(ctx, 'classes', guardianship.classId);
    if (!classGroup || !requestedByClassTeacher(guardianship, [classGroup])) throw forbidden('这条绑定申请由班主任确认，学校管理员只处理班主任本人提交的申请');
  }
  // A teacher never confirms their own request: that would make them a guardian (sign agreements and
  // the go-home-alone permit, withdraw the child) on nobody's word but their own.
  if (guardianship.openid === openid) throw forbidden('不能处理自己提交的绑定申请，学校管理员会处理');
  const status: GuardianshipStatus = input.decision === 'confirm' ? 'confirmed' : 'rejected';
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
});

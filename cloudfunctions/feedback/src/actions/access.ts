import { findById, forbidden, notFound, type ActionContext } from '@kehou/shared/cloud';
import type { ClassGroup, FeedbackDoc, Guardianship, Student } from '@kehou/shared';

/** The caller must be a confirmed guardian of the child; returns the child and their class. */
export async function requireGuardianOf(ctx: ActionContext, studentId: string) {
  const openid = ctx.caller.requireSignedIn();
  const { data } = await ctx.collection('guardianships').where({ _id: `${studentId}:${openid}`, status: 'confirmed' }).limit(1).get();
  const guardianship = data[0] as Guardianship | undefined;
  if (!guardianship) throw forbidden('只能为自己已绑定的孩子提交意见');
  const [student, classGroup] = await Promise.all([
    findById<Student>(ctx, 'students', studentId),
    findById<ClassGroup>(ctx, 'classes', guardianship.classId),
  ]);
  if (!student || !classGroup) throw forbidden('只能为自己已绑定的孩子提交意见');
  return { guardianship, student, classGroup };
}

/** The parent committee of the school, or its admins, may read and answer its feedback. */
export function requireCommitteeOrAdmin(ctx: ActionContext, schoolId: string) {
  ctx.caller.requireSignedIn();
  if (!ctx.caller.isCommitteeOf(schoolId) && !ctx.caller.isAdminOf(schoolId)) {
    throw forbidden('只有本校家委会成员和学校管理员可以查看家长意见');
  }
}

export async function loadFeedback(ctx: ActionContext, feedbackId: string): Promise<FeedbackDoc> {
  const { data } = await ctx.collection('feedback').where({ _id: feedbackId }).limit(1).get();
  const doc = data[0] as FeedbackDoc | undefined;
  if (!doc) throw notFound('这条意见');
  return doc;
}

import { AppError, conflict, defineAction, findById, getAll, invalidState, isoNow, updateAudited } from '@kehou/shared/cloud';
import { refundDecisionMessage, type ApplicationDoc, type ClassGroup, type GuardianshipRecord, type Publication } from '@kehou/shared';
import { activeWindow, buildChargeInput, decideRefundInput, noticeLines, scheduleForStage, scheduledSessions, type AttendanceDoc, type NoticeLine, type RefundDoc } from '@kehou/shared/fees';
import { computeRefund, formatCitation, formatYuan } from '@kehou/shared/policy';
import { schoolTerm } from '../lib/notices';
import { refundView } from '../lib/views';

/**
 * The school admin decides a refund application. Approving computes the amount with the engine
 * (suifenhe 004 三(五)3(2)) from the month's scheduled sessions and the child's recorded attendance
 * (a day without a record counts as not attended), the paid amount being the notice's charge; the
 * lines keep the clause. Declining refunds nothing. Conditional on the refund's revision.
 */
export const decideRefund = defineAction({
  input: decideRefundInput,
  handler: async (ctx, input) => {
    ctx.caller.requireSignedIn();
    const refund = await findById<RefundDoc>(ctx, 'refunds', input.refundId);
    if (!refund) throw new AppError('NOT_FOUND', '退费申请不存在');
    ctx.caller.requireAdminOf(refund.schoolId);
    if (refund.status !== 'requested') throw invalidState('这份退费申请已经处理过了');

    let refundFen = 0;
    let lines: NoticeLine[] = [];
    if (input.approve) {
      const { school, term } = await schoolTerm(ctx, refund.schoolId, refund.termId);
      const [app, classGroup] = await Promise.all([
        findById<ApplicationDoc>(ctx, 'applications', refund.applicationId),
        findById<ClassGroup>(ctx, 'classes', refund.classId),
      ]);
      const publication = (await getAll<Publication>(ctx.collection('publications').where({ schoolId: school._id, termId: term._id, current: true })))[0];
      const schedule = publication && classGroup ? scheduleForStage(publication.content, classGroup.stage) : null;
      if (!app || !classGroup || !publication || !schedule) throw invalidState('找不到这名学生的报名或服务安排，无法计算退费');
      const attendance = await getAll<AttendanceDoc>(
        ctx.collection('attendance').where({ studentId: refund.studentId, date: ctx._.gte(refund.period.from).lte(refund.period.to) }),
      );
      const charge = buildChargeInput({
        profileId: school.profileId,
        stage: classGroup.stage,
        hardship: 'none',
        feeSettings: publication.content.feeSettings,
        planApproved: true,
        period: refund.period,
        enrolled: activeWindow(app, term),
        sessions: scheduledSessions(schedule, term, refund.period),
        attendance: new Map(attendance.map((a) => [a.date, a.attendedMinutes] as const)),
      });
      const result = computeRefund({ ...charge, paidFen: refund.paidFen });
      if (!result.ok) throw new AppError('POLICY_VIOLATION', `${result.violation.message}（${formatCitation(result.violation.citation)}）`);
      refundFen = result.refundFen;
      lines = noticeLines(result.lines);
    }
    const decidedAt = isoNow(ctx);
    const status = input.approve ? 'approved' : 'rejected';
    const decided = await updateAudited(
      ctx,
      'refunds',
      refund._id,
      { status: 'requested', revision: refund.revision },
      { status, refundFen, lines, decidedAt, decidedBy: ctx.caller.openid ?? '', revision: refund.revision + 1 },
      `${input.approve ? '同意' : '不同意'}退费：${refund.studentName}`,
    );
    if (!decided) throw conflict('这份退费申请刚刚被其他人处理过，请刷新');
    const guardians = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ studentId: refund.studentId, status: 'confirmed' }));
    for (const guardian of guardians) {
      await ctx.notify(
        refundDecisionMessage({ touser: guardian.openid, childName: refund.studentName, approved: input.approve, amountYuan: formatYuan(refundFen).replace(' 元', '元') }),
      );
    }
    return { refund: refundView({ ...refund, status, refundFen, lines, decidedAt, revision: refund.revision + 1 }) };
  },
});

import { CANCELLABLE, type Term } from '@kehou/shared';
import { AppError, chinaToday, findById, implement, isoNow } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { moveApplication, notifyStatus, viewForGuardian } from '@kehou/shared/enrollment/server';

/**
 * The parent takes the child out. Before the school's approval the application is simply
 * cancelled; after it the parent applies to withdraw with an effective date and the school
 * approves (004 §三(六): 书面申请，学校批准).
 */
export const withdrawApplication = implement(enrollmentContract.actions.withdrawApplication, async (ctx, input, { doc: app, guardianName }) => {
  const openid = ctx.caller.requireSignedIn();
  if (CANCELLABLE.includes(app.status)) {
    const updated = await moveApplication(ctx, app, 'cancel', { note: input.reason || '家长撤回报名', byName: guardianName });
    await notifyStatus(ctx, updated, '报名已撤回');
    return { application: await viewForGuardian(ctx, updated) };
  }
  if (!input.effectiveDate) throw new AppError('INVALID_INPUT', '请填写退出的生效日期');
  const term = await findById<Term>(ctx, 'terms', app.termId);
  const today = chinaToday(ctx);
  if (input.effectiveDate < today) throw new AppError('INVALID_INPUT', '生效日期不能早于今天');
  if (term && input.effectiveDate > term.endDate) throw new AppError('INVALID_INPUT', `生效日期不能晚于学期结束（${term.endDate}）`);
  const updated = await moveApplication(ctx, app, 'request-withdrawal', {
    byName: guardianName,
    set: {
      withdrawal: {
        effectiveDate: input.effectiveDate,
        reason: input.reason ?? '',
        requestedAt: isoNow(ctx),
        requestedBy: openid,
        previousStatus: app.status,
      },
    },
    note: `申请自 ${input.effectiveDate} 起退出${input.reason ? `：${input.reason}` : ''}`,
  });
  await notifyStatus(ctx, updated, `退出申请已提交，自${input.effectiveDate}起`);
  return { application: await viewForGuardian(ctx, updated) };
});

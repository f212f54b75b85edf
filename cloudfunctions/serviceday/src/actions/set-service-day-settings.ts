import { implement, updateAudited } from '@kehou/shared/cloud';
import { servicedayContract } from '@kehou/shared/contracts';

/** The school's admin sets the leave cut-off of each day and the margin after which a child still waiting is flagged. */
export const setServiceDaySettings = implement(servicedayContract.actions.setServiceDaySettings, async (ctx, input, { doc: school }) => {
  const settings = { leaveCutoff: input.leaveCutoff, pickupMarginMinutes: input.pickupMarginMinutes };
  await updateAudited(
    ctx,
    'schools',
    school._id,
    {},
    { serviceDay: ctx._.set(settings) },
    `服务日设置：当天 ${settings.leaveCutoff} 后请假记为逾期；放学 ${settings.pickupMarginMinutes} 分钟后仍未接走的孩子提醒`,
  );
  return settings;
});

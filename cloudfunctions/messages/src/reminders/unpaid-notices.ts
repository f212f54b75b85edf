import { reminderMessage } from '@kehou/shared';
import { chinaDate, daysBetween } from '@kehou/shared/disclosure';
import type { FeeNoticeDoc } from '@kehou/shared/fees/types';
import { formatYuan } from '@kehou/shared/policy';
import { dueToday, pageAfter, type ReminderKind, UNPAID_AFTER_DAYS } from './kinds';
import { guardiansOf } from './people';

/**
 * 待缴费: a notice issued `UNPAID_AFTER_DAYS` days ago (and again every as many days) that still
 * asks for money and was not replaced by a correction: each guardian is reminded.
 */
export const unpaidNotices: ReminderKind = {
  key: 'unpaid-notice',
  async step(ctx, today, cursor) {
    const _ = ctx._;
    const { docs, next } = await pageAfter<FeeNoticeDoc>(ctx, 'feeNotices', { status: 'issued', dueFen: _.gt(0), supersededBy: _.exists(false) }, cursor);
    const due = docs.filter((n) => dueToday(daysBetween(chinaDate(new Date(n.issuedAt)), today), UNPAID_AFTER_DAYS));
    const guardians = await guardiansOf(
      ctx,
      due.map((n) => n.studentId),
    );
    for (const notice of due) {
      const days = daysBetween(chinaDate(new Date(notice.issuedAt)), today);
      for (const touser of guardians.get(notice.studentId) ?? []) {
        await ctx.notify(
          reminderMessage({
            touser,
            subject: '课后服务费待缴',
            about: notice.studentName,
            note: `${formatYuan(notice.dueFen).replace(' 元', '元')}，通知已发出${days}天`,
            due: `${notice.period.from} 至 ${notice.period.to}`,
            page: 'parent/fees/index',
          }),
          { thing: `unpaid:${notice._id}` },
        );
      }
    }
    return next;
  },
};

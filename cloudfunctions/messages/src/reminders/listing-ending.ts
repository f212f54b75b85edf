import { chinaTime, type ListingDoc, reminderMessage } from '@kehou/shared';
import { pageAfter, type ReminderKind } from './kinds';
import { adminsOf } from './people';

/**
 * 公示期结束: a listing that ends today or has ended and is not fixed yet; the school's admins are
 * reminded to fix the list (until then no parent can sign the agreement).
 */
export const listingEnding: ReminderKind = {
  key: 'listing-ending',
  async step(ctx, today, cursor) {
    const endOfToday = new Date(`${today}T23:59:59.999+08:00`).toISOString();
    const { docs, next } = await pageAfter<ListingDoc>(ctx, 'listings', { listedUntil: ctx._.lte(endOfToday), fixedAt: ctx._.exists(false) }, cursor);
    const admins = await adminsOf(
      ctx,
      docs.map((l) => l.schoolId),
    );
    for (const listing of docs) {
      const ended = listing.listedUntil <= ctx.now().toISOString();
      for (const touser of admins.get(listing.schoolId) ?? []) {
        await ctx.notify(
          reminderMessage({
            touser,
            subject: ended ? '公示期已结束，请确定名单' : '公示期今天结束，请确定名单',
            about: `${listing.applicationIds.length} 名学生的报名公示`,
            note: '名单确定后家长才能签署协议',
            due: chinaTime(new Date(listing.listedUntil)),
            page: `school/enrollment/index?schoolId=${encodeURIComponent(listing.schoolId)}&termId=${encodeURIComponent(listing.termId)}`,
          }),
          { thing: `listing:${listing._id}` },
        );
      }
    }
    return next;
  },
};

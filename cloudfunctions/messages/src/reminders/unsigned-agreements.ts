import { type AgreementTemplateDoc, type ApplicationDoc, agreementReminderMessage, type ListingDoc } from '@kehou/shared';
import { chinaDate, daysBetween } from '@kehou/shared/disclosure';
import { dueToday, pageAfter, type ReminderKind, UNSIGNED_AFTER_DAYS } from './kinds';
import { guardiansOf } from './people';

/**
 * 协议未签: the list was fixed `UNSIGNED_AFTER_DAYS` days ago (and again every as many days) and
 * the child's agreement, already published, is still not signed: each guardian is reminded.
 */
export const unsignedAgreements: ReminderKind = {
  key: 'unsigned-agreement',
  async step(ctx, today, cursor) {
    const _ = ctx._;
    const { docs, next } = await pageAfter<ApplicationDoc>(ctx, 'applications', { status: 'listed', listFixed: true }, cursor);
    if (!docs.length) return next;
    const listingIds = [...new Set(docs.map((a) => a.listingId).filter((id): id is string => !!id))];
    const listings = listingIds.length
      ? ((
          await ctx
            .collection('listings')
            .where({ _id: _.in(listingIds) })
            .limit(100)
            .get()
        ).data as ListingDoc[])
      : [];
    const fixedOn = new Map(listings.filter((l) => l.fixedAt).map((l) => [l._id, chinaDate(new Date(l.fixedAt as string))]));
    const terms = [...new Set(docs.map((a) => a.termId))];
    const { data } = await ctx
      .collection('agreementTemplates')
      .where({ termId: _.in(terms), current: true })
      .limit(100)
      .get();
    const published = new Set((data as AgreementTemplateDoc[]).map((t) => `${t.schoolId}:${t.termId}`));
    const due = docs.filter((a) => {
      const fixed = a.listingId ? fixedOn.get(a.listingId) : undefined;
      return fixed && published.has(`${a.schoolId}:${a.termId}`) && dueToday(daysBetween(fixed, today), UNSIGNED_AFTER_DAYS);
    });
    const guardians = await guardiansOf(
      ctx,
      due.map((a) => a.studentId),
    );
    for (const app of due) {
      const days = daysBetween(fixedOn.get(app.listingId as string) as string, today);
      for (const touser of guardians.get(app.studentId) ?? []) {
        await ctx.notify(agreementReminderMessage({ touser, childName: app.studentName, applicationId: app._id, note: `名单已确定${days}天，请签署协议` }), {
          thing: `unsigned:${app._id}`,
        });
      }
    }
    return next;
  },
};

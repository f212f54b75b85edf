import { type ApplicationDoc, agreementReminderMessage, chinaTime } from '@kehou/shared';
import { implement, invalidState, isoNow, updateAudited } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { currentTemplate, loadApplication, notifyGuardians, patchApplication } from '@kehou/shared/enrollment/server';

/**
 * 名单确定: once the listing period is over the school fixes the list; from then on the parents
 * of the listed children can sign the agreement. Not possible during the listing period.
 */
export const fixListing = implement(enrollmentContract.actions.fixListing, async (ctx, _input, { doc: listing }) => {
  if (listing.fixedAt) return { listingId: listing._id, fixedAt: listing.fixedAt, count: 0 };
  if (ctx.now().getTime() < new Date(listing.listedUntil).getTime()) {
    throw invalidState(`公示期到 ${chinaTime(new Date(listing.listedUntil))} 结束，结束后才能确定名单`);
  }
  const fixedAt = isoNow(ctx);
  const fixed = await updateAudited(ctx, 'listings', listing._id, { fixedAt: undefined }, { fixedAt, fixedBy: ctx.caller.openid }, '名单确定');
  if (!fixed) return { listingId: listing._id, fixedAt, count: 0 };

  const template = await currentTemplate(ctx, listing.schoolId, listing.termId);
  let count = 0;
  for (const id of listing.applicationIds) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const app: ApplicationDoc | null = await loadApplication(ctx, id);
      if (app?.status !== 'listed' || app.listingId !== listing._id || app.listFixed) break;
      const updated = await patchApplication(ctx, app, { listFixed: true }, '名单确定，可以签署协议');
      if (!updated) continue;
      count++;
      await notifyGuardians(ctx, app.studentId, (touser) =>
        agreementReminderMessage({
          touser,
          childName: app.studentName,
          applicationId: app._id,
          note: template ? '名单已确定，请阅读并签署协议' : '名单已确定，协议发布后请签署',
        }),
      );
      break;
    }
  }
  return { listingId: listing._id, fixedAt, count };
});

import { getAll, implement } from '@kehou/shared/cloud';
import type { DutyDoc } from '@kehou/shared/committee';
import { committeeContract } from '@kehou/shared/contracts';
import { toDutyView } from '../lib/duty';

/** The caller's own sign-ups, newest day first. */
export const listMyDuties = implement(committeeContract.actions.listMyDuties, async (ctx) => {
  const openid = ctx.caller.requireSignedIn();
  const docs = await getAll<DutyDoc>(ctx.collection('dutySignups').where({ openid }).orderBy('date', 'desc'), 100);
  return docs.map((d) => toDutyView(d, openid, false));
});

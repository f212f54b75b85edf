import { chinaToday, getAll, implement } from '@kehou/shared/cloud';
import type { DutyDoc } from '@kehou/shared/committee';
import { DUTY_PER_DAY } from '@kehou/shared/committee';
import { committeeContract } from '@kehou/shared/contracts';
import { addDays } from '@kehou/shared/policy';
import { toDutyView } from '../lib/duty';

/** Days shown: the given start (default a week back) and the eight weeks after it. */
const SPAN_DAYS = 56;

/**
 * Who is on duty when. The school sees every sign-up to confirm; a class teacher sees those
 * confirmed; the committee also reads the duty notes.
 */
export const getDutyRoster = implement(committeeContract.actions.getDutyRoster, async (ctx, input, { as, doc: school }) => {
  const from = input.from ?? addDays(chinaToday(ctx), -7);
  const to = addDays(from, SPAN_DAYS);
  const docs = await getAll<DutyDoc>(
    ctx
      .collection('dutySignups')
      .where({ schoolId: school._id, date: ctx._.gte(from).and(ctx._.lte(to)), status: ctx._.neq('cancelled') })
      .orderBy('date', 'asc'),
  );
  const staff = as.includes('admin') || as.includes('committee');
  const seesNotes = as.includes('committee');
  return {
    schoolId: school._id,
    schoolName: school.name,
    from,
    to,
    perDay: DUTY_PER_DAY,
    items: docs.filter((d) => staff || d.status === 'confirmed').map((d) => toDutyView(d, ctx.caller.openid, seesNotes)),
    seesNotes,
  };
});

import type { GuardianshipRecord, School } from '@kehou/shared';
import { AppError, chinaToday, findById, findOne, forbidden, implement, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { DUTY_PER_DAY, type DutyDoc } from '@kehou/shared/committee';
import { committeeContract } from '@kehou/shared/contracts';
import { currentTerm } from '@kehou/shared/enrollment/server';
import { isoWeekday } from '@kehou/shared/policy';
import { dutyIdOf, toDutyView } from '../lib/duty';
import { holdersOf, takePlace } from '../lib/duty-places';

/**
 * A committee member or a parent of a child at the school signs up for a service day of the current
 * term (004 §二(二)). Once per person and day (a retry is the same sign-up; one cancelled earlier
 * is taken up again); at most DUTY_PER_DAY people a day; the school confirms.
 */
export const signUpDuty = implement(committeeContract.actions.signUpDuty, async (ctx, input) => {
  const openid = ctx.caller.requireSignedIn();
  const [school, guardianship] = await Promise.all([
    findById<School>(ctx, 'schools', input.schoolId),
    ctx.caller.isCommitteeOf(input.schoolId)
      ? null
      : findOne<GuardianshipRecord>(ctx, 'guardianships', { openid, schoolId: input.schoolId, status: 'confirmed' }),
  ]);
  const committee = ctx.caller.isCommitteeOf(input.schoolId);
  if (!school || (!committee && !guardianship)) throw forbidden('只有本校家委会成员和已绑定孩子的家长可以报名值班');
  const term = await currentTerm(ctx, school._id);
  const today = chinaToday(ctx);
  if (!term || input.date < term.startDate || input.date > term.endDate) throw new AppError('INVALID_INPUT', '请选择本学期内的日期');
  if (isoWeekday(input.date) >= 6) throw new AppError('INVALID_INPUT', '请选择课后服务的上学日（周一至周五）');
  if (input.date < today) throw new AppError('INVALID_INPUT', '不能报名已经过去的日期');
  const id = dutyIdOf(school._id, input.date, openid);
  const existing = await findById<DutyDoc>(ctx, 'dutySignups', id);
  if (existing && existing.status !== 'cancelled') return toDutyView(existing, openid, committee);
  const found = await holdersOf(ctx, school._id, input.date);
  const doc: DutyDoc = {
    _id: id,
    schoolId: school._id,
    date: input.date,
    openid,
    name: committee ? (ctx.caller.user?.name ?? '家委会成员') : guardianship!.guardianName,
    as: committee ? 'committee' : 'parent',
    status: 'pending',
    note: null,
    createdAt: isoNow(ctx),
    decidedAt: null,
    revision: 0,
  };
  // The sign-up and the day's places in one transaction: of people signing up at once, only DUTY_PER_DAY get the day.
  const saved = await writeAudited(ctx, async (t) => {
    const current = await txGet<DutyDoc>(t, 'dutySignups', id);
    if (current && current.status !== 'cancelled') return { result: current, note: null };
    if (!(await takePlace(t, school._id, input.date, id, found))) throw invalidState(`${input.date} 已有 ${DUTY_PER_DAY} 位家长报名，请换一天`);
    const next: DutyDoc = current ? { ...current, status: 'pending', decidedAt: null, revision: current.revision + 1 } : doc;
    const { _id, ...data } = next;
    await t.collection('dutySignups').doc(id).set({ data });
    return { result: next, note: { targets: [{ collection: 'dutySignups', id }], summary: current ? '重新报名家长值班' : `报名 ${input.date} 家长值班` } };
  });
  return toDutyView(saved, openid, committee);
});

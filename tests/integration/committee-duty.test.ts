import { addDays, isoWeekday } from '@kehou/shared/policy';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { families, SCHOOL, todayOf } from './committee-fixtures';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

/** The next weekday at least `after` days from today (inside the demo term, which has two weeks left at least). */
function weekdayAfter(after: number): string {
  let day = addDays(todayOf(cloud), after);
  while (isoWeekday(day) >= 6) day = addDays(day, 1);
  return day;
}
const signUp = (who: string, date: string) => cloud.call(who, 'committee', 'signUpDuty', { schoolId: SCHOOL, date });
const roster = (who: string) => cloud.ok(who, 'committee', 'getDutyRoster', { schoolId: SCHOOL });

describe('parent duty roster (004 §二(二): 鼓励家长代表定期到校值班)', () => {
  it('a committee member and a parent sign up, the school confirms, the teacher sees who is on duty', async () => {
    const day = weekdayAfter(2);
    const member = await signUp(DEMO.committee, day);
    expect(member).toMatchObject({ ok: true, data: { name: '刘女士', as: 'committee', status: 'pending', mine: true } });
    const parent = await signUp(DEMO.parent, day);
    expect(parent).toMatchObject({ ok: true, data: { name: '王建国', as: 'parent', status: 'pending' } });
    // A retry is the same sign-up.
    expect(await signUp(DEMO.parent, day)).toEqual(parent);
    expect((await cloud.db.collection('dutySignups').count()).total).toBe(2);
    // Nothing in what the school sees names a WeChat account.
    const seen = await roster(DEMO.admin);
    expect(JSON.stringify(seen)).not.toContain(DEMO.parent);
    expect(seen.items.map((i: any) => [i.name, i.status]).sort()).toEqual([
      ['刘女士', 'pending'],
      ['王建国', 'pending'],
    ]);
    // The teacher sees confirmed duties only.
    expect((await roster(DEMO.teacher)).items).toEqual([]);
    const parentDuty = seen.items.find((i: any) => i.name === '王建国').dutyId;
    expect(await cloud.ok(DEMO.admin, 'committee', 'decideDuty', { schoolId: SCHOOL, dutyId: parentDuty, decision: 'confirm' })).toMatchObject({
      status: 'confirmed',
    });
    expect((await roster(DEMO.teacher)).items).toEqual([expect.objectContaining({ name: '王建国', date: day, status: 'confirmed' })]);
    // Only the school decides.
    for (const who of [DEMO.committee, DEMO.teacher, DEMO.parent, DEMO.otherSchoolAdmin]) {
      expect(await cloud.call(who, 'committee', 'decideDuty', { schoolId: SCHOOL, dutyId: parentDuty, decision: 'decline' })).toMatchObject({ ok: false });
    }
  });

  it('after the day the parent writes a duty note that the committee reads; the school’s list does not show it', async () => {
    const day = weekdayAfter(1);
    const { dutyId } = await cloud.ok(DEMO.parent, 'committee', 'signUpDuty', { schoolId: SCHOOL, date: day });
    const note = { schoolId: SCHOOL, dutyId, text: '放学时门口秩序良好，低年级接送稍慢。' };
    // Not confirmed yet, and before the day: refused.
    expect(await cloud.call(DEMO.parent, 'committee', 'writeDutyNote', note)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    await cloud.ok(DEMO.admin, 'committee', 'decideDuty', { schoolId: SCHOOL, dutyId, decision: 'confirm' });
    expect(await cloud.call(DEMO.parent, 'committee', 'writeDutyNote', note)).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '值班当天起才能写值班记录',
    });
    cloud.runtime.clock.advanceDays(Number((new Date(day).getTime() - new Date(todayOf(cloud)).getTime()) / 86_400_000));
    expect(await cloud.ok(DEMO.parent, 'committee', 'writeDutyNote', note)).toMatchObject({ note: { text: note.text } });
    // Another person cannot write on it, nor learn it exists.
    expect(await cloud.call(DEMO.secondGuardian, 'committee', 'writeDutyNote', note)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const committee = await roster(DEMO.committee);
    expect(committee.items[0]).toMatchObject({ name: '王建国', note: { text: note.text } });
    expect((await roster(DEMO.admin)).items[0].note).toBeNull();
    // The day has come: too late to cancel.
    expect(await cloud.call(DEMO.parent, 'committee', 'cancelDuty', { schoolId: SCHOOL, dutyId })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('only people of the school sign up, for a school day of the term, at most 3 a day', async () => {
    const day = weekdayAfter(3);
    expect(await signUp(DEMO.otherSchoolParent, day)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await signUp(DEMO.newParent, day)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    let saturday = todayOf(cloud);
    while (new Date(`${saturday}T00:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
    expect(await signUp(DEMO.parent, saturday)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await signUp(DEMO.parent, addDays(todayOf(cloud), -1))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const fams = await families(cloud, 'class32', 3);
    for (const [openid] of fams) expect(await signUp(openid, day)).toMatchObject({ ok: true });
    expect(await signUp(DEMO.parent, day)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    // One cancels before the day: the place is free again.
    const mine = await cloud.ok(fams[0][0], 'committee', 'listMyDuties');
    await cloud.ok(fams[0][0], 'committee', 'cancelDuty', { schoolId: SCHOOL, dutyId: mine[0].dutyId });
    expect(await signUp(DEMO.parent, day)).toMatchObject({ ok: true });
    expect(DEMO_IDS.suifenheSchool).toBe(SCHOOL);
  });

  it('eight people signing up for the same day at once: three get it, and freed places are taken once', async () => {
    const day = weekdayAfter(4);
    const fams = await families(cloud, 'class32', 8);
    const answers = await Promise.all(fams.map(([openid]) => signUp(openid, day)));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers.filter((a) => !a.ok).every((a) => a.code === 'INVALID_STATE')).toBe(true);
    const active = async () =>
      (await cloud.db.collection('dutySignups').where({ schoolId: SCHOOL, date: day }).get()).data.filter((d: any) =>
        ['pending', 'confirmed'].includes(d.status),
      );
    expect(await active()).toHaveLength(3);
    // The school declines one and its person cancels another, while the five left all try again at once.
    const [first, second] = answers.flatMap((a, i) => (a.ok ? [[fams[i][0], a.data.dutyId]] : []));
    const waiting = fams.filter((_, i) => !answers[i].ok).map(([openid]) => openid);
    await Promise.all([
      cloud.ok(DEMO.admin, 'committee', 'decideDuty', { schoolId: SCHOOL, dutyId: first[1], decision: 'decline' }),
      cloud.ok(second[0], 'committee', 'cancelDuty', { schoolId: SCHOOL, dutyId: second[1] }),
    ]);
    const again = await Promise.all([...waiting, second[0]].map((openid) => signUp(openid, day)));
    expect(again.filter((a) => a.ok)).toHaveLength(2);
    expect(await active()).toHaveLength(3);
  });

  it('a day signed up for before its places were kept counts the sign-ups it has', async () => {
    const day = weekdayAfter(5);
    const fams = await families(cloud, 'class32', 4);
    for (const [openid] of fams.slice(0, 3)) expect(await signUp(openid, day)).toMatchObject({ ok: true });
    await cloud.db.collection('dutyDays').doc(`duty-day:${SCHOOL}:${day}`).remove();
    expect(await signUp(fams[3][0], day)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

describe('anonymous feedback stays anonymous to the school', () => {
  it('the school’s admin never sees who sent feedback without a name: no openid, guardian, child or student id', async () => {
    const sent = await cloud.ok(DEMO.parent, 'feedback', 'submitFeedback', {
      studentId: DEMO_IDS.childXiaoming,
      requestId: 'anon-00000001',
      topic: 'staff',
      text: '希望看护老师多关注低年级孩子。',
    });
    const inbox = await cloud.ok(DEMO.admin, 'feedback', 'listSchoolFeedback', { schoolId: SCHOOL });
    const reviewed = await cloud.ok(DEMO.admin, 'feedback', 'markFeedbackReviewed', { feedbackId: sent.id });
    const answered = await cloud.ok(DEMO.admin, 'feedback', 'answerFeedback', { feedbackId: sent.id, text: '已安排', revision: reviewed.revision });
    for (const answer of [inbox, reviewed, answered]) {
      const text = JSON.stringify(answer);
      for (const secret of [DEMO.parent, '王建国', '王小明', DEMO_IDS.childXiaoming, '30201']) expect(text).not.toContain(secret);
    }
    expect(inbox.items[0]).toMatchObject({ signedAs: null, className: '三年级(2)班' });
    // The id the school sees is a hash: it does not contain the openid either.
    expect(sent.id).not.toContain(DEMO.parent);
  });
});

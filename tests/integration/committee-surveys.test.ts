import { addDays } from '@kehou/shared/policy';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { answer, families, openTermSurvey, ratingsOf, SCHOOL, todayOf } from './committee-fixtures';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const results = (who: string = DEMO.committee, extra: object = {}) => cloud.ok(who, 'committee', 'getSurveyResults', { schoolId: SCHOOL, ...extra });
const count = async (collection: string) => (await cloud.db.collection(collection).count()).total;

describe('term survey: one answer per family and child (000 §三(五), 004 §二(二))', () => {
  it('the committee opens the term’s survey once; a second open or a retry answers with the same survey', async () => {
    const [a, b] = await Promise.all([openTermSurvey(cloud), openTermSurvey(cloud, DEMO.admin)]);
    expect(a.surveyId).toBe(b.surveyId);
    expect(a).toMatchObject({ status: 'open', accepting: true, termId: DEMO_IDS.suifenheTerm });
    expect(await count('surveys')).toBe(1);
    // Only the school's admin and committee; a date in the past is refused with a reason.
    for (const who of [DEMO.parent, DEMO.teacher, DEMO.otherSchoolAdmin, DEMO.bureau]) {
      expect(await cloud.call(who, 'committee', 'openSurvey', { schoolId: SCHOOL, closesOn: todayOf(cloud) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await cloud.call(DEMO.committee, 'committee', 'openSurvey', { schoolId: SCHOOL, closesOn: addDays(todayOf(cloud), -1) })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '截止日期不能早于今天',
    });
  });

  it('either guardian gives or changes the one answer of their child; a parent of two children answers for each', async () => {
    const survey = await openTermSurvey(cloud);
    const first = await answer(cloud, DEMO.parent, DEMO_IDS.childXiaoming, survey.surveyId, 3, '希望多一些户外活动');
    expect(first).toMatchObject({ ok: true, data: { answer: { ratings: ratingsOf(3), comment: '希望多一些户外活动' } } });
    // The second guardian of the same child sees the family's answer and changes it: still one answer.
    const form = await cloud.ok(DEMO.secondGuardian, 'committee', 'getSurveyForm', { studentId: DEMO_IDS.childXiaoming });
    expect(form.answer).toMatchObject({ ratings: ratingsOf(3) });
    expect(await answer(cloud, DEMO.secondGuardian, DEMO_IDS.childXiaoming, survey.surveyId, 5)).toMatchObject({
      ok: true,
      data: { answer: { ratings: ratingsOf(5), comment: '' } },
    });
    // A retry of the same answer writes nothing.
    const audits = await count('audit');
    expect(await answer(cloud, DEMO.secondGuardian, DEMO_IDS.childXiaoming, survey.surveyId, 5)).toMatchObject({ ok: true });
    expect(await count('audit')).toBe(audits);
    await answer(cloud, DEMO.parent, DEMO_IDS.childXiaohong, survey.surveyId, 4);
    expect(await count('surveyAnswers')).toBe(2);
    const tallies = (await cloud.db.collection('surveyTallies').get()).data as { classId: string; answers: number; items: Record<string, number[]> }[];
    const class32 = tallies.find((t) => t.classId === DEMO_IDS.class32)!;
    // The change moved the count from 3 to 5: the tally equals the answers.
    expect(class32).toMatchObject({ answers: 1, items: { safety: [0, 0, 0, 0, 1] } });
    expect(tallies.find((t) => t.classId === DEMO_IDS.class11)).toMatchObject({ answers: 1, items: { safety: [0, 0, 0, 1, 0] } });
  });

  it('a child who changed class: the changed answer leaves the old class’s tally for the new one', async () => {
    const survey = await openTermSurvey(cloud);
    await answer(cloud, DEMO.parent, DEMO_IDS.childXiaoming, survey.surveyId, 3);
    await cloud.db
      .collection('students')
      .doc(DEMO_IDS.childXiaoming)
      .update({ data: { classId: DEMO_IDS.class11 } });
    expect(await answer(cloud, DEMO.parent, DEMO_IDS.childXiaoming, survey.surveyId, 4)).toMatchObject({ ok: true });
    const tallies = (await cloud.db.collection('surveyTallies').get()).data as { classId: string; answers: number; items: Record<string, number[]> }[];
    expect(tallies.find((t) => t.classId === DEMO_IDS.class32)).toMatchObject({ answers: 0, items: { safety: [0, 0, 0, 0, 0] } });
    expect(tallies.find((t) => t.classId === DEMO_IDS.class11)).toMatchObject({ answers: 1, items: { safety: [0, 0, 0, 1, 0] } });
  });

  it('a comment is cleaned and checked like feedback: a blocked word is refused and nothing is stored', async () => {
    const survey = await openTermSurvey(cloud);
    const refused = await answer(cloud, DEMO.parent, DEMO_IDS.childXiaoming, survey.surveyId, 3, '放学后有人在校门口赌博');
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/意见和建议/) });
    expect(await count('surveyAnswers')).toBe(0);
    const kept = await answer(cloud, DEMO.parent, DEMO_IDS.childXiaoming, survey.surveyId, 3, '希望\u202e多一些\u200b户外活动');
    expect(kept).toMatchObject({ ok: true, data: { answer: { comment: '希望多一些户外活动' } } });
  });

  it('only a confirmed guardian of the child answers, and only the survey of the child’s school', async () => {
    const survey = await openTermSurvey(cloud);
    const before = await count('surveyAnswers');
    expect(await answer(cloud, DEMO.otherSchoolParent, DEMO_IDS.childXiaoming, survey.surveyId, 1)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await answer(cloud, DEMO.committee, DEMO_IDS.childXiaoming, survey.surveyId, 1)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await answer(cloud, DEMO.otherSchoolParent, 'stu-qj-40101', survey.surveyId, 1)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const bad = await cloud.call(DEMO.parent, 'committee', 'answerSurvey', {
      studentId: DEMO_IDS.childXiaoming,
      surveyId: survey.surveyId,
      ratings: ratingsOf(3, { fees: 6 }),
    });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('请选择 1 到 5 分') });
    expect(await count('surveyAnswers')).toBe(before);
  });

  it('closing ends answering and editing; so does passing the last day', async () => {
    const survey = await openTermSurvey(cloud);
    await answer(cloud, DEMO.parent, DEMO_IDS.childXiaoming, survey.surveyId, 2);
    expect(await cloud.ok(DEMO.admin, 'committee', 'closeSurvey', { schoolId: SCHOOL, surveyId: survey.surveyId })).toMatchObject({
      status: 'closed',
      accepting: false,
    });
    const tallies = JSON.stringify((await cloud.db.collection('surveyTallies').get()).data);
    expect(await answer(cloud, DEMO.parent, DEMO_IDS.childXiaoming, survey.surveyId, 5)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await answer(cloud, DEMO.parent, DEMO_IDS.childXiaohong, survey.surveyId, 5)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(JSON.stringify((await cloud.db.collection('surveyTallies').get()).data)).toBe(tallies);
    expect(await count('surveyAnswers')).toBe(1);
    // Another school's admin cannot close it.
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'committee', 'closeSurvey', { schoolId: SCHOOL, surveyId: survey.surveyId })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('after its last day a survey takes no answer even before anyone closes it', async () => {
    const survey = await openTermSurvey(cloud);
    cloud.runtime.clock.advanceDays(15);
    expect(await answer(cloud, DEMO.parent, DEMO_IDS.childXiaoming, survey.surveyId, 5)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect((await results()).survey).toMatchObject({ status: 'open', accepting: false });
  });

  it('answers at once from many families of a class: the tally counts every one', async () => {
    const survey = await openTermSurvey(cloud);
    const fams = await families(cloud, 'class32', 12);
    await Promise.all(fams.map(([openid, studentId], i) => answer(cloud, openid, studentId, survey.surveyId, (i % 5) + 1)));
    const view = await results();
    expect(view.answers).toBe(12);
    expect(view.items.find((i: any) => i.key === 'safety').distribution).toEqual([3, 3, 2, 2, 2]);
  });
});

describe('results: counts and averages only, never who answered', () => {
  it('fewer than 5 answers in the school: nothing is shown', async () => {
    const survey = await openTermSurvey(cloud);
    for (const [openid, studentId] of await families(cloud, 'class32', 4)) await answer(cloud, openid, studentId, survey.surveyId, 4, '很好');
    const view = await results();
    expect(view).toMatchObject({ answers: 4, shown: false, classes: [], comments: [] });
    expect(view.items.every((i: any) => i.average === null && i.distribution.every((n: number) => n === 0))).toBe(true);
  });

  it('a class with fewer than 5 answers is not shown, nor one that would give it away by subtraction', async () => {
    const survey = await openTermSurvey(cloud);
    for (const [openid, studentId] of await families(cloud, 'class32', 6)) await answer(cloud, openid, studentId, survey.surveyId, 5);
    for (const [openid, studentId] of await families(cloud, 'class11', 3)) await answer(cloud, openid, studentId, survey.surveyId, 1);
    let view = await results();
    expect(view.answers).toBe(9);
    expect(view.shown).toBe(true);
    // 一年级(1)班 has 3: hidden; 三年级(2)班 would be the school minus those 3: hidden too.
    expect(view.classes).toEqual([
      { className: '一年级(1)班', shown: false, answers: null, items: null },
      { className: '三年级(2)班', shown: false, answers: null, items: null },
    ]);
    // Two more in 一年级(1)班: both classes have 5 or more and are shown.
    for (const [openid, studentId] of await families(cloud, 'class11', 2, 3)) await answer(cloud, openid, studentId, survey.surveyId, 1);
    view = await results();
    const byName = Object.fromEntries(view.classes.map((c: any) => [c.className, c]));
    expect(byName['一年级(1)班']).toMatchObject({ shown: true, answers: 5, items: expect.arrayContaining([{ key: 'safety', average: 1 }]) });
    expect(byName['三年级(2)班']).toMatchObject({ shown: true, answers: 6, items: expect.arrayContaining([{ key: 'fees', average: 5 }]) });
    // The school's figures equal the sums computed from the answers themselves.
    const docs = (await cloud.db.collection('surveyAnswers').get()).data as { ratings: Record<string, number> }[];
    const avg = Math.round((docs.reduce((s, d) => s + d.ratings.safety, 0) / docs.length) * 10) / 10;
    expect(view.items.find((i: any) => i.key === 'safety').average).toBe(avg);
  });

  it('neither the committee nor the school sees an openid, a child, a name or a class beside a comment', async () => {
    const survey = await openTermSurvey(cloud);
    const fams = await families(cloud, 'class32', 5);
    for (const [openid, studentId] of fams) await answer(cloud, openid, studentId, survey.surveyId, 4, `意见${openid.slice(-1)}：接送时间再灵活些`);
    await answer(cloud, DEMO.parent, DEMO_IDS.childXiaoming, survey.surveyId, 2, '希望加强安全管理');
    for (const who of [DEMO.committee, DEMO.admin]) {
      const text = JSON.stringify(await results(who));
      for (const [openid, studentId] of fams) {
        expect(text).not.toContain(openid);
        expect(text).not.toContain(studentId);
      }
      for (const secret of [DEMO.parent, DEMO_IDS.childXiaoming, '王小明', '王建国']) expect(text).not.toContain(secret);
    }
    const view = await results();
    expect(view.comments).toHaveLength(6);
    expect(view.comments).toContain('希望加强安全管理');
    // No openid is stored on the answers themselves.
    expect(JSON.stringify((await cloud.db.collection('surveyAnswers').get()).data)).not.toContain(DEMO.parent);
  });

  it('the trend shows each term’s averages, oldest first', async () => {
    // Last term: a term of the school half a year ago, surveyed then.
    const today = todayOf(cloud);
    await cloud.db.collection('terms').add({
      data: { _id: 'term-sfh-previous', schoolId: SCHOOL, name: '上学期', startDate: addDays(today, -200), endDate: addDays(today, -60), current: false },
    });
    cloud.runtime.clock.advanceDays(-90);
    const past = await cloud.ok(DEMO.committee, 'committee', 'openSurvey', {
      schoolId: SCHOOL,
      termId: 'term-sfh-previous',
      closesOn: addDays(todayOf(cloud), 7),
    });
    const fams = await families(cloud, 'class32', 5);
    for (const [openid, studentId] of fams) await answer(cloud, openid, studentId, past.surveyId, 3);
    cloud.runtime.clock.reset();
    const survey = await openTermSurvey(cloud);
    for (const [openid, studentId] of fams) await answer(cloud, openid, studentId, survey.surveyId, 4);
    const view = await results();
    expect(view.survey.surveyId).toBe(survey.surveyId);
    expect(view.surveys.map((s: any) => s.termName)).toEqual([survey.termName, '上学期']);
    expect(view.trend.map((p: any) => [p.termName, p.answers, p.averages.safety])).toEqual([
      ['上学期', 5, 3],
      [survey.termName, 5, 4],
    ]);
    // The past survey's own results are there too.
    expect((await results(DEMO.committee, { surveyId: past.surveyId })).items[0]).toMatchObject({ average: 3 });
    expect(await cloud.call(DEMO.committee, 'committee', 'getSurveyResults', { schoolId: SCHOOL, surveyId: 'survey:other' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const school = DEMO_IDS.suifenheSchool;
const submit = (openid: string | null, extra: object = {}) =>
  cloud.call(openid, 'feedback', 'submitFeedback', {
    studentId: DEMO_IDS.childXiaoming,
    requestId: 'req-00000001',
    topic: 'safety',
    text: '放学时校门口车辆太多，希望错峰接送。',
    ...extra,
  });

describe('feedback: parents → parent committee (000 §三(五))', () => {
  it('a guardian submits; a retry with the same request id creates nothing twice', async () => {
    const [first, again] = await Promise.all([submit(DEMO.parent), submit(DEMO.parent)]);
    expect(first).toMatchObject({ ok: true, data: { status: 'open', className: '三年级(2)班', signedAs: null } });
    expect(again).toEqual(first);
    const { items, counts } = await cloud.ok(DEMO.committee, 'feedback', 'listSchoolFeedback', { schoolId: school });
    expect(items).toHaveLength(1);
    expect(counts).toEqual({ open: 1, reviewed: 0, answered: 0 });
  });

  it('the committee sees neither the openid nor the child’s name unless the parent signed', async () => {
    await submit(DEMO.parent);
    await submit(DEMO.secondGuardian, { requestId: 'req-00000002', signName: true });
    const { items } = await cloud.ok(DEMO.committee, 'feedback', 'listSchoolFeedback', { schoolId: school });
    const text = JSON.stringify(items);
    expect(text).not.toContain(DEMO.parent);
    expect(text).not.toContain('王小明');
    expect(items.map((i: any) => i.signedAs).sort()).toEqual(['李梅', null].sort());
  });

  it('only a confirmed guardian of the child may submit', async () => {
    expect(await submit(DEMO.otherSchoolParent)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await submit(DEMO.newParent)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await submit(null)).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    expect(await submit(DEMO.parent, { text: '短' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('至少写 5 个字') });
    const { total } = await cloud.db.collection('feedback').count();
    expect(total).toBe(0);
  });

  it('only the school’s committee and admins read and answer it', async () => {
    await submit(DEMO.parent);
    for (const who of [DEMO.parent, DEMO.teacher, DEMO.otherSchoolAdmin, DEMO.bureau]) {
      expect(await cloud.call(who, 'feedback', 'listSchoolFeedback', { schoolId: school })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await cloud.call(DEMO.admin, 'feedback', 'listSchoolFeedback', { schoolId: school })).toMatchObject({ ok: true });
    const [item] = (await cloud.ok(DEMO.committee, 'feedback', 'listSchoolFeedback', { schoolId: school })).items;
    // Another school's admin cannot tell an existing item from a missing one.
    const outside = await cloud.call(DEMO.otherSchoolAdmin, 'feedback', 'answerFeedback', { feedbackId: item.id, text: '收到', revision: 0 });
    expect(outside).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'feedback', 'answerFeedback', { feedbackId: 'fb-missing', text: '收到', revision: 0 })).toEqual(outside);
  });

  it('reviewed, then answered: the parent reads the answer and is notified', async () => {
    await submit(DEMO.parent);
    const [item] = (await cloud.ok(DEMO.committee, 'feedback', 'listSchoolFeedback', { schoolId: school })).items;
    const reviewed = await cloud.ok(DEMO.committee, 'feedback', 'markFeedbackReviewed', { feedbackId: item.id });
    expect(reviewed).toMatchObject({ status: 'reviewed', revision: 1 });
    const answered = await cloud.ok(DEMO.committee, 'feedback', 'answerFeedback', {
      feedbackId: item.id,
      text: '已与学校商定：低年级 17:20 先放学。',
      revision: 1,
    });
    expect(answered).toMatchObject({ status: 'answered', answer: { byName: '刘女士', text: '已与学校商定：低年级 17:20 先放学。' } });
    const mine = await cloud.ok(DEMO.parent, 'feedback', 'listMyFeedback');
    expect(mine).toEqual([expect.objectContaining({ status: 'answered', answer: expect.objectContaining({ byName: '刘女士' }) })]);
    expect(await cloud.ok(DEMO.secondGuardian, 'feedback', 'listMyFeedback')).toEqual([]);
    expect(await cloud.sent(DEMO.parent)).toEqual([expect.objectContaining({ templateId: 'tmpl-feedback-answered', page: 'parent/feedback/index' })]);
    const audit = await cloud.db
      .collection('audit')
      .where({ action: cloud.db.command.in(['feedback.submitFeedback', 'feedback.markFeedbackReviewed', 'feedback.answerFeedback']) })
      .count();
    expect(audit.total).toBe(3);
  });

  it('two members answering from the same revision: one wins, the other is told to refresh', async () => {
    await submit(DEMO.parent);
    const [item] = (await cloud.ok(DEMO.admin, 'feedback', 'listSchoolFeedback', { schoolId: school })).items;
    const answers = await Promise.all([
      cloud.call(DEMO.committee, 'feedback', 'answerFeedback', { feedbackId: item.id, text: '答复一', revision: 0 }),
      cloud.call(DEMO.admin, 'feedback', 'answerFeedback', { feedbackId: item.id, text: '答复二', revision: 0 }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });
});

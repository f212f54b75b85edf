import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { applyFor, choices, TERM, XIAOMING, XIAOMING_APP } from './enrollment-fixtures';

/** Names a contract is signed with: Chinese, letters, the middle dot and spaces; one name per guardian everywhere. */
let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

describe('person names', () => {
  it('a pick-up adult named with emoji is refused with the rule, and nothing is written', async () => {
    const answer = await cloud.call(DEMO.parent, 'enrollment', 'submitApplication', {
      studentId: XIAOMING,
      termId: TERM,
      ...choices({ pickup: { mode: 'pickers', pickers: [{ name: '🌸朱妈妈🌸', relation: '妈妈', phone: '13900000001' }] } }),
    });
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((answer as { message: string }).message).toContain('「第 1 个接送人的姓名」姓名只能包含汉字、字母、间隔号「·」和空格');
    expect((await cloud.db.collection('applications').count()).total).toBe(0);
  });

  it('binding with an emoji name is refused; a name with a middle dot is kept as typed, tidied', async () => {
    const refused = await cloud.call(DEMO.newParent, 'enrollment', 'bindChild', {
      studentName: '王小红',
      studentNo: 'x',
      bindCode: 'ABCD',
      guardianName: '🌸朱妈妈🌸',
      relation: '妈妈',
    });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((refused as { message: string }).message).toContain('您的姓名只能包含汉字、字母、间隔号「·」和空格');
    expect((await cloud.db.collection('guardianships').where({ openid: DEMO.newParent }).count()).total).toBe(0);
  });

  it('the application history names a guardian by the name they bound with, not their account name', async () => {
    await cloud.db
      .collection('users')
      .doc(DEMO.parent)
      .update({ data: { name: '🌸阿国🌸' } });
    const bound = (await cloud.db.collection('guardianships').doc(`${XIAOMING}:${DEMO.parent}`).get()).data as { guardianName: string };
    await applyFor(cloud, DEMO.parent, XIAOMING);
    await cloud.ok(DEMO.parent, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP });
    const app = (await cloud.db.collection('applications').doc(XIAOMING_APP).get()).data as { history: { status: string; byName: string }[] };
    expect(app.history.map((h) => `${h.status}:${h.byName}`)).toEqual([`submitted:${bound.guardianName}`, `withdrawn:${bound.guardianName}`]);
    expect(DEMO_IDS.suifenheSchool).toBeTruthy();
  });
});

import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { todayOf } from './committee-fixtures';
import { SCHOOL, TERM } from './enrollment-fixtures';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const draftSections = async () => (await cloud.ok(DEMO.admin, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM })).editable;
const publish = (sections: object) => cloud.call(DEMO.admin, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections });
const templates = async () => (await cloud.db.collection('agreementTemplates').count()).total;

describe('management rules co-adopted (004 §四(三)3: 经教师代表大会和家长委员会通过后实施)', () => {
  it('the agreement is not published before the committee and the staff congress adopt exactly its rules', async () => {
    const sections = await draftSections();
    // Nothing proposed yet: refused with the clause, nothing written.
    const none = await publish(sections);
    expect(none).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('四(三)3') });
    expect(none).toMatchObject({ message: expect.stringContaining('请先在“管理制度”中提交这份文本') });
    expect(await templates()).toBe(0);

    const proposed = await cloud.ok(DEMO.admin, 'committee', 'proposeRules', { schoolId: SCHOOL, sections });
    expect(proposed.versions).toEqual([expect.objectContaining({ version: 1, adopted: false, adoptions: [] })]);
    expect(proposed.required.map((r: any) => r.label).sort()).toEqual(['家长委员会', '教师代表大会'].sort());
    // A retry of the same text is the same version.
    expect((await cloud.ok(DEMO.admin, 'committee', 'proposeRules', { schoolId: SCHOOL, sections })).versions).toHaveLength(1);

    const today = todayOf(cloud);
    await cloud.ok(DEMO.committee, 'committee', 'adoptRules', { schoolId: SCHOOL, version: 1, date: today, note: '家委会全体会议' });
    const half = await publish(sections);
    expect(half).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('还没有经教师代表大会通过') });
    expect(await templates()).toBe(0);

    const both = await cloud.ok(DEMO.admin, 'committee', 'recordStaffCongress', { schoolId: SCHOOL, version: 1, date: today });
    expect(both.versions[0]).toMatchObject({ adopted: true });
    expect(await publish(sections)).toMatchObject({ ok: true, data: { version: 1 } });

    // Changed rules are a new version, to adopt again before the agreement changes.
    const changed = { ...sections, rules: `${sections.rules}（修订：增加雨天接送安排）` };
    expect(await publish(changed)).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('四(三)3') });
    const v2 = await cloud.ok(DEMO.admin, 'committee', 'proposeRules', { schoolId: SCHOOL, sections: changed });
    expect(v2.versions.map((v: any) => [v.version, v.adopted])).toEqual([
      [2, false],
      [1, true],
    ]);
    // Only the newest version is adopted.
    expect(await cloud.call(DEMO.committee, 'committee', 'adoptRules', { schoolId: SCHOOL, version: 1, date: today })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '第 1 版已不是最新版本，请审议第 2 版',
    });
    const stale = await cloud.call(DEMO.committee, 'committee', 'adoptRules', { schoolId: SCHOOL, version: 2, date: '2099-01-01' });
    expect(stale).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '通过日期不能晚于今天' });
  });

  it('only the committee adopts for the parents, only the school proposes and records the staff congress', async () => {
    const sections = await draftSections();
    for (const who of [DEMO.committee, DEMO.teacher, DEMO.parent, DEMO.otherSchoolAdmin]) {
      expect(await cloud.call(who, 'committee', 'proposeRules', { schoolId: SCHOOL, sections })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    await cloud.ok(DEMO.admin, 'committee', 'proposeRules', { schoolId: SCHOOL, sections });
    const today = todayOf(cloud);
    expect(await cloud.call(DEMO.admin, 'committee', 'adoptRules', { schoolId: SCHOOL, version: 1, date: today })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await cloud.call(DEMO.committee, 'committee', 'recordStaffCongress', { schoolId: SCHOOL, version: 1, date: today })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('every version and its adoptions are public', async () => {
    const sections = await draftSections();
    await cloud.ok(DEMO.admin, 'committee', 'proposeRules', { schoolId: SCHOOL, sections });
    await cloud.ok(DEMO.committee, 'committee', 'adoptRules', { schoolId: SCHOOL, version: 1, date: todayOf(cloud), note: '一致通过' });
    await cloud.ok(DEMO.admin, 'committee', 'proposeRules', { schoolId: SCHOOL, sections: { ...sections, rules: `${sections.rules}（第二版）` } });
    const visitor = await cloud.ok(null, 'committee', 'getPublicRules', { schoolId: SCHOOL });
    expect(visitor.versions.map((v: any) => [v.version, v.adoptions.map((a: any) => [a.label, a.note])])).toEqual([
      [2, []],
      [1, [['家长委员会', '一致通过']]],
    ]);
    expect(JSON.stringify(visitor)).not.toContain(DEMO.committee);
    expect(JSON.stringify(visitor)).not.toContain('刘女士');
  });

  it('a profile that asks no adoption publishes as before (qijiang)', async () => {
    const qj = await cloud.call(DEMO.otherSchoolAdmin, 'agreement', 'publishTemplate', {
      schoolId: DEMO_IDS.qijiangSchool,
      termId: DEMO_IDS.qijiangTerm,
      sections: await draftSections(),
    });
    // Refused for another reason (no published plan there), never for the rules.
    expect(qj.ok ? '' : qj.message).not.toContain('管理制度');
  });
});

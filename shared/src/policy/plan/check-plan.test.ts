import { brokenRuleIds } from '../core/violation';
import { planInput } from '../test-support';
import { checkPlan } from './check-plan';

describe('checkPlan', () => {
  it('004 四(三)1: content, homework and providers are checked per activity, with the activity’s path', () => {
    const violations = checkPlan(
      planInput({
        policy: 'suifenhe-2021',
        students: 300,
        activities: [
          { name: '数学补课', category: 'subject-teaching', provider: { type: 'staff', vetted: true } },
          { name: '篮球', category: 'sports', provider: { type: 'company', vetted: true }, costFen: 50000 },
          { name: '书法', category: 'arts', assignsHomework: true, provider: { type: 'nonprofit', vetted: true, list: 'white' } },
        ],
      }),
    );
    expect(violations.map((v) => [v.ruleId, v.path])).toEqual([
      ['content.subject-teaching', 'activities[0].category'],
      ['provider.for-profit', 'activities[1].provider'],
      ['content.homework-assigned', 'activities[2].assignsHomework'],
    ]);
  });

  it('003 五(二), 六(一): budget rules come after the activities', () => {
    const violations = checkPlan(
      planInput({
        policy: 'xxcity-2024',
        students: 1,
        activities: [
          { name: '作业辅导', category: 'homework', provider: { type: 'staff' }, costFen: 100_000 },
          { name: '机器人', category: 'science', provider: { type: 'company', vetted: true }, costFen: 150_000 },
        ],
      }),
    );
    expect(brokenRuleIds(violations)).toEqual(['budget.external-share', 'budget.per-student']);
  });

  it('one violation per activity: the same rule may appear several times, the set of ids is what conformance compares', () => {
    const violations = checkPlan(
      planInput({
        policy: 'qijiang-2020',
        activities: [
          { name: '奥数', category: 'competition-training' },
          { name: '竞赛数学', category: 'competition-training' },
        ],
      }),
    );
    expect(violations).toHaveLength(2);
    expect(brokenRuleIds(violations)).toEqual(['content.competition-training']);
  });

  it('a plan of allowed activities by staff and vetted providers is allowed', () => {
    expect(
      checkPlan(
        planInput({
          policy: 'yueyang-2019',
          students: 200,
          activities: [
            { name: '作业辅导', category: 'homework' },
            { name: '合唱', category: 'arts', provider: { type: 'volunteer', vetted: true } },
          ],
        }),
      ),
    ).toEqual([]);
  });
});

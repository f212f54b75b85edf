import { chinaDate } from '@kehou/shared';
import { SURVEY_ITEM_KEYS } from '@kehou/shared/committee';
import { filingDeadline, getProfile } from '@kehou/shared/policy';
import { demoTermAround } from '../../local-cloud/src/demo-calendar';
import { DEMO_IDS } from '../../local-cloud/src/seed-ids';
import type { World } from './driver';

/** 王建国's ratings, item by item (safety, content, staff, fees, pick-up). */
const RATINGS = [5, 4, 5, 3, 4];

/**
 * The parent committee's and the bureau's view (issue 16). 王建国 answers this term's satisfaction
 * survey for 王小明, the sixth family to answer (the demo's five others did before him); the
 * committee opens the results and sees six answers with the chart, per item and for the class,
 * and his comment without his name. 罗科长, reviewer of 岳阳楼区, opens the dashboard: the school
 * late with its plan comes first; he opens it, sees the deadline the yueyang rules set (10 working
 * days after the term starts, 001 §五2), and records an inspection that stays on its history.
 */
export async function committeeSeesTheSurveyAndTheBureauDrillsToTheLateSchool(world: World) {
  const parent = await world.as('王建国');
  await parent.open(`/parent/survey/index?studentId=${DEMO_IDS.childXiaoming}`);
  await parent.see('课后服务满意度调查');
  for (const [i, key] of SURVEY_ITEM_KEYS.entries()) await parent.within(`.survey-item-${key}`).tap(`.survey-score-${RATINGS[i]}`);
  await parent.fill('.survey-comment', '接送时门口有老师引导，很放心。');
  await parent.tap('.survey-submit');
  await parent.see('已填写');
  await parent.keep('parent-survey');

  const committee = await world.as('刘女士');
  await committee.open(`/charts/survey/index?schoolId=${DEMO_IDS.suifenheSchool}`);
  await committee.see('6', '.survey-answers');
  await committee.has('.f2-chart');
  if (committee.chartDrawn) expect(await committee.chartDrawn('#survey-items-chart')).toBe(true);
  await committee.see('三年级(2)班', '.survey-class');
  await committee.within('.survey-class', '三年级(2)班').see('6 份');
  await committee.see('接送时门口有老师引导，很放心。', '.survey-comment-line');
  expect(await committee.text()).not.toContain('王建国');
  await committee.keep('committee-survey-results');

  const today = chinaDate(await world.now());
  const deadline = filingDeadline(getProfile('yueyang-2019')!, demoTermAround(today).startDate)!;
  const reviewer = await world.as('罗科长');
  await reviewer.tap('.role-bureau');
  await reviewer.tap('.open-dashboard');
  // First opened, the school has no summary yet: the page asks for one and shows it.
  const late = reviewer.within('.dashboard-row', { index: 0 });
  await late.see('岳阳楼区洞庭实验小学');
  await late.see('逾期未备案');
  await late.see(`备案期限 ${deadline}`);
  await reviewer.keep('bureau-dashboard');
  await reviewer.tap('.dashboard-row', '岳阳楼区洞庭实验小学');
  await reviewer.see(`逾期未备案（期限 ${deadline}）`);
  await reviewer.see('在籍 24 人，参加 0 人');
  await reviewer.fill('.inspection-findings', '开学已过备案期限，课后服务方案尚未报备。');
  await reviewer.fill('.inspection-follow-up', '三个工作日内提交方案备案。');
  await reviewer.tap('.record-inspection');
  const note = reviewer.within('.inspection-note', '开学已过备案期限');
  await note.see('学校尚未答复');
  await note.see('罗科长');
  await reviewer.keep('bureau-school');
}

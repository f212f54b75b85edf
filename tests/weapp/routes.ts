import { lastServiceDay } from '../journeys/dates';
import { DEMO_IDS } from '../support/runtime';
import type { WeappCloud } from './harness/cloud';

/** Real ids from the demo data and the demo term, read from the runtime (not typed in). */
export interface SeedFacts {
  applicationId: string;
  signatureId: string;
  serviceDay: string;
}

export async function seedFacts(world: WeappCloud): Promise<SeedFacts> {
  const applicationId = `${DEMO_IDS.childXiaoming}:${DEMO_IDS.suifenheTerm}`;
  const { data } = await world.cloud.db.collection('signatures').where({ applicationId }).limit(1).get();
  const signature = data[0] as { _id: string } | undefined;
  if (!signature) throw new Error('演示学期里王小明的协议没有签署记录');
  return { applicationId, signatureId: signature._id, serviceDay: lastServiceDay(world.runtime.clock.now()).day };
}

export interface RouteCase {
  /** The demo user whose page it is; null: a page for anyone (opened by a WeChat user the product has never seen). */
  owner: string | null;
  query?: (facts: SeedFacts) => Record<string, string>;
}

const school = { schoolId: DEMO_IDS.suifenheSchool };
const term = { ...school, termId: DEMO_IDS.suifenheTerm };

/** Every route of app.json: who it is for and the query it is opened with (from links in the app). */
export const ROUTES: Record<string, RouteCase> = {
  'pages/index/index': { owner: '王建国' },
  'pages/login/index': { owner: null },
  'parent/home/index': { owner: '王建国' },
  'parent/feedback/index': { owner: '王建国' },
  'parent/bind/index': { owner: '新家长' },
  'parent/enrol/index': { owner: '王建国', query: () => term },
  'parent/apply/index': { owner: '王建国', query: () => ({ studentId: DEMO_IDS.childXiaohong }) },
  'parent/application/index': { owner: '王建国', query: (f) => ({ applicationId: f.applicationId }) },
  'parent/agreement/index': { owner: '王建国', query: (f) => ({ applicationId: f.applicationId }) },
  'parent/signature/index': { owner: '王建国', query: (f) => ({ signatureId: f.signatureId }) },
  'parent/fees/index': { owner: '王建国' },
  'parent/messages/index': { owner: '王建国' },
  'parent/serviceday/index': { owner: '王建国' },
  'teacher/home/index': { owner: '陈老师' },
  'teacher/class/index': { owner: '陈老师', query: () => ({ classId: DEMO_IDS.class32 }) },
  'teacher/fees/index': { owner: '陈老师', query: () => term },
  'teacher/attendance/index': { owner: '陈老师', query: (f) => ({ classId: DEMO_IDS.class32, date: f.serviceDay }) },
  'teacher/gate/index': { owner: '陈老师', query: (f) => ({ classId: DEMO_IDS.class32, date: f.serviceDay }) },
  'school/home/index': { owner: '赵主任' },
  'school/plan/index': { owner: '赵主任', query: () => term },
  'school/history/index': { owner: '赵主任', query: () => term },
  'school/reports/index': { owner: '赵主任', query: () => school },
  'school/enrollment/index': { owner: '赵主任', query: () => term },
  'school/enrollment/review/index': { owner: '赵主任', query: () => term },
  'school/enrollment/students/index': { owner: '赵主任', query: () => term },
  'school/enrollment/roster/index': { owner: '赵主任', query: () => school },
  'school/enrollment/agreement/index': { owner: '赵主任', query: () => term },
  'school/fees/index': { owner: '赵主任', query: () => term },
  'school/ledger/index': { owner: '赵主任', query: () => term },
  'school/spending/index': { owner: '赵主任', query: () => term },
  'school/flags/index': { owner: '赵主任', query: (f) => ({ ...school, date: f.serviceDay }) },
  'committee/home/index': { owner: '刘女士' },
  'committee/feedback/index': { owner: '刘女士', query: () => school },
  'bureau/home/index': { owner: '孙科长' },
  'bureau/review/index': { owner: '孙科长', query: () => term },
  'public/term/index': { owner: null, query: () => term },
  'public/article/index': { owner: null, query: () => term },
  'parent/survey/index': { owner: '王建国' },
  'charts/survey/index': { owner: '刘女士', query: () => school },
  'committee/rules/index': { owner: '刘女士', query: () => school },
  'committee/duty/index': { owner: '刘女士', query: () => school },
  'parent/duty/index': { owner: '王建国' },
  'school/supervision/index': { owner: '赵主任', query: () => school },
  'bureau/school/index': { owner: '孙科长', query: () => school },
  'charts/bureau/index': { owner: '孙科长' },
};

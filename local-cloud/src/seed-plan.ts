import type { PlanContent, Publication, ServicePlan, Term } from '@kehou/shared';
import type { Database } from '@kehou/shared/cloud';
import { addDays } from '@kehou/shared/policy';
import { DEMO_IDS } from './seed-ids';

/**
 * 绥芬河市第一小学's plan for the current term, already approved by the bureau and published, so
 * that parents can enrol in the demo straight away. It passes every suifenhe-2021 rule.
 */
export const demoPlanContent: PlanContent = {
  schedules: [
    {
      stage: 'primary',
      weekdays: [1, 2, 3, 4, 5],
      start: '15:30',
      end: '17:30',
      blocks: [
        { category: 'homework', minutes: 60, title: '集中完成作业、个别答疑' },
        { category: 'sports', minutes: 30, title: '体育锻炼' },
        { category: 'club', minutes: 30, title: '社团活动或自主阅读' },
      ],
    },
  ],
  items: [
    {
      id: 'basic-care',
      kind: 'basic',
      name: '基础托管（作业辅导＋体育锻炼）',
      category: 'homework',
      description: '每个上学日 15:30—17:30，班主任和任课教师看护，完成作业、个别答疑，保证 30 分钟体育锻炼。',
      weekdays: [1, 2, 3, 4, 5],
      providerId: 'prov-school',
      staffIds: ['staff-chen', 'staff-li'],
      costFen: 0,
      assignsHomework: false,
    },
    {
      id: 'club-basketball',
      kind: 'club',
      name: '篮球社',
      category: 'sports',
      description: '周二、周四 17:00—17:30，体育组教师带领。',
      weekdays: [2, 4],
      capacity: 20,
      providerId: 'prov-school',
      staffIds: ['staff-sun'],
      costFen: 0,
      assignsHomework: false,
    },
    {
      id: 'club-calligraphy',
      kind: 'club',
      name: '书法社',
      category: 'arts',
      description: '周三 17:00—17:30，市青少年活动中心书法老师授课。',
      weekdays: [3],
      capacity: 2,
      providerId: 'prov-youth-centre',
      staffIds: ['staff-ext-ma'],
      costFen: 0,
      assignsHomework: false,
    },
  ],
  staff: [
    { id: 'staff-chen', name: '陈老师', kind: 'school', duty: '三年级(2)班看护、作业答疑', vetted: true },
    { id: 'staff-li', name: '李老师', kind: 'school', duty: '一年级(1)班看护', vetted: true },
    { id: 'staff-sun', name: '孙老师', kind: 'school', duty: '篮球社', vetted: true },
    { id: 'staff-ext-ma', name: '马老师', kind: 'external', duty: '书法社（青少年活动中心派驻）', vetted: true },
  ],
  providers: [
    { id: 'prov-school', name: '本校教职工', type: 'staff', vetted: true, list: null },
    { id: 'prov-youth-centre', name: '绥芬河市青少年校外活动中心', type: 'nonprofit', vetted: true, list: 'white' },
  ],
  safety: {
    measures: '每日考勤；各班看护教师负责本班学生安全；门卫登记；17:30 在校门口按班级交接。',
    emergencyPlan: '《课后服务安全应急预案》：突发疾病、意外伤害、火灾、地震疏散的处置流程，值班领导电话 0453-3920000。',
  },
  pickup: { arrangement: '家长或家长指定的接送人在校门口按班级接孩子；持《独自回家证》的学生由看护教师确认后离校。', pickupTime: '17:30' },
  feeSettings: {},
  funding: '按绥芬河市收费标准每生每小时 4 元，按月据实收取；家庭经济困难学生免收，免收额度的 50% 由市政府统筹解决。',
  expectedStudents: 320,
  attachments: [],
};

/** China time `hh:00` on the day `days` before the term starts, as an ISO instant. */
const beforeTerm = (term: Pick<Term, 'startDate'>, days: number, chinaHour: number) =>
  `${addDays(term.startDate, -days)}T${String(chinaHour - 8).padStart(2, '0')}:00:00.000Z`;

/** The plan was submitted 12 days before term, approved 7 days before and published 4 days before. */
export async function seedDemoPlan(db: Database, term: Pick<Term, 'startDate' | 'name'>): Promise<void> {
  const schoolId = DEMO_IDS.suifenheSchool;
  const termId = DEMO_IDS.suifenheTerm;
  const plan: ServicePlan = {
    _id: `${schoolId}:${termId}`,
    schoolId,
    termId,
    profileId: 'suifenhe-2021',
    status: 'published',
    revision: 1,
    content: demoPlanContent,
    submissions: 1,
    publishedVersion: 1,
  };
  const publication: Publication = {
    _id: `${schoolId}:${termId}:v1`,
    schoolId,
    termId,
    version: 1,
    current: true,
    profileId: 'suifenhe-2021',
    schoolName: '绥芬河市第一小学',
    termName: term.name,
    publishedAt: beforeTerm(term, 4, 10),
    content: demoPlanContent,
    fees: {
      lines: [
        { label: '收费标准', text: '每生每小时 4 元，超过或不足 1 小时按分钟折算；当天不足 30 分钟不收费', citation: '绥芬河课后服务实施意见 三(五)2' },
        { label: '收取方式', text: '每月按实际参加时间据实收取', citation: '绥芬河课后服务实施意见 三(五)2' },
        { label: '困难家庭', text: '家庭经济困难学生免收，免收额度的 50% 由市政府统筹解决', citation: '绥芬河课后服务实施意见 三(五)2' },
      ],
      refundMethod: '因故退费向学校申请：整月未上课全额退费；未满半月（含半月）课时退半费；超过半月课时不退费。转学按整月或半月退费、缴费。',
    },
  };
  await db.collection('plans').add({ data: { ...plan } });
  await db.collection('planVersions').add({
    data: {
      _id: `${schoolId}:${termId}:s1`,
      planId: plan._id,
      number: 1,
      content: demoPlanContent,
      submittedAt: beforeTerm(term, 12, 10),
      submittedBy: 'demo-admin-zhao',
      decision: 'approved',
      decidedBy: 'demo-bureau-sun',
      decidedAt: beforeTerm(term, 7, 10),
      comments: '',
    },
  });
  await db.collection('publications').add({ data: { ...publication } });
}

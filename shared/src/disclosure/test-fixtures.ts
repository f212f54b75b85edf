import type { PlanContent } from '../domain/plan';
import { getProfile, type PolicyProfile } from '../policy';

/** A plan that passes every rule of every profile once its fee settings and attachments fit the profile. */
export function validContent(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    schedules: [
      {
        stage: 'primary',
        weekdays: [1, 2, 3, 4, 5],
        start: '15:30',
        end: '17:30',
        blocks: [
          { category: 'homework', minutes: 60, title: '作业辅导' },
          { category: 'sports', minutes: 30 },
          { category: 'reading', minutes: 30 },
        ],
      },
    ],
    items: [
      {
        id: 'basic-care',
        kind: 'basic',
        name: '基础托管',
        category: 'homework',
        description: '看护、作业答疑',
        weekdays: [1, 2, 3, 4, 5],
        providerId: 'prov-school',
        staffIds: ['staff-a'],
        costFen: 0,
        assignsHomework: false,
      },
      {
        id: 'club-chess',
        kind: 'club',
        name: '围棋社',
        category: 'games',
        description: '周二下午',
        weekdays: [2],
        capacity: 20,
        providerId: 'prov-school',
        staffIds: ['staff-b'],
        costFen: 0,
        assignsHomework: false,
      },
    ],
    staff: [
      { id: 'staff-a', name: '陈老师', kind: 'school', duty: '看护', vetted: true },
      { id: 'staff-b', name: '李老师', kind: 'school', duty: '围棋社', vetted: true },
    ],
    providers: [{ id: 'prov-school', name: '本校教职工', type: 'staff', vetted: true, list: null }],
    safety: { measures: '每日考勤，门卫登记', emergencyPlan: '突发情况处置流程' },
    pickup: { arrangement: '家长在校门口按班级接孩子', pickupTime: '17:30' },
    feeSettings: {},
    funding: '按政策收费，专款专用',
    expectedStudents: 300,
    attachments: [],
    ...overrides,
  };
}

/** Every filing document the profile asks for (with outside bodies or not), attached. */
export function withAllAttachments(profile: PolicyProfile, content: PlanContent): PlanContent {
  return {
    ...content,
    attachments: (profile.filing?.documents ?? []).map((d) => ({ key: d.key, name: `${d.label}.pdf`, fileId: `cloud://env/disclosure/s/t/${d.key}.pdf` })),
  };
}

export const profiles = {
  qijiang: getProfile('qijiang-2020'),
  yueyang: getProfile('yueyang-2019'),
  xxcity: getProfile('xxcity-2024'),
  suifenhe: getProfile('suifenhe-2021'),
};

export const AUTUMN_2026 = { startDate: '2026-09-01', endDate: '2027-01-15' };

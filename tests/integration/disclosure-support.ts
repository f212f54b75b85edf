import type { PlanContent } from '@kehou/shared';
import { DEMO, DEMO_IDS, type TestCloud } from '../support/runtime';

/** 綦江区古南实验小学 (qijiang-2020, no plan yet): the school the filing journey uses. */
export const QJ = { schoolId: DEMO_IDS.qijiangSchool, termId: DEMO_IDS.qijiangTerm };
/** 绥芬河市第一小学 (suifenhe-2021, plan already published as v1). */
export const SFH = { schoolId: DEMO_IDS.suifenheSchool, termId: DEMO_IDS.suifenheTerm };

export const PDF = Buffer.from('%PDF-1.4\n% kehou test\n').toString('base64');

/** A qijiang plan that breaks no rule once its plan document is attached. */
export function qijiangContent(attachments: PlanContent['attachments'] = []): PlanContent {
  return {
    schedules: [
      {
        stage: 'primary',
        weekdays: [1, 2, 3, 4, 5],
        start: '16:00',
        end: '17:40',
        blocks: [
          { category: 'homework', minutes: 60, title: '作业辅导' },
          { category: 'sports', minutes: 40 },
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
        staffIds: ['staff-he'],
        costFen: 0,
        assignsHomework: false,
      },
      {
        id: 'club-art',
        kind: 'club',
        name: '美术社',
        category: 'arts',
        description: '青少年宫老师授课',
        weekdays: [3],
        capacity: 20,
        providerId: 'prov-palace',
        staffIds: ['staff-ext'],
        costFen: 0,
        assignsHomework: false,
      },
    ],
    staff: [
      { id: 'staff-he', name: '何老师', kind: 'school', duty: '四年级(1)班看护', vetted: true },
      { id: 'staff-ext', name: '罗老师', kind: 'external', duty: '美术社', vetted: true },
    ],
    providers: [
      { id: 'prov-school', name: '本校教职工', type: 'staff', vetted: true, list: null },
      { id: 'prov-palace', name: '綦江区青少年宫', type: 'nonprofit', vetted: true, list: null },
    ],
    safety: { measures: '每日考勤，看护教师负责本班安全，门卫登记。', emergencyPlan: '突发疾病、意外伤害、火灾疏散的处置流程。' },
    pickup: { arrangement: '家长在校门口按班级接孩子。', pickupTime: '17:40' },
    feeSettings: {},
    funding: '按每生每课时 2 元收费，专款专用。',
    expectedStudents: 120,
    attachments,
  };
}

/** Uploads qijiang's one filing document (the school's plan, 000 五) as 钱主任. */
export async function uploadPlanDocument(cloud: TestCloud, ref = QJ) {
  return cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'uploadAttachment', {
    ...ref,
    key: 'plan',
    fileName: '古南实验小学课后服务方案.pdf',
    contentBase64: PDF,
  });
}

/** 钱主任 writes a complete plan and submits it; answers with the revision after submission. */
export async function writeAndSubmitQijiangPlan(cloud: TestCloud): Promise<number> {
  const attachment = await uploadPlanDocument(cloud);
  const saved = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent([attachment]) });
  const submitted = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'submitPlan', { ...QJ, revision: saved.revision });
  return submitted.revision;
}

export async function docs(cloud: TestCloud, collection: string, where: Record<string, unknown>) {
  const { data } = await cloud.db.collection(collection).where(where).limit(100).get();
  return data as any[];
}

export { DEMO, DEMO_IDS };

import { sha256 } from '@kehou/shared';
import { chinaDateOf } from '../../local-cloud/src/demo-calendar';
import { DEMO, DEMO_IDS, type TestCloud } from '../support/runtime';
import { SIGNATURE } from '../support/signature';

/** Helpers shared by the enrollment and agreement integration tests. */

export const SCHOOL = DEMO_IDS.suifenheSchool;
export const TERM = DEMO_IDS.suifenheTerm;
export const XIAOMING = DEMO_IDS.childXiaoming;
export const XIAOMING_APP = `${XIAOMING}:${TERM}`;

export const pickers = (name = '王建国', phone = '13900000001') => ({
  mode: 'pickers' as const,
  pickers: [{ name, relation: '父亲', phone }],
});

export const choices = (overrides: Record<string, unknown> = {}) => ({
  days: [1, 2, 3, 4, 5],
  itemIds: ['basic-care'],
  pickup: pickers(),
  ...overrides,
});

/** Demo children of 三年级(2)班 without guardians (stu-sfh-30202 …). */
export const class32Child = (i: number) => `stu-sfh-${30202 + i}`;

/**
 * Gives `count` children of 三年级(2)班 a parent each (openid `parent-<i>`, confirmed guardianship),
 * written straight into the database as the seed does. Returns [openid, studentId] pairs.
 */
export async function addFamilies(cloud: TestCloud, count: number, first = 0): Promise<[string, string][]> {
  const families: [string, string][] = [];
  for (let i = first; i < first + count; i++) {
    const openid = `parent-${i}`;
    const studentId = class32Child(i);
    await cloud.db.collection('users').add({ data: { _id: openid, name: `家长${i}`, roles: [] } });
    await cloud.allowMessages(openid);
    await cloud.db.collection('guardianships').add({
      data: {
        _id: `${studentId}:${openid}`,
        studentId,
        openid,
        schoolId: SCHOOL,
        classId: DEMO_IDS.class32,
        guardianName: `家长${i}`,
        relation: '母亲',
        status: 'confirmed',
      },
    });
    families.push([openid, studentId]);
  }
  return families;
}

export async function applyFor(cloud: TestCloud, openid: string, studentId: string, extra: Record<string, unknown> = {}) {
  return cloud.ok(openid, 'enrollment', 'submitApplication', { studentId, termId: TERM, ...choices(extra) });
}

const revisionOf = async (cloud: TestCloud, applicationId: string): Promise<number> =>
  ((await cloud.db.collection('applications').doc(applicationId).get()).data as { revision: number }).revision;

export async function teacherPass(cloud: TestCloud, applicationId: string) {
  return cloud.ok(DEMO.teacher, 'enrollment', 'passFirstReview', { applicationId, revision: await revisionOf(cloud, applicationId) });
}

export async function adminApprove(cloud: TestCloud, applicationId: string) {
  return cloud.ok(DEMO.admin, 'enrollment', 'approveApplication', { applicationId, revision: await revisionOf(cloud, applicationId) });
}

/** Applies, passes the teacher's review and the school's: the application ends `approved`. */
export async function approvedApplication(cloud: TestCloud, openid: string, studentId: string, extra: Record<string, unknown> = {}) {
  const { application } = await applyFor(cloud, openid, studentId, extra);
  await teacherPass(cloud, application.applicationId);
  await adminApprove(cloud, application.applicationId);
  return application.applicationId as string;
}

/**
 * Posts the approved applications for the shortest listing period, lets it pass and fixes the list;
 * then the clock returns to today, so the steps after it use today's dates.
 */
export async function listAndFix(cloud: TestCloud) {
  const { listingId } = await cloud.ok(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 1 });
  cloud.runtime.clock.advanceDays(1.01);
  await cloud.ok(DEMO.admin, 'enrollment', 'fixListing', { listingId });
  cloud.runtime.clock.reset();
  return listingId as string;
}

export async function publishAgreement(cloud: TestCloud, rulesSuffix = '') {
  const draft = await cloud.ok(DEMO.admin, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM });
  const sections = { ...draft.editable, rules: draft.editable.rules + rulesSuffix };
  await adoptRules(cloud, sections);
  return cloud.ok(DEMO.admin, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections });
}

/** 004 §四(三)3: the school proposes these management rules, the parent committee adopts them and the staff congress's adoption is recorded. */
export async function adoptRules(cloud: TestCloud, sections: Record<string, string>, schoolId = SCHOOL) {
  const { versions } = await cloud.ok(DEMO.admin, 'committee', 'proposeRules', { schoolId, sections });
  const date = chinaDateOf(cloud.runtime.clock.now());
  await cloud.ok(DEMO.committee, 'committee', 'adoptRules', { schoolId, version: versions[0].version, date });
  await cloud.ok(DEMO.admin, 'committee', 'recordStaffCongress', { schoolId, version: versions[0].version, date });
}

/** Reads the agreement as the guardian would and signs exactly that text. */
export async function signAgreement(cloud: TestCloud, openid: string, applicationId: string) {
  const view = await cloud.ok(openid, 'agreement', 'getAgreement', { applicationId });
  expect(sha256(view.agreement.text)).toBe(view.agreement.textHash);
  return cloud.ok(openid, 'agreement', 'signAgreement', {
    applicationId,
    version: view.template.version,
    textHash: view.agreement.textHash,
    image: SIGNATURE,
  });
}

export async function statusOf(cloud: TestCloud, applicationId: string): Promise<string> {
  return ((await cloud.db.collection('applications').doc(applicationId).get()).data as { status: string }).status;
}

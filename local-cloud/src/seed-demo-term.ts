import type { FunctionName } from '@kehou/shared';
import type { Database } from '@kehou/shared/cloud';
import type { LocalRuntime } from './runtime';
import { DEMO, DEMO_IDS } from './seed-ids';

const SCHOOL = DEMO_IDS.suifenheSchool;
const TERM = DEMO_IDS.suifenheTerm;
/** The term began on 1 September: the demo families enrolled before it. */
const ENROLLED_AT = '2026-09-01T00:30:00.000Z';

/** 王小明 and five classmates of 三年级(2)班, each with one guardian. */
const FAMILIES: { openid: string; studentId: string; guardian: string; clubs: string[] }[] = [
  { openid: DEMO.parent, studentId: DEMO_IDS.childXiaoming, guardian: '王建国', clubs: ['club-basketball'] },
  ...[30210, 30211, 30212, 30213, 30214].map((no, i) => ({
    openid: `demo-family-${no}`,
    studentId: `stu-sfh-${no}`,
    guardian: `家长${i + 1}`,
    clubs: i % 2 ? [] : ['club-basketball'],
  })),
];

/**
 * A term already under way at 绥芬河市第一小学, so every screen has something to show on first start:
 * six children of 三年级(2)班 applied, were reviewed by the class teacher and approved by the school,
 * listed, and their guardians signed the agreement. Everything goes through the real cloud functions
 * (the same code path as the app); only the activation date is moved back to the term's start.
 * Not part of the test seed: integration tests start from the plain demo data.
 */
export async function seedDemoTerm(runtime: LocalRuntime): Promise<void> {
  const ok = async <T = any>(openid: string, fn: FunctionName, action: string, data: object): Promise<T> => {
    const answer = await runtime.call<T>(fn, { action, data }, openid);
    if (!answer.ok) throw new Error(`demo term: ${fn}.${action} as ${openid}: ${answer.message}`);
    return answer.data;
  };
  // The database as handlers see it (documents loosely typed, as in wx-server-sdk).
  const db: Database = runtime.database;
  for (const family of FAMILIES.slice(1)) {
    await db.collection('users').add({ data: { _id: family.openid, name: family.guardian, roles: [] } });
    await db.collection('guardianships').add({
      data: {
        _id: `${family.studentId}:${family.openid}`,
        studentId: family.studentId,
        openid: family.openid,
        schoolId: SCHOOL,
        classId: DEMO_IDS.class32,
        guardianName: family.guardian,
        relation: '母亲',
        status: 'confirmed',
      },
    });
  }
  const applicationIds: string[] = [];
  for (const family of FAMILIES) {
    const { application } = await ok<{ application: { applicationId: string } }>(family.openid, 'enrollment', 'apply', {
      studentId: family.studentId,
      termId: TERM,
      days: [1, 2, 3, 4, 5],
      itemIds: ['basic-care', ...family.clubs],
      pickup: { mode: 'pickers', pickers: [{ name: family.guardian, relation: '家长', phone: '13900000000' }] },
    });
    applicationIds.push(application.applicationId);
  }
  const revision = async (id: string) => ((await db.collection('applications').doc(id).get()).data as { revision: number }).revision;
  for (const id of applicationIds) await ok(DEMO.teacher, 'enrollment', 'review', { applicationId: id, revision: await revision(id), decision: 'pass' });
  for (const id of applicationIds) await ok(DEMO.admin, 'enrollment', 'decide', { applicationId: id, revision: await revision(id), decision: 'approve' });
  const { listingId } = await ok<{ listingId: string }>(DEMO.admin, 'enrollment', 'postList', { schoolId: SCHOOL, termId: TERM, listingDays: 0 });
  await ok(DEMO.admin, 'enrollment', 'fixList', { listingId });
  const draft = await ok<{ editable: object }>(DEMO.admin, 'agreement', 'templateDraft', { schoolId: SCHOOL, termId: TERM });
  await ok(DEMO.admin, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections: draft.editable });
  for (const [i, family] of FAMILIES.entries()) {
    const view = await ok<{ template: { version: number }; agreement: { textHash: string } }>(family.openid, 'agreement', 'forApplication', { applicationId: applicationIds[i] });
    await ok(family.openid, 'agreement', 'sign', { applicationId: applicationIds[i], version: view.template.version, textHash: view.agreement.textHash });
  }
  for (const id of applicationIds) {
    const app = (await db.collection('applications').doc(id).get()).data as { history: { status: string; at: string }[] };
    const history = app.history.map((h) => (h.status === 'active' ? { ...h, at: ENROLLED_AT } : h));
    await db.collection('applications').doc(id).update({ data: { history: db.command.set(history) } });
  }
}

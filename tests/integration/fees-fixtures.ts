import { DEMO, DEMO_IDS, type TestCloud } from '../support/runtime';
import { addFamilies, approvedApplication, listAndFix, publishAgreement, signAgreement, TERM, XIAOMING } from './enrollment-fixtures';

/** Helpers for the attendance and fee integration tests. */

export const CLASS32 = DEMO_IDS.class32;
export const SCHOOL = DEMO_IDS.suifenheSchool;
export const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
export const appOf = (studentId: string) => `${studentId}:${TERM}`;

/**
 * 王小明 (declared registered-poor, guardians 王建国 and 李梅) and two children of 三年级(2)班 with one
 * parent each (`parent-0`, `parent-1`) made active the way the app does (apply, reviews, list,
 * agreement), then the activation moved back to the term's first day as if the agreements had been
 * signed in September. `pending`: a third child whose application is only approved (not active).
 */
export async function enrolledClass(cloud: TestCloud) {
  const families = await addFamilies(cloud, 3);
  const [[p0, s0], [p1, s1], [p2, s2]] = families;
  await approvedApplication(cloud, DEMO.parent, XIAOMING, { hardship: { kind: 'registered-poor', note: '2026 年建档立卡' } });
  await approvedApplication(cloud, p0, s0);
  await approvedApplication(cloud, p1, s1);
  await listAndFix(cloud);
  await publishAgreement(cloud);
  for (const [openid, studentId] of [[DEMO.parent, XIAOMING], [p0, s0], [p1, s1]] as const) {
    await signAgreement(cloud, openid, appOf(studentId));
    await backdateActivation(cloud, appOf(studentId), '2026-09-01T00:30:00.000Z');
  }
  await approvedApplication(cloud, p2, s2);
  return { hardshipChild: XIAOMING, child0: s0, parent0: p0, child1: s1, parent1: p1, pendingChild: s2, pendingParent: p2 };
}

/** Moves the `active` entries of an application's history to `at`. */
export async function backdateActivation(cloud: TestCloud, applicationId: string, at: string) {
  const app = (await cloud.db.collection('applications').doc(applicationId).get()).data as { history: { status: string; at: string }[] };
  const history = app.history.map((h) => (h.status === 'active' ? { ...h, at } : h));
  await cloud.db.collection('applications').doc(applicationId).update({ data: { history: cloud.db.command.set(history) } });
}

export async function sheet(cloud: TestCloud, date: string, openid: string = DEMO.teacher) {
  return cloud.ok(openid, 'enrollment', 'attendanceSheet', { classId: CLASS32, date });
}

/** Records minutes for the given children on a date, on the sheet's current revision. */
export async function record(cloud: TestCloud, date: string, minutes: Record<string, number>) {
  const { revision } = await sheet(cloud, date);
  return cloud.ok(DEMO.teacher, 'enrollment', 'recordAttendance', {
    classId: CLASS32,
    date,
    revision,
    entries: Object.entries(minutes).map(([studentId, attendedMinutes]) => ({ studentId, attendedMinutes })),
  });
}

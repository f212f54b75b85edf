import { addDays, eachDay, isoWeekday } from '@kehou/shared/policy';
import { chinaDateOf, lastMonth } from '../../local-cloud/src/demo-calendar';
import { demoPlanContent } from '../../local-cloud/src/seed-plan';
import { DEMO, DEMO_IDS, type TestCloud } from '../support/runtime';
import { addFamilies, approvedApplication, listAndFix, publishAgreement, signAgreement, TERM, XIAOMING } from './enrollment-fixtures';

/**
 * Helpers for the attendance and fee integration tests. Every date is relative to the runtime's
 * clock: the demo term is seeded around today, and the month billed is the last whole month.
 */

export const CLASS32 = DEMO_IDS.class32;
export const SCHOOL = DEMO_IDS.suifenheSchool;
export const appOf = (studentId: string) => `${studentId}:${TERM}`;

/** Today in China on the runtime's clock. */
export const todayOf = (cloud: TestCloud) => chinaDateOf(cloud.runtime.clock.now());

/** The last whole calendar month (inside the demo term, over): the period a suifenhe school bills now. */
export const billedMonth = (cloud: TestCloud) => lastMonth(todayOf(cloud));

/** The Monday–Friday dates from `from` to `to`. */
export const weekdaysOf = (from: string, to: string) => eachDay(from, to).filter((d) => isoWeekday(d) <= 5);

export async function termOf(cloud: TestCloud, termId: string = TERM): Promise<{ startDate: string; endDate: string }> {
  return (await cloud.db.collection('terms').doc(termId).get()).data as unknown as { startDate: string; endDate: string };
}

/**
 * 王小明 (declared registered-poor, guardians 王建国 and 李梅) and two children of 三年级(2)班 with one
 * parent each (`parent-0`, `parent-1`) made active the way the app does (apply, reviews, list,
 * agreement), then the activation moved back to the term's first day as if the agreements had been
 * signed then. `pending`: a third child whose application is only approved (not active).
 */
export async function enrolledClass(cloud: TestCloud, extra: Record<string, unknown> = {}) {
  const families = await addFamilies(cloud, 3);
  const [[p0, s0], [p1, s1], [p2, s2]] = families;
  const term = await termOf(cloud);
  await approvedApplication(cloud, DEMO.parent, XIAOMING, { hardship: { kind: 'registered-poor', note: '建档立卡' }, ...extra });
  await approvedApplication(cloud, p0, s0, extra);
  await approvedApplication(cloud, p1, s1, extra);
  await listAndFix(cloud);
  await publishAgreement(cloud);
  for (const [openid, studentId] of [
    [DEMO.parent, XIAOMING],
    [p0, s0],
    [p1, s1],
  ] as const) {
    await signAgreement(cloud, openid, appOf(studentId));
    await backdateActivation(cloud, appOf(studentId), `${term.startDate}T00:30:00.000Z`);
  }
  await approvedApplication(cloud, p2, s2, extra);
  return { hardshipChild: XIAOMING, child0: s0, parent0: p0, child1: s1, parent1: p1, pendingChild: s2, pendingParent: p2 };
}

/** Moves the `active` entries of an application's history to `at`. */
export async function backdateActivation(cloud: TestCloud, applicationId: string, at: string) {
  const app = (await cloud.db.collection('applications').doc(applicationId).get()).data as unknown as { history: { status: string; at: string }[] };
  const history = app.history.map((h) => (h.status === 'active' ? { ...h, at } : h));
  await cloud.db
    .collection('applications')
    .doc(applicationId)
    .update({ data: { history: cloud.db.command.set(history) } });
}

export async function sheet(cloud: TestCloud, date: string, openid: string = DEMO.teacher) {
  return cloud.ok(openid, 'enrollment', 'getAttendanceSheet', { classId: CLASS32, date });
}

/** Records minutes for the given children on a date, on the sheet's current revision. */
export async function record(cloud: TestCloud, date: string, minutes: Record<string, number>, reason?: string) {
  const { revision } = await sheet(cloud, date);
  return cloud.ok(DEMO.teacher, 'enrollment', 'recordAttendance', {
    classId: CLASS32,
    date,
    revision,
    entries: Object.entries(minutes).map(([studentId, attendedMinutes]) => ({ studentId, attendedMinutes })),
    ...(reason ? { reason } : {}),
  });
}

/**
 * The period's preview computed again from today's facts, as the screen does: the preview job
 * advanced until done, then its first page (`page`: filters and paging).
 */
export async function previewOf(
  cloud: TestCloud,
  periodKey: string,
  options: { schoolId?: string; termId?: string; openid?: string; page?: Record<string, unknown> } = {},
) {
  const { schoolId = SCHOOL, termId = TERM, openid = DEMO.admin } = options;
  let preview = await cloud.ok(openid, 'fees', 'previewNotices', { schoolId, termId, periodKey });
  for (let job = preview.job; job.state === 'running'; ) job = await cloud.ok(openid, 'fees', 'advanceJob', { jobId: job.jobId });
  if (preview.job.state !== 'done' || options.page)
    preview = await cloud.ok(openid, 'fees', 'previewNotices', { schoolId, termId, periodKey, refresh: false, ...options.page });
  return preview;
}

/** Previews the period and issues exactly what was previewed. */
export async function issue(cloud: TestCloud, periodKey: string, schoolId: string = SCHOOL, termId: string = TERM, openid: string = DEMO.admin) {
  const preview = await previewOf(cloud, periodKey, { schoolId, termId, openid });
  return cloud.ok(openid, 'fees', 'issueNotices', { schoolId, termId, periodKey, digest: preview.digest });
}

/**
 * 周子墨 (stu-qj-40101, guardian 周女士) active at 綦江区古南实验小学 (qijiang-2020) since the term's
 * first day, Monday to Friday, on a published plan of two class periods a day. The plan and the
 * application are written straight into the database (the enrolment flow itself is tested with
 * the suifenhe school); everything after, the fees and the withdrawal, runs through the actions.
 */
export async function qijiangEnrolled(cloud: TestCloud) {
  const schoolId = DEMO_IDS.qijiangSchool;
  const termId = DEMO_IDS.qijiangTerm;
  const term = await termOf(cloud, termId);
  const content = { ...demoPlanContent, schedules: demoPlanContent.schedules.map((s) => ({ ...s, periodsPerDay: 2 })), feeSettings: {} };
  const publicationId = `${schoolId}:${termId}:v1`;
  await cloud.db.collection('plans').add({
    data: {
      _id: `${schoolId}:${termId}`,
      schoolId,
      termId,
      profileId: 'qijiang-2020',
      status: 'published',
      revision: 1,
      content,
      submissions: 1,
      publishedVersion: 1,
    },
  });
  await cloud.db.collection('publications').add({
    data: {
      _id: publicationId,
      schoolId,
      termId,
      version: 1,
      current: true,
      profileId: 'qijiang-2020',
      schoolName: '綦江区古南实验小学',
      termName: '学期',
      publishedAt: `${addDays(term.startDate, -3)}T02:00:00.000Z`,
      content,
      fees: { lines: [], refundMethod: '' },
    },
  });
  const studentId = 'stu-qj-40101';
  const applicationId = `${studentId}:${termId}`;
  const at = `${term.startDate}T00:30:00.000Z`;
  await cloud.db.collection('applications').add({
    data: {
      _id: applicationId,
      studentId,
      studentName: '周子墨',
      classId: DEMO_IDS.classQj41,
      className: '四年级(1)班',
      schoolId,
      termId,
      publicationId,
      status: 'active',
      revision: 1,
      appliedBy: DEMO.otherSchoolParent,
      appliedByName: '周女士',
      createdAt: at,
      updatedAt: at,
      history: [
        { at, status: 'submitted', by: DEMO.otherSchoolParent, byName: '周女士' },
        { at, status: 'active', by: DEMO.otherSchoolParent, byName: '周女士' },
      ],
      days: [1, 2, 3, 4, 5],
      itemIds: ['basic-care'],
      pickup: { mode: 'pickers', pickers: [{ name: '周女士', relation: '母亲', phone: '13900000007' }] },
      signedVersion: 1,
      round: 1,
    },
  });
  return { schoolId, termId, term, applicationId, parent: DEMO.otherSchoolParent, admin: DEMO.otherSchoolAdmin };
}

import { acceptAll, type FunctionName } from '@kehou/shared';
import type { Database } from '@kehou/shared/cloud';
import { SURVEY_ITEM_KEYS, surveyIdOf } from '@kehou/shared/committee';
import { addDays, eachDay, isoWeekday } from '@kehou/shared/policy';
import { chinaDateOf } from './demo-calendar';
import type { LocalRuntime } from './runtime';
import { DEMO, DEMO_IDS } from './seed-ids';
import { seedYueyangSchool } from './seed-yueyang';

const SCHOOL = DEMO_IDS.suifenheSchool;
const TERM = DEMO_IDS.suifenheTerm;
const CLASS = DEMO_IDS.class32;

/** 王小明 and five classmates of 三年级(2)班, each with one guardian. */
const FAMILIES: { openid: string; studentId: string; guardian: string; clubs: string[] }[] = [
  { openid: DEMO.parent, studentId: DEMO_IDS.childXiaoming, guardian: '王建国', clubs: ['club-basketball'] },
  ...[30210, 30211, 30212, 30213, 30214].map((no, i) => ({
    openid: `demo-family-${no}`,
    studentId: `stu-sfh-${no}`,
    guardian: ['刘芳', '张伟', '陈静', '杨磊', '赵敏'][i] ?? '家长',
    clubs: i % 2 ? [] : ['club-basketball'],
  })),
];

/**
 * A term already under way at 绥芬河市第一小学, so every screen has something to show on first start:
 * six children of 三年级(2)班 applied in the week before term (China time 09:00), were reviewed by
 * the class teacher and approved by the school, listed for three days, and their guardians signed
 * the agreement before term began; since then the class teacher has recorded every service day
 * up to yesterday (a few absences and an early pick-up). The parent committee opened this term's
 * satisfaction survey and the five other families answered it (enough to show its results, the
 * small-count rule being 5). Everything goes through the real cloud functions (the same code path
 * as the app), on the local clock set back to before the term. Beside it, a yueyang school of
 * another bureau, late with its plan (seed-yueyang.ts).
 * Not part of the test seed: integration tests start from the plain demo data.
 */
type Call = <T = any>(openid: string, fn: FunctionName, action: string, data: object) => Promise<T>;

export async function seedDemoTerm(runtime: LocalRuntime): Promise<void> {
  const ok: Call = async (openid, fn, action, data) => {
    const answer = await runtime.call<any>(fn, { action, data }, openid);
    if (!answer.ok) throw new Error(`demo term: ${fn}.${action} as ${openid}: ${answer.message}`);
    return answer.data;
  };
  // The database as handlers see it (documents loosely typed, as in wx-server-sdk).
  const db: Database = runtime.database;
  await addFamilies(db);
  const term = (await db.collection('terms').doc(TERM).get()).data as { startDate: string };
  const today = chinaDateOf(runtime.clock.now());
  runtime.clock.set(new Date(`${addDays(term.startDate, -8)}T01:00:00.000Z`));
  try {
    const applicationIds = await applyAndApprove(ok, db);
    // The messages function's timer sent what each step queued, minutes later.
    await runtime.drainMessages();
    runtime.clock.set(new Date(`${addDays(term.startDate, -5)}T02:00:00.000Z`));
    await fixListAndSign(ok, applicationIds, addDays(term.startDate, -5));
    await runtime.drainMessages();
  } finally {
    runtime.clock.reset();
  }
  await recordAttendance(ok, term.startDate, addDays(today, -1));
  await answerTermSurvey(ok, today);
  await seedYueyangSchool(db, today);
}

/** The committee opens the term's survey, two weeks to answer; the families other than 王建国's answer it. */
async function answerTermSurvey(ok: Call, today: string) {
  await ok(DEMO.committee, 'committee', 'openSurvey', { schoolId: SCHOOL, closesOn: addDays(today, 14) });
  const comments = ['希望体育活动再多一些。', '', '老师很负责，孩子作业基本在学校完成。', '', ''];
  for (const [i, family] of FAMILIES.slice(1).entries()) {
    // Mostly 4 and 5; fees and pick-up a little lower.
    const ratings = Object.fromEntries(SURVEY_ITEM_KEYS.map((key, k) => [key, Math.max(2, 5 - ((i + k) % 3) - (key === 'fees' || key === 'pickup' ? 1 : 0))]));
    await ok(family.openid, 'committee', 'answerSurvey', { studentId: family.studentId, surveyId: surveyIdOf(SCHOOL, TERM), ratings, comment: comments[i] });
  }
}

/** The class teacher's sheet for every service day from `from` to `to`: everyone present, with a few absences. */
async function recordAttendance(ok: Call, from: string, to: string) {
  for (const [i, date] of eachDay(from, to)
    .filter((d) => isoWeekday(d) <= 5)
    .entries()) {
    const sheet = await ok<{ revision: number; scheduledMinutes: number; rows: { studentId: string }[] }>(DEMO.teacher, 'enrollment', 'getAttendanceSheet', {
      classId: CLASS,
      date,
    });
    if (!sheet.rows.length) continue;
    const entries = sheet.rows.map((row, j) => ({
      studentId: row.studentId,
      // Every ninth day one child is absent, every thirteenth another leaves an hour early.
      attendedMinutes: i % 9 === j ? 0 : i % 13 === j ? sheet.scheduledMinutes - 60 : sheet.scheduledMinutes,
    }));
    await ok(DEMO.teacher, 'enrollment', 'recordAttendance', { classId: CLASS, date, revision: sheet.revision, entries });
  }
}

async function addFamilies(db: Database) {
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
}

/** Every family applies; the class teacher passes and the school approves each; the list is posted. */
async function applyAndApprove(ok: Call, db: Database): Promise<string[]> {
  const applicationIds: string[] = [];
  for (const family of FAMILIES) {
    // The apply button asks for consent to the messages that follow (client: ui/consents.ts).
    await ok(family.openid, 'messages', 'recordConsents', {
      moment: 'apply',
      requestId: `demo-consent-apply-${family.studentId}`,
      results: acceptAll('apply'),
    });
    const { application } = await ok<{ application: { applicationId: string } }>(family.openid, 'enrollment', 'submitApplication', {
      studentId: family.studentId,
      termId: TERM,
      days: [1, 2, 3, 4, 5],
      itemIds: ['basic-care', ...family.clubs],
      pickup: { mode: 'pickers', pickers: [{ name: family.guardian, relation: '家长', phone: '13900000000' }] },
    });
    applicationIds.push(application.applicationId);
  }
  const revision = async (id: string) => ((await db.collection('applications').doc(id).get()).data as { revision: number }).revision;
  for (const id of applicationIds) await ok(DEMO.teacher, 'enrollment', 'passFirstReview', { applicationId: id, revision: await revision(id) });
  for (const id of applicationIds) await ok(DEMO.admin, 'enrollment', 'approveApplication', { applicationId: id, revision: await revision(id) });
  await ok(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 3 });
  return applicationIds;
}

/** After the listing period: the list is fixed, the agreement published, and every family signs. */
async function fixListAndSign(ok: Call, applicationIds: string[], today: string) {
  const queue = await ok<{ listings: { listingId: string; canFix: boolean }[] }>(DEMO.admin, 'enrollment', 'getSchoolQueue', {
    schoolId: SCHOOL,
    termId: TERM,
  });
  for (const listing of queue.listings.filter((l) => l.canFix)) await ok(DEMO.admin, 'enrollment', 'fixListing', { listingId: listing.listingId });
  const draft = await ok<{ editable: object }>(DEMO.admin, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM });
  // 004 §四(三)3: the management rules the agreement states are adopted by the parent committee and the staff congress first.
  const rules = await ok<{ versions: { version: number }[] }>(DEMO.admin, 'committee', 'proposeRules', { schoolId: SCHOOL, sections: draft.editable });
  const adoption = { schoolId: SCHOOL, version: rules.versions[0].version, date: today };
  await ok(DEMO.committee, 'committee', 'adoptRules', { ...adoption, note: '家委会会议审议通过' });
  await ok(DEMO.admin, 'committee', 'recordStaffCongress', { ...adoption, note: '教师代表大会审议通过' });
  await ok(DEMO.admin, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections: draft.editable });
  for (const [i, family] of FAMILIES.entries()) {
    const view = await ok<{ template: { version: number }; agreement: { textHash: string } }>(family.openid, 'agreement', 'getAgreement', {
      applicationId: applicationIds[i],
    });
    await ok(family.openid, 'messages', 'recordConsents', { moment: 'sign', requestId: `demo-consent-sign-${family.studentId}`, results: acceptAll('sign') });
    await ok(family.openid, 'agreement', 'signAgreement', {
      applicationId: applicationIds[i],
      version: view.template.version,
      textHash: view.agreement.textHash,
      image: { base64: DRAWN_SIGNATURE },
    });
  }
}

/** The families' handwritten signatures in the demo: a 1×1 PNG (signing requires one). */
const DRAWN_SIGNATURE = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

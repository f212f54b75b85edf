import { demoPlanContent } from '../../local-cloud/src/seed-plan';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { XIAOMING_APP } from './enrollment-fixtures';
import { enrolledClass } from './fees-fixtures';

/**
 * Real calendar dates everywhere: every action that takes a date refuses one that does not exist
 * with a message about the date itself, and writes nothing (004, 001, 000: every period, attendance
 * day and plan date is a calendar date in China).
 */
const IMPOSSIBLE = ['2026-02-31', '2026-13-45', '2026-11-31'];

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
  await enrolledClass(cloud);
});
afterAll(() => cloud.close());

const fingerprint = async () => {
  const names = ['applications', 'attendance', 'plans', 'audit'];
  return Promise.all(names.map(async (name) => JSON.stringify((await cloud.db.collection(name).get()).data)));
};

it.each(IMPOSSIBLE)('withdrawal dated %s: refused with a message about the date, nothing changes', async (date) => {
  const before = await fingerprint();
  const answer = await cloud.call(DEMO.parent, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP, effectiveDate: date, reason: '转学' });
  expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(`日期 ${date} 不存在`) });
  expect(answer).not.toMatchObject({ message: expect.stringMatching(/开始日期不能晚于结束日期/) });
  expect(await fingerprint()).toEqual(before);
});

it.each(IMPOSSIBLE)('attendance of %s: refused for reading and writing', async (date) => {
  const before = await fingerprint();
  for (const action of ['getAttendanceSheet', 'recordAttendance']) {
    const answer = await cloud.call(DEMO.teacher, 'enrollment', action, {
      classId: DEMO_IDS.class32,
      date,
      entries: [{ studentId: 'stu-sfh-30202', attendedMinutes: 0 }],
    });
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(`日期 ${date} 不存在`) });
  }
  expect(await fingerprint()).toEqual(before);
});

it.each(IMPOSSIBLE)('a plan whose winter timetable starts on %s is refused', async (date) => {
  const before = await fingerprint();
  const content = { ...demoPlanContent, schedules: [{ ...demoPlanContent.schedules[0], winter: { end: '17:30', from: date, to: '2026-12-31' } }] };
  const answer = await cloud.call(DEMO.admin, 'disclosure', 'savePlan', {
    schoolId: DEMO_IDS.suifenheSchool,
    termId: DEMO_IDS.suifenheTerm,
    revision: 1,
    content,
  });
  expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(`日期 ${date} 不存在`) });
  expect(await fingerprint()).toEqual(before);
});

it('a time of day that does not exist (24:10, 7:5) is refused with a message about the time', async () => {
  for (const time of ['24:10', '7:5', '17:60']) {
    const content = { ...demoPlanContent, schedules: [{ ...demoPlanContent.schedules[0], end: time }] };
    const answer = await cloud.call(DEMO.admin, 'disclosure', 'savePlan', {
      schoolId: DEMO_IDS.suifenheSchool,
      termId: DEMO_IDS.suifenheTerm,
      revision: 1,
      content,
    });
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/时间应写成 HH:mm/) });
  }
});

it('billing periods are named by key: free dates, even real ones, are not accepted', async () => {
  const answer = await cloud.call(DEMO.admin, 'fees', 'issueNotices', {
    schoolId: DEMO_IDS.suifenheSchool,
    termId: DEMO_IDS.suifenheTerm,
    from: '2026-09-01',
    to: '2026-09-15',
  });
  expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect((await cloud.db.collection('feeNotices').count()).total).toBe(0);
});

import { addDays } from '@kehou/shared/policy';
import { chinaDateOf } from '../../local-cloud/src/demo-calendar';
import type { TestCloud } from '../support/runtime';

/**
 * A seeded district for the bureau's dashboard: schools of 绥芬河 bureau written as raw documents
 * (classes, children, applications, fee notices, payments, refunds, waivers, feedback, clubs,
 * survey tallies), so the test can compute every figure from the documents themselves.
 */
export const BUREAU = 'bureau-suifenhe';

export interface SeededSchool {
  schoolId: string;
  termId: string;
  /** Term start: days before today. */
  startedDaysAgo: number;
  plan: 'none' | 'submitted' | 'approved';
}

const SURNAMES = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王'];
const put = (cloud: TestCloud, collection: string, data: Record<string, unknown>) => cloud.db.collection(collection).add({ data });

/** Writes school `i` of the district; returns its ids. `size`: children per class (two classes). */
export async function seedSchool(cloud: TestCloud, i: number, opts: { startedDaysAgo: number; plan: SeededSchool['plan']; size?: number; profileId?: string }) {
  const today = chinaDateOf(cloud.runtime.clock.now());
  const schoolId = `sch-d${i}`;
  const termId = `term-d${i}`;
  const size = opts.size ?? 6;
  const startDate = addDays(today, -opts.startedDaysAgo);
  await put(cloud, 'schools', {
    _id: schoolId,
    name: `绥芬河市第${i + 2}小学`,
    district: '黑龙江省绥芬河市',
    bureauId: BUREAU,
    bureauName: '绥芬河市教育局',
    profileId: opts.profileId ?? 'suifenhe-2021',
    stages: ['primary', 'junior'],
  });
  await put(cloud, 'terms', { _id: termId, schoolId, name: '本学期', startDate, endDate: addDays(startDate, 140), current: true });
  if (opts.plan !== 'none') {
    await put(cloud, 'plans', {
      _id: `${schoolId}:${termId}`,
      schoolId,
      termId,
      profileId: opts.profileId ?? 'suifenhe-2021',
      status: opts.plan,
      revision: 2,
      content: { items: [{ id: 'club-a', name: '篮球社' }] },
      submissions: 1,
      publishedVersion: 0,
      firstSubmittedAt: `${addDays(startDate, 2)}T02:00:00.000Z`,
    });
  }
  const classes = [
    { _id: `${schoolId}-c1`, schoolId, name: '三年级(1)班', grade: 3, stage: 'primary', teacherOpenid: 't', bindCode: `B${i}1` },
    { _id: `${schoolId}-c2`, schoolId, name: '七年级(1)班', grade: 7, stage: 'junior', teacherOpenid: 't', bindCode: `B${i}2` },
  ];
  for (const c of classes) await put(cloud, 'classes', c);
  const statuses = ['active', 'signed', 'submitted', 'withdrawn', 'returned', 'listed'];
  let n = 0;
  for (const c of classes) {
    for (let k = 0; k < size; k++, n++) {
      const studentId = `${c._id}-s${k}`;
      const studentName = `${SURNAMES[(n + i) % SURNAMES.length]}同学${i}${n}`;
      await put(cloud, 'students', { _id: studentId, schoolId, classId: c._id, name: studentName, studentNo: `${i}${n}` });
      const status = statuses[(n + i) % statuses.length];
      const appId = `${studentId}:${termId}`;
      await put(cloud, 'applications', { _id: appId, studentId, studentName, classId: c._id, className: c.name, schoolId, termId, status, revision: 1 });
      if (['active', 'signed'].includes(status)) {
        const hardship = n % 3 === 0;
        const gross = 40_000 + n * 1_000;
        const exempt = hardship ? gross : 0;
        await put(cloud, 'feeNotices', {
          _id: `${appId}:term`,
          applicationId: appId,
          studentId,
          studentName,
          classId: c._id,
          className: c.name,
          schoolId,
          termId,
          periodKey: 'term',
          sequence: 1,
          grossFen: gross,
          chargeFen: gross - exempt,
          exemptFen: exempt,
          governmentShareFen: hardship ? exempt : 0,
          dueFen: gross - exempt,
          paidBeforeFen: 0,
          creditFen: 0,
          status: n % 2 === 0 ? 'paid' : 'issued',
          revision: 1,
        });
        if (hardship) await put(cloud, 'feeNoticeWaivers', { _id: `${appId}:term:w`, schoolId, termId, studentId, kind: 'subsistence', label: '低保家庭' });
        if (n % 2 === 0) {
          await put(cloud, 'payments', {
            _id: `pay-${appId}`,
            noticeId: `${appId}:term`,
            schoolId,
            termId,
            periodKey: 'term',
            status: 'paid',
            channel: 'offline',
            amountFen: gross - exempt,
          });
        }
        if (n % 4 === 0 && gross - exempt > 0) {
          await put(cloud, 'refunds', {
            _id: `${appId}:term:r`,
            noticeId: `${appId}:term`,
            schoolId,
            termId,
            kind: 'request',
            status: n % 8 === 0 ? 'approved' : 'requested',
            refundFen: n % 8 === 0 ? 5_000 : undefined,
            paidFen: gross - exempt,
            payout: n % 8 === 0 ? { status: 'paid', paidFen: 5_000, channel: 'offline' } : undefined,
          });
        }
      }
    }
  }
  await put(cloud, 'clubSeats', {
    _id: `${termId}:club-a`,
    termId,
    schoolId,
    itemId: 'club-a',
    capacity: 4,
    seats: [{ applicationId: 'x1' }, { applicationId: 'x2' }, { applicationId: 'x3' }, { applicationId: 'x4' }],
    waiting: Array.from({ length: i % 3 }, (_, k) => ({ applicationId: `w${k}` })),
  });
  for (let f = 0; f < i + 1; f++) {
    await put(cloud, 'feedback', {
      _id: `fb-${schoolId}-${f}`,
      schoolId,
      studentId: `${schoolId}-c1-s0`,
      className: '三年级(1)班',
      authorOpenid: `fam-${f}`,
      signedAs: null,
      topic: f % 2 ? 'fees' : 'safety',
      text: '意见内容',
      status: f % 3 === 0 ? 'open' : 'answered',
      answer: null,
      createdAt: new Date().toISOString(),
      revision: 0,
    });
  }
  await put(cloud, 'surveyTallies', {
    _id: `survey:${schoolId}:${termId}:${schoolId}-c1`,
    surveyId: `survey:${schoolId}:${termId}`,
    schoolId,
    classId: `${schoolId}-c1`,
    className: '三年级(1)班',
    answers: 6,
    items: { safety: [0, 0, 0, 2, 4], content: [0, 0, 1, 2, 3], staff: [0, 0, 0, 0, 6], fees: [0, 1, 1, 2, 2], pickup: [0, 0, 0, 3, 3] },
  });
  return { schoolId, termId };
}

/** Everything of a collection for one school (the test's own sums). */
export async function rawOf<T = any>(cloud: TestCloud, collection: string, where: Record<string, unknown>): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += 100) {
    const { data } = await cloud.db.collection(collection).where(where).skip(skip).limit(100).get();
    all.push(...(data as T[]));
    if (data.length < 100) return all;
  }
}

import { bindingRef } from '@kehou/shared';
import type { Role, ScopeKind } from '@kehou/shared/contracts';
import { TERM, XIAOMING_APP } from '../integration/enrollment-fixtures';
import { appOf, billedMonth, enrolledClass, issue, record, todayOf, weekdaysOf } from '../integration/fees-fixtures';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';

/**
 * The world the access matrix runs in: 绥芬河一小 with 王小明 (guardian 王建国) active in 三年级(2)班
 * and a document of every scope kind (an application, a fee notice, a refund application, a public
 * listing, a feedback item, a binding request, a signed agreement), and one caller of every kind.
 */
export interface World {
  cloud: TestCloud;
  school: string;
  term: string;
  classId: string;
  student: string;
  application: string;
  notice: string;
  refund: string;
  listing: string;
  /** The job that posted that listing (a job scope). */
  listingJob: string;
  /** The job that told the families about the agreement's first version. */
  templateJob: string;
  feedback: string;
  /** The binding request as the class teacher's queue names it: its opaque reference. */
  guardianship: string;
  signature: string;
  periodKey: string;
  today: string;
  schoolYear: number;
  /** A service day of the billed month with attendance recorded. */
  serviceDay: string;
}

/** Every kind of caller, and the roles each holds in the world's school, class and child. */
/** `holds`: roles in the world's scopes; `elsewhere`: roles held only in another class, school or bureau. */
export const CALLERS: { kind: string; openid: string | null; holds: Role[]; elsewhere?: Role[]; teachesInSchoolOnly?: true }[] = [
  { kind: 'signed out', openid: null, holds: [] },
  { kind: 'parent of the child', openid: DEMO.parent, holds: ['guardian'] },
  { kind: 'other parent of the same school', openid: 'parent-1', holds: [] },
  { kind: 'parent of another school', openid: DEMO.otherSchoolParent, holds: [] },
  { kind: 'teacher of the class', openid: DEMO.teacher, holds: ['teacher'] },
  { kind: 'teacher of another class', openid: 'demo-teacher-wu', holds: [], elsewhere: ['teacher'], teachesInSchoolOnly: true },
  { kind: 'admin of the school', openid: DEMO.admin, holds: ['admin'] },
  { kind: 'admin of another school', openid: DEMO.otherSchoolAdmin, holds: [], elsewhere: ['admin'] },
  { kind: 'committee member', openid: DEMO.committee, holds: ['committee'] },
  { kind: 'reviewer of the bureau', openid: DEMO.bureau, holds: ['reviewer'] },
  { kind: 'reviewer of another bureau', openid: DEMO.qijiangBureau, holds: [], elsewhere: ['reviewer'] },
];

/** Whether a caller holds one of the roles in the scope (a teacher of another class counts for the school only). */
export function holdsIn(caller: (typeof CALLERS)[number], roles: readonly Role[], scope: ScopeKind): boolean {
  if (roles.some((r) => caller.holds.includes(r))) return true;
  return !!caller.teachesInSchoolOnly && scope === 'school' && roles.includes('teacher');
}

export async function buildWorld(): Promise<World> {
  const cloud = await startTestCloud();
  const kids = await enrolledClass(cloud);
  const month = billedMonth(cloud);
  const [day] = weekdaysOf(month.from, month.to);
  await record(cloud, day, { [kids.child0]: 120, [kids.child1]: 120, [kids.hardshipChild]: 120 });
  await issue(cloud, month.key);
  const notice = `${XIAOMING_APP}:${month.key}`;
  const paid = `${appOf(kids.child0)}:${month.key}`;
  await cloud.ok(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: paid, method: 'cash', reference: 'SJ-0001' });
  await cloud.ok(kids.parent0, 'fees', 'requestRefund', { noticeId: paid, reason: '孩子生病' });
  const listing = ((await cloud.db.collection('listings').get()).data[0] as { _id: string })._id;
  const submitted = await cloud.ok(DEMO.parent, 'feedback', 'submitFeedback', {
    requestId: 'matrix-feedback-1',
    studentId: DEMO_IDS.childXiaoming,
    topic: 'safety',
    text: '放学时校门口车多，希望加强引导。',
  });
  const unbound = (await cloud.db.collection('students').doc('stu-sfh-30220').get()).data as { name: string; studentNo: string };
  const pending = await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', {
    studentName: unbound.name,
    studentNo: unbound.studentNo,
    bindCode: 'SFH302',
    guardianName: '新家长',
    relation: '母亲',
  });
  return {
    cloud,
    school: DEMO_IDS.suifenheSchool,
    term: TERM,
    classId: DEMO_IDS.class32,
    student: DEMO_IDS.childXiaoming,
    application: XIAOMING_APP,
    notice,
    refund: paid,
    listing,
    listingJob: `post-listing:${listing}`,
    templateJob: `publish-template:${DEMO_IDS.suifenheSchool}:${TERM}:v1`,
    feedback: submitted.id,
    guardianship: bindingRef(pending.guardianshipId),
    signature: `${XIAOMING_APP}:v1`,
    periodKey: month.key,
    today: todayOf(cloud),
    schoolYear: Number(todayOf(cloud).slice(5, 7)) >= 8 ? Number(todayOf(cloud).slice(0, 4)) : Number(todayOf(cloud).slice(0, 4)) - 1,
    serviceDay: day,
  };
}

/** Everything in the database, to show a refused call wrote nothing. */
export async function fingerprint(cloud: TestCloud): Promise<string> {
  const { COLLECTIONS } = await import('@kehou/shared');
  const parts: string[] = [];
  for (const name of COLLECTIONS) {
    for (let skip = 0; ; skip += 100) {
      const { data } = await cloud.db.collection(name).skip(skip).limit(100).get();
      parts.push(JSON.stringify(data));
      if (data.length < 100) break;
    }
  }
  return parts.join('\n');
}

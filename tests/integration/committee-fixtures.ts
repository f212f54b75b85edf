import { addDays } from '@kehou/shared/policy';
import { chinaDateOf } from '../../local-cloud/src/demo-calendar';
import { DEMO, DEMO_IDS, type TestCloud } from '../support/runtime';

/** Helpers of the committee and bureau integration tests. */

export const SCHOOL = DEMO_IDS.suifenheSchool;
export const todayOf = (cloud: TestCloud) => chinaDateOf(cloud.runtime.clock.now());

/** Children of 三年级(2)班 (`class32`, 29 without guardians) and 一年级(1)班 (`class11`, 24). */
export const childOf = (classKey: 'class32' | 'class11', i: number) => (classKey === 'class32' ? `stu-sfh-${30202 + i}` : `stu-sfh-${10102 + i}`);

/** Gives `count` children of a class a confirmed guardian each (`fam-<class>-<i>`); returns [openid, studentId] pairs. */
export async function families(cloud: TestCloud, classKey: 'class32' | 'class11', count: number, first = 0): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (let i = first; i < first + count; i++) {
    const openid = `fam-${classKey}-${i}`;
    const studentId = childOf(classKey, i);
    await cloud.db.collection('users').add({ data: { _id: openid, name: `家长${classKey}${i}`, roles: [] } });
    await cloud.db.collection('guardianships').add({
      data: {
        _id: `${studentId}:${openid}`,
        studentId,
        openid,
        schoolId: SCHOOL,
        classId: DEMO_IDS[classKey],
        guardianName: `家长${classKey}${i}`,
        relation: '母亲',
        status: 'confirmed',
      },
    });
    out.push([openid, studentId]);
  }
  return out;
}

export const ratingsOf = (r: number, overrides: Record<string, number> = {}) => ({ safety: r, content: r, staff: r, fees: r, pickup: r, ...overrides });

/** The committee opens this term's survey, closing in two weeks. */
export async function openTermSurvey(cloud: TestCloud, who: string = DEMO.committee) {
  return cloud.ok(who, 'committee', 'openSurvey', { schoolId: SCHOOL, closesOn: addDays(todayOf(cloud), 14) });
}

export async function answer(cloud: TestCloud, openid: string, studentId: string, surveyId: string, r: number, comment = '') {
  return cloud.call(openid, 'committee', 'answerSurvey', { studentId, surveyId, ratings: ratingsOf(r), comment });
}

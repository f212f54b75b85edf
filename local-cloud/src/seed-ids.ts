/** The demo openids, shown on the local sign-in page. */
export const DEMO = {
  parent: 'demo-parent-wang',
  secondGuardian: 'demo-guardian-li',
  teacher: 'demo-teacher-chen',
  admin: 'demo-admin-zhao',
  committee: 'demo-committee-liu',
  bureau: 'demo-bureau-sun',
  otherSchoolParent: 'demo-parent-zhou',
  otherSchoolAdmin: 'demo-admin-qian',
  qijiangBureau: 'demo-bureau-zheng',
  newParent: 'demo-parent-new',
} as const;

export const DEMO_IDS = {
  suifenheSchool: 'school-sfh-1',
  qijiangSchool: 'school-qj-1',
  suifenheTerm: 'term-sfh-current',
  qijiangTerm: 'term-qj-current',
  class32: 'class-sfh-3-2',
  class11: 'class-sfh-1-1',
  classQj41: 'class-qj-4-1',
  childXiaoming: 'stu-sfh-30201',
  childXiaohong: 'stu-sfh-10101',
} as const;

/** Seeded with the demo term (seed-demo-term.ts, as `npm start` has it), not in the test seed: 岳阳楼区's school and its people. */
export const YUEYANG = {
  reviewer: 'demo-bureau-luo',
  teacher: 'demo-teacher-yy',
  school: 'school-yy-1',
  term: 'term-yy-current',
  class41: 'class-yy-4-1',
} as const;

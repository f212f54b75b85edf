import type { ClassGroup, Guardianship, School, Student, Term, UserDoc } from '@kehou/shared';
import type { Database } from '@kehou/shared/cloud';
import { chinaDateOf, demoTermAround } from './demo-calendar';
import { DEMO, DEMO_IDS } from './seed-ids';
import { seedDemoPlan } from './seed-plan';

export { DEMO, DEMO_IDS };

const schools: School[] = [
  {
    _id: DEMO_IDS.suifenheSchool,
    name: '绥芬河市第一小学',
    district: '黑龙江省绥芬河市',
    bureauId: 'bureau-suifenhe',
    bureauName: '绥芬河市教育局',
    profileId: 'suifenhe-2021',
    stages: ['primary'],
    address: '绥芬河市光明街 18 号',
    phone: '0453-3920000',
    payMerchantId: '1900000109',
  },
  {
    _id: DEMO_IDS.qijiangSchool,
    name: '綦江区古南实验小学',
    district: '重庆市綦江区',
    bureauId: 'bureau-qijiang',
    bureauName: '重庆市綦江区教育委员会',
    profileId: 'qijiang-2020',
    stages: ['primary'],
    address: '綦江区古南街道文龙路 6 号',
    phone: '023-48600000',
    payMerchantId: '1900000110',
  },
];

/** Both schools' current term: under way on the day the demo is seeded (see demo-calendar.ts). */
function termsAround(today: string): Term[] {
  const { startDate, endDate, name } = demoTermAround(today);
  return [
    { _id: DEMO_IDS.suifenheTerm, schoolId: DEMO_IDS.suifenheSchool, name, startDate, endDate, current: true },
    { _id: DEMO_IDS.qijiangTerm, schoolId: DEMO_IDS.qijiangSchool, name, startDate, endDate, current: true },
  ];
}

const classes: ClassGroup[] = [
  {
    _id: DEMO_IDS.class32,
    schoolId: DEMO_IDS.suifenheSchool,
    name: '三年级(2)班',
    grade: 3,
    stage: 'primary',
    teacherOpenid: DEMO.teacher,
    bindCode: 'SFH302',
  },
  {
    _id: DEMO_IDS.class11,
    schoolId: DEMO_IDS.suifenheSchool,
    name: '一年级(1)班',
    grade: 1,
    stage: 'primary',
    teacherOpenid: 'demo-teacher-wu',
    bindCode: 'SFH101',
  },
  {
    _id: DEMO_IDS.classQj41,
    schoolId: DEMO_IDS.qijiangSchool,
    name: '四年级(1)班',
    grade: 4,
    stage: 'primary',
    teacherOpenid: 'demo-teacher-he',
    bindCode: 'QJ401',
  },
];

const users: UserDoc[] = [
  { _id: DEMO.parent, name: '王建国', phone: '13900000001', roles: [], demo: { label: '家长（两个孩子）', order: 1 } },
  { _id: DEMO.secondGuardian, name: '李梅', phone: '13900000002', roles: [], demo: { label: '家长（第二监护人）', order: 2 } },
  {
    _id: DEMO.teacher,
    name: '陈老师',
    roles: [{ kind: 'teacher', schoolId: DEMO_IDS.suifenheSchool, classIds: [DEMO_IDS.class32] }],
    demo: { label: '班主任（三年级2班）', order: 3 },
  },
  { _id: DEMO.admin, name: '赵主任', roles: [{ kind: 'admin', schoolId: DEMO_IDS.suifenheSchool }], demo: { label: '学校管理员（绥芬河一小）', order: 4 } },
  { _id: DEMO.committee, name: '刘女士', roles: [{ kind: 'committee', schoolId: DEMO_IDS.suifenheSchool }], demo: { label: '家委会成员', order: 5 } },
  { _id: DEMO.bureau, name: '孙科长', roles: [{ kind: 'bureau', bureauId: 'bureau-suifenhe' }], demo: { label: '教育局审核员（绥芬河）', order: 6 } },
  { _id: DEMO.otherSchoolParent, name: '周女士', phone: '13900000007', roles: [], demo: { label: '其他学校的家长（綦江）', order: 7 } },
  {
    _id: DEMO.otherSchoolAdmin,
    name: '钱主任',
    roles: [{ kind: 'admin', schoolId: DEMO_IDS.qijiangSchool }],
    demo: { label: '学校管理员（綦江古南实验小学）', order: 8 },
  },
  { _id: DEMO.qijiangBureau, name: '郑科长', roles: [{ kind: 'bureau', bureauId: 'bureau-qijiang' }], demo: { label: '教育局审核员（綦江）', order: 9 } },
  { _id: DEMO.newParent, name: '新家长', roles: [], demo: { label: '尚未绑定孩子的家长', order: 10 } },
  // Every class teacher of the demo schools signs in from the list: 王小红's application (一年级(1)班) moves on only with 吴老师.
  {
    _id: 'demo-teacher-wu',
    name: '吴老师',
    roles: [{ kind: 'teacher', schoolId: DEMO_IDS.suifenheSchool, classIds: [DEMO_IDS.class11] }],
    demo: { label: '班主任（一年级1班，王小红的老师）', order: 11 },
  },
  {
    _id: 'demo-teacher-he',
    name: '何老师',
    roles: [{ kind: 'teacher', schoolId: DEMO_IDS.qijiangSchool, classIds: [DEMO_IDS.classQj41] }],
    demo: { label: '班主任（綦江四年级1班）', order: 12 },
  },
];

const SURNAMES = ['张', '刘', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林'];
const GIVEN = ['子涵', '欣怡', '梓轩', '浩然', '雨桐', '宇航', '思远', '佳怡', '一诺', '俊杰', '可馨', '明轩'];

function roster(classGroup: ClassGroup, prefix: string, count: number, firstNo: number): Student[] {
  return Array.from({ length: count }, (_, i) => {
    const no = String(firstNo + i);
    return {
      _id: `stu-${prefix}-${no}`,
      schoolId: classGroup.schoolId,
      classId: classGroup._id,
      name: SURNAMES[(i * 7 + firstNo) % SURNAMES.length] + GIVEN[(i * 5 + firstNo) % GIVEN.length],
      studentNo: no,
    };
  });
}

const [class32, class11, classQj41] = classes;
const students: Student[] = [
  { _id: DEMO_IDS.childXiaoming, schoolId: DEMO_IDS.suifenheSchool, classId: DEMO_IDS.class32, name: '王小明', studentNo: '30201' },
  { _id: DEMO_IDS.childXiaohong, schoolId: DEMO_IDS.suifenheSchool, classId: DEMO_IDS.class11, name: '王小红', studentNo: '10101' },
  { _id: 'stu-qj-40101', schoolId: DEMO_IDS.qijiangSchool, classId: DEMO_IDS.classQj41, name: '周子墨', studentNo: '40101' },
  ...roster(class32, 'sfh', 29, 30202),
  ...roster(class11, 'sfh', 24, 10102),
  ...roster(classQj41, 'qj', 30, 40102),
];

function guardianship(student: Student, openid: string, guardianName: string, relation: string): Guardianship {
  return {
    _id: `${student._id}:${openid}`,
    studentId: student._id,
    openid,
    schoolId: student.schoolId,
    classId: student.classId,
    guardianName,
    relation,
    status: 'confirmed',
  };
}

const guardianships: Guardianship[] = [
  guardianship(students[0], DEMO.parent, '王建国', '父亲'),
  guardianship(students[1], DEMO.parent, '王建国', '父亲'),
  guardianship(students[0], DEMO.secondGuardian, '李梅', '母亲'),
  guardianship(students[2], DEMO.otherSchoolParent, '周女士', '母亲'),
];

/**
 * Seeds the demo schools, people and rosters once: a database that already has users is left
 * alone. The terms are placed around `now` (the runtime's clock), so the demo and the tests are
 * the same on any date.
 */
export async function seedDemoData(db: Database, now: Date = new Date()): Promise<boolean> {
  const { total } = await db.collection('users').count();
  if (total > 0) return false;
  const put = async (collection: string, docs: { _id: string }[]) => {
    for (const doc of docs) await db.collection(collection).add({ data: { ...doc } });
  };
  await put('schools', schools);
  const terms = termsAround(chinaDateOf(now));
  await put('terms', terms);
  await put('classes', classes);
  await put('students', students);
  await put('guardianships', guardianships);
  await put('users', users);
  await seedDemoPlan(db, terms[0]);
  return true;
}

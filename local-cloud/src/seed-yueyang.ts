import type { ClassGroup, School, Student, Term, UserDoc } from '@kehou/shared';
import type { Database } from '@kehou/shared/cloud';
import { demoTermAround } from './demo-calendar';
import { YUEYANG } from './seed-ids';

const school: School = {
  _id: YUEYANG.school,
  name: '岳阳楼区洞庭实验小学',
  district: '湖南省岳阳市岳阳楼区',
  bureauId: 'bureau-yueyang',
  bureauName: '岳阳市岳阳楼区教育局',
  profileId: 'yueyang-2019',
  stages: ['primary'],
  address: '岳阳楼区洞庭北路 9 号',
  phone: '0730-8220000',
  payMerchantId: '1900000111',
};

const classGroup: ClassGroup = {
  _id: YUEYANG.class41,
  schoolId: school._id,
  name: '四年级(1)班',
  grade: 4,
  stage: 'primary',
  teacherOpenid: YUEYANG.teacher,
  bindCode: 'YY401',
};

const reviewer: UserDoc = {
  _id: YUEYANG.reviewer,
  name: '罗科长',
  roles: [{ kind: 'bureau', bureauId: school.bureauId }],
  demo: { label: '教育局审核员（岳阳楼区，有逾期未备案的学校）', order: 13 },
};

const teacher: UserDoc = {
  _id: classGroup.teacherOpenid,
  name: '汤老师',
  roles: [{ kind: 'teacher', schoolId: school._id, classIds: [classGroup._id] }],
  demo: { label: '班主任（岳阳楼区洞庭实验小学四年级1班）', order: 14 },
};

const SURNAMES = ['彭', '谭', '邓', '唐', '蒋', '曾'];
const GIVEN = ['雨萱', '子豪', '若曦', '俊熙', '梓涵'];

/**
 * 岳阳楼区洞庭实验小学 (yueyang-2019: the plan is filed within 10 working days after the term starts,
 * 001 §五2) in the demo's current term, which began at least a month ago, with no plan filed: the
 * late filing its bureau's reviewer 罗科长 sees first on the dashboard, and can open.
 */
export async function seedYueyangSchool(db: Database, today: string): Promise<void> {
  const { startDate, endDate, name } = demoTermAround(today);
  const term: Term = { _id: YUEYANG.term, schoolId: school._id, name, startDate, endDate, current: true };
  const students: Student[] = Array.from({ length: 24 }, (_, i) => ({
    _id: `stu-yy-${40101 + i}`,
    schoolId: school._id,
    classId: classGroup._id,
    name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 3) % GIVEN.length],
    studentNo: String(40101 + i),
  }));
  const put = async (collection: string, docs: { _id: string }[]) => {
    for (const doc of docs) await db.collection(collection).add({ data: { ...doc } });
  };
  await put('schools', [school]);
  await put('terms', [term]);
  await put('classes', [classGroup]);
  await put('students', students);
  await put('users', [reviewer, teacher]);
}

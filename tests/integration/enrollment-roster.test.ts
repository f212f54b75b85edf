import writeXlsxFile from 'write-excel-file/node';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const SCHOOL = DEMO_IDS.suifenheSchool;
type Cell = string | number | null;

async function xlsx(rows: Cell[][]): Promise<string> {
  const sheet = rows.map((row) => row.map((value) => (value === null ? null : { value })));
  return (await writeXlsxFile(sheet as never).toBuffer()).toString('base64');
}

const HEADER: Cell[] = ['班级', '学生姓名', '学号', '家长姓名', '家长手机'];

describe('importing the roster from Excel, with a clear report of the rows not taken', () => {
  it('takes the good rows, reports each bad row with its number and reason', async () => {
    const base64 = await xlsx([
      HEADER,
      ['三年级(2)班', '欧阳娜娜', 30299, '欧阳峰', '13911112222'],
      ['三年级（2）班', '欧阳娜娜', '30299', '黄蓉', '13911113333'],
      ['一年级(1)班', '钱多多', '10199', '钱父', '13911114444'],
      ['三年级(2)班', '', '30300', '某家长', '13911115555'],
      ['六年级(9)班', '孙小空', '60901', '孙父', '13911116666'],
      ['三年级(2)班', '冒名顶替', '30299', '某人', '13911117777'],
      ['三年级(2)班', '周小舟', '30301', '周父', '1391111'],
      ['一年级(1)班', '王小红', '10101', '王建国', '13900000001'],
    ]);
    const report = await cloud.ok(DEMO.admin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { base64 } });
    expect(report).toEqual({
      rowsRead: 8,
      rowsTaken: 4,
      studentsCreated: 2,
      studentsUpdated: 0,
      contactsAdded: 4,
      problems: [
        { row: 5, reason: '缺少学生姓名' },
        { row: 6, reason: '班级「六年级(9)班」不存在，请先在系统中建好班级或核对班级名称' },
        { row: 7, reason: '学号 30299 与第 2 行重复，但姓名或班级不同' },
        { row: 8, reason: '家长手机「1391111」不是有效的 11 位手机号' },
      ],
    });
    const nana = (await cloud.db.collection('students').where({ schoolId: SCHOOL, studentNo: '30299' }).get()).data;
    expect(nana).toMatchObject([{ _id: 'stu-school-sfh-1-30299', name: '欧阳娜娜', classId: DEMO_IDS.class32 }]);
    // 王小红 was already there: matched by school and student number, not duplicated.
    expect((await cloud.db.collection('students').where({ schoolId: SCHOOL, studentNo: '10101' }).count()).total).toBe(1);
    expect((await cloud.db.collection('audit').where({ action: 'enrollment.importRoster' }).count()).total).toBe(1);

    // Importing the same file again changes nothing.
    const again = await cloud.ok(DEMO.admin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { base64 } });
    expect(again).toMatchObject({ rowsTaken: 4, studentsCreated: 0, studentsUpdated: 0, contactsAdded: 0 });
  });

  it('a parent binding with a phone on the roster is flagged as a match for the teacher', async () => {
    const base64 = await xlsx([HEADER, ['三年级(2)班', '欧阳娜娜', '30299', '黄蓉', '13911113333']]);
    await cloud.ok(DEMO.admin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { base64 } });
    await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', {
      studentName: '欧阳娜娜',
      studentNo: '30299',
      bindCode: 'SFH302',
      guardianName: '黄蓉',
      relation: '母亲',
      phone: '13911113333',
    });
    await cloud.ok(DEMO.secondGuardian, 'enrollment', 'bindChild', {
      studentName: '欧阳娜娜',
      studentNo: '30299',
      bindCode: 'SFH302',
      guardianName: '李梅',
      relation: '姑姑',
      phone: '13900000002',
    });
    const queue = await cloud.ok(DEMO.teacher, 'enrollment', 'getClassQueue', { classId: DEMO_IDS.class32 });
    expect(queue.bindings.map((b: any) => [b.guardianName, b.rosterMatch]).sort()).toEqual([
      ['李梅', false],
      ['黄蓉', true],
    ]);
  });

  it('a student who moved class is updated, and the new class teacher takes over', async () => {
    const base64 = await xlsx([HEADER, ['一年级(1)班', '王小明', '30201', '王建国', '13900000001']]);
    const report = await cloud.ok(DEMO.admin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { base64 } });
    expect(report).toMatchObject({ studentsUpdated: 1, problems: [] });
    const guardianship = (await cloud.db.collection('guardianships').doc(`${DEMO_IDS.childXiaoming}:${DEMO.parent}`).get()).data as any;
    expect(guardianship.classId).toBe(DEMO_IDS.class11);
  });

  it('a file that is not a spreadsheet, or has no header, is refused as a whole with a reason', async () => {
    const junk = await cloud.ok(DEMO.admin, 'enrollment', 'importRoster', {
      schoolId: SCHOOL,
      file: { base64: Buffer.from('班级,学生姓名').toString('base64') },
    });
    expect(junk.fileError).toBe('无法读取这个文件：请上传 Excel（.xlsx）格式的花名册');
    const noHeader = await cloud.ok(DEMO.admin, 'enrollment', 'importRoster', {
      schoolId: SCHOOL,
      file: { base64: await xlsx([['三年级(2)班', '张三', '1', '张父', '13900001111']]) },
    });
    expect(noHeader.fileError).toMatch(/没有找到表头/);
    const tooBig = await cloud.call(DEMO.admin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { base64: 'A'.repeat(1_500_000) } });
    expect(tooBig).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '输入有误：文件不能超过 1 MB' });
  });

  it('only the school’s own admin may import', async () => {
    const base64 = await xlsx([HEADER, ['三年级(2)班', '欧阳娜娜', '30299', '黄蓉', '13911113333']]);
    for (const openid of [DEMO.otherSchoolAdmin, DEMO.teacher, DEMO.parent, DEMO.committee, DEMO.bureau, null]) {
      const answer = await cloud.call(openid, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { base64 } });
      expect(answer).toMatchObject({ ok: false });
      expect(['FORBIDDEN', 'NOT_SIGNED_IN']).toContain((answer as any).code);
    }
    expect((await cloud.db.collection('students').where({ studentNo: '30299' }).count()).total).toBe(0);
  });

  it('a file uploaded to cloud storage (the mini-program way) is read by its fileID', async () => {
    const base64 = await xlsx([HEADER, ['三年级(2)班', '欧阳娜娜', '30299', '黄蓉', '13911113333']]);
    const { fileID } = await cloud.runtime.cloud.uploadFile({ cloudPath: `roster/${SCHOOL}/2026.xlsx`, fileContent: Buffer.from(base64, 'base64') });
    expect((await cloud.ok(DEMO.admin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { fileID } })).rowsTaken).toBe(1);
  });
});

import { DEMO_IDS } from '../../local-cloud/src/seed-ids';
import { lastServiceDay } from './dates';
import type { World } from './driver';

const SCHOOL = DEMO_IDS.suifenheSchool;
const TERM = DEMO_IDS.suifenheTerm;
const CLASS = DEMO_IDS.class32;

/**
 * Fees from attendance (suifenhe-2021, per attended minute): the class teacher records the last
 * service day, the school issues the month's notices, 王建国 opens 王小明's notice and reads what he
 * owes and the clause each amount rests on (004 三(五)2); the class teacher sees the class's fees.
 * The demo term has 王小明 active since late August. Days come from the runtime's clock.
 */
export async function feesFromAttendance(world: World) {
  const { day, monthStart } = lastServiceDay(await world.now());

  const teacher = await world.as('陈老师');
  await teacher.open(`/teacher/attendance/index?classId=${CLASS}&date=${day}`);
  const row = teacher.within('.attendance-row', '王小明');
  await row.see('王小明');
  await teacher.tap('.save-attendance');
  await row.gone('*', '（未保存）');

  const admin = await world.as('赵主任');
  await admin.open(`/school/fees/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await admin.fill('.fee-from', monthStart);
  await admin.fill('.fee-to', day);
  await admin.tap('.preview-notices');
  await admin.has('.fee-preview');
  await admin.tap('.issue-notices');
  await admin.has('.fee-list .fee-row', '王小明');

  const parent = await world.as('王建国');
  await parent.open('/parent/fees/index');
  const notice = parent.within('.fee-notice', '王小明');
  // One recorded day of 120 minutes at 4 元 an hour: 8.00 元, with its clause.
  await notice.see('应缴 8.00 元', '.fee-total');
  await notice.see(/三\(五\)2/);
  await notice.see('待缴费', '.tag');
  if (parent.wx) {
    // WeChat Pay comes with issue 11: today a notice is settled at the school office, and nothing
    // on the notice asks WeChat for a payment.
    expect(parent.wx.calls('requestPayment')).toEqual([]);
  }
  await parent.keep(`${world.platform}-fees-parent-notice`);

  // The class teacher sees what each family owes and whether it is paid (no waivers).
  await teacher.open(`/teacher/class/index?classId=${CLASS}`);
  await teacher.tap('.open-class-fees');
  await teacher.within('.class-fee-row', '王小明').see('待缴费');
}

import { DEMO_IDS } from '../../local-cloud/src/seed-ids';
import { lastMonthLabel, lastServiceDay } from './dates';
import type { World } from './driver';

const SCHOOL = DEMO_IDS.suifenheSchool;
const TERM = DEMO_IDS.suifenheTerm;
const CLASS = DEMO_IDS.class32;

/**
 * Fees from attendance (suifenhe-2021, per attended minute, billed by the month once it ended):
 * the class teacher records the last service day; the school picks last month from the periods
 * the policy offers (no free dates), previews and issues; issuing it again is not offered; 王建国
 * opens 王小明's notice and reads what he owes and the clause each amount rests on (004 三(五)2);
 * the class teacher sees the class's fees. The demo term has 王小明 active since before term with
 * every service day up to yesterday recorded. Days come from the runtime's clock.
 */
export async function feesFromAttendance(world: World) {
  const now = await world.now();
  const { day } = lastServiceDay(now);
  const month = lastMonthLabel(now);

  const teacher = await world.as('陈老师');
  await teacher.open(`/teacher/attendance/index?classId=${CLASS}&date=${day}`);
  const row = teacher.within('.attendance-row', '王小明');
  await row.see('王小明');
  await teacher.tap('.save-attendance');
  await row.gone('*', '（未保存）');
  await teacher.keep('teacher-attendance');

  const admin = await world.as('赵主任');
  await admin.open(`/school/fees/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await admin.tap('.fee-period', month);
  await admin.has('.fee-preview-row', '王小明');
  const amount = (await admin.within('.fee-preview-row', '王小明').text()).match(/(\d+\.\d{2}) 元/)![1];
  await admin.tap('.issue-notices');
  // Irreversible: the school is asked first, told how many notices go out.
  await admin.see(/将向 \d+ 名学生的家长各发出一份收费通知/, '.kehou-confirm');
  await admin.confirm();
  await admin.has('.fee-list .fee-row', '王小明');
  // Issued: the page says so and offers no second issue.
  await admin.has('.fee-already-issued');
  expect(await admin.count('.issue-notices')).toBe(0);
  await admin.within('.fee-period', month).see(/已发出 \d+ 份/);
  await admin.keep('admin-fees');

  const parent = await world.as('王建国');
  await parent.open('/parent/fees/index');
  const notice = parent.within('.fee-notice', '王小明');
  // What the preview showed, with its clause.
  await notice.see(`应缴 ${amount} 元`, '.fee-total');
  await notice.see(/三\(五\)2/);
  await notice.see('待缴费', '.tag');
  await parent.keep('parent-fees');

  // Paying in WeChat: the order is the notice's amount; WeChat Pay tells the callback, the page asks.
  await notice.tap('.pay-notice');
  await parent.confirmPayment();
  await notice.see('已缴费', '.tag');
  await notice.see(`缴费 ${amount} 元`, '.fee-receipt');
  if (parent.wx) {
    const [request] = parent.wx.calls('requestPayment');
    expect(request.args).toMatchObject({
      package: expect.stringMatching(/^prepay_id=/),
      signType: 'MD5',
      paySign: expect.any(String),
      timeStamp: expect.any(String),
      nonceStr: expect.any(String),
    });
  }
  await parent.keep('parent-fees-paid');

  // The school sees it in the ledger, balanced to the fen, and downloads the ledger file.
  await admin.open(`/school/ledger/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await admin.has('.ledger-balanced');
  await admin.within('.ledger-paid-wechat').see(`${amount} 元`);
  expect(await admin.download('.export-ledger')).toMatch(/\.xlsx$/);
  await admin.keep('admin-ledger');

  // The class teacher sees what each family owes and whether it is paid (no waivers).
  await teacher.open(`/teacher/class/index?classId=${CLASS}`);
  await teacher.tap('.open-class-fees');
  await teacher.within('.class-fee-row', '王小明').see('已缴费');
  await teacher.keep('teacher-fees');
}

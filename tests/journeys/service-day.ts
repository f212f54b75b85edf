import { DEMO_IDS } from '../../local-cloud/src/seed-ids';
import type { World } from './driver';

const CLASS = DEMO_IDS.class32;
const CHINA_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/**
 * The first Monday–Friday after today (China time; today's sheet is the other journeys'), and the
 * instant of a China wall-clock time on it.
 */
function serviceDayFrom(now: Date): { day: string; at: (time: string) => Date } {
  let t = now.getTime() + CHINA_MS + DAY_MS;
  while ([0, 6].includes(new Date(t).getUTCDay())) t += DAY_MS;
  const day = new Date(t).toISOString().slice(0, 10);
  return { day, at: (time) => new Date(`${day}T${time}:00+08:00`) };
}

/** Moves the runtime's clock to an instant (forward or back). */
async function moveTo(world: World, instant: Date) {
  const now = await world.now();
  await world.moveClock({ advanceDays: (instant.getTime() - now.getTime()) / DAY_MS });
}

/**
 * The service day (000 §四(五); 003 §七3): 王建国 reports that 王小明 will not come today; the class
 * teacher opens today's attendance sheet with 王小明 already marked absent and the reason, saves the
 * others as present; at the gate hands four children to the adults their families named and leaves
 * one waiting; after the end of the service plus the school's margin that child shows as overdue.
 * The day is the first weekday after today on the runtime's clock; times are China times of that day.
 */
export async function serviceDayAtTheGate(world: World) {
  const { day, at } = serviceDayFrom(await world.now());
  await moveTo(world, at('10:00'));
  try {
    const parent = await world.as('王建国');
    await parent.open(`/parent/serviceday/index?studentId=${DEMO_IDS.childXiaoming}`);
    await parent.tap('.leave-today');
    await parent.fill('.leave-reason', '孩子发烧，在家休息');
    await parent.tap('.report-leave');
    const today = parent.within('.service-day-row', `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`);
    await today.see('请假');
    await parent.keep('parent-serviceday');

    const teacher = await world.as('陈老师');
    await teacher.open(`/teacher/attendance/index?classId=${CLASS}&date=${day}`);
    const xiaoming = teacher.within('.attendance-row', '王小明');
    await xiaoming.see('请假：孩子发烧，在家休息');
    // Pre-filled absent (0 minutes), before the teacher touches anything.
    await teacher.has('.attendance-row-absent', '王小明');
    await teacher.tap('.save-attendance');
    await xiaoming.gone('*', '（未保存）');

    await moveTo(world, at('17:35'));
    await teacher.open(`/teacher/gate/index?classId=${CLASS}&date=${day}`);
    await teacher.within('.gate-row', '王小明').see('请假');
    // The demo families' pick-up adults (each family named its guardian, relation 家长).
    for (const guardian of ['刘芳', '张伟', '陈静', '杨磊']) {
      const row = teacher.within('.gate-row', `交给家长${guardian}`);
      await row.tap('.hand-to');
      await row.see('已交给接送人');
    }
    const waiting = teacher.within('.gate-row', '交给家长赵敏');
    await waiting.tap('.still-waiting');
    await waiting.see('仍在等待');
    await teacher.see(/已交接 4，独自回家 0，等待中 1/, '.gate-counts');

    // After the end (17:30) plus the margin (15 minutes), the child still waiting is overdue.
    await moveTo(world, at('17:50'));
    await teacher.open(`/teacher/gate/index?classId=${CLASS}&date=${day}`);
    await teacher.within('.gate-row', '交给家长赵敏').see('超时未接');
    expect(await teacher.count('.gate-overdue')).toBe(1);
    await teacher.keep('teacher-gate');
  } finally {
    await world.moveClock({ reset: true });
  }
}

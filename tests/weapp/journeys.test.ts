import { adminSeesAViolationWithItsClause } from '../journeys/admin-sees-violation';
import { committeeSeesTheSurveyAndTheBureauDrillsToTheLateSchool } from '../journeys/committee-and-bureau';
import type { Journey } from '../journeys/driver';
import { feesFromAttendance } from '../journeys/fees-from-attendance';
import { parentEnrolsFromTheClassGroupCard } from '../journeys/parent-enrols';
import { serviceDayAtTheGate } from '../journeys/service-day';
import { WeappCloud } from './harness/cloud';
import { weappWorld } from './harness/driver';

/**
 * The journeys (tests/journeys) in the built mini-program: each person on their own phone, the
 * cloud functions on one local runtime. A journey fails on any page error its phones saw.
 */
let cloud: WeappCloud;
beforeAll(async () => {
  cloud = await WeappCloud.start();
});
afterAll(() => cloud?.close());

async function play(journey: Journey) {
  const world = weappWorld(cloud);
  await journey(world);
  expect(world.screens.flatMap((s) => s.errors)).toEqual([]);
}

describe('journeys in the mini-program', () => {
  it('a parent from the class-group card binds, applies, follows the status, signs, and the child is active', () => play(parentEnrolsFromTheClassGroupCard));
  it('a class teacher records attendance, the school issues notices, the parent reads the notice and its clause', () => play(feesFromAttendance));
  it('a school admin opens the plan and sees a violation with its clause', () => play(adminSeesAViolationWithItsClause));
  it('a parent reports a day off, the teacher sees it on the sheet, hands children over at the gate, one is left waiting and overdue', () =>
    play(serviceDayAtTheGate));
  it('parents answer the survey, the committee sees the chart, the bureau drills from a late filing to the school', () =>
    play(committeeSeesTheSurveyAndTheBureauDrillsToTheLateSchool));
});

import type { Browser } from 'playwright-core';
import { adminSeesAViolationWithItsClause } from '../journeys/admin-sees-violation';
import { committeeSeesTheSurveyAndTheBureauDrillsToTheLateSchool } from '../journeys/committee-and-bureau';
import { feesFromAttendance } from '../journeys/fees-from-attendance';
import { parentEnrolsFromTheClassGroupCard } from '../journeys/parent-enrols';
import { serviceDayAtTheGate } from '../journeys/service-day';
import { launchBrowser } from './browser';
import { h5World } from './h5-driver';

/** The journeys (tests/journeys) in the browser, on the H5 build over the local server. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('journeys in the browser (H5)', () => {
  it(
    'a parent from the class-group card binds, applies, follows the status, signs, and the child is active',
    () => parentEnrolsFromTheClassGroupCard(h5World(browser)),
    120_000,
  );
  it('a class teacher records attendance, the school issues notices, the parent reads the notice and its clause', () => feesFromAttendance(h5World(browser)));
  it('a school admin opens the plan and sees a violation with its clause', () => adminSeesAViolationWithItsClause(h5World(browser)));
  it(
    'a parent reports a day off, the teacher sees it on the sheet, hands children over at the gate, one is left waiting and overdue',
    () => serviceDayAtTheGate(h5World(browser)),
    60_000,
  );
  it(
    'parents answer the survey, the committee sees the chart, the bureau drills from a late filing to the school',
    () => committeeSeesTheSurveyAndTheBureauDrillsToTheLateSchool(h5World(browser)),
    90_000,
  );
});

import { markingStale } from '@kehou/shared/bureau/server';
import { createCloudFunction } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { advanceJob } from './actions/advance-job';
import { approveApplication } from './actions/approve-application';
import { approveWaiting } from './actions/approve-waiting';
import { bindChild } from './actions/bind-child';
import { decideBinding } from './actions/decide-binding';
import { decideWithdrawal } from './actions/decide-withdrawal';
import { fixListing } from './actions/fix-listing';
import { getApplication } from './actions/get-application';
import { getApplicationForm } from './actions/get-application-form';
import { getAttendanceSheet } from './actions/get-attendance-sheet';
import { getClassQueue } from './actions/get-class-queue';
import { getEnrolmentEntry } from './actions/get-enrolment-entry';
import { getHardship } from './actions/get-hardship';
import { getHome } from './actions/get-home';
import { getSchoolQueue } from './actions/get-school-queue';
import { importRoster } from './actions/import-roster';
import { listClassApplications } from './actions/list-class-applications';
import { listMyApplications } from './actions/list-my-applications';
import { listSchoolApplications } from './actions/list-school-applications';
import { listStaffBindings } from './actions/list-staff-bindings';
import { passClassReview } from './actions/pass-class-review';
import { passFirstReview } from './actions/pass-first-review';
import { postListing } from './actions/post-listing';
import { recordAttendance } from './actions/record-attendance';
import { resubmitApplication } from './actions/resubmit-application';
import { returnApplication } from './actions/return-application';
import { submitApplication } from './actions/submit-application';
import { withdrawApplication } from './actions/withdraw-application';

/**
 * 报名：绑定孩子、报名、审核、公示、退出与考勤 (contract: shared/src/contracts/enrollment.ts).
 * Actions that change who applied, holds a place or waits for a club mark the school's summary
 * for the bureau out of date (bureau/server/stale.ts).
 */
export const enrollmentFunction = createCloudFunction(enrollmentContract, {
  getHome,
  getEnrolmentEntry,
  bindChild,
  listMyApplications,
  getApplicationForm,
  submitApplication: markingStale(submitApplication),
  getApplication,
  resubmitApplication: markingStale(resubmitApplication),
  withdrawApplication: markingStale(withdrawApplication),
  getClassQueue,
  decideBinding,
  passFirstReview,
  getAttendanceSheet,
  recordAttendance,
  returnApplication: markingStale(returnApplication),
  getHardship,
  importRoster,
  getSchoolQueue,
  listStaffBindings,
  approveApplication: markingStale(approveApplication),
  postListing,
  fixListing,
  decideWithdrawal: markingStale(decideWithdrawal),
  advanceJob,
  listClassApplications,
  listSchoolApplications,
  passClassReview,
  approveWaiting: markingStale(approveWaiting),
});

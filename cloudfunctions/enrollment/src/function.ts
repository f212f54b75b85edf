import { createLegacyCloudFunction } from '@kehou/shared/cloud';
import { home } from './home';
import { bindChild } from './actions/bind-child';
import { decideBinding } from './actions/decide-binding';
import { importRoster } from './actions/import-roster';
import { enrolmentEntry } from './actions/enrolment-entry';
import { myApplications } from './actions/my-applications';
import { application } from './actions/application-detail';
import { applicationForm } from './actions/application-form';
import { apply } from './actions/apply';
import { resubmit } from './actions/resubmit';
import { withdraw } from './actions/withdraw';
import { classQueue } from './actions/class-queue';
import { review } from './actions/review';
import { schoolQueue } from './actions/school-queue';
import { decide } from './actions/decide';
import { postList } from './actions/post-list';
import { fixList } from './actions/fix-list';
import { decideWithdrawal } from './actions/decide-withdrawal';
import { hardship } from './actions/hardship';
import { staffBindings } from './actions/staff-bindings';
import { attendanceActions } from './actions/attendance-actions';

/** 报名: binding parents to children, applications, reviews, public lists, withdrawals. */
export const enrollmentFunction = createLegacyCloudFunction('enrollment', {
  home,
  // parents
  bindChild,
  enrolmentEntry,
  myApplications,
  application,
  applicationForm,
  apply,
  resubmit,
  withdraw,
  // class teachers
  classQueue,
  decideBinding,
  review,
  // school admins
  importRoster,
  schoolQueue,
  decide,
  postList,
  fixList,
  decideWithdrawal,
  staffBindings,
  // class teacher or school admin
  hardship,
  // class teachers: attendance
  ...attendanceActions,
});

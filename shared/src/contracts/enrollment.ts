import type { HomeSummary } from '../api/home';
import type { Page } from '../domain/paging';
import {
  applicationInput,
  applyInput,
  approveApplicationInput,
  approveWaitingInput,
  bindChildInput,
  classInput,
  decideBindingInput,
  decideWithdrawalInput,
  emptyInput,
  fixListInput,
  importRosterInput,
  listClassApplicationsInput,
  listSchoolApplicationsInput,
  passClassReviewInput,
  passFirstReviewInput,
  postListInput,
  resubmitInput,
  returnApplicationInput,
  schoolInput,
  schoolTermInput,
  studentInput,
  withdrawInput,
} from '../enrollment/schemas';
import type {
  ApplicationAnswer,
  ApplicationForm,
  ApplicationView,
  ApprovalResult,
  BindingDecision,
  BindResult,
  BulkApprovalStep,
  ChildEnrollment,
  ClassQueue,
  ClassReviewResult,
  EnrolmentEntry,
  FixedListing,
  HardshipDetail,
  PendingBinding,
  PostedListing,
  ReviewResult,
  RosterImportReport,
  SchoolQueue,
  StaffApplicationRow,
  SubmittedApplication,
  WithdrawalDecision,
} from '../enrollment/views';
import { attendanceSheetInput, recordAttendanceInput } from '../fees/schemas';
import type { AttendanceSaved, AttendanceSheet } from '../fees/views';
import { allow, anyone, signedIn } from './access';
import { action, defineContract, returns } from './define';

const MY_CHILD = '只能为自己已绑定的孩子办理';
const MY_APPLICATION = '没有找到这份报名，或您无权查看';
const CLASS_TEACHER = '只有本班班主任可以进行此操作';
const SCHOOL_ADMIN = '只有本校管理员可以进行此操作';
const REVIEW = '没有找到这份报名，或您无权审核';

/** 报名: binding parents to children, applications, reviews, public lists, withdrawals, attendance (cloudfunctions/enrollment). */
export const enrollmentContract = defineContract('enrollment', {
  // everyone: the home screen and the page a school shares into class groups
  getHome: action({ input: emptyInput, access: anyone('首页：未登录时只显示登录入口'), returns: returns<HomeSummary>() }),
  getEnrolmentEntry: action({ input: schoolTermInput, access: anyone('学校分享到班级群的报名入口，未登录也能打开'), returns: returns<EnrolmentEntry>() }),

  // parents
  bindChild: action({ input: bindChildInput, access: signedIn('家长凭孩子的姓名、学号和班级码申请绑定'), returns: returns<BindResult>() }),
  listMyApplications: action({ input: emptyInput, access: signedIn('家长查看自己孩子的报名'), returns: returns<ChildEnrollment[]>() }),
  getApplicationForm: action({ input: studentInput, access: allow(['guardian'], 'student', MY_CHILD), returns: returns<ApplicationForm>() }),
  submitApplication: action({ input: applyInput, access: allow(['guardian'], 'student', MY_CHILD), returns: returns<SubmittedApplication>() }),
  getApplication: action({ input: applicationInput, access: allow(['guardian'], 'application', MY_APPLICATION), returns: returns<ApplicationView>() }),
  resubmitApplication: action({ input: resubmitInput, access: allow(['guardian'], 'application', MY_APPLICATION), returns: returns<ApplicationAnswer>() }),
  withdrawApplication: action({ input: withdrawInput, access: allow(['guardian'], 'application', MY_APPLICATION), returns: returns<ApplicationAnswer>() }),

  // class teachers (a binding the class teacher asked for themselves: the school's admin)
  getClassQueue: action({ input: classInput, access: allow(['teacher'], 'class', CLASS_TEACHER), returns: returns<ClassQueue>() }),
  decideBinding: action({
    input: decideBindingInput,
    access: allow(['teacher', 'admin'], 'guardianship', '没有找到这条绑定申请，或您无权处理'),
    also: '班主任自己提交的绑定由学校管理员处理；谁也不能处理自己提交的绑定申请',
    returns: returns<BindingDecision>(),
  }),
  passFirstReview: action({ input: passFirstReviewInput, access: allow(['teacher'], 'application', REVIEW), returns: returns<ReviewResult>() }),
  getAttendanceSheet: action({ input: attendanceSheetInput, access: allow(['teacher'], 'class', CLASS_TEACHER), returns: returns<AttendanceSheet>() }),
  recordAttendance: action({ input: recordAttendanceInput, access: allow(['teacher'], 'class', CLASS_TEACHER), returns: returns<AttendanceSaved>() }),

  // the class teacher at the first review, the school's admin at the school's
  returnApplication: action({ input: returnApplicationInput, access: allow(['teacher', 'admin'], 'application', REVIEW), returns: returns<ReviewResult>() }),
  getHardship: action({
    input: applicationInput,
    access: allow(['teacher', 'admin'], 'application', '没有找到这份报名，或您无权查看困难申报'),
    returns: returns<HardshipDetail>(),
  }),

  // school admins
  importRoster: action({
    input: importRosterInput,
    access: allow(['admin'], 'school', '只有本校管理员可以导入花名册'),
    returns: returns<RosterImportReport>(),
  }),
  getSchoolQueue: action({ input: schoolTermInput, access: allow(['admin'], 'school', SCHOOL_ADMIN), returns: returns<SchoolQueue>() }),
  listStaffBindings: action({ input: schoolInput, access: allow(['admin'], 'school', SCHOOL_ADMIN), returns: returns<PendingBinding[]>() }),
  approveApplication: action({ input: approveApplicationInput, access: allow(['admin'], 'application', REVIEW), returns: returns<ApprovalResult>() }),
  postListing: action({ input: postListInput, access: allow(['admin'], 'school', '只有本校管理员可以公示名单'), returns: returns<PostedListing>() }),
  fixListing: action({ input: fixListInput, access: allow(['admin'], 'listing', '没有找到这批公示名单，或您无权处理'), returns: returns<FixedListing>() }),
  decideWithdrawal: action({
    input: decideWithdrawalInput,
    access: allow(['admin'], 'application', '没有找到这份退出申请，或您无权审批'),
    returns: returns<WithdrawalDecision>(),
  }),
  // the lists of a class or a school, one page at a time
  listClassApplications: action({
    input: listClassApplicationsInput,
    access: allow(['teacher'], 'class', CLASS_TEACHER),
    returns: returns<Page<StaffApplicationRow>>(),
  }),
  listSchoolApplications: action({
    input: listSchoolApplicationsInput,
    access: allow(['admin'], 'school', SCHOOL_ADMIN),
    returns: returns<Page<StaffApplicationRow>>(),
  }),
  // bulk decisions: a class's first review in one action; the school's approval by class or of all waiting, step by step
  passClassReview: action({ input: passClassReviewInput, access: allow(['teacher'], 'class', CLASS_TEACHER), returns: returns<ClassReviewResult>() }),
  approveWaiting: action({ input: approveWaitingInput, access: allow(['admin'], 'school', SCHOOL_ADMIN), returns: returns<BulkApprovalStep>() }),
});

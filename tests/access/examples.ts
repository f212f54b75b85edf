import { DEFAULT_EDITABLE_TEXT } from '@kehou/shared';
import type { CONTRACTS, InputOf } from '@kehou/shared/contracts';
import { PDF, qijiangContent } from '../integration/disclosure-support';
import type { World } from './world';

/** The school's own text of the agreement, as a new version would publish it. */
const agreementSections = { ...DEFAULT_EDITABLE_TEXT, rules: `${DEFAULT_EDITABLE_TEXT.rules}（矩阵测试版本）` };

/**
 * One valid input per action of every contract, naming the world's documents: the access matrix
 * calls each with every kind of caller. The type asks for every action of every area, so a new
 * action without an example (or without an access rule, which its contract requires) fails the
 * build.
 */
export type Examples = {
  [Area in keyof typeof CONTRACTS]: {
    [Action in keyof (typeof CONTRACTS)[Area]['actions']]: (w: World) => InputOf<(typeof CONTRACTS)[Area]['actions'][Action]>;
  };
};

export const EXAMPLES: Examples = {
  fees: {
    listNoticePeriods: (w) => ({ schoolId: w.school, termId: w.term }),
    previewNotices: (w) => ({ schoolId: w.school, termId: w.term, periodKey: w.periodKey }),
    issueNotices: (w) => ({ schoolId: w.school, termId: w.term, periodKey: w.periodKey, digest: '0'.repeat(64) }),
    issueCorrections: (w) => ({ schoolId: w.school, termId: w.term, periodKey: w.periodKey, digest: '0'.repeat(64), reason: '考勤更正' }),
    recordOfflinePayment: (w) => ({ noticeId: w.notice, method: 'cash', reference: 'SJ-0001' }),
    createPayment: (w) => ({ noticeId: w.notice }),
    confirmPayment: (w) => ({ noticeId: w.notice }),
    recordOfflineRefund: (w) => ({ refundId: w.refund, reference: 'SJ-0002' }),
    getLedger: (w) => ({ schoolId: w.school, termId: w.term }),
    listLedgerEntries: (w) => ({ schoolId: w.school, termId: w.term, figure: 'charged' }),
    exportLedger: (w) => ({ schoolId: w.school, termId: w.term }),
    exportRefunds: (w) => ({ schoolId: w.school, termId: w.term }),
    exportAttendance: (w) => ({ schoolId: w.school, termId: w.term, periodKey: w.periodKey }),
    recordSpending: (w) => ({
      schoolId: w.school,
      requestId: 'matrix-spending-1',
      date: w.today,
      category: 'consumables',
      payeeType: 'company',
      payee: '文具店',
      description: '作业本',
      amountFen: 12000,
    }),
    listSpending: (w) => ({ schoolId: w.school, year: w.schoolYear }),
    voidSpending: (w) => ({ schoolId: w.school, spendingId: 'sp-missing', reason: '录错了' }),
    exportSpending: (w) => ({ schoolId: w.school, year: w.schoolYear }),
    decideRefund: (w) => ({ refundId: w.refund, approve: false }),
    listSchoolNotices: (w) => ({ schoolId: w.school, termId: w.term }),
    listMyNotices: () => ({}),
    requestRefund: (w) => ({ noticeId: w.notice, reason: '孩子生病' }),
    advanceJob: (w) => ({ jobId: `issue-notices:${w.school}:${w.term}:${w.periodKey}` }),
  },
  enrollment: {
    getHome: () => ({}),
    getEnrolmentEntry: (w) => ({ schoolId: w.school, termId: w.term }),
    // A class code no class has: nobody binds a child here, everyone signed in is told it does not match.
    bindChild: () => ({ studentName: '张子涵', studentNo: '30203', bindCode: 'NOCLASS', guardianName: '某家长', relation: '母亲' }),
    listMyApplications: () => ({}),
    getApplicationForm: (w) => ({ studentId: w.student }),
    submitApplication: (w) => ({ studentId: w.student, termId: w.term, days: [1], itemIds: ['basic-care'], pickup: { mode: 'alone' } }),
    getApplication: (w) => ({ applicationId: w.application }),
    resubmitApplication: (w) => ({ applicationId: w.application, revision: 0, days: [1], itemIds: ['basic-care'], pickup: { mode: 'alone' } }),
    withdrawApplication: (w) => ({ applicationId: w.application }),
    getClassQueue: (w) => ({ classId: w.classId }),
    decideBinding: (w) => ({ guardianshipId: w.guardianship, decision: 'reject' }),
    passFirstReview: (w) => ({ applicationId: w.application, revision: 0 }),
    getAttendanceSheet: (w) => ({ classId: w.classId, date: w.serviceDay }),
    recordAttendance: (w) => ({ classId: w.classId, date: w.serviceDay, revision: 0, entries: [{ studentId: w.student, attendedMinutes: 120 }] }),
    returnApplication: (w) => ({ applicationId: w.application, revision: 0, reason: '请核对接送人' }),
    getHardship: (w) => ({ applicationId: w.application }),
    importRoster: (w) => ({ schoolId: w.school, file: { base64: Buffer.from('不是花名册').toString('base64') } }),
    getSchoolQueue: (w) => ({ schoolId: w.school, termId: w.term }),
    listStaffBindings: (w) => ({ schoolId: w.school }),
    approveApplication: (w) => ({ applicationId: w.application, revision: 0 }),
    postListing: (w) => ({ schoolId: w.school, termId: w.term, listingDays: 1 }),
    fixListing: (w) => ({ listingId: w.listing }),
    decideWithdrawal: (w) => ({ applicationId: w.application, decision: 'reject' }),
    advanceJob: (w) => ({ jobId: w.listingJob }),
    listClassApplications: (w) => ({ classId: w.classId, status: ['submitted'] }),
    listSchoolApplications: (w) => ({ schoolId: w.school, termId: w.term, status: ['teacher-reviewed'], limit: 10 }),
    passClassReview: (w) => ({ classId: w.classId, requestId: 'bulk-review-0001', pass: [{ applicationId: w.application, revision: 0 }] }),
    approveWaiting: (w) => ({ schoolId: w.school, termId: w.term, asOf: new Date(0).toISOString(), requestId: 'bulk-approve-0001' }),
  },
  agreement: {
    getTemplateDraft: (w) => ({ schoolId: w.school, termId: w.term }),
    publishTemplate: (w) => ({ schoolId: w.school, termId: w.term, sections: agreementSections }),
    getTemplate: (w) => ({ schoolId: w.school, termId: w.term }),
    getAgreement: (w) => ({ applicationId: w.application }),
    signAgreement: (w) => ({ applicationId: w.application, version: 1, textHash: '0'.repeat(64), image: { base64: 'iVBORw0KGgo=' } }),
    signPermit: (w) => ({ applicationId: w.application, textHash: '0'.repeat(64), image: { base64: 'iVBORw0KGgo=' } }),
    listSignatures: (w) => ({ applicationId: w.application }),
    verifySignature: (w) => ({ signatureId: w.signature }),
    advanceJob: (w) => ({ jobId: w.templateJob }),
  },
  disclosure: {
    getSchoolOverview: (w) => ({ schoolId: w.school }),
    getPlan: (w) => ({ schoolId: w.school, termId: w.term }),
    savePlan: (w) => ({ schoolId: w.school, termId: w.term, revision: 0, content: qijiangContent() }),
    uploadAttachment: (w) => ({ schoolId: w.school, termId: w.term, key: 'plan', fileName: '课后服务方案.pdf', contentBase64: PDF }),
    submitPlan: (w) => ({ schoolId: w.school, termId: w.term, revision: 1 }),
    publishPlan: (w) => ({ schoolId: w.school, termId: w.term }),
    getReviewQueue: () => ({}),
    getReviewDetail: (w) => ({ schoolId: w.school, termId: w.term }),
    approvePlan: (w) => ({ schoolId: w.school, termId: w.term, version: 1 }),
    returnPlan: (w) => ({ schoolId: w.school, termId: w.term, version: 1, comments: '请补充安全预案' }),
    getPlanHistory: (w) => ({ schoolId: w.school, termId: w.term }),
    compareVersions: (w) => ({ schoolId: w.school, termId: w.term, from: 1, to: 'draft' }),
    exportReport: (w) => ({ schoolId: w.school, reportKey: 'semiannual-report', year: 2026, half: 1 }),
    getPublicTerm: (w) => ({ schoolId: w.school, termId: w.term }),
    getPublicArticle: (w) => ({ schoolId: w.school, termId: w.term }),
  },
  feedback: {
    submitFeedback: (w) => ({ studentId: w.student, requestId: 'matrix-feedback-1', topic: 'safety', text: '放学时校门口车多，希望加强引导。' }),
    listMyFeedback: () => ({}),
    listSchoolFeedback: (w) => ({ schoolId: w.school }),
    markFeedbackReviewed: (w) => ({ feedbackId: w.feedback }),
    // An outdated revision: the committee is let in and told to refresh; nothing is answered.
    answerFeedback: (w) => ({ feedbackId: w.feedback, text: '已转学校研究', revision: 99 }),
  },
  messages: {
    recordConsents: () => ({ moment: 'apply', requestId: 'matrix-consent-1', results: { 'tmpl-enrollment-status': 'accept' } }),
    listMyMessages: () => ({}),
    getSchoolReach: (w) => ({ schoolId: w.school }),
    getClassReach: (w) => ({ classId: w.classId }),
  },
  serviceday: {
    reportLeave: (w) => ({ studentId: w.student, from: w.today, reason: '孩子发烧，在家休息' }),
    getServiceMonth: (w) => ({ studentId: w.student, month: w.serviceDay.slice(0, 7) }),
    getGateSheet: (w) => ({ classId: w.classId, date: w.serviceDay }),
    recordHandover: (w) => ({ classId: w.classId, date: w.today, studentId: w.student, kind: 'waiting', revision: 0 }),
    confirmShiftHandover: (w) => ({ classId: w.classId, date: w.today, fromActivity: '作业辅导', toActivity: '社团活动', headCount: 3 }),
    listSchoolFlags: (w) => ({ schoolId: w.school, date: w.today }),
    setServiceDaySettings: (w) => ({ schoolId: w.school, leaveCutoff: '12:00', pickupMarginMinutes: 15 }),
  },
  committee: {
    openSurvey: (w) => ({ schoolId: w.school, closesOn: w.today }),
    closeSurvey: (w) => ({ schoolId: w.school, surveyId: 'survey:missing' }),
    getSurveyResults: (w) => ({ schoolId: w.school }),
    getSurveyForm: (w) => ({ studentId: w.student }),
    // A survey that is not there: the guardian is let in and told it was not found; nothing is written.
    answerSurvey: (w) => ({ studentId: w.student, surveyId: 'survey:missing', ratings: { safety: 5, content: 5, staff: 5, fees: 5, pickup: 5 } }),
    proposeRules: (w) => ({ schoolId: w.school, sections: agreementSections }),
    // A version that is not there: the body is let in and told so; nothing is recorded.
    adoptRules: (w) => ({ schoolId: w.school, version: 99, date: w.today }),
    recordStaffCongress: (w) => ({ schoolId: w.school, version: 99, date: w.today }),
    getRules: (w) => ({ schoolId: w.school }),
    getPublicRules: (w) => ({ schoolId: w.school }),
    // A Saturday is refused for everyone let in: nothing is signed up.
    signUpDuty: (w) => ({ schoolId: w.school, date: '2020-01-04' }),
    cancelDuty: (w) => ({ schoolId: w.school, dutyId: 'duty:missing' }),
    decideDuty: (w) => ({ schoolId: w.school, dutyId: 'duty:missing', decision: 'confirm' }),
    writeDutyNote: (w) => ({ schoolId: w.school, dutyId: 'duty:missing', text: '门口秩序良好。' }),
    getDutyRoster: (w) => ({ schoolId: w.school }),
    listMyDuties: () => ({}),
  },
  bureau: {
    getDashboard: () => ({}),
    refreshSummaries: (w) => ({ schoolId: w.school }),
    exportDashboard: () => ({}),
    getSchoolDetail: (w) => ({ schoolId: w.school }),
    recordInspection: (w) => ({ schoolId: w.school, requestId: 'matrix-inspection-1', date: w.today, findings: '课后服务时间执行到位', followUp: '继续保持' }),
    answerInspection: (w) => ({ schoolId: w.school, noteId: 'sup-missing', requestId: 'matrix-answer-1', text: '已整改完毕' }),
    listInspections: (w) => ({ schoolId: w.school }),
    // A report the school's profile (suifenhe) does not ask for: refused for the admin too; nothing is filed.
    fileReport: (w) => ({ schoolId: w.school, reportKey: 'semiannual-report', year: 2026, half: 1 }),
  },
};

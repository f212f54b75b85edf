import type { CONTRACTS, InputOf } from '@kehou/shared/contracts';
import { PDF, qijiangContent } from '../integration/disclosure-support';
import type { World } from './world';

/**
 * One valid input per action of every contract, naming the world's documents: the access matrix
 * calls each with every kind of caller. The type asks for every action of every area, so a new
 * action without an example (or without an access rule, which its contract requires) fails the
 * build.
 */
export type Examples = {
  [Area in keyof typeof CONTRACTS]: { [Action in keyof (typeof CONTRACTS)[Area]['actions']]: (w: World) => InputOf<(typeof CONTRACTS)[Area]['actions'][Action]> };
};

export const EXAMPLES: Examples = {
  fees: {
    listNoticePeriods: (w) => ({ schoolId: w.school, termId: w.term }),
    previewNotices: (w) => ({ schoolId: w.school, termId: w.term, periodKey: w.periodKey }),
    issueNotices: (w) => ({ schoolId: w.school, termId: w.term, periodKey: w.periodKey, digest: '0'.repeat(64) }),
    issueCorrections: (w) => ({ schoolId: w.school, termId: w.term, periodKey: w.periodKey, digest: '0'.repeat(64), reason: '考勤更正' }),
    markPaid: (w) => ({ noticeId: w.notice }),
    decideRefund: (w) => ({ refundId: w.refund, approve: false }),
    listSchoolNotices: (w) => ({ schoolId: w.school, termId: w.term }),
    listMyNotices: () => ({}),
    requestRefund: (w) => ({ noticeId: w.notice, reason: '孩子生病' }),
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
};

import type { CONTRACTS, InputOf } from '@kehou/shared/contracts';
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
    recordOfflinePayment: (w) => ({ noticeId: w.notice, method: 'cash', reference: 'SJ-0001' }),
    createPayment: (w) => ({ noticeId: w.notice }),
    confirmPayment: (w) => ({ noticeId: w.notice }),
    recordOfflineRefund: (w) => ({ refundId: w.refund, reference: 'SJ-0002' }),
    getLedger: (w) => ({ schoolId: w.school, termId: w.term }),
    listLedgerEntries: (w) => ({ schoolId: w.school, termId: w.term, figure: 'charged' }),
    exportLedger: (w) => ({ schoolId: w.school, termId: w.term }),
    exportRefunds: (w) => ({ schoolId: w.school, termId: w.term }),
    exportAttendance: (w) => ({ schoolId: w.school, termId: w.term, periodKey: w.periodKey }),
    recordSpending: (w) => ({ schoolId: w.school, requestId: 'matrix-spending-1', date: w.today, category: 'consumables', payeeType: 'company', payee: '文具店', description: '作业本', amountFen: 12000 }),
    listSpending: (w) => ({ schoolId: w.school, year: w.schoolYear }),
    voidSpending: (w) => ({ schoolId: w.school, spendingId: 'sp-missing', reason: '录错了' }),
    exportSpending: (w) => ({ schoolId: w.school, year: w.schoolYear }),
    decideRefund: (w) => ({ refundId: w.refund, approve: false }),
    listSchoolNotices: (w) => ({ schoolId: w.school, termId: w.term }),
    listMyNotices: () => ({}),
    requestRefund: (w) => ({ noticeId: w.notice, reason: '孩子生病' }),
  },
};

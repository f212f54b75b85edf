import { emptyInput } from '../domain/inputs';
import {
  attendanceExportInput,
  decideRefundInput,
  issueCorrectionsInput,
  issueNoticesInput,
  ledgerEntriesInput,
  ledgerInput,
  noticeInput,
  previewNoticesInput,
  recordOfflinePaymentInput,
  recordOfflineRefundInput,
  recordSpendingInput,
  requestRefundInput,
  schoolNoticesInput,
  schoolTermFeesInput,
  spendingYearInput,
  voidSpendingInput,
} from '../fees/schemas';
import type {
  CorrectionResult,
  ExportFile,
  IssueResult,
  LedgerEntries,
  LedgerView,
  MyNotices,
  NoticePeriods,
  NoticePreview,
  OfflinePaymentResult,
  PaymentConfirmation,
  PaymentStart,
  RefundAnswer,
  RefundRequestAnswer,
  SchoolNotices,
  SpendingList,
  SpendingRow,
} from '../fees/views';
import { type JobView, jobInput } from '../jobs/types';
import { allow, signedIn } from './access';
import { action, defineContract, returns } from './define';

const ISSUE = '只有本校管理员可以发出收费通知';
const NOTICE = '没有找到这份收费通知，或您无权办理';
const LEDGER = '只有本校管理员可以查看收费专账';
const SPENDING = '只有本校管理员可以登记和查看课后服务经费开支';

/** 收费: fee notices computed by the policy profile, waivers, refunds (cloudfunctions/fees). */
export const feesContract = defineContract('fees', {
  listNoticePeriods: action({ input: schoolTermFeesInput, access: allow(['admin'], 'school', ISSUE), returns: returns<NoticePeriods>() }),
  previewNotices: action({ input: previewNoticesInput, access: allow(['admin'], 'school', ISSUE), returns: returns<NoticePreview>() }),
  issueNotices: action({ input: issueNoticesInput, access: allow(['admin'], 'school', ISSUE), returns: returns<IssueResult>() }),
  issueCorrections: action({ input: issueCorrectionsInput, access: allow(['admin'], 'school', ISSUE), returns: returns<CorrectionResult>() }),
  createPayment: action({ input: noticeInput, access: allow(['guardian'], 'notice', NOTICE), returns: returns<PaymentStart>() }),
  confirmPayment: action({ input: noticeInput, access: allow(['guardian'], 'notice', NOTICE), returns: returns<PaymentConfirmation>() }),
  recordOfflinePayment: action({ input: recordOfflinePaymentInput, access: allow(['admin'], 'notice', NOTICE), returns: returns<OfflinePaymentResult>() }),
  recordOfflineRefund: action({
    input: recordOfflineRefundInput,
    access: allow(['admin'], 'refund', '退费申请不存在，或您无权处理'),
    returns: returns<RefundAnswer>(),
  }),
  getLedger: action({ input: ledgerInput, access: allow(['admin'], 'school', LEDGER), returns: returns<LedgerView>() }),
  listLedgerEntries: action({ input: ledgerEntriesInput, access: allow(['admin'], 'school', LEDGER), returns: returns<LedgerEntries>() }),
  exportLedger: action({ input: ledgerInput, access: allow(['admin'], 'school', LEDGER), returns: returns<ExportFile>() }),
  exportRefunds: action({ input: ledgerInput, access: allow(['admin'], 'school', LEDGER), returns: returns<ExportFile>() }),
  exportAttendance: action({ input: attendanceExportInput, access: allow(['admin'], 'school', '只有本校管理员可以导出考勤'), returns: returns<ExportFile>() }),
  recordSpending: action({ input: recordSpendingInput, access: allow(['admin'], 'school', SPENDING), returns: returns<SpendingRow>() }),
  listSpending: action({ input: spendingYearInput, access: allow(['admin'], 'school', SPENDING), returns: returns<SpendingList>() }),
  voidSpending: action({ input: voidSpendingInput, access: allow(['admin'], 'school', SPENDING), returns: returns<SpendingRow>() }),
  exportSpending: action({ input: spendingYearInput, access: allow(['admin'], 'school', SPENDING), returns: returns<ExportFile>() }),
  decideRefund: action({ input: decideRefundInput, access: allow(['admin'], 'refund', '退费申请不存在，或您无权处理'), returns: returns<RefundAnswer>() }),
  listSchoolNotices: action({
    input: schoolNoticesInput,
    access: allow(['admin', 'teacher'], 'school', '只有本校管理员或本班班主任可以查看收费通知'),
    returns: returns<SchoolNotices>(),
  }),
  listMyNotices: action({ input: emptyInput, access: signedIn('家长查看自己孩子的收费通知'), returns: returns<MyNotices>() }),
  requestRefund: action({ input: requestRefundInput, access: allow(['guardian'], 'notice', NOTICE), returns: returns<RefundRequestAnswer>() }),
  advanceJob: action({ input: jobInput, access: allow(['admin'], 'job', '没有找到这个任务，或您无权处理'), returns: returns<JobView>() }),
});

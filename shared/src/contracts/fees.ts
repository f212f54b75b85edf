import {
  decideRefundInput,
  emptyFeesInput,
  issueCorrectionsInput,
  issueNoticesInput,
  noticeInput,
  previewNoticesInput,
  requestRefundInput,
  schoolNoticesInput,
  schoolTermFeesInput,
} from '../fees/schemas';
import type {
  CorrectionResult,
  IssueResult,
  MarkPaidResult,
  MyNotices,
  NoticePeriods,
  NoticePreview,
  RefundAnswer,
  RefundRequestAnswer,
  SchoolNotices,
} from '../fees/views';
import { allow, signedIn } from './access';
import { action, defineContract, returns } from './define';

const ISSUE = '只有本校管理员可以发出收费通知';
const NOTICE = '没有找到这份收费通知，或您无权办理';

/** 收费: fee notices computed by the policy profile, waivers, refunds (cloudfunctions/fees). */
export const feesContract = defineContract('fees', {
  listNoticePeriods: action({ input: schoolTermFeesInput, access: allow(['admin'], 'school', ISSUE), returns: returns<NoticePeriods>() }),
  previewNotices: action({ input: previewNoticesInput, access: allow(['admin'], 'school', ISSUE), returns: returns<NoticePreview>() }),
  issueNotices: action({ input: issueNoticesInput, access: allow(['admin'], 'school', ISSUE), returns: returns<IssueResult>() }),
  issueCorrections: action({ input: issueCorrectionsInput, access: allow(['admin'], 'school', ISSUE), returns: returns<CorrectionResult>() }),
  markPaid: action({ input: noticeInput, access: allow(['admin'], 'notice', NOTICE), returns: returns<MarkPaidResult>() }),
  decideRefund: action({ input: decideRefundInput, access: allow(['admin'], 'refund', '退费申请不存在，或您无权处理'), returns: returns<RefundAnswer>() }),
  listSchoolNotices: action({
    input: schoolNoticesInput,
    access: allow(['admin', 'teacher'], 'school', '只有本校管理员或本班班主任可以查看收费通知'),
    returns: returns<SchoolNotices>(),
  }),
  listMyNotices: action({ input: emptyFeesInput, access: signedIn('家长查看自己孩子的收费通知'), returns: returns<MyNotices>() }),
  requestRefund: action({ input: requestRefundInput, access: allow(['guardian'], 'notice', NOTICE), returns: returns<RefundRequestAnswer>() }),
});

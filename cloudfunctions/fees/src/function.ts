import { createCloudFunction } from '@kehou/shared/cloud';
import { noticePeriods } from './actions/notice-periods';
import { previewNotices } from './actions/preview-notices';
import { issueNotices } from './actions/issue-notices';
import { issueCorrections } from './actions/issue-corrections';
import { myNotices } from './actions/my-notices';
import { schoolNotices } from './actions/school-notices';
import { markPaid } from './actions/mark-paid';
import { requestRefund } from './actions/request-refund';
import { decideRefund } from './actions/decide-refund';

/** 收费：按政策计算收费通知、减免与退费 */
export const feesFunction = createCloudFunction('fees', {
  // school admins
  noticePeriods,
  previewNotices,
  issueNotices,
  issueCorrections,
  markPaid,
  decideRefund,
  // school admin (all) or class teacher (own classes, no waivers)
  schoolNotices,
  // parents
  myNotices,
  requestRefund,
});

import { createCloudFunction } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { decideRefund } from './actions/decide-refund';
import { issueCorrections } from './actions/issue-corrections';
import { issueNotices } from './actions/issue-notices';
import { listMyNotices } from './actions/list-my-notices';
import { listNoticePeriods } from './actions/list-notice-periods';
import { listSchoolNotices } from './actions/list-school-notices';
import { markPaid } from './actions/mark-paid';
import { previewNotices } from './actions/preview-notices';
import { requestRefund } from './actions/request-refund';

/** 收费：按政策计算收费通知、减免与退费 (contract: shared/src/contracts/fees.ts). */
export const feesFunction = createCloudFunction(feesContract, {
  listNoticePeriods,
  previewNotices,
  issueNotices,
  issueCorrections,
  markPaid,
  decideRefund,
  listSchoolNotices,
  listMyNotices,
  requestRefund,
});

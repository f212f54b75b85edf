import { markingStale } from '@kehou/shared/bureau/server';
import { createCloudFunction } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { advanceJob } from './actions/advance-job';
import { confirmPayment } from './actions/confirm-payment';
import { createPayment } from './actions/create-payment';
import { decideRefund } from './actions/decide-refund';
import { exportAttendance } from './actions/export-attendance';
import { exportLedger } from './actions/export-ledger';
import { exportRefunds } from './actions/export-refunds';
import { exportSpending } from './actions/export-spending';
import { getLedger } from './actions/get-ledger';
import { issueCorrections } from './actions/issue-corrections';
import { issueNotices } from './actions/issue-notices';
import { listLedgerEntries } from './actions/list-ledger-entries';
import { listMyNotices } from './actions/list-my-notices';
import { listNoticePeriods } from './actions/list-notice-periods';
import { listSchoolNotices } from './actions/list-school-notices';
import { listSpending } from './actions/list-spending';
import { previewNotices } from './actions/preview-notices';
import { recordOfflinePayment } from './actions/record-offline-payment';
import { recordOfflineRefund } from './actions/record-offline-refund';
import { recordSpending } from './actions/record-spending';
import { requestRefund } from './actions/request-refund';
import { voidSpending } from './actions/void-spending';

/**
 * 收费：按政策计算收费通知、减免与退费 (contract: shared/src/contracts/fees.ts).
 * Actions that change what was billed, paid or refunded mark the school's summary for the bureau
 * out of date (bureau/server/stale.ts); so does the notice job's last step.
 */
export const feesFunction = createCloudFunction(feesContract, {
  listNoticePeriods,
  previewNotices,
  issueNotices,
  issueCorrections: markingStale(issueCorrections),
  createPayment,
  confirmPayment: markingStale(confirmPayment),
  recordOfflinePayment: markingStale(recordOfflinePayment),
  recordOfflineRefund: markingStale(recordOfflineRefund),
  decideRefund: markingStale(decideRefund),
  listSchoolNotices,
  listMyNotices,
  requestRefund: markingStale(requestRefund),
  getLedger,
  listLedgerEntries,
  exportLedger,
  exportRefunds,
  exportAttendance,
  recordSpending,
  listSpending,
  voidSpending,
  exportSpending,
  advanceJob,
});

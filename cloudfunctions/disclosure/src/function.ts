import { touching } from '@kehou/shared/bureau/server';
import { createCloudFunction } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { approvePlan } from './actions/approve-plan';
import { compareVersions } from './actions/compare-versions';
import { exportReport } from './actions/export-report';
import { getPlan } from './actions/get-plan';
import { getPlanHistory } from './actions/get-plan-history';
import { getPublicArticle } from './actions/get-public-article';
import { getPublicTerm } from './actions/get-public-term';
import { getReviewDetail } from './actions/get-review-detail';
import { getReviewQueue } from './actions/get-review-queue';
import { getSchoolOverview } from './actions/get-school-overview';
import { publishPlan } from './actions/publish-plan';
import { returnPlan } from './actions/return-plan';
import { savePlan } from './actions/save-plan';
import { submitPlan } from './actions/submit-plan';
import { uploadAttachment } from './actions/upload-attachment';

/** 公开：服务方案、备案审核与公开发布 (contract and access rules: shared/src/contracts/disclosure.ts). */
export const disclosureFunction = createCloudFunction(disclosureContract, {
  getSchoolOverview,
  getPlan,
  savePlan,
  uploadAttachment,
  // The bureau's dashboard reads each school's filing from its summary: these keep it current.
  submitPlan: touching(submitPlan, ['plan']),
  publishPlan: touching(publishPlan, ['plan']),
  getReviewQueue,
  getReviewDetail,
  approvePlan: touching(approvePlan, ['plan']),
  returnPlan: touching(returnPlan, ['plan']),
  getPlanHistory,
  compareVersions,
  exportReport,
  getPublicTerm,
  getPublicArticle,
});

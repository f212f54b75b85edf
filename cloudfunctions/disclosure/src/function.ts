import { createLegacyCloudFunction } from '@kehou/shared/cloud';
import { approvePlan, publishPlan, returnPlan, submitPlan } from './filing';
import { compareVersions, planHistory } from './history';
import { getPlan, savePlan, uploadAttachment } from './plan-editor';
import { publicArticle, publicTerm } from './public';
import { exportReport, schoolOverview } from './reports';
import { reviewDetail, reviewQueue } from './review';

/**
 * 公开：服务方案、备案审核与公开发布.
 * School admin: schoolOverview, getPlan, savePlan, uploadAttachment, submitPlan, publishPlan.
 * Bureau reviewer: reviewQueue, reviewDetail, approvePlan, returnPlan.
 * Both: planHistory, compareVersions, exportReport. Anyone, signed in or not: publicTerm, publicArticle.
 */
export const disclosureFunction = createLegacyCloudFunction('disclosure', {
  schoolOverview,
  getPlan,
  savePlan,
  uploadAttachment,
  submitPlan,
  publishPlan,
  reviewQueue,
  reviewDetail,
  approvePlan,
  returnPlan,
  planHistory,
  compareVersions,
  exportReport,
  publicTerm,
  publicArticle,
});

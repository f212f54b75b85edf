import {
  compareSchema,
  exportReportSchema,
  planRefSchema,
  publicTermSchema,
  returnSchema,
  reviewSchema,
  savePlanSchema,
  schoolRefSchema,
  submitPlanSchema,
  uploadAttachmentSchema,
} from '../disclosure/schemas';
import type {
  ArticleExport,
  PlanAttachment,
  PlanDecisionResult,
  PlanEditorView,
  PlanHistory,
  PublicTermView,
  PublishPlanResult,
  ReportExport,
  ReviewQueue,
  ReviewView,
  SavePlanResult,
  SchoolOverview,
  SubmitPlanResult,
  VersionComparison,
} from '../disclosure/types';
import { emptyInput } from '../domain/inputs';
import { allow, anyone, holderOf } from './access';
import { action, defineContract, returns } from './define';

const ADMIN = '只有本校管理员可以编写、提交和公开本校的课后服务方案';
const REVIEWER = '只有主管教育局的审核员可以审核这份备案';
const ADMIN_OR_REVIEWER = '只有本校管理员或主管教育局的审核员可以查看';
const PUBLIC = '公开的方案任何人都可以查看，无需登录';

/** 公开: service plans, filing with the bureau, its review, and the public disclosure (cloudfunctions/disclosure). */
export const disclosureContract = defineContract('disclosure', {
  getSchoolOverview: action({ input: schoolRefSchema, access: allow(['admin'], 'school', ADMIN), returns: returns<SchoolOverview>() }),
  getPlan: action({ input: planRefSchema, access: allow(['admin'], 'school', ADMIN), returns: returns<PlanEditorView>() }),
  savePlan: action({ input: savePlanSchema, access: allow(['admin'], 'school', ADMIN), returns: returns<SavePlanResult>() }),
  uploadAttachment: action({ input: uploadAttachmentSchema, access: allow(['admin'], 'school', ADMIN), returns: returns<PlanAttachment>() }),
  submitPlan: action({ input: submitPlanSchema, access: allow(['admin'], 'school', ADMIN), returns: returns<SubmitPlanResult>() }),
  publishPlan: action({ input: planRefSchema, access: allow(['admin'], 'school', ADMIN), returns: returns<PublishPlanResult>() }),
  /** The queue of the bureaus the caller reviews for (from their roles); a caller who reviews for none is refused by the handler. */
  getReviewQueue: action({
    input: emptyInput,
    access: holderOf(['reviewer'], '只有教育局审核员可以查看备案队列'),
    returns: returns<ReviewQueue>(),
  }),
  getReviewDetail: action({ input: planRefSchema, access: allow(['reviewer'], 'school', REVIEWER), returns: returns<ReviewView>() }),
  approvePlan: action({ input: reviewSchema, access: allow(['reviewer'], 'school', REVIEWER), returns: returns<PlanDecisionResult>() }),
  returnPlan: action({ input: returnSchema, access: allow(['reviewer'], 'school', REVIEWER), returns: returns<PlanDecisionResult>() }),
  getPlanHistory: action({ input: planRefSchema, access: allow(['admin', 'reviewer'], 'school', ADMIN_OR_REVIEWER), returns: returns<PlanHistory>() }),
  /** Comparing with the draft is for the admin only (the handler checks `scope.as`). */
  compareVersions: action({
    input: compareSchema,
    access: allow(['admin', 'reviewer'], 'school', ADMIN_OR_REVIEWER),
    also: '草稿只有本校管理员可以比较；审核员只看提交过的版本',
    returns: returns<VersionComparison>(),
  }),
  exportReport: action({ input: exportReportSchema, access: allow(['admin', 'reviewer'], 'school', ADMIN_OR_REVIEWER), returns: returns<ReportExport>() }),
  getPublicTerm: action({ input: publicTermSchema, access: anyone(PUBLIC), returns: returns<PublicTermView>() }),
  getPublicArticle: action({ input: planRefSchema, access: anyone(PUBLIC), returns: returns<ArticleExport>() }),
});

import type { Stage } from '../domain/people';
import type { PlanContent, PlanStatus, Publication, ServicePlan } from '../domain/plan';
import type { ProfileId } from '../domain/profile-id';
import type { Citation, RuleId } from '../policy';

/**
 * Something in a plan that stops its submission, shown beside its field. Policy rules carry the
 * engine's rule id and clause; completeness problems (`plan.incomplete`, `plan.reference`) carry
 * the clause of the disclosure or filing duty they come from, when there is one.
 */
export interface PlanIssue {
  ruleId: RuleId;
  /** Plain Chinese for the school admin. */
  message: string;
  citation?: Citation;
  /** Dot path into PlanContent: `schedules.0.end`, `items.2.providerId`, `attachments.plan`. */
  path: string;
}

/** The plan document as stored: ServicePlan plus bookkeeping the disclosure function keeps. */
export interface PlanRecord extends ServicePlan {
  updatedAt?: string;
  updatedBy?: string;
  /** When the first version of this term's plan was submitted (for the filing deadline). */
  firstSubmittedAt?: string;
}

export type VersionDecision = 'pending' | 'approved' | 'returned';

/** A submitted version of a plan (`${planId}:s${number}`): written once, only its decision is added. */
export interface PlanVersion {
  _id: string;
  planId: string;
  schoolId?: string;
  termId?: string;
  number: number;
  content: PlanContent;
  submittedAt: string;
  submittedBy: string;
  decision: VersionDecision;
  decidedBy: string | null;
  decidedAt: string | null;
  comments: string;
}

/** A publication as stored: the shared contract plus which filed version it discloses. */
export interface PublicationRecord extends Publication {
  /** The submitted (and approved) version it discloses. */
  filedVersion?: number;
}

export type DeadlineState = 'none' | 'open' | 'near' | 'past' | 'filed' | 'filed-late';

export interface FilingDeadlineInfo {
  deadline: string | null;
  state: DeadlineState;
  /** Calendar days from today to the deadline (negative when past). */
  daysLeft: number | null;
  message: string;
  citation?: Citation;
}

export interface VersionSummary {
  number: number;
  submittedAt: string;
  decision: VersionDecision;
  decidedAt: string | null;
  comments: string;
}

export interface PublicationSummary {
  version: number;
  publishedAt: string;
  current: boolean;
  filedVersion?: number;
}

export interface FeeSettingView {
  key: keyof PlanContent['feeSettings'];
  label: string;
  unit: 'fen' | 'percent';
  min: number;
  max?: number;
  citation: Citation;
}

export interface FilingDocumentView {
  key: string;
  label: string;
  citation: Citation;
  whenExternalProviders: boolean;
}

/** disclosure.getPlan: everything the plan editor needs. */
export interface PlanEditorView {
  school: { schoolId: string; name: string; profileId: ProfileId; stages: Stage[]; bureauName: string };
  term: { termId: string; name: string; startDate: string; endDate: string };
  /** The plan without `updatedBy` (no openids leave the function). */
  plan: Omit<PlanRecord, 'updatedBy'> | null;
  /** The content to edit: the plan's, or an empty one for a new plan. */
  content: PlanContent;
  issues: PlanIssue[];
  deadline: FilingDeadlineInfo;
  feeSettings: FeeSettingView[];
  filingDocuments: FilingDocumentView[];
  latestVersion: VersionSummary | null;
  publications: PublicationSummary[];
  chargeable: { chargeable: boolean; reason: string };
}

export interface SchoolOverview {
  school: { schoolId: string; name: string; profileId: ProfileId; profileName: string };
  terms: {
    termId: string;
    name: string;
    startDate: string;
    current: boolean;
    status: PlanStatus | 'none';
    publishedVersion: number;
    deadline: FilingDeadlineInfo;
  }[];
  reports: ReportDutyView[];
}

export interface ReportDutyView {
  key: string;
  label: string;
  /** The next date it is due (YYYY-MM-DD). */
  due: string;
  dueInclusive: boolean;
  /** The period the next report covers. */
  period: ReportPeriod;
  periodLabel: string;
  citation: Citation;
}

export interface ReportPeriod {
  year: number;
  /** 1: January–June, 2: July–December; absent: the whole year. */
  half?: 1 | 2;
}

export interface QueueItem {
  schoolId: string;
  schoolName: string;
  termId: string;
  termName: string;
  status: PlanStatus;
  submissions: number;
  submittedAt: string | null;
  deadline: FilingDeadlineInfo;
}

export interface PlanChange {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  /** Chinese, e.g. 服务项目「篮球社」· 名额 */
  label: string;
  before?: string;
  after?: string;
}

export interface ReviewView {
  school: { schoolId: string; name: string; profileId: ProfileId };
  term: { termId: string; name: string; startDate: string };
  status: PlanStatus;
  /** The latest submitted version, without `submittedBy`/`decidedBy` (no openids leave the function). */
  version: Omit<PlanVersion, 'submittedBy' | 'decidedBy'> | null;
  /** The fee standard and refund method of that version, as the public page shows them. */
  fees: PublicationRecord['fees'];
  issues: PlanIssue[];
  changesFromPrevious: PlanChange[] | null;
  attachments: { key: string; label: string; name: string; url: string }[];
  versions: VersionSummary[];
  deadline: FilingDeadlineInfo;
}

export interface PublicTermView {
  schoolName: string;
  termName: string;
  profileName: string;
  publication: PublicationRecord | null;
  versions: PublicationSummary[];
  /** The publication before the one shown (versions are filing numbers, so not always one less). */
  previousVersion: number | null;
  changesFromPrevious: PlanChange[];
  /** One page of the enrolled list (class and masked name), of the class asked for or all. */
  enrolled: { className: string; name: string }[];
  /** How many are on the list (of that class), and where its next page starts (null: the last). */
  enrolledTotal: number;
  enrolledNextSkip: number | null;
  /** The school's classes, to show the list of one. */
  classes: { classId: string; className: string }[];
  disclosureItems: { key: string; label: string; citation: string }[];
  sharePath: string;
}

export interface ArticleExport {
  title: string;
  html: string;
  path: string;
}

export interface ReportExport {
  title: string;
  fileId: string;
  url: string;
  fileName: string;
  rows: number;
}

/** disclosure.getReviewQueue: the filings of the bureaus the caller reviews for. */
export interface ReviewQueue {
  bureauIds: string[];
  items: QueueItem[];
}

/** disclosure.getPlanHistory: every filed version with its decision, and every publication. */
export interface PlanHistory {
  schoolName: string;
  termName: string;
  status: PlanStatus | null;
  versions: VersionSummary[];
  publications: PublicationSummary[];
}

/** disclosure.compareVersions: what changed from one version to another (or to the draft). */
export interface VersionComparison {
  changes: PlanChange[];
}

/** A filing document as the plan records it (disclosure.uploadAttachment answers with one). */
export type PlanAttachment = PlanContent['attachments'][number];

/** disclosure.savePlan: the new revision, the status (a save reopens an approved plan) and what is still wrong. */
export interface SavePlanResult {
  revision: number;
  status: PlanStatus;
  issues: PlanIssue[];
}

/** disclosure.submitPlan: the version filed and the plan's revision after it. */
export interface SubmitPlanResult {
  version: number;
  status: 'submitted';
  revision: number;
}

/** disclosure.approvePlan / returnPlan: the bureau's decision on version `version`. */
export interface PlanDecisionResult {
  status: 'approved' | 'returned';
  version: number;
}

/** disclosure.publishPlan: the publication now current. */
export interface PublishPlanResult {
  version: number;
  status: 'published';
}

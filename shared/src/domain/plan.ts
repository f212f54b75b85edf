import type { Category } from '../policy/domain';
import type { Stage } from './people';
import type { ProfileId } from './profile-id';

/**
 * The school's after-school service plan for one term (方案). Parents enrol into its published
 * version; every fee rests on its approved version.
 */
export type PlanStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: '草稿',
  submitted: '已提交备案',
  returned: '已退回修改',
  approved: '备案已通过',
  published: '已公开',
};

/** 1 = Monday … 5 = Friday. */
export type Weekday = 1 | 2 | 3 | 4 | 5;

export interface TimeBlock {
  /** One of the conformance categories: homework, reading, sports, arts, … */
  category: Category;
  minutes: number;
  title?: string;
}

export interface StageSchedule {
  stage: Stage;
  weekdays: Weekday[];
  start: string; // HH:mm
  end: string; // HH:mm
  blocks: TimeBlock[];
  /**
   * Class periods (课时) per service day, for profiles that charge per period (qijiang 000 四(二)).
   * Optional: when absent, the number of whole 40-minute lessons that fit between start and end
   * (see `periodsPerDay` in shared/src/fees).
   */
  periodsPerDay?: number;
  /** Where the profile has a winter timetable (yueyang): its end time and the dates it applies. */
  winter?: { end: string; from: string; to: string };
}

export type ProviderType = 'staff' | 'volunteer' | 'nonprofit' | 'company';

export interface Provider {
  id: string;
  name: string;
  type: ProviderType;
  vetted: boolean;
  list: 'white' | 'black' | null;
  /** fileIDs of the agreement and licence (required in yueyang's filing for outside bodies). */
  agreementFileId?: string;
  licenceFileId?: string;
}

export interface StaffMember {
  id: string;
  name: string;
  kind: 'school' | 'external';
  duty: string;
  vetted: boolean;
}

/** What parents choose from: the basic care service (never refused, no capacity) and clubs. */
export interface PlanItem {
  id: string;
  kind: 'basic' | 'club';
  name: string;
  category: Category;
  description: string;
  weekdays: Weekday[];
  /** Clubs only: places; further applicants go on a waiting list. */
  capacity?: number;
  providerId: string;
  staffIds: string[];
  /** Cost of the item for the school year, for budget checks (xxcity). */
  costFen: number;
  assignsHomework: boolean;
}

export interface PlanContent {
  schedules: StageSchedule[];
  items: PlanItem[];
  staff: StaffMember[];
  providers: Provider[];
  safety: { measures: string; emergencyPlan: string };
  pickup: { arrangement: string; pickupTime: string };
  /** School settings the profile lets the school choose (yueyang term fee, suifenhe senior surcharge). */
  feeSettings: { termFeeFen?: number; seniorMarkupPercent?: number; otherHardshipReductionPercent?: number };
  funding: string;
  expectedStudents: number;
  /** Filing attachments by the profile's filing document key. */
  attachments: { key: string; name: string; fileId: string }[];
}

export interface ServicePlan {
  /** `${schoolId}:${termId}`: one plan per school and term. */
  _id: string;
  schoolId: string;
  termId: string;
  profileId: ProfileId;
  status: PlanStatus;
  /** Bumped on every write: updates are conditional on it, so no write is lost. */
  revision: number;
  content: PlanContent;
  /** Number of versions submitted for filing so far. */
  submissions: number;
  /** Version (filing number) of the latest publication (0 when never published): one number from filing to agreement. */
  publishedVersion: number;
}

/**
 * A published (disclosed) version of an approved plan. Never changes once written: a change to the
 * plan publishes a new version, and `current` moves to it. Public: carries no personal data.
 */
export interface Publication {
  /** `${schoolId}:${termId}:v${version}` */
  _id: string;
  schoolId: string;
  termId: string;
  /** The filing number of the approved version it discloses (the 第 n 版 the bureau approved). */
  version: number;
  current: boolean;
  profileId: ProfileId;
  schoolName: string;
  termName: string;
  publishedAt: string; // ISO
  content: PlanContent;
  /** Plain-language fee standard and refund method with their clauses, from the profile. */
  fees: { lines: { label: string; text: string; citation: string }[]; refundMethod: string };
}

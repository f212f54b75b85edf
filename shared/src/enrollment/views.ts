import type { GuardianshipStatus } from '../domain/people';
import type { PlanItem, Weekday } from '../domain/plan';
import type { WithdrawalSettlementView } from '../fees/views';
import type { JobView } from '../jobs/types';
import type { RosterProblem } from './roster';
import type { ApplicationStatus } from './status';
import type { HardshipKind, HistoryEntry, PickupArrangement, WithdrawalRequest } from './types';

/** What the enrollment function answers (the client imports these types only). */

export type ItemPlacement = 'basic' | 'placed' | 'waiting' | 'pending' | 'left';

export interface ItemView {
  itemId: string;
  name: string;
  kind: 'basic' | 'club';
  weekdays: Weekday[];
  /** basic: never limited; club: placed / waiting (with position) / pending (not approved yet). */
  placement: ItemPlacement;
  waitingPosition?: number;
}

/** An application as the child's guardians see it. */
export interface ApplicationView {
  applicationId: string;
  studentId: string;
  studentName: string;
  className: string;
  schoolId: string;
  termId: string;
  status: ApplicationStatus;
  statusLabel: string;
  revision: number;
  days: Weekday[];
  items: ItemView[];
  pickup: PickupArrangement;
  /** The guardians declared hardship (the details stay with the school). */
  hardshipDeclared: boolean;
  returnReason?: string;
  listedUntil?: string;
  listFixed: boolean;
  withdrawal?: Pick<WithdrawalRequest, 'effectiveDate' | 'reason' | 'requestedAt' | 'decision' | 'note'>;
  /** Agreement: the latest version, what the child signed, what is still needed. */
  agreementVersion: number | null;
  signedVersion: number | null;
  canSign: boolean;
  needsResign: boolean;
  permitRequired: boolean;
  permitSigned: boolean;
  history: Pick<HistoryEntry, 'at' | 'status' | 'byName' | 'note'>[];
}

export interface ChildEnrollment {
  studentId: string;
  name: string;
  className: string;
  schoolId: string;
  schoolName: string;
  bindingStatus: GuardianshipStatus;
  termId: string | null;
  termName: string | null;
  /** The school has a published plan to enrol into this term. */
  open: boolean;
  application: ApplicationView | null;
}

export interface ApplicationForm {
  student: { studentId: string; name: string; className: string; schoolId: string; schoolName: string };
  term: { termId: string; name: string };
  publication: {
    publicationId: string;
    version: number;
    weekdays: Weekday[];
    start: string;
    end: string;
    items: (Pick<PlanItem, 'id' | 'kind' | 'name' | 'description' | 'weekdays' | 'capacity'> & { seatsTaken?: number })[];
    pickupTime: string;
    pickupArrangement: string;
    feeLines: { label: string; text: string }[];
  };
  application: ApplicationView | null;
  /** The declared hardship, shown back only to the guardian who declared it (a co-guardian sees `application.hardshipDeclared`). */
  hardship: { kind: HardshipKind; note: string } | null;
  /** The guardian filling the form, as they bound (offered as the first pick-up adult). */
  me: { name: string; relation: string; phone: string };
}

/** An application as the class teacher or the school admin sees it (with hardship: staff only). */
export interface StaffApplicationRow {
  applicationId: string;
  studentId: string;
  studentName: string;
  classId: string;
  className: string;
  status: ApplicationStatus;
  statusLabel: string;
  revision: number;
  days: Weekday[];
  items: ItemView[];
  pickupSummary: string;
  hardship: { kind: HardshipKind; label: string; note: string } | null;
  appliedByName: string;
  updatedAt: string;
  returnReason?: string;
  listedUntil?: string;
  listFixed: boolean;
  withdrawal?: Pick<WithdrawalRequest, 'effectiveDate' | 'reason' | 'requestedAt'>;
  signedVersion: number | null;
}

export interface PendingBinding {
  /** An opaque reference (bindingRef), not the guardianship's id: the teacher never sees openids. */
  guardianshipId: string;
  studentId: string;
  studentName: string;
  studentNo: string;
  guardianName: string;
  relation: string;
  phone: string | null;
  /** The phone is on the school's roster for this child. */
  rosterMatch: boolean;
  requestedAt: string | null;
}

export interface ClassQueue {
  classId: string;
  className: string;
  schoolId: string;
  termId: string | null;
  bindCode: string;
  bindings: PendingBinding[];
  /** How many of the class's applications are in each status (the rows come page by page: listClassApplications). */
  counts: Partial<Record<ApplicationStatus, number>>;
  total: number;
}

export interface ListingView {
  listingId: string;
  postedAt: string;
  listingDays: number;
  listedUntil: string;
  count: number;
  fixed: boolean;
  /** The listing period is over: the list can be fixed. */
  canFix: boolean;
}

export interface ClubView {
  itemId: string;
  name: string;
  capacity: number;
  taken: number;
  waiting: number;
}

export interface SchoolQueue {
  schoolId: string;
  schoolName: string;
  termId: string;
  termName: string;
  open: boolean;
  /** How many applications are in each status (the rows come page by page: listSchoolApplications). */
  counts: Partial<Record<ApplicationStatus, number>>;
  total: number;
  /** The school's classes, to filter the lists by. */
  classes: { classId: string; className: string }[];
  /** The server's time of this answer: a bulk approval takes what was waiting then (approveWaiting's asOf). */
  asOf: string;
  /** The newest listing batches (at most 20). */
  listings: ListingView[];
  clubs: ClubView[];
}

export interface RosterImportReport {
  rowsRead: number;
  rowsTaken: number;
  studentsCreated: number;
  studentsUpdated: number;
  contactsAdded: number;
  problems: RosterProblem[];
  fileError?: string;
  /** The import runs as a job (absent when the file could not be read): advance it until done; the counts are its figures so far. */
  job?: JobView;
}

export interface BindResult {
  guardianshipId: string;
  status: GuardianshipStatus;
  studentName: string;
  className: string;
  /** true when this call created nothing (a retry, or already bound). */
  existing: boolean;
}

export interface EnrolmentEntry {
  schoolId: string;
  schoolName: string;
  termId: string | null;
  termName: string | null;
  open: boolean;
  signedIn: boolean;
  children: { studentId: string; name: string; className: string; bindingStatus: GuardianshipStatus; status: ApplicationStatus | null }[];
}

/** What waits for a teacher or an admin (home page counts). */
export interface EnrollmentTasks {
  pendingBindings: number;
  toReview: number;
  toApprove: number;
  toList: number;
  listingsToFix: number;
  withdrawals: number;
}

/** An application as it stands after a guardian's change (resubmitted, cancelled, withdrawal asked). */
export interface ApplicationAnswer {
  application: ApplicationView;
}

export interface SubmittedApplication extends ApplicationAnswer {
  /** true when this call created nothing (a retry or a double tap answers with the first). */
  existing: boolean;
}

export interface BindingDecision {
  /** The opaque reference the decision was made on (bindingRef). */
  guardianshipId: string;
  status: GuardianshipStatus;
}

/** Where a review left the application. */
export interface ReviewResult {
  applicationId: string;
  status: ApplicationStatus;
  revision: number;
}

/** A club place given on approval: a seat, or a waiting-list place with its position. */
export interface ClubPlacement {
  itemId: string;
  placement: 'placed' | 'waiting';
  position?: number;
}

export interface ApprovalResult extends ReviewResult {
  placements: (ClubPlacement & { name: string })[];
}

export interface PostedListing {
  listingId: string;
  /** Listed so far (all of them once `job.state` is done). */
  count: number;
  listedUntil: string;
  /** The posting runs as a job: advance it (enrollment.advanceJob) until done. */
  job: JobView;
}

export interface FixedListing {
  listingId: string;
  fixedAt: string;
  /** Applications fixed by this call (0 for a list fixed before). */
  count: number;
  /** Fixing (and telling the parents) runs as a job: advance it until done. */
  job: JobView;
}

export interface WithdrawalDecision {
  applicationId: string;
  status: ApplicationStatus;
  /** Applications given a club place freed by the withdrawal. */
  promoted: string[];
  /** What approving did to the money (null when declined). */
  settlement: WithdrawalSettlementView | null;
}

/** The hardship declared with an application, for its class teacher and its school's admins only. */
export type HardshipDetail = { declared: false } | { declared: true; kind: HardshipKind; label: string; note: string; declaredAt: string };

/** The class teacher's review of a whole class: how many passed and were sent back, and those that had changed (refresh and look again). */
export interface ClassReviewResult {
  passed: number;
  returned: number;
  /** Applications that changed since the teacher saw them (or were already reviewed): nothing was done to them. */
  changed: string[];
}

/** One step of the school's bulk approval: call again while `done` is false. */
export interface BulkApprovalStep {
  /** Approved by this step. */
  approved: number;
  /** Given their club places (or waiting-list places) by this step. */
  placed: number;
  /** Still waiting for approval in the scope (as of the desk's time). */
  remaining: number;
  done: boolean;
  /** The job the approval runs as (its progress bar). */
  job: JobView;
}

import type { Guardianship } from '../domain/people';
import type { Weekday } from '../domain/plan';
import { HARDSHIP_LABELS, type Hardship } from '../policy/domain';
import type { ApplicationStatus } from './status';

/** Hardship kinds a parent may declare: the policy engine's vocabulary, without 'none'. */
export const HARDSHIP_KINDS = ['registered-poor', 'subsistence', 'other'] as const satisfies readonly Exclude<Hardship, 'none'>[];
export type HardshipKind = (typeof HARDSHIP_KINDS)[number];
export const HARDSHIP_KIND_LABELS: Record<HardshipKind, string> = {
  'registered-poor': HARDSHIP_LABELS['registered-poor'],
  subsistence: HARDSHIP_LABELS.subsistence,
  other: HARDSHIP_LABELS.other,
};

export const WEEKDAY_LABELS: Record<Weekday, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五' };

/** A named adult who may collect the child. */
export interface Picker {
  name: string;
  relation: string;
  phone: string;
}

/** Who takes the child home: named adults, or the child goes home alone (needs the permit, 003 §七3). */
export type PickupArrangement = { mode: 'pickers'; pickers: Picker[] } | { mode: 'alone' };

/** What the parent chose: days, items and pick-up. Nothing is ever pre-selected. */
export interface EnrollmentChoices {
  days: Weekday[];
  itemIds: string[];
  pickup: PickupArrangement;
}

export interface HistoryEntry {
  at: string; // ISO
  status: ApplicationStatus;
  by: string; // openid
  byName: string;
  note?: string;
}

/**
 * One child's application for one term: `${studentId}:${termId}`, so a retry or a double tap can
 * never create a second one. Carries no hardship information (see HardshipDeclaration). The public
 * list reads `studentName` and `className` of applications in listed/signed/active (masked).
 */
export interface ApplicationDoc extends EnrollmentChoices {
  _id: string;
  studentId: string;
  studentName: string;
  classId: string;
  className: string;
  schoolId: string;
  termId: string;
  publicationId: string;
  status: ApplicationStatus;
  /** Bumped on every write; every update is conditional on it and on the status. */
  revision: number;
  appliedBy: string;
  appliedByName: string;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
  returnReason?: string;
  /** Public listing (公示): the batch, its end, and whether the school fixed the list. */
  listingId?: string;
  listedUntil?: string;
  listFixed?: boolean;
  withdrawal?: WithdrawalRequest;
  /** Latest signed agreement template version (0 or absent: none). */
  signedVersion?: number;
  /** The go-home-alone permit is signed (only relevant when pickup.mode is 'alone'). */
  permitSigned?: boolean;
  /** 1, then +1 each time the child re-joins after withdrawing in the same term (new signatures). */
  round?: number;
  /** The bulk decision that last moved it (moveApplications): how a retry of that decision finds what it moved. */
  lastBatch?: string;
  /** Approved in bulk, its club places not yet given (the next step of the bulk approval gives them first). */
  clubsPending?: boolean;
}

/** Signature ids: `${applicationId}:v${n}` and `${applicationId}:permit` (re-joining: `:r2:` before). */
export function signatureId(app: Pick<ApplicationDoc, '_id' | 'round'>, what: number | 'permit'): string {
  const round = app.round && app.round > 1 ? `:r${app.round}` : '';
  return `${app._id}${round}:${what === 'permit' ? 'permit' : `v${what}`}`;
}

export interface WithdrawalRequest {
  effectiveDate: string; // YYYY-MM-DD
  reason: string;
  requestedAt: string;
  requestedBy: string;
  previousStatus: ApplicationStatus;
  decidedAt?: string;
  decision?: 'approved' | 'rejected';
  note?: string;
}

/**
 * Hardship declared with an application, kept apart from it (id = application id) so that no
 * list, public page or other parent can ever reach it: only the school's admins and the child's
 * class teacher read it (sensitive personal information under PIPL).
 */
export interface HardshipDeclaration {
  _id: string;
  applicationId: string;
  studentId: string;
  schoolId: string;
  classId: string;
  termId: string;
  kind: HardshipKind;
  note: string;
  declaredBy: string;
  declaredAt: string;
}

export interface ClubPlace {
  applicationId: string;
  studentId: string;
  at: string; // ISO: when the place (or the waiting-list place) was given
}

/**
 * One club's places for a term: `${termId}:${itemId}` in `clubSeats`. Changed only inside a
 * transaction on this one document, so places are given strictly in approval order, never beyond
 * capacity, and a freed place goes to the first on the waiting list at once.
 */
export interface ClubRosterDoc {
  _id: string;
  termId: string;
  schoolId: string;
  itemId: string;
  capacity: number;
  seats: ClubPlace[];
  waiting: ClubPlace[];
}

/** One posting of approved applications to the public list (公示). */
export interface ListingDoc {
  _id: string;
  schoolId: string;
  termId: string;
  postedAt: string;
  postedBy: string;
  listingDays: number;
  listedUntil: string;
  applicationIds: string[];
  fixedAt?: string;
  fixedBy?: string;
}

/** A guardian named on the school's roster: a parent who binds with this phone is flagged as a match. */
export interface GuardianContact {
  _id: string; // `${studentId}:${phone}`
  studentId: string;
  schoolId: string;
  classId: string;
  name: string;
  phone: string;
  importedAt: string;
}

/** A guardianship as binding writes it: the shared Guardianship plus when and how it was asked for. */
export interface GuardianshipRecord extends Guardianship {
  /** Opaque handle for the class teacher's decision (bindingRef); set on every request. */
  ref?: string;
  phone?: string;
  requestedAt?: string;
  decidedAt?: string;
  decidedBy?: string;
}

import type { ApplicationStatus } from '../enrollment/status';
import type { JobView } from '../jobs/types';
import type { SectionChange } from './diff';
import type { AgreementSection, EditableSection, VerificationResult } from './types';

/** What the agreement function answers (the client imports these types only). */

export interface SignatureSummary {
  signatureId: string;
  kind: 'agreement' | 'permit';
  version: number;
  signerName: string;
  signedAt: string;
  textHash: string;
  hasImage: boolean;
}

export interface SignableDocument {
  text: string;
  textHash: string;
}

export interface AgreementForApplication {
  applicationId: string;
  studentName: string;
  className: string;
  status: string;
  /** The current template (null: the school has not published one yet). */
  template: { templateId: string; version: number; planVersion: number | null } | null;
  /** The agreement filled with the child's choices, as it would be signed now. */
  agreement: SignableDocument | null;
  canSign: boolean;
  /** Why signing is not possible now (listing not over, not approved …). */
  reason: string | null;
  signedVersion: number | null;
  needsResign: boolean;
  /** Asked to sign again: what changed from the signed version, section by section (null otherwise). */
  changes: SectionChange[] | null;
  permit: { required: boolean; signed: boolean; canSign: boolean; document: SignableDocument | null };
  signatures: SignatureSummary[];
}

export interface SignatureDetail extends SignatureSummary {
  applicationId: string;
  studentName: string;
  text: string;
  imageUrl: string | null;
  verification: VerificationResult;
}

export interface TemplateDraft {
  schoolId: string;
  termId: string;
  schoolName: string;
  termName: string;
  /** null: there is no published plan to draw the agreement from. */
  publicationId: string | null;
  /** The plan version the agreement is drawn from (the one the bureau approved and the public page shows). */
  planVersion: number | null;
  currentVersion: number | null;
  /** The plan version the current agreement restates (null: none yet, or published before versions were recorded). */
  currentPlanVersion: number | null;
  sections: AgreementSection[];
  editable: Record<EditableSection, string>;
  /** Signatures of the current version only. */
  signedCount: number;
}

export interface PublishedTemplate {
  templateId: string;
  version: number;
  /** Children who signed an earlier version and now need to sign again (counted so far: all once the job is done). */
  needResign: number;
  /** Telling the families runs as a job: advance it (agreement.advanceJob) until done. */
  job: JobView;
}

/** The school's current agreement for a term, as anyone may read it: public text, no personal data. */
export interface PublicTemplate {
  templateId: string;
  version: number;
  planVersion: number | null;
  publishedAt: string;
  sections: AgreementSection[];
}

/** A signature made (or found made before: `existing`), and the application's status after it. */
export interface SignResult {
  signatureId: string;
  status: ApplicationStatus;
  existing: boolean;
}

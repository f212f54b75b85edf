import type { Weekday } from '../domain/plan';
import type { PickupArrangement } from '../enrollment/types';

/**
 * The agreement's sections (000 §四(五): management rules, service content, service form, pick-up
 * time and arrangement; 004 §四(三)3: rights and duties of school, staff, students, parents).
 * Plan-drawn sections come from the current publication and cannot be edited in the template: the
 * agreement says what the school disclosed. The school writes its management rules and the duties.
 */
export const SECTION_KEYS = [
  'rules',
  'content',
  'form',
  'pickup',
  'safety',
  'fees',
  'school-duties',
  'staff-duties',
  'student-duties',
  'parent-duties',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const EDITABLE_SECTIONS = ['rules', 'school-duties', 'staff-duties', 'student-duties', 'parent-duties'] as const;
export type EditableSection = (typeof EDITABLE_SECTIONS)[number];

export const SECTION_HEADINGS: Record<SectionKey, string> = {
  rules: '课后服务管理制度',
  content: '服务内容',
  form: '服务形式与时间',
  pickup: '接送时间与方式',
  safety: '安全保障',
  fees: '收费与退费',
  'school-duties': '学校的权利和义务',
  'staff-duties': '服务人员的权利和义务',
  'student-duties': '学生的权利和义务',
  'parent-duties': '家长的权利和义务',
};

export interface AgreementSection {
  key: SectionKey;
  heading: string;
  body: string;
}

/**
 * One published version of a school's agreement for a term: `${schoolId}:${termId}:v${version}`.
 * Never changes once written; `current` moves to the newest version. `contentHash` lets anyone
 * check the template itself was not altered after publication.
 */
export interface AgreementTemplateDoc {
  _id: string;
  schoolId: string;
  termId: string;
  version: number;
  current: boolean;
  publicationId: string;
  /** The plan version (filing number, the one the bureau approved and the public page shows) it restates; absent on older templates. */
  planVersion?: number;
  schoolName: string;
  termName: string;
  sections: AgreementSection[];
  contentHash: string;
  publishedAt: string;
  publishedBy: string;
}

/** The child's choices filled into the agreement. */
export interface AgreementFill {
  childName: string;
  className: string;
  guardianName: string;
  relation: string;
  days: Weekday[];
  items: { name: string; kind: 'basic' | 'club'; placement: 'basic' | 'placed' | 'waiting' }[];
  pickup: PickupArrangement;
}

export interface PermitFill {
  childName: string;
  className: string;
  schoolName: string;
  termName: string;
  guardianName: string;
  relation: string;
}

/** Version of the go-home-alone permit's wording (bump when the wording changes). */
export const PERMIT_TEXT_VERSION = 1;

/**
 * A signature: `${applicationId}:v${version}` for an agreement, `${applicationId}:permit` for the
 * go-home-alone permit. Holds the exact text signed, its sha256, what was filled in, who signed,
 * when and for which child. Never changes.
 */
export interface SignatureDoc {
  _id: string;
  kind: 'agreement' | 'permit';
  applicationId: string;
  studentId: string;
  schoolId: string;
  classId: string;
  termId: string;
  templateId: string | null;
  version: number;
  fill: AgreementFill | PermitFill;
  text: string;
  textHash: string;
  signerOpenid: string;
  signerName: string;
  signedAt: string;
  /** Handwritten signature image in cloud storage (required since signing needs it; null on older records). */
  imageFileId: string | null;
}

export interface VerificationCheck {
  label: string;
  ok: boolean;
}

export interface VerificationResult {
  valid: boolean;
  checks: VerificationCheck[];
}

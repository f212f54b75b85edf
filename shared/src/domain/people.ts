import type { Stage } from '../policy/domain';
import type { ProfileId } from './profile-id';

export type RoleKind = 'parent' | 'teacher' | 'admin' | 'committee' | 'bureau';

export type Role =
  | { kind: 'teacher'; schoolId: string; classIds: string[] }
  | { kind: 'admin'; schoolId: string }
  | { kind: 'committee'; schoolId: string }
  | { kind: 'bureau'; bureauId: string };

/** A user is keyed by their WeChat openid. Parents need no role: guardianships make them parents. */
export interface UserDoc {
  _id: string;
  name: string;
  phone?: string;
  roles: Role[];
  demo?: { label: string; order: number };
}

export interface School {
  _id: string;
  name: string;
  district: string;
  bureauId: string;
  bureauName: string;
  profileId: ProfileId;
  stages: Stage[];
  address?: string;
  phone?: string;
  /** The school's WeChat Pay sub-merchant (bound in the cloud console); absent: fees are paid at the office. */
  payMerchantId?: string;
  /** The service day's leave cut-off and pick-up margin (shared/src/serviceday; absent: the defaults). */
  serviceDay?: { leaveCutoff?: string; pickupMarginMinutes?: number };
}

/** The stages and their labels are the policy's vocabulary (shared/src/policy/domain.ts), defined once. */
export { STAGE_LABELS, STAGES, type Stage } from '../policy/domain';

export interface Term {
  _id: string;
  schoolId: string;
  name: string;
  startDate: string;
  endDate: string;
  current: boolean;
}

export interface ClassGroup {
  _id: string;
  schoolId: string;
  name: string;
  grade: number;
  stage: Stage;
  teacherOpenid: string;
  /** Shared by the class teacher in the class group; a parent needs it to bind to a child. */
  bindCode: string;
}

export interface Student {
  _id: string;
  schoolId: string;
  classId: string;
  name: string;
  studentNo: string;
}

export type GuardianshipStatus = 'pending' | 'confirmed' | 'rejected';

export interface Guardianship {
  /** `${studentId}:${openid}`: one binding per guardian and child. */
  _id: string;
  studentId: string;
  openid: string;
  schoolId: string;
  classId: string;
  guardianName: string;
  relation: string;
  status: GuardianshipStatus;
}

export const ROLE_LABELS: Record<RoleKind, string> = {
  parent: '家长',
  teacher: '班主任',
  admin: '学校管理员',
  committee: '家委会',
  bureau: '教育局审核员',
};

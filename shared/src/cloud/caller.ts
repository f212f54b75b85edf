import type { Role, UserDoc } from '../domain/people';
import { AppError, forbidden } from './errors';

/** Who is calling, as WeChat tells us: the openid comes from the WeChat context only. */
export class Caller {
  constructor(
    readonly openid: string | null,
    readonly user: UserDoc | null,
  ) {}

  requireSignedIn(): string {
    if (!this.openid) throw new AppError('NOT_SIGNED_IN', '请先登录');
    return this.openid;
  }

  roles<K extends Role['kind']>(kind: K): Extract<Role, { kind: K }>[] {
    return (this.user?.roles ?? []).filter((r): r is Extract<Role, { kind: K }> => r.kind === kind);
  }

  isAdminOf(schoolId: string): boolean {
    return this.roles('admin').some((r) => r.schoolId === schoolId);
  }

  isTeacherOf(classId: string): boolean {
    return this.roles('teacher').some((r) => r.classIds.includes(classId));
  }

  isCommitteeOf(schoolId: string): boolean {
    return this.roles('committee').some((r) => r.schoolId === schoolId);
  }

  isBureauOf(bureauId: string): boolean {
    return this.roles('bureau').some((r) => r.bureauId === bureauId);
  }

  /** Staff of a school: its admins, its class teachers and its parent committee. */
  isStaffOf(schoolId: string): boolean {
    return this.isAdminOf(schoolId) || this.isCommitteeOf(schoolId) || this.roles('teacher').some((r) => r.schoolId === schoolId);
  }

  requireAdminOf(schoolId: string): void {
    this.requireSignedIn();
    if (!this.isAdminOf(schoolId)) throw forbidden('只有本校管理员可以进行此操作');
  }

  requireTeacherOf(classId: string): void {
    this.requireSignedIn();
    if (!this.isTeacherOf(classId)) throw forbidden('只有本班班主任可以进行此操作');
  }
}

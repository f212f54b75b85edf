import type { GuardianshipStatus, RoleKind } from '../domain/people';
import type { EnrollmentTasks } from '../enrollment/views';

export interface HomeChild {
  studentId: string;
  name: string;
  className: string;
  schoolId: string;
  schoolName: string;
  bindingStatus: GuardianshipStatus;
}

/** What a home screen needs to know about the caller (enrollment.getHome). */
export interface HomeSummary {
  signedIn: boolean;
  name: string;
  roles: RoleKind[];
  children: HomeChild[];
  schools: { schoolId: string; name: string; profileId: string; as: RoleKind }[];
  classes: { classId: string; name: string; schoolId: string }[];
  bureauIds: string[];
  /** Staff only: what waits for the caller as class teacher (bindings, reviews) and school admin. */
  tasks?: EnrollmentTasks;
}

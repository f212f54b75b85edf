import type { ClassGroup, GuardianshipRecord } from '@kehou/shared';

/** A binding request the class teacher made for a child of their own class: the school's admin decides it, never the teacher. */
export function requestedByClassTeacher(guardianship: GuardianshipRecord, classes: ClassGroup[]): boolean {
  return classes.some((c) => c._id === guardianship.classId && c.teacherOpenid === guardianship.openid);
}

/**
 * The school's enrolment entry (parent/enrol), where the article and the enrolment cards lead: it
 * sends a parent on to binding, applying or their application. Without a term: the school's current one.
 */
export function enrolmentEntryPath(schoolId: string, termId?: string | null): string {
  return `parent/enrol/index?schoolId=${encodeURIComponent(schoolId)}${termId ? `&termId=${encodeURIComponent(termId)}` : ''}`;
}

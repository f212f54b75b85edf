import { api } from '../../../api';
import { useLoad } from '../../../api/use-call';
import { useParams } from '../../../ui/params';

/** The school (and optional term) the page is about: from the link, else the admin's first school. */
export function useSchoolId(): { schoolId: string | null; termId: string | undefined; loading: boolean } {
  const params = useParams();
  const home = useLoad(() => (params.schoolId ? Promise.resolve(null) : api.enrollment.getHome()), [params.schoolId]);
  const fromHome = home.data?.schools.find((s) => s.as === 'admin')?.schoolId ?? null;
  return { schoolId: params.schoolId ?? fromHome, termId: params.termId || undefined, loading: !params.schoolId && home.loading };
}

export const query = (schoolId: string, termId?: string) => `schoolId=${encodeURIComponent(schoolId)}${termId ? `&termId=${encodeURIComponent(termId)}` : ''}`;

import { maskName, PUBLIC_LIST_STATUSES } from '@kehou/shared';
import { type ActionContext, getAll, implement, notFound, readPage } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { diffPlanContent, publicTermPath } from '@kehou/shared/disclosure';
import { formatCitation } from '@kehou/shared/policy';
import { loadPublications, loadSchoolTerm } from '../lib/load';

/**
 * The public page of a school's term, open to anyone without signing in: the current (or an
 * earlier) publication, the version history with what changed, and the enrolled list with
 * masked names and class only. Publications carry no personal data of children or parents.
 */
export const getPublicTerm = implement(disclosureContract.actions.getPublicTerm, async (ctx, input) => {
  const { schoolId, termId, version } = input;
  const st = await loadSchoolTerm(ctx, schoolId, termId);
  const publications = await loadPublications(ctx, schoolId, termId);
  const shown = version === undefined ? (publications.find((p) => p.current) ?? null) : (publications.find((p) => p.version === version) ?? null);
  if (version !== undefined && !shown) throw notFound(`第 ${version} 版公开方案`);
  // Versions are filing numbers: the one before is the latest published earlier (a returned filing leaves a gap).
  const previous = shown ? publications.filter((p) => p.version < shown.version).at(-1) : undefined;
  const [list, classes] = await Promise.all([
    shown ? maskedEnrolledList(ctx, input) : { rows: [], total: 0, nextSkip: null },
    getAll<{ _id: string; name: string }>(ctx.collection('classes').where({ schoolId }).field({ _id: true, name: true })),
  ]);
  return {
    schoolName: st.school.name,
    termName: st.term.name,
    profileName: st.profile.name,
    publication: shown,
    versions: publications.map((p) => ({ version: p.version, publishedAt: p.publishedAt, current: p.current })),
    previousVersion: previous?.version ?? null,
    changesFromPrevious: shown && previous ? diffPlanContent(previous.content, shown.content) : [],
    enrolled: list.rows,
    enrolledTotal: list.total,
    enrolledNextSkip: list.nextSkip,
    classes: classes.map((c) => ({ classId: c._id, className: c.name })).sort((a, b) => classOrder(a.className).localeCompare(classOrder(b.className))),
    disclosureItems: st.profile.disclosureItems.map((d) => ({ key: d.key, label: d.label, citation: formatCitation(d.citation) })),
    sharePath: publicTermPath(schoolId, termId),
  };
});

/**
 * One page of the list, class and masked name only: never ids, guardians or hardship. By class
 * then name as the database orders them (a page of one class when asked).
 */
async function maskedEnrolledList(ctx: ActionContext, input: { schoolId: string; termId: string; classId?: string; skip: number; limit: number }) {
  const where = {
    schoolId: input.schoolId,
    termId: input.termId,
    status: ctx._.in([...PUBLIC_LIST_STATUSES]),
    ...(input.classId ? { classId: input.classId } : {}),
  };
  const page = await readPage<{ studentName?: string; className?: string }>(
    ctx.collection('applications'),
    where,
    [
      ['className', 'asc'],
      ['studentName', 'asc'],
    ],
    input,
  );
  return { ...page, rows: page.rows.map((a) => ({ className: String(a.className ?? ''), name: maskName(String(a.studentName ?? '')) })) };
}

const NUMERALS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 三年级(2)班 sorts as 3年级(02)班: grades and class numbers in numeric order. */
function classOrder(className: string): string {
  return className.replace(/[一二三四五六七八九]/g, (c) => NUMERALS[c]).replace(/\d+/g, (n) => n.padStart(3, '0'));
}
